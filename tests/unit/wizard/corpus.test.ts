// The wizard on real cases (protocol: docs/evaluation.md): every case of the corpus replayed with
// the answers chosen blind for the current tree. Both splits' figures are printed; the test split
// is never tuned on. The test fails when a recorded path no longer fits the tree (answers must then
// be chosen again, blind) and when the development split falls below its recorded floor.
import { describe, expect, it } from 'vitest';
import { evaluate, figures, loadAnswers, loadCases, loadSplit } from '../../eval/wizard-eval.ts';

const answers = loadAnswers();
const rows = evaluate(answers);

describe('wizard on the real-case corpus', () => {
  it('has a frozen split covering every case, 30 % in the test split', () => {
    const split = loadSplit();
    const ids = loadCases().map((c) => c.id);
    expect(new Set([...split.test, ...split.dev]).size).toBe(split.test.length + split.dev.length);
    expect([...split.test, ...split.dev].sort()).toEqual([...ids].sort());
    expect(split.test.length / ids.length).toBeGreaterThan(0.28);
    expect(split.test.length / ids.length).toBeLessThan(0.32);
  });

  it('replays every case’s blind answers on the current tree', () => {
    const bad = rows.filter((r) => r.error).map((r) => `${r.id}: ${r.error}`);
    expect(bad, 'answers recorded for another tree: choose them again, blind (docs/evaluation.md)').toEqual([]);
  });

  it('reaches the first suggestion within 8 answers, median at most 4', () => {
    const f = figures(rows);
    expect(f.maxToFirst).toBeLessThanOrEqual(8);
    expect(f.medianToFirst).toBeLessThanOrEqual(4);
  });

  it('prints both splits’ figures and holds the development split’s floor', () => {
    for (const split of ['test', 'dev'] as const) {
      const f = figures(rows.filter((r) => r.split === split));
      console.log(`wizard ${split}: ${f.hit}/${f.n} (${f.hitPct} %) reach a fix for the cause, ${f.first} (${f.firstPct} %) at the first suggestion`);
    }
    // The floor is the figure measured when the answers were recorded, less about 5 points of slack.
    const dev = figures(rows.filter((r) => r.split === 'dev'));
    expect(dev.hitPct).toBeGreaterThanOrEqual((answers as { devFloor?: number }).devFloor ?? 0);
  });
});
