// What the wizard's outcomes point at: the fix pages of the guide (slugs and tab sets from the
// registry) and how to link to them with the visitor's browser, OS and client, so the fix page
// opens on the matching tab. Pure data and functions; shared by the view, the static pages and the tests.
import { FIX_TABS, FIXES, type FixSlug, type Try } from '../registry/registry.gen.ts';
import type { Env } from './url.ts';

/** Tab sets a fix page carries; the link passes the visitor's id for each. */
export type TabSet = keyof Env;

export { FIX_TABS };

/** Every fix and server page slug: each has a wizard outcome page. */
export const FIX_SLUGS = Object.keys(FIXES) as FixSlug[];

/**
 * @param fix a fix page slug
 * @param env the visitor's setup
 * @param sets the tab sets to pass on (default: those the page carries)
 * @returns the fix page URL, e.g. /guide/clear-cookies/?browser=firefox
 */
export function fixHref(fix: FixSlug, env: Env = {}, sets: readonly TabSet[] = FIX_TABS[fix]): string {
  const q = new URLSearchParams();
  for (const set of sets) {
    const id = env[set];
    if (id) q.set(set, id);
  }
  const s = q.toString();
  return `/guide/${fix}/${s ? `?${s}` : ''}`;
}

/**
 * @param leaves the wizard's leaves
 * @returns the distinct fix slugs that some outcome leads to, in first-seen order
 */
export function reachedFixes(leaves: Readonly<Record<string, readonly Try[]>>): FixSlug[] {
  return [...new Set(Object.values(leaves).flatMap((tries) => tries.map(([fix]) => fix)))];
}
