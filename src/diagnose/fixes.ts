// Where findings link: fix pages (by slug, from docs/content-plan.md), the tab set each fix page
// carries (so the link opens the visitor's client / server / OS tab), and the wizard outcome pages.
// A unit test checks every slug here against docs/content-plan.md.

/** Tab sets a fix page can open by query parameter (?client=curl, ?server=nginx …). */
export type TabSet = 'browser' | 'os' | 'client' | 'server';

/** A fix page the diagnoser links to. */
export interface FixPage {
  /** Short human name, used as the link text. */
  label: string;
  /** The tab set whose query parameter opens the right panel; undefined for pages without tabs. */
  tabs: TabSet | undefined;
}

/** Every page findings may link to as "the fix", keyed by slug. */
export const FIX_PAGES: Record<string, FixPage> = {
  'check-credentials': { label: 'Check the username and password', tabs: 'browser' },
  'clear-cookies': { label: 'Clear the site’s cookies', tabs: 'browser' },
  'clear-cached-credentials': { label: 'Clear saved credentials', tabs: 'client' },
  'sign-out-and-in': { label: 'Sign out and sign in again', tabs: 'browser' },
  'allow-cookies-for-site': { label: 'Allow cookies for the site', tabs: 'browser' },
  'check-url': { label: 'Check the address and environment', tabs: 'browser' },
  'network-checks': { label: 'Check the network and proxy', tabs: 'os' },
  'contact-admin': { label: 'Ask the site’s administrator', tabs: undefined },
  'fix-intranet-sso': { label: 'Fix intranet single sign-on', tabs: 'os' },
  'refresh-api-token': { label: 'Get a new API key or token', tabs: 'client' },
  'refresh-oauth-token': { label: 'Refresh the OAuth access token', tabs: 'client' },
  'fix-authorization-header': { label: 'Fix the Authorization header', tabs: 'client' },
  'keep-auth-on-redirect': { label: 'Keep credentials across a redirect', tabs: 'client' },
  'fix-token-audience': { label: 'Get a token for the right API', tabs: 'client' },
  'fix-clock-skew': { label: 'Fix the clock', tabs: 'os' },
  'send-correct-401': { label: 'Send a correct 401 (server)', tabs: 'server' },
  'fix-cors-preflight': { label: 'Let CORS preflights through (server)', tabs: 'server' },
  'pass-authorization-through-proxy': { label: 'Pass Authorization through the proxy (server)', tabs: 'server' },
};

/** Cause pages findings may name, keyed by slug (all from docs/content-plan.md). */
export const CAUSE_SLUGS: readonly string[] = [
  'wrong-credentials', 'expired-session', 'stale-cookies', 'third-party-cookies-blocked', 'cached-client-credentials',
  'intranet-sso-failed', 'ip-restrictions', 'proxy-auth-required', 'site-access-restricted', 'wrong-url-or-environment',
  'missing-or-invalid-api-token', 'expired-oauth-token', 'missing-authorization-header', 'wrong-auth-scheme',
  'api-key-misplaced', 'header-dropped-on-redirect', 'cors-preflight-401', 'proxy-strips-authorization', 'clock-skew',
  'wrong-audience-or-issuer', 'token-for-wrong-api', 'missing-challenge', 'basic-non-ascii-credentials', 'unsupported-auth-scheme',
];

/** The visitor's context, used to pick a tab on the fix page. */
export interface Audience {
  client: string | undefined;
  server: string | undefined;
  browser: string | undefined;
  os: string | undefined;
}

/**
 * @param slug a fix page slug
 * @param who detected client / server / browser / OS ids
 * @returns the link to the fix page, with the tab parameter its tab set takes when we know it
 */
export function fixHref(slug: string, who: Audience): string {
  const page = FIX_PAGES[slug];
  const id = page?.tabs ? who[page.tabs] : undefined;
  return `/guide/${slug}/${page?.tabs && id ? `?${page.tabs}=${encodeURIComponent(id)}` : ''}`;
}

/**
 * @param slug a fix page slug
 * @returns the wizard outcome page for that fix, when there is one
 */
export function wizardHref(slug: string): string | undefined {
  // Every fix page is a wizard outcome (the wizard generates /wizard/outcome/<fix>/ for each).
  return FIX_PAGES[slug] ? `/wizard/outcome/${slug}/` : undefined;
}

/**
 * Client tab id from a User-Agent (curl/8.5.0, HTTPie/3.2, PostmanRuntime/7, axios/1.7, python-requests/2.32, node…).
 * @param ua a User-Agent header value
 * @returns a client tab id from src/lib/tabs.ts, or undefined
 */
export function clientFromUserAgent(ua: string): string | undefined {
  const s = ua.slice(0, 500);
  if (/^curl\//i.test(s)) return 'curl';
  if (/HTTPie\//i.test(s)) return 'httpie';
  if (/PostmanRuntime|Postman/i.test(s)) return 'postman';
  if (/axios\//i.test(s)) return 'axios';
  if (/python|aiohttp|httpx|urllib/i.test(s)) return 'python';
  if (/^node|undici|node-fetch|got \(|^got\//i.test(s)) return 'node';
  if (/Mozilla\//.test(s)) return 'fetch';
  return undefined;
}

/**
 * Server tab id from response headers (Server, X-Powered-By).
 * @param server the Server header value
 * @param poweredBy the X-Powered-By header value
 * @returns a server tab id from src/lib/tabs.ts, or undefined
 */
export function serverFromHeaders(server: string, poweredBy: string): string | undefined {
  const s = `${server} ${poweredBy}`.slice(0, 500);
  if (/nginx|openresty/i.test(s)) return 'nginx';
  if (/apache(?!-coyote)|httpd/i.test(s)) return 'apache';
  if (/Microsoft-IIS/i.test(s)) return 'iis';
  if (/Kestrel|ASP\.NET/i.test(s)) return 'aspnet';
  if (/Express/i.test(s)) return 'express';
  if (/uvicorn|fastapi|hypercorn/i.test(s)) return 'fastapi';
  if (/WSGIServer|gunicorn|django/i.test(s)) return 'django';
  if (/Apache-Coyote|Tomcat|Jetty|Spring/i.test(s)) return 'spring';
  return undefined;
}
