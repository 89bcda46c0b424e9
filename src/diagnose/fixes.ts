// Where findings link: fix pages (by slug, from docs/content-plan.md), the tab set each fix page
// carries (so the link opens the visitor's client / server / OS tab), and the wizard outcome pages.
// A unit test checks every slug here against docs/content-plan.md.

/** Tab sets a fix page can open by query parameter (?client=curl, ?server=nginx …). */
export type TabSet = 'browser' | 'os' | 'client' | 'server';

/**
 * Every page findings may link to as "the fix", keyed by slug, with the tab set whose query
 * parameter opens the right panel (undefined for pages without tabs).
 */
export const FIX_PAGES: Record<string, TabSet | undefined> = {
  'check-credentials': 'browser',
  'clear-cookies': 'browser',
  'clear-cached-credentials': 'client',
  'sign-out-and-in': 'browser',
  'allow-cookies-for-site': 'browser',
  'check-url': 'browser',
  'network-checks': 'os',
  'contact-admin': undefined,
  'fix-intranet-sso': 'os',
  'refresh-api-token': 'client',
  'refresh-oauth-token': 'client',
  'fix-authorization-header': 'client',
  'keep-auth-on-redirect': 'client',
  'fix-token-audience': 'client',
  'fix-clock-skew': 'os',
  'send-correct-401': 'server',
  'fix-cors-preflight': 'server',
  'pass-authorization-through-proxy': 'server',
};

/**
 * Link text for each fix page. Kept apart from FIX_PAGES so the web page can take it from its own
 * HTML (DiagnoseTool.astro renders it) instead of shipping it twice in its JS.
 */
export const FIX_LABELS: Record<string, string> = {
  'check-credentials': 'Check the username and password',
  'clear-cookies': 'Clear the site’s cookies',
  'clear-cached-credentials': 'Clear saved credentials',
  'sign-out-and-in': 'Sign out and sign in again',
  'allow-cookies-for-site': 'Allow cookies for the site',
  'check-url': 'Check the address and environment',
  'network-checks': 'Check the network and proxy',
  'contact-admin': 'Ask the site’s administrator',
  'fix-intranet-sso': 'Fix intranet single sign-on',
  'refresh-api-token': 'Get a new API key or token',
  'refresh-oauth-token': 'Refresh the OAuth access token',
  'fix-authorization-header': 'Fix the Authorization header',
  'keep-auth-on-redirect': 'Keep credentials across a redirect',
  'fix-token-audience': 'Get a token for the right API',
  'fix-clock-skew': 'Fix the clock',
  'send-correct-401': 'Send a correct 401 (server)',
  'fix-cors-preflight': 'Let CORS preflights through (server)',
  'pass-authorization-through-proxy': 'Pass Authorization through the proxy (server)',
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
  const set = FIX_PAGES[slug];
  const id = set ? who[set] : undefined;
  return `/guide/${slug}/${set && id ? `?${set}=${encodeURIComponent(id)}` : ''}`;
}

/**
 * @param slug a fix page slug
 * @returns the wizard outcome page for that fix, when there is one
 */
export function wizardHref(slug: string): string | undefined {
  // Every fix page is a wizard outcome (the wizard generates /wizard/outcome/<fix>/ for each).
  return Object.hasOwn(FIX_PAGES, slug) ? `/wizard/outcome/${slug}/` : undefined;
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
