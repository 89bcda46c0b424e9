// Why a cookie was not stored, or not sent: from the Set-Cookie lines, the URLs of the responses
// that carried them and of the requests that followed, and the site the requests came from
// (Sec-Fetch-Site, else Origin or Referer). The reasons are the ones Chrome's DevTools shows
// ("This Set-Cookie was blocked because …", "This cookie was blocked because …"), named after
// Chromium's CookieInclusionStatus exclusion reasons:
// https://source.chromium.org/chromium/chromium/src/+/main:net/cookies/cookie_inclusion_status.h
// The storage and sending rules are RFC 6265 §5.1.3 (domain-match), §5.1.4 (path-match), §5.3
// (storage) and §5.4 (sending), with draft-ietf-httpbis-rfc6265bis (SameSite §5.6.7 and §5.8.3,
// the __Secure- and __Host- prefixes §4.1.3, no Secure cookies from insecure origins §5.7) and
// Chrome's documented behaviour: SameSite=None requires Secure and a cookie without SameSite is
// treated as Lax (https://www.chromium.org/updates/same-site/), Partitioned cookies require Secure
// (https://developers.google.com/privacy-sandbox/cookies/chips), and unpartitioned cross-site
// cookies are blocked where third-party cookies are (Incognito, user settings; Safari and Firefox
// block or partition them by default).
import { parseSetCookie, type SetCookie } from '../parse/cookies.ts';
import type { CauseSlug } from '../../registry/registry.gen.ts';
import type { Confidence, Exchange, Header } from '../types.ts';
import { evHeader, fromBrowser, hdr, hdrs, type Ctx } from './context.ts';

/** One reason, as DevTools names it, with what it means for this cookie. */
export interface CookieReason {
  /** Chromium's exclusion reason (EXCLUDE_…), lower-case with hyphens. */
  id: string;
  /** The sentence we show. */
  text: string;
  cause: CauseSlug;
  /** What the paste can promise: protocol facts are high, a cross-site guess from headers medium. */
  tier: Confidence;
}

const LOCAL = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;
const IP = /^(?:\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-f:.]+\])$/i;

/**
 * The site of a host, approximately: its last two labels, or three under a two-letter country code
 * with a short second level (example.co.uk). A full answer needs the Public Suffix List, which this
 * page does not load; hosts such as user.github.io are therefore read as one site.
 * @param host a lower-case host name
 * @returns the registrable domain, or the host itself for IP addresses
 */
export function siteOf(host: string): string {
  if (IP.test(host)) return host;
  const labels = host.split('.');
  const n = labels.length >= 3 && /^[a-z]{2}$/.test(labels[labels.length - 1] ?? '') && (labels[labels.length - 2] ?? '').length <= 3 ? 3 : 2;
  return labels.slice(-n).join('.');
}

