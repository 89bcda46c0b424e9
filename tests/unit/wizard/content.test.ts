// The wizard's wording and outcomes against the machine, the content plan and the guide's pages.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copy } from '../../../src/wizard/copy.ts';
import { LEAVES, WIZARD } from '../../../src/wizard/machine.ts';
import { FIX_SLUGS, FIX_TABS, reachedFixes } from '../../../src/wizard/outcomes.ts';

const root = new URL('../../../', import.meta.url).pathname;
const questionIds = [...WIZARD.steps.values()].filter((s) => s.kind === 'question').map((s) => s.id);
const tries = Object.values(LEAVES).flat();
const usedCauses = [...new Set(tries.map(([, c]) => c))];

/** Rows of the markdown table that follows a heading in docs/content-plan.md. */
function table(heading: string): string[][] {
  const md = readFileSync(join(root, 'docs/content-plan.md'), 'utf8');
  const start = md.indexOf(heading);
  if (start < 0) throw new Error(`content plan has no section "${heading}"`);
  const rows = md.slice(start).split('\n').slice(1);
  const out: string[][] = [];
  for (const line of rows) {
    if (line.startsWith('## ')) break;
    if (!line.startsWith('|') || /^\|[-| ]+\|$/.test(line)) continue;
    out.push(line.split('|').slice(1, -1).map((c) => c.trim()));
  }
  return out.slice(1); // header row
}
const list = (cell: string | undefined) => (cell ?? '').split(',').map((s) => s.trim()).filter((s) => s && s !== '—');
const planCauses = new Map(table('## Causes').map(([slug, fixes]) => [slug ?? '', list(fixes)]));
const planFixes = new Map(
  [...table('## Fixes for people'), ...table('## Fixes for developers'), ...table('## Fixes for server operators')].map(([slug, tabs, causes]) => [
    slug ?? '',
    { tabs: list(tabs), causes: list(causes) },
  ]),
);

/** Every article slug in content/articles (file name = slug). */
function articleSlugs(dir = join(root, 'content/articles')): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return articleSlugs(p);
    return /\.mdx?$/.test(name) ? [name.replace(/\.mdx?$/, '')] : [];
  });
}

describe('wizard wording (content/wizard)', () => {
  it('has a question for every question state, and no question without a state', () => {
    expect(Object.keys(copy.questions).sort()).toEqual([...questionIds].sort());
  });

  it('has a label for every answer of every question, and no label without an answer', () => {
    for (const id of questionIds) {
      const step = WIZARD.stepOf(id);
      if (step.kind !== 'question') continue;
      expect(Object.keys(copy.questions[id]?.a ?? {}), id).toEqual(step.answers.map((a) => a.answer));
    }
  });

  it('keeps labels plain and short labels short', () => {
    for (const [id, q] of Object.entries(copy.questions)) {
      expect(q.q.length, id).toBeLessThanOrEqual(110);
      for (const [a, { label, short }] of Object.entries(q.a)) {
        expect(label.length, `${id}.${a}`).toBeLessThanOrEqual(160);
        expect(short.length, `${id}.${a}`).toBeLessThanOrEqual(40);
      }
    }
  });

  it('words every fix and cause the outcomes name, and nothing else', () => {
    expect(Object.keys(copy.fixes).sort()).toEqual([...FIX_SLUGS].sort());
    expect(Object.keys(copy.causes).sort()).toEqual([...planCauses.keys()].sort());
  });
});

describe('wizard outcomes against docs/content-plan.md', () => {
  it('knows every fix and server page of the plan, with the same tab sets', () => {
    expect([...FIX_SLUGS].sort()).toEqual([...planFixes.keys()].sort());
    for (const [slug, { tabs }] of planFixes) expect([...(FIX_TABS[slug] ?? [])], slug).toEqual(tabs);
  });

  it('reaches every fix and server page by some path', () => {
    expect([...reachedFixes(LEAVES)].sort()).toEqual([...planFixes.keys()].sort());
  });

  it('covers every cause of the plan', () => {
    expect([...usedCauses].sort()).toEqual([...planCauses.keys()].sort());
  });

  it('pairs each fix with a cause it addresses (per the plan, in either direction)', () => {
    for (const [fix, cause] of tries) {
      const ok = planFixes.get(fix)?.causes.includes(cause) || planCauses.get(cause)?.includes(fix);
      expect(ok, `${fix} for ${cause}`).toBe(true);
    }
  });
});

describe('wizard outcomes against content/articles (the guide)', () => {
  // The fix and cause pages are written in parallel; until they are merged this lists what is missing.
  it('links only to pages that exist', () => {
    const have = new Set(articleSlugs());
    const missing = [...new Set([...reachedFixes(LEAVES), ...usedCauses])].filter((s) => !have.has(s)).sort();
    expect(missing, `missing in content/articles: ${missing.join(', ')}`).toEqual([]);
  });

  it('reaches every fix and server page in content/articles', () => {
    const reached = new Set(reachedFixes(LEAVES));
    const pages = articleSlugs().filter((slug) => {
      const file = readdirSync(join(root, 'content/articles'), { recursive: true, encoding: 'utf8' }).find((f) => f.endsWith(`/${slug}.mdx`) || f === `${slug}.mdx`);
      const text = file ? readFileSync(join(root, 'content/articles', file), 'utf8') : '';
      return /^type:\s*(fix|server)\s*$/m.test(text);
    });
    const unreached = pages.filter((p) => !reached.has(p));
    expect(unreached, `fix pages no wizard path leads to: ${unreached.join(', ')}`).toEqual([]);
  });
});
