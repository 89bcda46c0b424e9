// Freezes the evaluation split of the real-case corpora: 30 % of each corpus's cases, stratified by
// audience (wizard) or by source prefix (diagnoser), chosen by a seeded hash so the choice is
// random but reproducible. Cases already in the split file never move (the test split is frozen
// before anything is tuned); cases added later are assigned the same way and appended.
//
//   node scripts/eval/split.ts            assign new cases, write the split files
//   node scripts/eval/split.ts --check    exit 1 when a case is not assigned
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
/** The diagnoser's real-paste corpus. */
const DIAGNOSE_DIR = 'tests/fixtures/diagnose/corpus';

/** A split file: the seed and the frozen assignment. */
export interface Split {
  /** Why and when it was frozen. */
  note: string;
  /** Hex seed mixed into the per-case hash. */
  seed: string;
  /** Share of each stratum in the test split. */
  share: number;
  /** Case ids in the test split: never tuned on. */
  test: string[];
  /** Case ids in the development split. */
  dev: string[];
}

/** The corpora and where their split lives. */
export const CORPORA = [
  { name: 'wizard', split: 'tests/fixtures/wizard-corpus/split.json', files: ['visitors.json', 'developers.json', 'operators.json'].map((f) => `tests/fixtures/wizard-corpus/${f}`), stratum: (c: { audience: string }) => c.audience },
  // Every batch's index-<prefix>.json in the folder: adding a batch is adding its files.
  { name: 'diagnose', split: `${DIAGNOSE_DIR}/split.json`, files: readdirSync(join(ROOT, DIAGNOSE_DIR)).filter((f) => /^index-[a-z]+\.json$/.test(f)).sort().map((f) => `${DIAGNOSE_DIR}/${f}`), stratum: (c: { id: string }) => c.id.split('-')[0] ?? '' },
] as const;

const rank = (seed: string, id: string) => createHash('sha256').update(`${seed}:${id}`).digest().readUInt32BE(0);

function assign(corpus: (typeof CORPORA)[number], check: boolean): boolean {
  const cases = corpus.files.flatMap((f) => (existsSync(join(ROOT, f)) ? (JSON.parse(readFileSync(join(ROOT, f), 'utf8')) as Array<{ id: string; audience: string }>) : []));
  const path = join(ROOT, corpus.split);
  const split: Split = existsSync(path)
    ? (JSON.parse(readFileSync(path, 'utf8')) as Split)
    : { note: `frozen ${new Date().toISOString().slice(0, 10)} before any change to content, tree or rules`, seed: createHash('sha256').update(String(Math.random())).digest('hex').slice(0, 16), share: 0.3, test: [], dev: [] };
  const known = new Set([...split.test, ...split.dev]);
  const fresh = cases.filter((c) => !known.has(c.id));
  if (check) {
    if (fresh.length) console.error(`split: ${corpus.name}: ${fresh.length} case(s) not assigned: ${fresh.map((c) => c.id).join(', ')}`);
    return fresh.length === 0;
  }
  // Per stratum, the lowest-ranked 30 % (rounded) of the new cases go to the test split.
  const strata = new Map<string, typeof fresh>();
  for (const c of fresh) strata.set(corpus.stratum(c), [...(strata.get(corpus.stratum(c)) ?? []), c]);
  for (const group of strata.values()) {
    const sorted = [...group].sort((a, b) => rank(split.seed, a.id) - rank(split.seed, b.id));
    const n = Math.round(sorted.length * split.share);
    split.test.push(...sorted.slice(0, n).map((c) => c.id));
    split.dev.push(...sorted.slice(n).map((c) => c.id));
  }
  writeFileSync(path, `${JSON.stringify(split, null, 1)}\n`);
  console.log(`split: ${corpus.name}: ${fresh.length} new case(s); test ${split.test.length}, dev ${split.dev.length}`);
  return true;
}

if (import.meta.main) {
  const check = process.argv.includes('--check');
  const only = process.argv.find((a) => !a.startsWith('-') && CORPORA.some((c) => c.name === a));
  const ok = CORPORA.filter((c) => !only || c.name === only).map((c) => assign(c, check));
  if (!ok.every(Boolean)) process.exit(1);
}
