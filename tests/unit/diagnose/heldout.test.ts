// Held-out regression suite: real-world 401/407 shapes from services' documentation and issue
// trackers that the rules were NOT written against (source URL beside each in heldout/index.json).
// Each must put the true cause — named by its fix page — first, and none may crash. The hit rate is
// printed so a change that trades one service for another shows up in the numbers, not just in a
// red test.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../src/diagnose/report.ts';
import { FIX_PAGES } from '../../../src/diagnose/fixes.ts';
import { FIXTURES, fixture, NOW, type FixtureCase } from './support.ts';

const list = (JSON.parse(readFileSync(`${FIXTURES}heldout/index.json`, 'utf8')) as Omit<FixtureCase, 'path'>[])
  .map((c) => ({ ...c, path: `heldout/${c.file}` }));

describe('held-out real-world responses: the true cause is the top finding', () => {
  it('has at least 40 cases, each with a source and a known fix slug', () => {
    expect(list.length).toBeGreaterThanOrEqual(40);
    for (const c of list) {
      expect(c.source, c.file).toMatch(/^https:\/\//);
      expect(Object.hasOwn(FIX_PAGES, c.expect?.fix ?? ''), c.file).toBe(true);
    }
  });

  for (const c of list) {
    it(`${c.file} — ${c.note}`, () => {
      const r = analyse(fixture(c.path), { now: c.now ?? NOW, kind: c.kind });
      const top = r.findings[0];
      expect(top, 'a finding').toBeDefined();
      expect(top?.fix, `top: ${top?.rule} — ${top?.title}`).toBe(c.expect?.fix);
      expect(top?.evidence.length).toBeGreaterThan(0);
    });
  }
});