/** @returns a URL, or undefined when the text is not an absolute http(s) URL */
function url(s: string | undefined): URL | undefined {
  if (!s || !/^https?:\/\//i.test(s)) return undefined;
  try {
    return new URL(s);
  } catch {
    return undefined;
  }
}

/** RFC 6265 §5.1.3: the host is the domain, or a subdomain of it. */
function domainMatch(host: string, domain: string): boolean {
  return host === domain || (host.endsWith(`.${domain}`) && !IP.test(host));
}

/** RFC 6265 §5.1.4. */
function pathMatch(path: string, cookiePath: string): boolean {
  return path === cookiePath || (path.startsWith(cookiePath) && (cookiePath.endsWith('/') || path[cookiePath.length] === '/'));
}

/** RFC 6265 §5.1.4: the default path is the request path up to its last "/". */
function defaultPath(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

/** Where a request came from, as far as its headers say. */
interface Context {
  /** Whether the request is cross-site (undefined: the paste does not say). */
  crossSite: boolean | undefined;
  /** A top-level navigation (Sec-Fetch-Mode: navigate): its response may set Lax and Strict cookies. */
  navigation: boolean;
  /** A top-level navigation with a safe method: Lax cookies go along with it. */
  laxAllowed: boolean;
  /** The initiating site, for the sentence. */
  from: string | undefined;
  /** The browser said so itself (Sec-Fetch-Site), rather than our reading of Origin or Referer. */
  sure: boolean;
}

function contextOf(ex: Exchange, target: URL): Context {
  const h = ex.request?.headers;
  const method = ex.request?.method ?? 'GET';
  const mode = hdr(h, 'sec-fetch-mode')?.value.toLowerCase();
  const navigation = mode === 'navigate';
  const laxAllowed = navigation && /^(?:GET|HEAD|OPTIONS|TRACE)$/.test(method);
  // The browser's own answer (Fetch Metadata): cross-site, same-site, same-origin or none.
  const sfs = hdr(h, 'sec-fetch-site')?.value.toLowerCase();
  const from = url(hdr(h, 'origin')?.value) ?? url(hdr(h, 'referer')?.value);
  if (sfs) return { crossSite: sfs === 'cross-site', navigation, laxAllowed, from: from?.host, sure: true };
  if (!from) return { crossSite: undefined, navigation, laxAllowed, from: undefined, sure: false };
  // Chrome compares sites with their scheme ("schemeful same-site").
  return { crossSite: siteOf(from.hostname) !== siteOf(target.hostname) || from.protocol !== target.protocol, navigation, laxAllowed, from: from.host, sure: false };
}

/** SameSite as the browser applies it: unspecified is Lax in Chrome. */
function sameSite(c: SetCookie): 'strict' | 'lax' | 'none' | 'unspecified' {
  const v = c.attrs['samesite']?.toLowerCase();
  return v === 'strict' || v === 'lax' || v === 'none' ? v : 'unspecified';
}

/**
 * Why a browser would not store a cookie from this response.
 * @param c the parsed Set-Cookie
 * @param from the URL of the response that carried it
 * @param cx where the request came from
 * @returns the reasons, most fundamental first (empty when it would be stored)
 */
export function storeReasons(c: SetCookie, from: URL, cx: Pick<Context, 'crossSite' | 'navigation' | 'sure'>): CookieReason[] {
  const out: CookieReason[] = [];
  const secure = 'secure' in c.attrs;
  const host = from.hostname.toLowerCase();
  const insecure = from.protocol === 'http:' && !LOCAL.test(host);
  const ss = sameSite(c);
  const r = (id: string, text: string, cause: CauseSlug = 'cookie-rejected-by-browser', tier: Confidence = 'high') => out.push({ id, text, cause, tier });
  if (secure && insecure) r('secure-only', 'it has the Secure attribute but came over http://, and browsers only accept Secure cookies from secure origins');
  if (ss === 'none' && !secure) r('samesite-none-insecure', 'it has SameSite=None without Secure, which browsers reject');
  if ('partitioned' in c.attrs && !secure) r('partitioned-insecure', 'it is Partitioned without Secure, which Chrome rejects');
  const domain = c.attrs['domain']?.replace(/^\./, '').toLowerCase();
  if (domain && !domainMatch(host, domain)) r('invalid-domain', `its Domain=${domain} does not cover the host that set it (${host})`);
  if (/^__secure-/i.test(c.name) && !secure) r('invalid-prefix', 'its name starts with __Secure- but it lacks the Secure attribute');
  if (/^__host-/i.test(c.name) && (!secure || domain || c.attrs['path'] !== '/')) r('invalid-prefix', 'its name starts with __Host-, which requires Secure, Path=/ and no Domain');
  if (out.length > 0 || cx.crossSite !== true) return out;
  // A cross-site response: Lax and Strict cookies are only set on a top-level navigation (6265bis §5.7).
  if (ss !== 'none' && !cx.navigation) {
    const which = ss === 'unspecified' ? 'no SameSite attribute (so Lax, by default)' : `SameSite=${ss === 'strict' ? 'Strict' : 'Lax'}`;
    r(ss === 'unspecified' ? 'samesite-unspecified-treated-as-lax' : `samesite-${ss}`, `it has ${which} but came in a cross-site response that was not a top-level navigation`, 'samesite-cookie-not-sent', cx.sure ? 'high' : 'medium');
  } else if (ss === 'none' && !('partitioned' in c.attrs)) {
    r('third-party', 'it is a third-party cookie (set in a cross-site response, not Partitioned): browsers that block third-party cookies (Safari, Firefox, Chrome in Incognito or by setting) do not keep it', 'cross-site-session-blocked', 'medium');
  }
  return out;
}

/**
 * Why a stored cookie was not sent with a request.
 * @param c the cookie as it was set
 * @param setBy the URL of the response that set it
 * @param to the URL of the later request
 * @param cx where that request came from
 * @param nowSeconds the time, for expiry
 * @returns the reasons (empty when it should have been sent)
 */
export function sendReasons(c: SetCookie, setBy: URL, to: URL, cx: Context, nowSeconds: number): CookieReason[] {
  const out: CookieReason[] = [];
  const r = (id: string, text: string, cause: CauseSlug = 'cookie-rejected-by-browser', tier: Confidence = 'high') => out.push({ id, text, cause, tier });
  const host = to.hostname.toLowerCase();
  const domain = c.attrs['domain']?.replace(/^\./, '').toLowerCase();
  if (domain ? !domainMatch(host, domain) : host !== setBy.hostname.toLowerCase()) {
    r('domain-mismatch', domain ? `its Domain=${domain} does not cover ${host}` : `it has no Domain attribute, so it is only sent to ${setBy.hostname} itself, not to ${host}`);
  }
  const path = c.attrs['path']?.startsWith('/') ? (c.attrs['path'] ?? '/') : defaultPath(setBy.pathname);
  if (!pathMatch(to.pathname, path)) r('not-on-path', `its Path=${path} does not cover ${to.pathname}`);
  if ('secure' in c.attrs && to.protocol === 'http:' && !LOCAL.test(host)) r('secure-only', 'it is Secure and the request went over http://');
  const maxAge = c.attrs['max-age'];
  const expires = c.attrs['expires'] ? Date.parse(c.attrs['expires']) : NaN;
  if ((maxAge !== undefined && /^-?\d+$/.test(maxAge) && Number(maxAge) <= 0) || expires / 1000 < nowSeconds) r('expired', 'it had expired (Max-Age=0 or an Expires date in the past)', 'stale-cookies');
  if (out.length > 0 || cx.crossSite !== true) return out;
  const ss = sameSite(c);
  const why = cx.from ? ` (the request came from ${cx.from})` : '';
  if (ss === 'strict') r('samesite-strict', `it has SameSite=Strict and the request was cross-site${why}`, 'samesite-cookie-not-sent', cx.sure ? 'high' : 'medium');
  else if ((ss === 'lax' || ss === 'unspecified') && !cx.laxAllowed) {
    r(ss === 'lax' ? 'samesite-lax' : 'samesite-unspecified-treated-as-lax', `it has ${ss === 'lax' ? 'SameSite=Lax' : 'no SameSite attribute (so Lax, by default)'} and the request was cross-site and not a top-level navigation (a fetch, a frame or a POST)${why}`, 'samesite-cookie-not-sent', cx.sure ? 'high' : 'medium');
  }
  return out;
}

/** Base score by tier: protocol facts lead, cross-site inferences rank as medium. */
const SCORE: Record<Confidence, number> = { high: 88, medium: 72, low: 45 };

/**
 * Rule: cookies from Set-Cookie that a browser would not store, and stored ones missing from later
 * requests to the same site. Needs URLs (HAR entries, curl -v, a request with a Host header).
 * @param ctx the rule context
 */
export function cookieRules(ctx: Ctx): void {
  if (ctx.sanitisedHar) return; // Chrome's default HAR export has no Set-Cookie or Cookie lines at all
  // These are browser rules: curl and HTTPie keep cookies by their own (only with -b/-c, --session).
  if (!ctx.parsed.exchanges.slice(0, 50).some((ex) => fromBrowser(ctx, ex)) && (ctx.parsed.kind === 'curl' || ctx.parsed.kind === 'httpie')) return;
  // A Set-Cookie header pasted on its own: where it came from is unknown, so only the reasons that
  // depend on the cookie alone count (SameSite=None without Secure, the name prefixes). A local
  // https origin stands in for it, and the Domain check, which needs the real host, is dropped.
  const bare = ctx.parsed.bare;
  const lone = bare && /^set-cookie$/i.test(bare.name) ? parseSetCookie(bare.value) : undefined;
  if (bare && lone) {
    const reasons = storeReasons(lone, new URL('https://localhost/'), { crossSite: undefined, navigation: true, sure: false }).filter((x) => x.id !== 'invalid-domain');
    const first = reasons[0];
    if (first) {
      ctx.findings.push({
        rule: 'cookie-blocked', cause: first.cause, score: SCORE[first.tier], ceiling: first.tier,
        title: `The browser will not store the cookie "${lone.name}": ${reasons.map((x) => x.text).join('; ')}.`,
        evidence: [{ text: `${bare.name}: ${bare.value}`.slice(0, 300), line: bare.line }],
      });
    }
  }
  const xs = ctx.parsed.exchanges.slice(0, 500);
  const seen = new Set<string>();
  const stored: Array<{ c: SetCookie; header: Header; setBy: URL; ex: Exchange }> = [];
  for (const ex of xs) {
    const at = url(ex.request?.url);
    if (!at || !ex.response) continue;
    // A later request that lacks a cookie set earlier: say why it was withheld.
    const sent = new Set((hdr(ex.request?.headers, 'cookie')?.value ?? '').split(';').map((p) => p.split('=')[0]?.trim() ?? ''));
    if (ex.request && ex.request.headers.length > 0) {
      for (const s of stored) {
        if (sent.has(s.c.name) || siteOf(at.hostname) !== siteOf(s.setBy.hostname) || seen.has(`send:${s.c.name}`)) continue;
        const reasons = sendReasons(s.c, s.setBy, at, contextOf(ex, at), ctx.now);
        const first = reasons[0];
        if (!first) continue;
        seen.add(`send:${s.c.name}`);
        ctx.findings.push({
          rule: 'cookie-not-sent', cause: first.cause, score: SCORE[first.tier], ceiling: first.tier,
          detail: `Chrome's reason: ${reasons.map((x) => x.id).join(', ')}. DevTools lists the cookie on the request's Cookies tab once “show filtered out request cookies” is ticked.`,
          title: `The browser did not send the cookie "${s.c.name}" to ${at.host}${at.pathname}: ${reasons.map((x) => x.text).join('; ')}.`,
          evidence: [evHeader(s.header, s.ex, 'response'), { text: ex.request.startLine, line: ex.request.line, where: ex.request.line === 0 ? `HAR entry ${ex.index}` : undefined }],
        });
      }
    }
    for (const h of hdrs(ex.response.headers, 'set-cookie')) {
      const c = parseSetCookie(h.value);
      if (!c) continue;
      const reasons = storeReasons(c, at, contextOf(ex, at));
      const first = reasons[0];
      if (!first) {
        stored.push({ c, header: h, setBy: at, ex });
        continue;
      }
      if (seen.has(`store:${c.name}`)) continue;
      seen.add(`store:${c.name}`);
      ctx.findings.push({
        rule: 'cookie-blocked', cause: first.cause, score: SCORE[first.tier], ceiling: first.tier,
        detail: `Chrome's reason: ${reasons.map((x) => x.id).join(', ')}. DevTools marks the cookie, with this reason, among the response cookies on the request's Cookies tab.`,
        title: `The browser will not store the cookie "${c.name}" from ${at.host}: ${reasons.map((x) => x.text).join('; ')}.`,
        evidence: [evHeader(h, ex, 'response')],
      });
    }
  }
}
