// Size budgets over dist/ (see ../shared/design.md §5), per page type:
//   JS    — gzipped bytes of every module script the page loads up front, with its static imports
//           (dynamic imports such as Pagefind load on demand and are not counted).
//           Every page type counts all of it, site chrome included (theme toggle, mobile menu —
//           the modules common to all pages, also shown on their own line): articles ≤ 3 KB, the
//           wizard ≤ 18 KB, the diagnoser's engine ≤ 30 KB.
//   HTML+CSS — gzipped HTML plus every render-blocking stylesheet (a `media="print"` one is not:
//           browsers fetch it at low priority and render the screen without it)
//   Data     — the diagnoser's knowledge file (fetched at load, before any input) ≤ 40 KB; the cause
//           pages' words for the wizard's "type or paste" step (fetched when that step shows,
//           before any input, with the knowledge file) ≤ 40 KB.
// Prints a table with the worst page of each type and exits 1 when any page is over budget.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { DIST, htmlFiles, urlPathOf } from './lib/dist.mjs';

const KB = 1024;
/** Budgets by page type, in bytes. */
export const BUDGETS = {
  article: { js: 3 * KB, htmlCss: 14 * KB },
  wizard: { js: 18 * KB, htmlCss: 14 * KB },
  diagnoser: { js: 30 * KB, htmlCss: 14 * KB },
};
/** The diagnoser's knowledge data, fetched at load. */
export const KNOWLEDGE_BUDGET = 40 * KB;
/** The cause pages' words, fetched by the wizard's "type or paste" step. */
export const WORDS_BUDGET = 40 * KB;

/** @param {string} path @returns {keyof typeof BUDGETS} */
function typeOf(path) {
  if (path.startsWith('/wizard/')) return 'wizard';
  if (path.startsWith('/diagnose/')) return 'diagnoser';
  return 'article'; // guide pages, home, search, 404: content pages with shared enhancements only
}

const gz = (/** @type {string | Buffer} */ b) => gzipSync(b, { level: 9 }).length;
const read = (/** @type {string} */ urlPath) => readFileSync(join(DIST, urlPath.split('?')[0] ?? ''));

/** @param {string} src @param {Set<string>} seen */
function jsClosure(src, seen) {
  if (seen.has(src)) return;
  seen.add(src);
  const code = read(src).toString();
  // Static imports only: `import x from "./a.js"`, `import "./a.js"`, `export … from "./a.js"`.
  for (const m of code.matchAll(/(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g)) {
    const dep = new URL(m[1] ?? '', `http://x${src}`).pathname;
    jsClosure(dep, seen);
  }
}

const pages = htmlFiles().map((file) => {
  const html = readFileSync(file, 'utf8');
  /** @type {Set<string>} */
  const scripts = new Set();
  for (const m of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) jsClosure(m[1] ?? '', scripts);
  return { file, html, scripts };
});
// Site chrome: the modules that every page loads.
const chrome = pages.reduce((acc, p) => new Set([...acc].filter((s) => p.scripts.has(s))), pages[0]?.scripts ?? new Set());
const chromeJs = [...chrome].reduce((n, s) => n + gz(read(s)), 0);

const rows = [];
let failures = 0;
for (const { file, html, scripts } of pages) {
  const path = urlPathOf(file);
  const type = typeOf(path);
  const total = [...scripts].reduce((n, s) => n + gz(read(s)), 0);
  const js = total;
  const css = [...html.matchAll(/<link[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => /\srel="stylesheet"/.test(tag) && !/\smedia="print"/.test(tag))
    .map((tag) => /\shref="([^"]+)"/.exec(tag)?.[1] ?? '')
    .reduce((n, href) => n + gz(read(href)), 0);
  const htmlCss = gz(html) + css;
  const budget = BUDGETS[type];
  const over = js > budget.js || htmlCss > budget.htmlCss;
  if (over) failures++;
  rows.push({ path, type, js, total, htmlCss, over });
}
if (chromeJs > BUDGETS.article.js) failures++;

const fmt = (/** @type {number} */ n) => `${(n / KB).toFixed(1)} KB`;
console.log('Size budgets (gzip -9). Worst page per type:');
console.log(`Site chrome on every page (${[...chrome].map((s) => s.replace(/^.*\//, '').replace(/\..*$/, '')).join(', ')}): ${fmt(chromeJs)} of the shared ${fmt(BUDGETS.article.js)}`);
console.log('| page type | pages | worst JS (page total incl. chrome) | JS budget | worst HTML+CSS | HTML+CSS budget | status |');
console.log('|---|---|---|---|---|---|---|');
for (const type of /** @type {(keyof typeof BUDGETS)[]} */ (Object.keys(BUDGETS))) {
  const of = rows.filter((r) => r.type === type);
  if (of.length === 0) continue;
  const worstJs = of.reduce((a, b) => (b.js > a.js ? b : a));
  const worstHc = of.reduce((a, b) => (b.htmlCss > a.htmlCss ? b : a));
  const ok = of.every((r) => !r.over);
  console.log(`| ${type} | ${of.length} | ${fmt(worstJs.js)} (${worstJs.path}) | ${fmt(BUDGETS[type].js)} | ${fmt(worstHc.htmlCss)} (${worstHc.path}) | ${fmt(BUDGETS[type].htmlCss)} | ${ok ? 'ok' : 'OVER'} |`);
}
const knowledge = gz(read('/diagnose/knowledge.json'));
console.log(`Diagnoser knowledge data (/diagnose/knowledge.json, fetched at load): ${fmt(knowledge)} of ${fmt(KNOWLEDGE_BUDGET)}${knowledge > KNOWLEDGE_BUDGET ? ' OVER' : ''}`);
if (knowledge > KNOWLEDGE_BUDGET) failures++;
const words = gz(read('/wizard/words.json'));
console.log(`Wizard cause words (/wizard/words.json, fetched by the "type or paste" step): ${fmt(words)} of ${fmt(WORDS_BUDGET)}${words > WORDS_BUDGET ? ' OVER' : ''}`);
if (words > WORDS_BUDGET) failures++;
// List the offenders, but not hundreds of near-identical wizard steps: the first few per type.
const over = rows.filter((x) => x.over);
for (const type of Object.keys(BUDGETS)) {
  const of = over.filter((r) => r.type === type);
  for (const r of of.slice(0, 8)) console.error(`over budget: ${r.path} (${r.type}) JS ${fmt(r.js)}, HTML+CSS ${fmt(r.htmlCss)}`);
  if (of.length > 8) console.error(`over budget: … and ${of.length - 8} more ${type} pages`);
}
if (failures > 0) process.exit(1);
