// Benchmark: how long the diagnoser core takes on large inputs in Node (budget: a 5 MB HAR in
// < 250 ms, see ../docs and the diagnoser issue). Builds inputs from the captured fixtures:
//   - a 5 MB HAR: the Chromium HAR entries repeated (with their bodies) plus large 200 responses,
//     one 401 near the end;
//   - a 5 MB curl -v log; 5 MB of plain text.
// Prints median and worst of several runs. Exits 1 if the HAR median is over budget.
// Usage: node scripts/bench-diagnose.mjs [--runs 15]
import { readFileSync } from 'node:fs';
import { redact } from '../src/diagnose/redact.ts';
import { parseHar } from '../src/diagnose/parse/har.ts';
import { analyse } from '../src/diagnose/analyse.ts';
import knowledge from '../src/registry/knowledge.gen.json' with { type: 'json' };

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 15;
const MB = 1024 * 1024;
const fx = (p) => readFileSync(new URL(`../tests/fixtures/diagnose/${p}`, import.meta.url), 'utf8');

function bigHar() {
  const ok = JSON.parse(fx('captured/har-ok.har'));
  const bad = JSON.parse(fx('captured/har-expired-token.har'));
  const template = ok.log.entries[1];
  const entries = [];
  const filler = 'x'.repeat(2000);
  let size = 0;
  for (let i = 0; size < 5 * MB - 20_000; i++) {
    const e = structuredClone(template);
    e.request.url = `http://127.0.0.1/api/item/${i}`;
    e.response.content = { size: filler.length, mimeType: 'application/json', text: `{"id":${i},"data":"${filler}"}` };
    const s = JSON.stringify(e).length;
    size += s + 1;
    entries.push(e);
  }
  entries.push(...bad.log.entries);
  return JSON.stringify({ log: { ...ok.log, entries } });
}

function bigCurl() {
  const one = `${fx('captured/api-ok.txt')}\n`;
  return one.repeat(Math.ceil((5 * MB) / one.length)).slice(0, 5 * MB - 4000) + fx('captured/api-expired-jwt.txt');
}

const bigText = 'The request failed. '.repeat((5 * MB) / 20) + '\n{"error":"invalid_token","error_description":"The access token expired"}';

function time(fn) {
  const ts = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    ts.push(performance.now() - t0);
  }
  ts.sort((a, b) => a - b);
  return { median: ts[Math.floor(ts.length / 2)], worst: ts[ts.length - 1] };
}

const inputs = [['HAR', bigHar()], ['curl -v log', bigCurl()], ['plain text', bigText]];
const rows = [];
let over = false;
for (const [name, input] of inputs) {
  // With the knowledge data, as the page runs it (message wordings and vendor texts are data).
  // The HAR reader as the CLI passes it (the page runs it in a worker first, then analyses).
  const r = analyse(input, { knowledge, readHar: parseHar });
  const a = time(() => analyse(input, { knowledge, readHar: parseHar }));
  const red = time(() => redact(input));
  rows.push(`| ${name} | ${(input.length / MB).toFixed(2)} MB | ${r.exchanges} | ${a.median.toFixed(0)} ms | ${a.worst.toFixed(0)} ms | ${red.median.toFixed(0)} ms | ${r.findings[0]?.rule ?? '—'} |`);
  if (name === 'HAR' && a.median >= 250) over = true;
}
console.log(`Diagnoser benchmark (Node ${process.version}, ${RUNS} runs each)`);
console.log('| input | size | exchanges | analyse median | analyse worst | redact median | top finding |');
console.log('|---|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
if (over) {
  console.error('over budget: a 5 MB HAR must be analysed in < 250 ms');
  process.exit(1);
}
