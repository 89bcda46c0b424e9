// The wizard's wording and outcomes against the machine and the registry (the guide's pages).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { copy } from '../../../src/wizard/copy.ts';
import { CAUSES, FIXES, SERVICES } from '../../../src/registry/registry.gen.ts';
import { TREE, WIZARD } from '../../../src/wizard/wizard.ts';
import { FIX_SLUGS, reachedFixes } from '../../../src/wizard/outcomes.ts';

const questionIds = [...WIZARD.steps.values()].filter((s) => s.kind === 'question').map((s) => s.id);
const tries = Object.values(TREE.leaves).flat();
const usedCauses = new Set(tries.map(([, c]) => c));

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

  it('words every fix and cause page', () => {
    expect(Object.keys(copy.fixes).sort()).toEqual([...FIX_SLUGS].sort());
    expect(Object.keys(copy.causes).sort()).toEqual(Object.keys(CAUSES).sort());
  });
});

describe('wizard outcomes against the registry', () => {
  it('reaches every fix and server page by some path', () => {
    const unreached = Object.keys(FIXES).filter((f) => !reachedFixes(TREE.leaves).includes(f as keyof typeof FIXES));
    expect(unreached, `fix pages no wizard path leads to`).toEqual([]);
  });

  it('addresses every cause page on some path (offered as the cause of a try, or resolved by an offered fix page)', () => {
    const covered = new Set([...usedCauses, ...tries.flatMap(([fix]) => FIXES[fix].causes)]);
    const unoffered = Object.keys(CAUSES).filter((c) => !covered.has(c as keyof typeof CAUSES));
    expect(unoffered, 'cause pages no wizard path addresses').toEqual([]);
  });

  it('pairs each fix with a cause it addresses', () => {
    for (const [fix, cause] of tries) expect(CAUSES[cause].fixes, `${fix} for ${cause}`).toContain(fix);
  });
});

describe('a service’s “which message” question (generated from its error texts)', () => {
  // Each service page's error texts as its front matter lists them (the knowledge file leaves out
  // the vague ones, which these questions still offer for a visitor to recognise).
  type Err = { cause: string; tier?: string };
  const read = new Map<string, Err[]>();
  const errorsOf = (slug: string): Err[] => {
    let errors = read.get(slug);
    if (!errors) {
      const front = readFileSync(new URL(`../../../content/articles/services/${slug}.mdx`, import.meta.url), 'utf8').split(/^---$/m)[1] ?? '';
      read.set(slug, (errors = (parseYaml(front) as { errors?: Err[] }).errors ?? []));
    }
    return errors;
  };
  // A message whose every text the page marks with a confidence ceiling names no reason.
  const vague = (slug: string, cause: string) => errorsOf(slug).every((e) => e.cause !== cause || e.tier !== undefined);
  // The picker answer that leads to each message question names the service.
  const serviceOf = (q: string) => Object.values(TREE.questions).flatMap((answers) => Object.entries(answers)).find(([, to]) => to === q)?.[0] ?? '';
  const slugOf = (camel: string) => Object.keys(SERVICES).find((s) => s.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase()) === camel);

  it('is asked for every picked service whose error texts name two causes or more, and only then', () => {
    for (const [picker, answers] of Object.entries(TREE.questions)) {
      if (!/Which$/.test(picker)) continue;
      for (const [a, to] of Object.entries(answers)) {
        const slug = slugOf(a);
        if (!slug) continue;
        const causes = new Set(errorsOf(slug).map((e) => e.cause));
        expect(TREE.messages.includes(to), `${picker}.${a}`).toBe(causes.size >= 2);
      }
    }
    expect(TREE.messages.length).toBeGreaterThan(10);
  });

  // A cause whose fix pages were all offered already in a list is left out (the compiler never
  // suggests a page twice), so the rest is an ordered subsequence of the common causes.
  const inOrder = (xs: readonly string[], of: readonly string[]) => xs.every((x, i) => of.indexOf(x) >= 0 && (i === 0 || of.indexOf(x) > of.indexOf(xs[i - 1] ?? '')));

  // Pickers that follow a service's "none of these" with a question of their own (tree.yaml `none`).
  const authored = parseYaml(readFileSync('content/wizard/tree.yaml', 'utf8')) as { questions: Record<string, { none?: Record<string, string> }> };
  const noneNext = new Set(Object.values(authored.questions).flatMap((x) => Object.values(x.none ?? {})));

  it('offers each message’s own cause first (second, after the likeliest, when its texts name no reason), then the service’s common causes; “none of these” offers those alone, or asks the question the tree names', () => {
    for (const q of TREE.messages) {
      const slug = slugOf(serviceOf(q)) as keyof typeof SERVICES;
      const audience = q.startsWith('app') ? 'app' : 'api';
      const common = SERVICES[slug].causesFor?.[audience] ?? SERVICES[slug].causes;
      const answers = Object.entries(TREE.questions[q] ?? {});
      const [noneId, noneLeaf] = answers.at(-1) ?? ['', ''];
      expect(noneId).toBe('noneOfThese');
      if (noneNext.has(noneLeaf)) expect(Object.keys(TREE.questions[noneLeaf] ?? {}).length, q).toBeGreaterThan(1);
      else {
        const none = (TREE.leaves[noneLeaf] ?? []).map(([, c]) => c);
        expect(none[0], q).toBe(common[0]);
        expect(inOrder(none, common), `${q}: ${none.join(', ')}`).toBe(true);
      }
      for (const [a, leaf] of answers.slice(0, -1)) {
        const offered = (TREE.leaves[leaf] ?? []).map(([, c]) => c);
        const at = offered.findIndex((c) => c.replace(/-([a-z0-9])/g, (_, x: string) => x.toUpperCase()) === a);
        const own = offered[at] ?? '';
        expect(errorsOf(slug ?? '').some((e) => e.cause === own), `${q}.${a}`).toBe(true);
        expect(at, `${q}.${a}: ${offered.join(', ')}`).toBe(vague(slug, own) ? 1 : 0);
        expect(inOrder(offered.filter((c) => c !== own), common.filter((c) => c !== own)), `${q}.${a}: ${offered.join(', ')}`).toBe(true);
      }
    }
  });
});
