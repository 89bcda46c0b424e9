// The wizard's wording and outcomes against the machine and the registry (the guide's pages).
import { describe, expect, it } from 'vitest';
import { copy } from '../../../src/wizard/copy.ts';
import { CAUSES, FIXES } from '../../../src/registry/registry.gen.ts';
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
