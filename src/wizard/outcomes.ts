// What the wizard's outcomes point at: the fix pages of the guide (slugs and tab sets from
// docs/content-plan.md) and how to link to them with the visitor's browser, OS and client, so the
// fix page opens on the matching tab. Pure data and functions; shared by the view, the static
// pages and the tests.
import type { Try } from './machine.ts';
import type { Env } from './url.ts';

/** Tab sets a fix page carries (docs/content-plan.md); the link passes the visitor's id for each. */
export type TabSet = keyof Env;

/**
 * Every fix and server page the wizard can send people to, with the tab sets it carries.
 * Keep in step with docs/content-plan.md; tests check that each exists in content/articles.
 */
export const FIX_TABS: Readonly<Record<string, readonly TabSet[]>> = {
  'check-credentials': ['browser'],
  'clear-cookies': ['browser'],
  'clear-cached-credentials': ['browser', 'os', 'client'],
  'sign-out-and-in': ['browser'],
  'private-window': ['browser'],
  'disable-extensions': ['browser'],
  'allow-cookies-for-site': ['browser'],
  'check-url': ['browser'],
  'flush-dns': ['os'],
  'network-checks': ['os'],
  'contact-admin': [],
  'fix-intranet-sso': ['browser', 'os'],
  'refresh-api-token': ['client'],
  'refresh-oauth-token': ['client'],
  'fix-authorization-header': ['client'],
  'keep-auth-on-redirect': ['client'],
  'fix-token-audience': ['client'],
  'fix-clock-skew': ['os'],
  'send-correct-401': ['server'],
  'fix-cors-preflight': ['server'],
  'pass-authorization-through-proxy': ['server'],
};

/** All fix page slugs the guide plans (the keys of FIX_TABS). */
export const FIX_SLUGS: readonly string[] = Object.keys(FIX_TABS);

/**
 * @param fix a fix page slug
 * @param env the visitor's setup
 * @param sets the tab sets to pass on (default: those the page carries)
 * @returns the fix page URL, e.g. /guide/clear-cookies/?browser=firefox
 */
export function fixHref(fix: string, env: Env = {}, sets: readonly TabSet[] = FIX_TABS[fix] ?? []): string {
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
export function reachedFixes(leaves: Readonly<Record<string, readonly Try[]>>): string[] {
  return [...new Set(Object.values(leaves).flatMap((tries) => tries.map(([fix]) => fix)))];
}

/**
 * @param fix a fix slug
 * @param leaves the wizard's leaves
 * @returns the causes the wizard pairs with this fix, and the other fixes it offers for those causes
 */
export function relatedTo(fix: string, leaves: Readonly<Record<string, readonly Try[]>>): { causes: string[]; others: string[] } {
  const tries = Object.values(leaves).flat();
  const causes = [...new Set(tries.filter(([f]) => f === fix).map(([, c]) => c))];
  const others = [...new Set(tries.filter(([f, c]) => f !== fix && causes.includes(c)).map(([f]) => f))];
  return { causes, others };
}
