// Optional (slow, not part of `./run.sh test`): Lighthouse mobile scores for one page of each type,
// against dist/ served by scripts/serve-dist.mjs. Lighthouse is fetched on demand with npx so CI
// does not pay for it. Needs Node >= 22.19 and a Chromium (CHROME_PATH or Debian's chromium).
// Usage: npm run build && npm run lighthouse [-- /path/ …]
import { execFileSync, spawn } from 'node:child_process';
import { findChromium } from './find-chromium.mjs';

const PORT = 4490;
const pages = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['/', '/guide/what-is-401/', '/guide/clear-cookies/', '/wizard/', '/diagnose/'];
const chrome = process.env.CHROME_PATH ?? findChromium();
if (!chrome) {
  console.error('lighthouse: no Chromium found; set CHROME_PATH');
  process.exit(1);
}
const server = spawn(process.execPath, ['scripts/serve-dist.mjs', '--port', String(PORT)], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 1500));
const flags = '--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync';
const rows = [];
let failed = false;
try {
  for (const path of pages) {
    const out = execFileSync(
      'npx',
      ['-y', 'lighthouse@13', `http://127.0.0.1:${PORT}${path}`, '--quiet', '--output=json', `--chrome-flags=${flags}`,
        '--only-categories=performance,accessibility,best-practices,seo'],
      { env: { ...process.env, CHROME_PATH: chrome }, maxBuffer: 64 * 1024 * 1024 },
    ).toString();
    const { categories } = JSON.parse(out);
    const s = (k) => Math.round((categories[k]?.score ?? 0) * 100);
    rows.push([path, s('performance'), s('accessibility'), s('best-practices'), s('seo')]);
  }
} catch (e) {
  failed = true;
  console.error(`lighthouse: ${e instanceof Error ? e.message.split('\n')[0] : e}`);
} finally {
  server.kill();
}
console.log('| page | performance | accessibility | best practices | SEO |\n|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
process.exit(failed ? 1 : 0);
