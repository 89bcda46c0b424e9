// Content integrity: the registry builds from content/ (the real schema, every cross-reference,
// cause ↔ fix both ways, the wizard tree) and the generated files are fresh; then, per page, the
// body structure the schema cannot see: the fixed outline, complete tab sets, no headings in panels.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { build, OUT_JSON, OUT_STEPS, OUT_TS, OUT_WORDS } from '../../scripts/registry.ts';
import { TAB_SETS, isTabSet } from '../../src/lib/tabs.ts';
import { ACTION_FIRST, OUTLINES } from '../../src/registry/outlines.ts';
import { h2s, list, loadPages, tabGroups, withoutCode, wordCount } from './content.ts';

const pages = loadPages();
const today = new Date().toISOString().slice(0, 10);

describe('the registry', () => {
  const built = build();
  it('builds from content/ without problems, and the committed files are fresh (run npm run registry)', () => {
    expect(readFileSync(OUT_TS, 'utf8') === built.ts, 'src/registry/registry.gen.ts is stale: run npm run registry').toBe(true);
    expect(readFileSync(OUT_JSON, 'utf8') === built.json, 'src/registry/knowledge.gen.json is stale: run npm run registry').toBe(true);
    expect(readFileSync(OUT_WORDS, 'utf8') === built.words, 'src/registry/words.gen.json is stale: run npm run registry').toBe(true);
    expect(readFileSync(OUT_STEPS, 'utf8') === built.steps, 'src/registry/steps.gen.ts is stale: run npm run registry').toBe(true);
  });
});

describe.each(pages.map((p) => [p.file, p] as const))('%s', (_file, page) => {
  const { data } = page;
  const type = String(data['type']);

  it('lists primary sources and a reviewed date', () => {
    const sources = data['sources'];
    expect(Array.isArray(sources) && sources.length > 0, 'sources: needs at least one { title, url }').toBe(true);
    for (const s of sources as Array<Record<string, unknown>>) {
      expect(String(s['title'] ?? '').length, `source without a title: ${JSON.stringify(s)}`).toBeGreaterThanOrEqual(3);
      expect(String(s['url'] ?? ''), `source url must be https: ${JSON.stringify(s)}`).toMatch(/^https:\/\/[^\s/]+\.[^\s]+$/);
    }
    const reviewed = data['reviewed'];
    const iso = reviewed instanceof Date ? reviewed.toISOString().slice(0, 10) : String(reviewed);
    expect(iso, 'reviewed: must be a date like 2026-11-28').toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Number.isNaN(Date.parse(iso)), `reviewed: ${iso} is not a real date`).toBe(false);
    expect(iso <= today, `reviewed: ${iso} is in the future`).toBe(true);
  });

  const outline = OUTLINES[type as keyof typeof OUTLINES];
  if (outline) {
    it(`follows the ${type} outline in order: ${outline.join(' → ')}`, () => {
      const found = h2s(page.body);
      let at = -1;
      for (const heading of outline) {
        const i = found.indexOf(heading, at + 1);
        expect(i, `missing or out of order: "## ${heading}" (h2s found: ${found.join(' | ')})`).toBeGreaterThan(at);
        at = i;
      }
    });
  }

  const lead = ACTION_FIRST[type as keyof typeof ACTION_FIRST];
  if (lead) {
    it(`leads with the action: "${lead.first}" (short), then "${lead.then}", explanations after`, () => {
      const body = withoutCode(page.body);
      const heads = [...body.matchAll(/^##[ \t]+(.+?)[ \t]*$/gm)];
      const [first, then] = heads;
      expect(first?.[1], `the first h2 must be "## ${lead.first}"`).toBe(lead.first);
      expect(then?.[1], `"## ${lead.then}" must come right after "## ${lead.first}"`).toBe(lead.then);
      const intro = wordCount(body.slice(0, first!.index));
      expect(intro, `${intro} words before "## ${lead.first}": move the explanation after the steps`).toBeLessThanOrEqual(lead.maxIntroWords);
      const before = wordCount(body.slice(0, then!.index));
      expect(before, `${before} words before "## ${lead.then}": keep "${lead.first}" to a sentence or two, move the rest after the steps`).toBeLessThanOrEqual(
        lead.maxLeadWords,
      );
      const steps = body.slice(then!.index + then![0].length);
      const start = steps.search(/^(?:<Tabs|<Steps|\d+\.\s|###)/m);
      const stepsIntro = wordCount(steps.slice(0, start < 0 ? 0 : start));
      expect(stepsIntro, `${stepsIntro} words between "## ${lead.then}" and the first steps: version notes go after them`).toBeLessThanOrEqual(
        lead.maxStepsIntroWords,
      );
    });
  }

  it('keeps separate choices in separate lists (no "All sites" step after "this site" steps)', () => {
    const mixed = [...withoutCode(page.body).matchAll(/^[ \t]*([2-9]|\d{2,})\.[ \t]+(?:\*\*)?All sites\b.*$/gim)].map((m) => m[0].trim());
    expect(mixed, 'start a separate "All sites" list instead').toEqual([]);
  });

  it('gives every panel of each tab set it uses, and declares exactly those sets', () => {
    const groups = tabGroups(page.body);
    const declared = list(data['tabs']);
    for (const g of groups) {
      expect(isTabSet(g.set), `line ${g.line}: <Tabs set="${g.set}"> is not a tab set`).toBe(true);
      if (!isTabSet(g.set)) continue;
      const want: string[] = TAB_SETS[g.set].map((t) => t.id);
      expect(want.filter((id) => !g.ids.includes(id)), `line ${g.line}: <Tabs set="${g.set}"> is missing panels`).toEqual([]);
      expect(g.ids.filter((id) => !want.includes(id)), `line ${g.line}: panels not in the "${g.set}" set`).toEqual([]);
      expect(g.ids.length, `line ${g.line}: a panel id is repeated`).toBe(new Set(g.ids).size);
    }
    const used = [...new Set(groups.map((g) => g.set))];
    expect(used.sort(), 'tabs: in front matter must list exactly the sets the page uses').toEqual([...declared].sort());
    // Every <TabPanel> must sit inside a <Tabs>, or it renders without a tab.
    const panelTags = withoutCode(page.body).match(/<TabPanel\b/g)?.length ?? 0;
    expect(panelTags, '<TabPanel> outside <Tabs>').toBe(groups.reduce((n, g) => n + g.panels.length, 0));
  });

  it('has no headings inside tab panels', () => {
    for (const g of tabGroups(page.body)) {
      for (const p of g.panels) {
        expect(withoutCode(p.body), `panel "${p.id}" (tabs at line ${g.line}) contains a heading`).not.toMatch(/^[ \t]*#{1,6}[ \t]|<h[1-6][\s>]/m);
      }
    }
  });

  it('wraps an ordered list in every <Steps>', () => {
    for (const m of withoutCode(page.body).matchAll(/<Steps[^>]*>([\s\S]*?)<\/Steps>/g)) {
      expect((m[1] ?? '').trimStart(), '<Steps> must start with "1. "').toMatch(/^1\.\s/);
    }
  });
});

describe('slugs', () => {
  it('are unique across folders (the file name is the URL)', () => {
    const seen = new Map<string, string>();
    for (const p of pages) {
      expect(seen.get(p.slug), `${p.file} and ${seen.get(p.slug)} share the slug ${p.slug}`).toBeUndefined();
      seen.set(p.slug, p.file);
    }
  });
});
