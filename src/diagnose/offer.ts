// What the wizard's "type or paste" step offers: the distinct causes the diagnoser finds in a
// text, best first. Shared by the step's view and the wizard evaluation, so both offer the same.
import type { Knowledge } from './atlas.ts';
import { analyse } from './report.ts';

/** One offered cause, with the finding's sentence. */
export interface Offered {
  cause: string;
  title: string;
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
  for (const f of analyse(text, { knowledge, now }).findings) {
    if (!f.cause || seen.has(f.cause)) continue;
    seen.add(f.cause);
    out.push({ cause: f.cause, title: f.title });
    if (out.length >= max) break;
  }
  return out;
}
