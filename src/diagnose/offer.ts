// What the wizard's "type or paste" step offers: the distinct causes the diagnoser finds in a
// text, best first. Shared by the step's view and the wizard evaluation, so both offer the same.
import type { Knowledge } from './atlas.ts';
import { analyse } from './report.ts';

/** One offered cause, with the finding's sentence. */
export interface Offered {
  cause: string;
  title: string;
}

const STOP = new Set('the and for with that this from your you are was not but can has have its when what which they them than also only just some been does did any all each other here how why where our out off own too use get got may one see page site sign error http https'.split(' '));

/**
 * Causes whose pages use the visitor's own words (title, label, symptoms), best first: for typed
 * descriptions that quote no error text. Each shared word counts by how rare it is across causes.
 * @param text what the visitor typed
 * @param knowledge the causes' terms
 * @returns cause slugs with a score, best first; only clear matches (two rare words or more)
 */
export function causesByWords(text: string, knowledge: Knowledge | undefined): Array<{ cause: string; score: number }> {
  const causes = Object.entries(knowledge?.causes ?? {});
  const sets = causes.map(([slug, c]) => [slug, new Set((c.terms ?? '').split(' '))] as const);
  const words = [...new Set(text.slice(0, 4000).toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3 && !STOP.has(w)))];
  const df = new Map(words.map((w) => [w, sets.filter(([, t]) => t.has(w)).length]));
  const n = sets.length || 1;
  return sets
    .map(([cause, t]) => {
      const shared = words.filter((w) => t.has(w));
      return { cause, score: shared.reduce((sum, w) => sum + Math.log(n / (df.get(w) ?? n)), 0), shared: shared.length };
    })
    .filter((x) => x.shared >= 2 && x.score >= 4)
    .sort((a, b) => b.score - a.score)
    .map(({ cause, score }) => ({ cause, score }));
}

/**
 * @param text what the visitor typed or pasted
 * @param knowledge the atlas and labels (may be missing: then the rules alone decide)
 * @param max how many causes to offer
 * @param now the clock, in milliseconds (tests fix it)
 * @returns distinct causes, best first
 */
export function offeredCauses(text: string, knowledge: Knowledge | undefined, max = 3, now?: number): Offered[] {
  const seen = new Set<string>();
  const out: Offered[] = [];
  const findings = analyse(text, { knowledge, now }).findings;
  const add = (cause: string | undefined, title: string) => {
    if (!cause || seen.has(cause) || out.length >= max) return;
    seen.add(cause);
    out.push({ cause, title });
  };
  // Findings that name a cause first; then pages that use the visitor's own words; findings that
  // only restate the failure ("invalid credentials") last, since many causes say the same.
  for (const f of findings) if (f.confidence !== 'low') add(f.cause, f.title);
  for (const { cause } of causesByWords(text, knowledge)) add(cause, knowledge?.causes[cause]?.why ?? '');
  for (const f of findings) if (f.confidence === 'low') add(f.cause, f.title);
  return out;
}
