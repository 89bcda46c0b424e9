// Error bodies and messages, recognised by rule rather than by a table of copied strings: the text
// is normalised (camelCase and snake_case split, lower-cased) and matched against patterns for what
// the message *means* — expired, wrong audience, missing, invalid, clock, CORS … — so "TokenExpired",
// "token_expired", "jwt expired" and "The token is expired" all land in the same place.
// Patterns are alternations of literals with bounded gaps: linear time.

import type { Evidence, Exchange, Finding, TextLine } from '../types.ts';
import { bodyMessages } from '../parse/body.ts';
import { challengesOf, credKind, credsOf, evHeader, isPreflight, type CredKind, type Ctx } from './context.ts';

/** What a message says went wrong. */
export type Category =
  | 'preflight' | 'cors' | 'session' | 'clock' | 'refresh' | 'expired' | 'audience' | 'issuer' | 'aws-signature' | 'signature'
  | 'scope' | 'invalid-client' | 'no-password' | 'revoked' | 'ip' | 'policy' | 'userpass' | 'sso' | 'config' | 'proxy' | 'invalid' | 'missing';

/** In priority order: the first category any message matches wins (specific before generic). */
export const CATEGORIES: readonly (readonly [Category, RegExp])[] = [
  ['preflight', /preflight|does not have http ok status|access control check/],
  ['cors', /cors policy|access control allow origin|cross origin request blocked|cors header/],
  ['session', /session (?:has |is )?(?:expired|ended|invalid|timed out|not found)|(?:log|sign) in again|you (?:have been|were) (?:logged|signed) out|login session|session cookie/],
  ['clock', /is now earlier than|request ?time ?too ?skewed|not yet valid|\bnbf\b|not before|issued (?:in the )?future|\biat\b.{0,40}future|clock ?skew|time ?skew|\bskewed\b|idx10222|signature not yet current|used before|too far in the future|expired or not yet/],
  ['refresh', /invalid grant|refresh token.{0,40}(?:expired|revoked|invalid|not found)|aadsts700082|aadsts50173|aadsts70008\b/],
  ['expired', /\bexpired\b|\bexpiry\b|token expir|lifetime validation failed|idx10223|no longer valid|too old/],
  ['audience', /audience|\baud\b|idx10214|idx10231|aadsts500011|resource principal|intended for|invalid resource|wrong resource/],
  ['issuer', /issuer|\biss\b|idx10205|idx10204|wrong tenant|tenant .{0,40}(?:not|mismatch|invalid)|aadsts50020|aadsts700016/],
  ['aws-signature', /signature (?:we calculated )?does not match|secret access key|invalid client token id|security token included in the request is invalid|access key id you provided does not exist|header is formed correctly including the signature/],
  ['signature', /signature|idx10503|idx10500|idx10501|idx10511|signing key|\bkid\b|jwks|malformed (?:token|jwt)|token (?:is )?malformed|jwt malformed/],
  ['scope', /insufficient scope|required scopes?|missing (?:required )?scopes?|scopes? .{0,30}(?:required|missing|insufficient)|not have (?:the )?(?:required )?scopes?\b/],
  ['invalid-client', /invalid client\b|client authentication failed|invalid client secret|aadsts7000215|aadsts7000222|client secret .{0,30}(?:expired|invalid)|unauthorized client/],
  ['no-password', /basic auth(?:entication)? with (?:a )?passwords? (?:is )?deprecated|password authentication (?:is|was|has been) (?:removed|deprecated|disabled)|support for password authentication was removed|use a personal access token instead|app password required/],
  ['revoked', /revoked|deactivated|account (?:is |has been )?(?:disabled|inactive|suspended|locked|deleted)|account inactive|key (?:is |has been )?disabled|user (?:is )?suspended/],
  ['ip', /ip (?:address )?(?:is )?(?:not (?:allowed|whitelisted|permitted|authorized|in)|blocked|restricted|denied)|from this ip|not in (?:the )?(?:allow ?list|whitelist)|ip (?:allow ?list|whitelist)/],
  ['policy', /conditional access|multi ?factor|\bmfa\b|interaction required|consent required|aadsts50076|aadsts50079|aadsts53003|aadsts65001/],
  ['userpass', /(?:invalid|incorrect|wrong|bad) (?:user ?name|password|login|email)|(?:invalid|incorrect|wrong) user ?name (?:or|and) password|login failed|logon failed|\b401 1\b|invalid user credentials/],
  ['sso', /kerberos|\bntlm\b|\bspnego\b|\bsspi\b|\bgss(?:api)?\b/],
  ['config', /\b401 2\b|due to server configuration|authentication (?:method|scheme) .{0,40}(?:not supported|unsupported|disabled)|unsupported (?:auth|authentication) (?:scheme|method|type)/],
  ['proxy', /proxy authentication required|proxy authorization required/],
  ['invalid', /(?:invalid|incorrect|wrong|bad|unknown|malformed|unrecognized|unrecognised|not valid) (?:[a-z]+ ){0,3}?(?:key|token|credentials?|auth\b|jwt)|api key (?:is )?(?:not valid|invalid)|key not valid|\binvalid auth|bad credentials|authentication failed|could not (?:be )?(?:validated?|verif(?:y|ied)|authenticated?)|unauthenticated|invalid authentication|(?:token|key|credentials?) (?:[a-z]+ ){0,3}?(?:invalid|not valid)|not a valid (?:key|token)|access denied|failed to (?:authenticate|validate)|unauthori[sz]ed/],
  ['missing', /\bmissing\b|not provided|\bno (?:auth|authorization|token|credentials?|api key|bearer)|(?:token|key|credentials?|authorization|header) (?:is |are |was |were )?(?:required|not (?:present|found|provided|supplied|set))|not authed|must (?:be )?(?:authenticated|logged in|signed in)|authentication (?:is )?required|login required|requires? authentication|credentials were not provided|authorization required|please (?:log|sign) in|must authenticate|did ?n t (?:provide|send|include)|did not (?:provide|send|include)|not authenticated/],
];

