// What every rule sees: the parsed evidence, the exchanges worth looking at, the clock, and a way
// to add findings and facts. Helpers for reading headers and citing evidence live here too.

import type { Knowledge } from '../atlas.ts';
import type { Evidence, Exchange, Fact, Finding, Header, HttpRequest, HttpResponse, Parsed, TextLine } from '../types.ts';
import { requestCredentials, type RequestCredentials } from '../parse/credentials.ts';
import { parseChallenges, type Challenge, type ChallengeParse } from '../parse/www-authenticate.ts';

/**
 * @param ctx the rule context
 * @returns the first line of the paste's text that says the request was refused as unauthenticated
 *   (401): how a paste without a status line (a CLI's error, a body under a command) tells it
 */
export function said401(ctx: Pick<Ctx, 'parsed'>): TextLine | undefined {
  return ctx.parsed.messages.find((m) => /\b401\b|unauthori[sz]ed|unauthenticated/i.test(m.text));
}

/** What a 403 without a challenge means, said once for the rules that meet one. */
export const FORBIDDEN_403 = 'This is a 403, not a 401: the server refuses this identity, address or request; new credentials will not help.';

/** The shared state rules read and write. */
export interface Ctx {
  parsed: Parsed;
  /** Seconds since the epoch: the visitor's clock (tests pass a fixed one). */
  now: number;
  /** Exchanges that failed with 401/407 (or a 401'd preflight), after dropping handshake legs. */
  focus: Exchange[];
  /** Whether this HAR looks like a sanitised export (no Authorization or Cookie anywhere). */
  sanitisedHar: boolean;
  findings: Finding[];
  facts: Fact[];
  /** What the caller loaded as data (the atlas of vendor errors), when it did. */
  knowledge?: Knowledge | undefined;
}

/**
 * @param hs headers
 * @param name lower-case name
 * @returns the first header with that name
 */
export function hdr(hs: readonly Header[] | undefined, name: string): Header | undefined {
  return hs?.find((h) => h.name.toLowerCase() === name);
}

/**
 * @param hs headers
 * @param name lower-case name
 * @returns every header with that name
 */
export function hdrs(hs: readonly Header[] | undefined, name: string): Header[] {
  return hs ? hs.filter((h) => h.name.toLowerCase() === name) : [];
}

/**
 * @param h a header
 * @param ex the exchange it belongs to (for HAR positions)
 * @param side which message it is in
 * @returns evidence citing the header line
 */
export function evHeader(h: Header, ex?: Exchange, side: 'request' | 'response' = 'request'): Evidence {
  return { text: `${h.name}: ${h.raw.replace(/^[ \t]/, '')}`, line: h.line, where: h.line === 0 && ex ? `HAR entry ${ex.index}, ${side} header` : undefined };
}

/**
 * @param r a request or response
 * @param ex its exchange
 * @returns evidence citing its start line
 */
export function evStart(r: HttpRequest | HttpResponse, ex: Exchange): Evidence {
  return { text: r.startLine, line: r.line, where: r.line === 0 ? `HAR entry ${ex.index}` : undefined };
}

const challengeCache = new WeakMap<HttpResponse, ChallengeParse>();
/**
 * @param r a response
 * @returns its WWW-Authenticate challenges (Proxy-Authenticate for a 407), parsed once
 */
export function challengesOf(r: HttpResponse): ChallengeParse {
  let c = challengeCache.get(r);
  if (!c) {
    const name = r.status === 407 ? 'proxy-authenticate' : 'www-authenticate';
    c = parseChallenges(hdrs(r.headers, name).map((h) => ({ value: h.value, line: h.line, source: `${h.name}: ${h.value}` })));
    challengeCache.set(r, c);
  }
  return c;
}

/**
 * @param ch a challenge
 * @param ex its exchange
 * @returns evidence citing the header it came from
 */
export function evChallenge(ch: Challenge, ex: Exchange): Evidence {
  return { text: ch.source, line: ch.line, where: ch.line === 0 ? `HAR entry ${ex.index}, response header` : undefined };
}

const credCache = new WeakMap<HttpRequest, RequestCredentials>();
/**
 * @param r a request
 * @returns what credentials it carried, computed once
 */
export function credsOf(r: HttpRequest): RequestCredentials {
  let c = credCache.get(r);
  if (!c) {
    c = requestCredentials(r);
    credCache.set(r, c);
  }
  return c;
}

/** How the request authenticated, for mapping server messages to causes. */
export type CredKind = 'basic' | 'bearer' | 'digest' | 'negotiate' | 'other-scheme' | 'key' | 'cookie' | 'none' | 'unknown';

/**
 * @param ex an exchange
 * @param sanitised whether missing headers may have been removed by a sanitised HAR export
 * @returns the kind of credential the request sent ('unknown' when the request is not visible)
 */
export function credKind(ex: Exchange | undefined, sanitised = false): CredKind {
  const r = ex?.request;
  if (!r || r.headers.length === 0) return 'unknown';
  const c = credsOf(r);
  if (c.authorization) {
    const s = c.authorization.scheme.toLowerCase();
    if (s === 'basic') return 'basic';
    if (s === 'bearer' || s === '') return 'bearer';
    if (s === 'digest') return 'digest';
    if (s === 'negotiate' || s === 'ntlm' || s === 'kerberos') return 'negotiate';
    return 'other-scheme';
  }
  if (c.keyHeaders.length > 0 || c.keyParams.length > 0) return 'key';
  if (c.cookie) return 'cookie';
  return sanitised ? 'unknown' : 'none';
}

/**
 * @param ctx the rule context
 * @param ex an exchange
 * @returns whether a browser sent it: a HAR, a browser's User-Agent or its Sec-Fetch headers
 */
export function fromBrowser(ctx: Ctx, ex: Exchange): boolean {
  return ctx.parsed.kind === 'har' || /\bMozilla\//.test(hdr(ex.request?.headers, 'user-agent')?.value ?? '') || !!hdr(ex.request?.headers, 'sec-fetch-site');
}

/**
 * @param ex an exchange
 * @returns whether it is a CORS preflight (OPTIONS with Access-Control-Request-Method, or answered with Access-Control-Allow-Methods), which never carries credentials
 */
export function isPreflight(ex: Exchange): boolean {
  // A browser's preflight names the method it asks for; an OPTIONS tried by hand (curl -X OPTIONS)
  // is one too when the server answers it with its CORS headers.
  return ex.request?.method === 'OPTIONS' && !!(hdr(ex.request.headers, 'access-control-request-method') || hdr(ex.response?.headers, 'access-control-allow-methods'));
}
