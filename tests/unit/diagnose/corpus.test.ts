// The test corpus: captured from real servers (curl -v and Chromium HARs), documented responses of
// well-known APIs (source URL beside each in index.json), and small synthetic inputs for rules no
// server here can trigger. The true cause must be the top finding; clean inputs must yield nothing.
import { parseCurlCommand } from '../../../src/diagnose/parse/command.ts';
import { parseHar } from '../../../src/diagnose/parse/har.ts';
import knowledge from '../../../src/registry/knowledge.gen.json' with { type: 'json' };
import type { Knowledge } from '../../../src/diagnose/atlas.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseInput } from '../../../src/diagnose/parse/index.ts';
import { analyse } from '../../../src/diagnose/analyse.ts';
import { runRules } from '../../../src/diagnose/rules/index.ts';
import { cookieRules } from '../../../src/diagnose/rules/cookies.ts';
import { directoryRules } from '../../../src/diagnose/rules/directory.ts';
import { writtenRules } from '../../../src/diagnose/rules/written.ts';
import { cases, fixture, FIXTURES, type FixtureCase, K } from './support.ts';

const all: FixtureCase[] = [...cases('captured'), ...cases('documented'), ...cases('synthetic')];
const clock = (c: FixtureCase) => c.capturedAt ?? c.now ?? Date.UTC(2026, 10, 28, 10);

describe.each(['captured', 'documented', 'synthetic'] as const)('%s fixtures: the true cause is the top finding', (dir) => {
  for (const c of cases(dir)) {
    it(`${c.file} — ${c.note}`, () => {
      const r = analyse(fixture(c.path), { knowledge: K, readCommand: parseCurlCommand, readHar: parseHar, now: clock(c), kind: c.kind });
      if (c.expect === null) {
        expect(r.findings.map((f) => f.rule)).toEqual([]);
        return;
      }
      const top = r.findings[0];
      expect(top, 'a finding').toBeDefined();
      expect({ rule: top?.rule, cause: top?.cause, fix: top?.fix }).toMatchObject(c.expect);
      // Every finding is complete: a cause sentence, evidence, a confidence and a fix link.
      for (const f of r.findings) {
        expect(f.title.length).toBeGreaterThan(10);
        expect(f.fixHref).toMatch(/^\/guide\/[a-z0-9-]+\/(\?(client|server|os|browser)=[a-z-]+)?$/);
        expect(['high', 'medium', 'low']).toContain(f.confidence);
      }
      expect(top?.evidence.length).toBeGreaterThan(0);
    });
  }
});

it('documented fixtures name their source', () => {
  for (const c of cases('documented')) expect(c.source, c.file).toMatch(/^https:\/\//);
});

it('captured fixtures cover curl logs and HARs from real servers', () => {
  const cap = cases('captured');
  expect(cap.filter((c) => c.file.endsWith('.har')).length).toBeGreaterThanOrEqual(5);
  expect(cap.filter((c) => c.file.endsWith('.txt')).length).toBeGreaterThanOrEqual(30);
  expect(cap.every((c) => /servers\.mjs/.test(c.source ?? ''))).toBe(true);
});

describe('every rule has a fixture that fires it and a near miss that must not', () => {
  const table = JSON.parse(readFileSync(`${FIXTURES}rules.json`, 'utf8')) as Record<string, { fires: string; quiet: string }>;
  const byPath = new Map(all.map((c) => [c.path, c]));
  const fired = (path: string) => {
    const c = byPath.get(path);
    expect(c, `${path} is in an index.json`).toBeDefined();
    return runRules(parseInput(fixture(path), c?.kind, parseCurlCommand, parseHar), Math.floor(clock(c!) / 1000), knowledge as Knowledge, { cookies: cookieRules, directory: directoryRules, written: writtenRules }).findings.map((f) => f.rule);
  };

  it('lists every rule the code can emit', () => {
    // Every file of the rules folder, so a new rule group is covered without being listed here.
    const dir = new URL('../../../src/diagnose/rules/', import.meta.url);
    const src = readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => readFileSync(new URL(f, dir), 'utf8')).join('\n');
    const ids = new Set([...src.matchAll(/rule: '([a-z0-9-]+)'/g)].map((m) => m[1] ?? ''));
    // Message rules come from the categories of content/diagnose/messages.yaml, one rule each.
    for (const id of Object.keys((knowledge as Knowledge).messages?.categories ?? {})) ids.add(`message-${id}`);
    for (const m of src.matchAll(/case 'basic-([a-z-]+)':/g)) ids.add(`auth-basic-${m[1] ?? ''}`);
    ids.delete('auth-basic-charset'); // reported as basic-not-utf8
    expect([...ids].sort()).toEqual(Object.keys(table).sort());
  });

  for (const [rule, { fires, quiet }] of Object.entries(table)) {
    it(rule, () => {
      expect(fired(fires), `${rule} fires on ${fires}`).toContain(rule);
      expect(fired(quiet), `${rule} stays quiet on ${quiet}`).not.toContain(rule);
    });
  }
});
