// Runs the curl cases against real servers started here (nginx with auth_basic, a Node API and a
// Node proxy on loopback) and checks the diagnoser's top finding for each live log. The stored
// captures in tests/fixtures/diagnose/captured/ come from the same cases
// (scripts/capture-diagnose-fixtures.mjs); this proves they still match reality.
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { K } from './support.ts';
import { analyse } from '../../../src/diagnose/analyse.ts';
import { CURL_CASES, runCurl } from '../../fixtures/diagnose/curl-cases.mjs';
import { hasNginx, startServers } from '../../fixtures/diagnose/servers.mjs';

const hasCurl = spawnSync('curl', ['--version']).status === 0;

describe.runIf(hasCurl)('live: curl against real servers on loopback', () => {
  let s: Awaited<ReturnType<typeof startServers>>;
  beforeAll(async () => {
    s = await startServers();
  }, 20_000);
  afterAll(async () => {
    await s?.stop();
  });

  it('nginx is available (Debian package) so the auth_basic cases run', () => {
    expect(hasNginx()).toBe(true);
  });

  for (const c of CURL_CASES) {
    it(`${c.name}: ${c.note}`, async () => {
      if (c.needsNginx && !s.nginx) return;
      const log = await runCurl(c.args(s));
      expect(log).toMatch(/^[*<>]/m);
      const r = analyse(log, { knowledge: K });
      if (c.expect === null) {
        expect(r.findings.map((f) => f.rule)).toEqual([]);
      } else {
        expect(r.findings[0]).toMatchObject(c.expect);
      }
    }, 15_000);
  }
});
