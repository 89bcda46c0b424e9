// The diagnoser on real pastes (protocol: docs/evaluation.md): every paste of the corpus analysed
// with the knowledge data, scored against the cause established in its source. Prints both
// splits' top-1 figures and the calibration per confidence tier; never crashes; the development
// split holds its recorded floor (the test split is never tuned on).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluatePastes, loadPastes, pasteFigures } from '../../eval/diagnose-eval.ts';

const FLOOR = JSON.parse(readFileSync(new URL('../../fixtures/diagnose/corpus/floor.json', import.meta.url), 'utf8')) as { devTop1Pct: number };

describe('diagnoser on the real-paste corpus', () => {
  const rows = evaluatePastes();

  it('reads every paste without crashing, each with a source and accepted causes (or why none fits)', () => {
    expect(rows.length).toBe(loadPastes().length);
    for (const c of loadPastes()) {
      expect(c.source, c.id).toMatch(/^https:\/\//);
      // A cause no page covers is recorded as such and counts as a miss.
      expect(c.accept.length > 0 || (c.unmapped ?? '').length > 0, `${c.id}: accept is empty and no unmapped cause is given`).toBe(true);
    }
  });

  it('prints both splits and holds the development split’s floor', () => {
    for (const split of ['test', 'dev'] as const) {
      const f = pasteFigures(rows.filter((r) => r.split === split));
      console.log(`diagnose ${split}: top-1 ${f.right}/${f.enough} (${f.rightPct} %) where the paste holds enough evidence; ${f.tiers.map((t) => `${t.tier} ${t.right}/${t.n}`).join(', ')}`);
    }
    expect(pasteFigures(rows.filter((r) => r.split === 'dev')).rightPct).toBeGreaterThanOrEqual(FLOOR.devTop1Pct);
  });
});
