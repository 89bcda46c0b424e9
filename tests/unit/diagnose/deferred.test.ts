// The deferred rule groups (src/diagnose/rules/deferred.ts) run only for a paste that holds their
// marker line, so each marker must catch every paste its group could find something in: for any
// paste without a marker, the page's start-up engine (no deferred groups) must say exactly what the
// whole engine says. Checked on every real paste and every fixture, and on each group's own fixture.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../src/diagnose/analyse.ts';
import { parseCurlCommand } from '../../../src/diagnose/parse/command.ts';
import { parseHar } from '../../../src/diagnose/parse/har.ts';
import { analyseWith } from '../../../src/diagnose/report.ts';
import { DEFERRED_MARKERS, needsDeferredRules } from '../../../src/diagnose/rules/deferred.ts';
import { FIXTURES, K, NOW } from './support.ts';

const files = ['corpus', 'synthetic', 'captured', 'documented', 'heldout'].flatMap((dir) =>
  readdirSync(`${FIXTURES}${dir}`).filter((f) => /\.(txt|har|json)$/.test(f) && !f.startsWith('index') && f !== 'split.json' && f !== 'floor.json').map((f) => `${dir}/${f}`),
);
const options = { knowledge: K, now: NOW, readCommand: parseCurlCommand, readHar: parseHar };
const rules = (r: ReturnType<typeof analyse>) => r.findings.map((f) => `${f.rule}:${f.cause}:${f.score}`);

describe('deferred rule groups', () => {
  // ~1,000 pastes, each analysed twice: seconds of work on a busy 2-core machine.
  it('a paste without any marker gets the same findings from the start-up engine as from the whole engine', { timeout: 120_000 }, () => {
    let unmarked = 0;
    for (const f of files) {
      const text = readFileSync(`${FIXTURES}${f}`, 'utf8');
      if (needsDeferredRules(text)) continue;
      unmarked++;
      expect(rules(analyseWith(text, options)), f).toEqual(rules(analyse(text, options)));
    }
    expect(unmarked).toBeGreaterThan(500);
  });

  it('each group has a marker, and the rule fixtures of each group carry it', () => {
    const table = JSON.parse(readFileSync(`${FIXTURES}rules.json`, 'utf8')) as Record<string, { fires: string }>;
    const deferredRules = ['ad-bind-refused', 'credential-control-character', 'shell-split-url', 'credential-shell-expanded', 'headers-in-body', 'cookie-blocked'];
    for (const rule of deferredRules) {
      const text = readFileSync(`${FIXTURES}${table[rule]?.fires ?? ''}`, 'utf8');
      expect(needsDeferredRules(text), rule).toBe(true);
      // …and the start-up engine alone does not find it.
      expect(analyseWith(text, options).findings.map((f) => f.rule), rule).not.toContain(rule);
    }
    expect(Object.keys(DEFERRED_MARKERS).sort()).toEqual(['cookies', 'directory', 'written']);
  });
});
