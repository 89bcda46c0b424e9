// What the wizard's "type or paste" step offers: the distinct causes the diagnoser finds in a
// text, best first. Shared by the step's view and the wizard evaluation, so both offer the same.
import type { Knowledge } from './atlas.ts';
import { analyseWith } from './report.ts';

/** One offered cause, with the finding's sentence. */
export interface Offered {
  cause: string;
  title: string;
}

/**
 * The words of each cause page (src/registry/words.gen.json, served as /wizard/words.json):
 * per cause slug, "word word:count …" — a count of 1 is left out.
 */
export interface CauseWords {
  causes: Record<string, string>;
  /** Per cause slug: who meets it (its page's `audiences`), so a visitor's words match only pages for them. */
  audiences?: Record<string, readonly string[]>;
  /** Per cause slug: its page's one sentence on why it gives a 401, shown with a cause matched by words. */
  why?: Record<string, string>;
}

/** Words too common in what people type to say anything about a cause. */
const STOP = new Set('the and for with that this from your you are was not but can has have its when what which they them than also only just some been does did any all each other here how why where our out off own too use get got may one see page site sign error http https'.split(' '));

/** BM25's usual constants: how fast repeats of a word stop adding, and how much page length counts. */
const K1 = 1.2;
const B = 0.75;
/** A page must share this many of the visitor's words, and score this much, to be offered. */
const MIN_SHARED = 2;
const MIN_SCORE = 5;

/** One cause page's words, parsed once per CauseWords object. */
interface Doc {
  cause: string;
  tf: Map<string, number>;
  length: number;
}

const parsed = new WeakMap<CauseWords, { docs: Doc[]; df: Map<string, number>; avg: number }>();

function index(words: CauseWords) {
  let ix = parsed.get(words);
  if (ix) return ix;
  const docs = Object.entries(words.causes).map(([cause, list]) => {
    const tf = new Map<string, number>();
    for (const item of list.split(' ')) {
      const [w = '', n] = item.split(':');
      if (w) tf.set(w, Number(n ?? 1));
    }
    return { cause, tf, length: [...tf.values()].reduce((a, b) => a + b, 0) };
  });
  const df = new Map<string, number>();
  for (const d of docs) for (const w of d.tf.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  ix = { docs, df, avg: docs.reduce((a, d) => a + d.length, 0) / (docs.length || 1) };
  parsed.set(words, ix);
  return ix;
}

/**
 * Cause pages ranked by the visitor's own words (BM25 over each page's most telling words): for
 * typed descriptions that quote no error text. A word shared by few pages counts much more than
 * one most pages use, and a long page gets no extra credit for its length.
 * @param text what the visitor typed
 * @param words the cause pages' words (missing: nothing is offered this way)
 * @param audience who is asking (web, app, api, server): only pages for them are offered
 * @returns cause slugs with a score, best first; only clear matches
 */
export function causesByWords(text: string, words: CauseWords | undefined, audience?: string): Array<{ cause: string; score: number }> {
  if (!words) return [];
  const { docs, df, avg } = index(words);
  const n = docs.length;
  const query = [...new Set(text.slice(0, 4000).toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3 && !STOP.has(w)))];
  const idf = (w: string) => Math.log(1 + (n - (df.get(w) ?? 0) + 0.5) / ((df.get(w) ?? 0) + 0.5));
  return docs
    .map((d) => {
      let score = 0;
      let shared = 0;
      for (const w of query) {
        const f = d.tf.get(w);
        if (!f) continue;
        shared++;
        score += (idf(w) * f * (K1 + 1)) / (f + K1 * (1 - B + (B * d.length) / avg));
      }
      return { cause: d.cause, score, shared };
    })
    // A word two pages share means little across audiences: someone in a phone app is not offered
    // a page about container registries because both mention "install".
    .filter((x) => x.shared >= MIN_SHARED && x.score >= MIN_SCORE && (!audience || !words.audiences?.[x.cause] || words.audiences[x.cause]?.includes(audience)))
    .sort((a, b) => b.score - a.score)
    .map(({ cause, score }) => ({ cause, score }));
}

/**
 * @param text what the visitor typed or pasted
 * @param knowledge the atlas and labels (may be missing: then the rules alone decide)
 * @param words the cause pages' words (may be missing: then only findings are offered)
 * @param max how many causes to offer
 * @param now the clock, in milliseconds (tests fix it)
 * @param audience who is asking (the wizard step's audience): pages matched by words only are theirs
 * @returns distinct causes, best first
 */
export function offeredCauses(text: string, knowledge: Knowledge | undefined, words: CauseWords | undefined, max = 3, now?: number, audience?: string): Offered[] {
  const seen = new Set<string>();
  const out: Offered[] = [];
  // Without the cookie rules (analyse.ts): what people type here is a message, not Set-Cookie lines.
  const findings = analyseWith(text, { knowledge, now }).findings;
  const add = (cause: string | undefined, title: string) => {
    if (!cause || seen.has(cause) || out.length >= max) return;
    seen.add(cause);
    out.push({ cause, title });
  };
  // Findings that name a cause first; then pages that use the visitor's own words; findings that
  // only restate the failure ("invalid credentials") last, since many causes say the same.
  for (const f of findings) if (f.confidence !== 'low') add(f.cause, f.title);
  for (const { cause } of causesByWords(text, words, audience)) add(cause, words?.why?.[cause] ?? '');
  for (const f of findings) if (f.confidence === 'low') add(f.cause, f.title);
  return out;
}