/** Messages that only restate the status ("Unauthorized", "401 Authorization Required"). */
const GENERIC_RE = /^(?:(?:http )?(?:error )?\d{3} )?(?:unauthori[sz]ed|authorization required|authentication required|access denied|not authenticated|unauthenticated|login required)(?: (?:error|request|access))?(?: \d{3})?$/;

/**
 * Normalises a message for matching: splits camelCase and snake_case, lower-cases, squeezes spaces.
 * @param s the message
 * @returns normalised text (bounded length)
 */
export function normalise(s: string): string {
  return s
    .slice(0, 4000)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[_\-.:'"`/\\,;()[\]{}]+/g, ' ')
    .replace(/\s+/g, ' ');
}

/**
 * @param text one message
 * @returns the first category it matches, if any
 */
export function classify(text: string): Category | undefined {
  const n = normalise(text);
  for (const [cat, re] of CATEGORIES) if (re.test(n)) return cat;
  return undefined;
}

/** A classified message: its category and the line that says so. */
export interface Classified {
  cat: Category;
  line: TextLine;
}

/**
 * Picks the most specific category among several messages (e.g. a JSON body's fields).
 * @param lines messages
 * @returns the winning category with its line, or undefined
 */
export function classifyAll(lines: readonly TextLine[]): Classified | undefined {
  let best: Classified | undefined;
  let bestRank = CATEGORIES.length;
  for (const line of lines) {
    // URLs in bodies ("error_uri", documentation links) say nothing about the failure.
    const value = line.text.replace(/^[\w.]{1,80}: /, '');
    if (/^https?:\/\/\S*$/.test(value)) continue;
    // "Unauthorized" restates the status code, and servers' stock 401 pages say nothing specific.
    if (GENERIC_RE.test(normalise(value).trim()) || /could not verify that you are authori[sz]ed|lacks valid authentication credentials/i.test(value)) continue;
    const cat = classify(line.text);
    if (!cat) continue;
    const rank = CATEGORIES.findIndex(([c]) => c === cat);
    if (rank < bestRank) {
      best = { cat, line };
      bestRank = rank;
    }
  }
  return best;
}

/** A cause for a category, given how the request authenticated. */
interface Mapped {
  cause: string | undefined;
  fix: string;
  title: string;
  /** added to the base score */
  bonus: number;
}

/**
 * Maps what the server said to a cause, given what the request sent.
 * @param cat the message category
 * @param kind the credential kind the request used
 * @returns the cause, fix and wording
 */
export function mapCategory(cat: Category, kind: CredKind): Mapped {
  const m = (cause: string | undefined, fix: string, title: string, bonus = 0): Mapped => ({ cause, fix, title, bonus });
  switch (cat) {
    case 'preflight':
      return m('cors-preflight-401', 'fix-cors-preflight', 'The CORS preflight (OPTIONS) was refused, so the real request was never sent.', 10);
    case 'cors':
      return m('cors-preflight-401', 'fix-cors-preflight', 'The browser blocked a response without CORS headers — typically a 401 sent before CORS runs.', -20);
    case 'session':
      return m('expired-session', 'sign-out-and-in', 'The login session has expired or was ended.');
    case 'clock':
      return m('clock-skew', 'fix-clock-skew', 'A clock is off: the token or signature is not yet valid, or too old, by the server’s time.', 4);
    case 'refresh':
      return m('expired-oauth-token', 'refresh-oauth-token', 'The refresh token (or authorization grant) has expired or was revoked.', 2);
    case 'expired':
      if (kind === 'cookie') return m('expired-session', 'sign-out-and-in', 'The login session has expired.');
      if (kind === 'basic' || kind === 'digest') return m('wrong-credentials', 'check-credentials', 'The password (or account) has expired.');
      if (kind === 'key') return m('missing-or-invalid-api-token', 'refresh-api-token', 'The API key has expired.');
      return m('expired-oauth-token', 'refresh-oauth-token', 'The access token has expired.', 2);
    case 'audience':
      return m('wrong-audience-or-issuer', 'fix-token-audience', 'The token was issued for a different API (its audience does not match this one).', 2);
    case 'issuer':
      return m('wrong-audience-or-issuer', 'fix-token-audience', 'The token comes from an issuer or tenant this API does not trust.');
    case 'aws-signature':
      return m('missing-or-invalid-api-token', 'refresh-api-token', 'The request signature does not match: the secret key, the access key ID or the signing steps are wrong.');
    case 'signature':
      return m('token-for-wrong-api', 'fix-token-audience', 'The token’s signature does not verify with this API’s keys: another issuer, tenant or environment, or a damaged token.');
    case 'scope':
      return m('token-for-wrong-api', 'fix-token-audience', 'The token is valid but lacks the scope or permission this call needs.');
    case 'invalid-client':
      return m('missing-or-invalid-api-token', 'refresh-api-token', 'The OAuth client ID or secret was rejected (wrong or expired secret).');
    case 'no-password':
      return m('missing-or-invalid-api-token', 'refresh-api-token', 'Passwords are no longer accepted here: create a personal access token (or API token) and use it instead of the password.', 4);
    case 'revoked':
      return m('missing-or-invalid-api-token', 'refresh-api-token', 'The token or key was revoked, or its account is disabled.');
    case 'ip':
      return m('ip-restrictions', 'network-checks', 'These credentials are only accepted from certain IP addresses.');
    case 'policy':
      return m('site-access-restricted', 'contact-admin', 'An access policy (multi-factor, conditional access or consent) blocked the sign-in.');
    case 'userpass':
      return m('wrong-credentials', 'check-credentials', 'The username or password is wrong.');
    case 'sso':
      return m('intranet-sso-failed', 'fix-intranet-sso', 'Windows integrated sign-in (Kerberos / NTLM) failed.');
    case 'config':
      return m('unsupported-auth-scheme', 'fix-authorization-header', 'The server refuses the authentication method used.');
    case 'proxy':
      return m('proxy-auth-required', 'network-checks', 'A proxy between you and the site wants credentials.');
    case 'invalid':
      if (kind === 'none') return m('missing-authorization-header', 'fix-authorization-header', 'No credentials were sent, so the server rejected the request.', 2);
      if (kind === 'basic' || kind === 'digest') return m('wrong-credentials', 'check-credentials', 'The username or password was rejected.');
      if (kind === 'cookie') return m('expired-session', 'sign-out-and-in', 'The session cookie was not accepted: the session expired or was signed out.');
      return m('missing-or-invalid-api-token', 'refresh-api-token', 'The API key or token was rejected as invalid.');
    case 'missing':
      if (kind === 'cookie') return m('expired-session', 'sign-out-and-in', 'The session cookie is no longer accepted.', -6);
      if (kind === 'key') return m('api-key-misplaced', 'fix-authorization-header', 'A key was sent, but not where this server looks for it.', 2);
      if (kind === 'bearer' || kind === 'basic' || kind === 'other-scheme' || kind === 'digest' || kind === 'negotiate') {
        return m('proxy-strips-authorization', 'pass-authorization-through-proxy', 'Authorization was sent, yet the server says none arrived: something in between dropped it.', -4);
      }
      return m('missing-authorization-header', 'fix-authorization-header', 'The server received no credentials.');
  }
}


/** Base scores by where the message came from. */
const FROM_DESCRIPTION = 84;
const FROM_BODY = 80;
const FROM_TEXT = 76;

/**
 * Builds a finding from a classified message.
 * @param c the classification
 * @param kind credential kind of the request
 * @param base score before the category's bonus
 * @param ex the exchange, for HAR evidence positions
 * @param extra more evidence
 * @returns the finding
 */
export function messageFinding(c: Classified, kind: CredKind, base: number, ex: Exchange | undefined, extra: Evidence[] = []): Finding {
  const mapped = mapCategory(c.cat, kind);
  return {
    rule: `message-${c.cat}`, title: mapped.title, cause: mapped.cause, fix: mapped.fix,
    score: base + mapped.bonus,
    evidence: [{ text: c.line.text, line: c.line.line, where: c.line.line === 0 && ex ? `HAR entry ${ex.index}, response body` : undefined }, ...extra],
  };
}

/**
 * Rule: classify response bodies, Bearer error descriptions and pasted messages.
 * @param ctx the rule context
 */
export function messageRules(ctx: Ctx): void {
  for (const ex of ctx.focus) {
    const r = ex.response;
    if (!r || isPreflight(ex)) continue;
    const kind = credKind(ex, ctx.sanitisedHar);
    // error_description in a Bearer (or DPoP) challenge: the most direct statement of the cause.
    const desc: TextLine[] = [];
    for (const ch of challengesOf(r).challenges) {
      const d = ch.params['error_description'];
      if (d) desc.push({ text: ch.source, line: ch.line });
    }
    const fromDesc = classifyAll(desc.map((l) => ({ text: l.text.replace(/^[^:]*:\s*/, ''), line: l.line })));
    if (fromDesc) {
      const orig = desc.find((d) => d.line === fromDesc.line.line) ?? fromDesc.line;
      ctx.findings.push(messageFinding({ cat: fromDesc.cat, line: orig }, kind, FROM_DESCRIPTION, ex));
    }
    // Apache's stock 401 page blames "bad password" whatever happened: it is no evidence.
    const body = /could not verify that you\s+are\s+authori[sz]ed/i.test(r.body) ? undefined : classifyAll(bodyMessages(r.body, r.bodyLine));
    if (body) {
      // Under a Basic/Digest challenge, a message that names no key or token is about a password.
      const pw = kind === 'unknown' && challengesOf(r).challenges.some((ch) => ch.schemeKey === 'basic' || ch.schemeKey === 'digest') && !/key|token/i.test(body.line.text);
      const f = messageFinding(body, pw ? 'basic' : kind, FROM_BODY, ex);
      // IIS's "401.2" page under a Negotiate/NTLM challenge is about Windows sign-in, not a header to fix.
      const windows = challengesOf(r).challenges.some((ch) => ch.schemeKey === 'negotiate' || ch.schemeKey === 'ntlm');
      if (windows && (body.cat === 'config' || body.cat === 'sso' || body.cat === 'invalid')) {
        f.fix = 'fix-intranet-sso';
        f.cause = ctx.parsed.kind === 'curl' ? 'unsupported-auth-scheme' : 'intranet-sso-failed';
      }
      const a = ex.request ? credsOf(ex.request).authorization : undefined;
      const offered = challengesOf(r).challenges.map((ch) => ch.schemeKey);
      if (f.cause === 'proxy-strips-authorization' && a && (a.problems.length > 0 || a.scheme === '' || (offered.length > 0 && !offered.includes(a.scheme.toLowerCase())))) {
        // "No token found" while a malformed or wrong-scheme header was sent: the server did not recognise it.
        f.cause = 'wrong-auth-scheme';
        f.fix = 'fix-authorization-header';
        f.title = 'The server did not recognise the Authorization header: wrong form or scheme.';
        f.score = 60;
      }
      ctx.findings.push(f);
    }
    // Legacy / vendor status text: "401 Token Expired".
    if (!body && !fromDesc && r.reason && !/^(?:unauthori[sz]ed|proxy authentication required|forbidden)$/i.test(r.reason)) {
      const reason = classifyAll([{ text: r.reason, line: r.line }]);
      if (reason) ctx.findings.push(messageFinding(reason, kind, FROM_BODY - 4, ex));
    }
    if (kind === 'key' && ex.request) {
      // "missing" while a key header was sent: point at the key header too.
      const f = ctx.findings[ctx.findings.length - 1];
      const k = credsOf(ex.request).keyHeaders[0];
      if (f && f.rule === 'message-missing' && k) f.evidence.push(evHeader(k, ex));
    }
  }
  // Pasted text or JSON on its own, and HTTPie's own error lines.
  if (ctx.parsed.messages.length > 0) {
    const c = classifyAll(ctx.parsed.messages);
    if (c) ctx.findings.push(messageFinding(c, 'unknown', FROM_TEXT, undefined));
  }
}
