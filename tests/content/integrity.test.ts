// Content integrity over whatever articles exist: the cause ↔ fix graph, sources and review dates,
// cross-link targets, the fixed outline per page type, and complete tab sets. Pages that the
// registry (docs/content-plan.md) lists but that are not written yet are "pending": a link to one
// is not an error here — registry.test.ts reports every pending page on its own.
import { describe, expect, it } from 'vitest';
import { TAB_SETS, isTabSet } from '../../src/lib/tabs.ts';
import { articleTypes, h2s, list, loadOutlines, loadPages, loadRegistry, tabGroups, withoutCode } from './content.ts';

const pages = loadPages();
const registry = loadRegistry();
const outlines = loadOutlines();
const bySlug = new Map(pages.map((p) => [p.slug, p]));
const registered = new Map(registry.map((r) => [r.slug, r]));
const FIX_TYPES = new Set(['fix', 'server']);

/** A slug is fine if its page exists, or if the registry promises it (then it is pending). */
const unknown = (slugs: string[]) => slugs.filter((s) => !bySlug.has(s) && !registered.has(s));
/** A cause's fixes: from its page when written, else from the registry row standing in for it. */
const fixesOf = (cause: string) => (bySlug.has(cause) ? list(bySlug.get(cause)?.data['fixes']) : (registered.get(cause)?.fixes ?? []));
const causesOf = (fix: string) => (bySlug.has(fix) ? list(bySlug.get(fix)?.data['causes']) : (registered.get(fix)?.causes ?? []));
const causeSlugs = new Set([...pages.filter((p) => p.data['type'] === 'cause').map((p) => p.slug), ...registry.filter((r) => r.type === 'cause').map((r) => r.slug)]);
const today = new Date().toISOString().slice(0, 10);

describe('the content tests can see the content', () => {
  it('finds articles and a registry with every page type the plan uses', () => {
    expect(pages.length).toBeGreaterThan(0);
    expect(registry.length).toBeGreaterThan(40);
    expect(new Set(registry.map((r) => r.type))).toEqual(new Set(['concept', 'compare', 'platform', 'prevention', 'faq', 'method', 'cause', 'fix', 'server']));
    expect([...outlines.keys()].sort()).toEqual(['cause', 'fix', 'method', 'server']);
  });

  it('every registry fix lists causes and every registry cause lists fixes, both ways', () => {
    for (const r of registry) {
      if (r.type === 'cause') {
        expect(r.fixes.length, `registry: cause ${r.slug} has no fixes`).toBeGreaterThan(0);
        for (const f of r.fixes) expect(registered.get(f)?.causes, `registry: ${f} should list cause ${r.slug}`).toContain(r.slug);
      }
      if (FIX_TYPES.has(r.type)) {
        expect(r.causes.length, `registry: fix ${r.slug} has no causes`).toBeGreaterThan(0);
        for (const c of r.causes) expect(registered.get(c)?.fixes, `registry: cause ${c} should list fix ${r.slug}`).toContain(r.slug);
      }
    }
  });
});

describe.each(pages.map((p) => [p.file, p] as const))('%s', (_file, page) => {
  const { data, slug } = page;
  const type = String(data['type']);

  it('has a known type that matches the registry (type and folder)', () => {
    expect(articleTypes()).toContain(type);
    const row = registered.get(slug);
    if (row) {
      expect(type, `registry says ${slug} is a ${row.type}`).toBe(row.type);
      expect(page.folder, `registry puts ${slug} in content/articles/${row.folder}/`).toBe(row.folder);
    }
  });

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

  it('links only to pages that exist or are registered (related, fixes, causes)', () => {
    for (const field of ['related', 'fixes', 'causes'] as const) {
      expect(unknown(list(data[field])), `${field}: no such page and not in docs/content-plan.md`).toEqual([]);
      expect(list(data[field]), `${field}: must not list the page itself`).not.toContain(slug);
    }
  });

  if (type === 'cause') {
    it('has at least one fix, each a fix or server page that lists this cause back', () => {
      const fixes = list(data['fixes']);
      expect(fixes.length, 'fixes: a cause page must name at least one fix').toBeGreaterThan(0);
      for (const f of fixes) {
        const fix = bySlug.get(f);
        if (fix) expect(FIX_TYPES.has(String(fix.data['type'])), `${f} is not a fix or server page`).toBe(true);
        expect(causesOf(f), `${f} should list ${slug} in its causes:`).toContain(slug);
      }
    });
  } else {
    it('lists fixes only if it is a cause page', () => expect(list(data['fixes'])).toEqual([]));
  }

  if (FIX_TYPES.has(type)) {
    it('names its causes, each a cause page that lists this fix back', () => {
      const causes = list(data['causes']);
      expect(causes.length, 'causes: a fix page must name the causes it resolves').toBeGreaterThan(0);
      for (const c of causes) {
        const cause = bySlug.get(c);
        if (cause) expect(cause.data['type'], `${c} is not a cause page`).toBe('cause');
        expect(fixesOf(c), `${c} should list ${slug} in its fixes:`).toContain(slug);
      }
    });

    it('is reached from at least one cause', () => {
      expect([...causeSlugs].filter((c) => fixesOf(c).includes(slug)), `no cause lists ${slug} in its fixes:`).not.toEqual([]);
    });
  } else {
    it('lists causes only if it is a fix or server page', () => expect(list(data['causes'])).toEqual([]));
  }

  const outline = outlines.get(type);
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
    const required = registered.get(slug)?.tabs ?? [];
    expect(required.filter((s) => !used.includes(s)), `docs/content-plan.md requires these tab sets on ${slug}`).toEqual([]);
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
