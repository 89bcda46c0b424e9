// Captures the diagnoser's test corpus from real servers: starts the fixture servers
// (tests/fixtures/diagnose/servers.mjs), runs every curl case and records every browser case as a
// HAR with Chromium, and writes them to tests/fixtures/diagnose/captured/ with a manifest of what
// the diagnoser must say about each (and the capture time, so date checks stay reproducible).
// Usage: node scripts/capture-diagnose-fixtures.mjs   (needs curl, nginx, and a Chromium)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../tests/e2e/support/browser.ts';
import { CURL_CASES, runCurl } from '../tests/fixtures/diagnose/curl-cases.mjs';
import { HAR_CASES } from '../tests/fixtures/diagnose/har-cases.mjs';
import { startServers } from '../tests/fixtures/diagnose/servers.mjs';

const out = new URL('../tests/fixtures/diagnose/captured/', import.meta.url).pathname;
mkdirSync(out, { recursive: true });
const s = await startServers();
const manifest = [];
const capturedAt = Date.now();
try {
  for (const c of CURL_CASES) {
    if (c.needsNginx && !s.nginx) continue;
    const args = c.args(s);
    const file = `${c.name}.txt`;
    writeFileSync(join(out, file), await runCurl(args));
    manifest.push({ file, note: c.note, expect: c.expect, source: `curl ${args.map((a) => (/[\s"$]/.test(a) ? `'${a}'` : a)).join(' ')} 2>&1 (curl 7.88.1 against tests/fixtures/diagnose/servers.mjs)`, capturedAt });
  }
  const browser = await chromium.launch(chromiumLaunchOptions());
  for (const c of HAR_CASES) {
    if (c.needsNginx && !s.nginx) continue;
    const file = `${c.name}.har`;
    const context = await browser.newContext({ recordHar: { path: join(out, file), content: 'embed' } });
    const page = await context.newPage();
    await c.run(page, s);
    await context.close();
    // Pretty-print so diffs stay readable.
    writeFileSync(join(out, file), `${JSON.stringify(JSON.parse(readFileSync(join(out, file), 'utf8')), null, 2)}\n`);
    manifest.push({ file, note: c.note, expect: c.expect, source: `Chromium ${browser.version()} HAR (Playwright recordHar) against tests/fixtures/diagnose/servers.mjs`, capturedAt });
  }
  await browser.close();
} finally {
  await s.stop();
}
writeFileSync(join(out, 'index.json'), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`captured ${manifest.length} fixtures into ${out}`);
