// Error bodies and messages, recognised by rule rather than by a table of copied strings: the text
// is normalised (camelCase and snake_case split, lower-cased) and matched against patterns for what
// the message *means* — expired, wrong audience, missing, invalid, clock, CORS … — so "TokenExpired",
// "token_expired", "jwt expired" and "The token is expired" all land in the same place.
// Patterns are alternations of literals with bounded gaps: linear time.

import type { CauseSlug, FixSlug } from '../../registry/registry.gen.ts';
import type { Evidence, Exchange, Finding, TextLine } from '../types.ts';
import { bodyMessages } from '../parse/body.ts';
import { challengesOf, credKind, credsOf, evHeader, isPreflight, type CredKind, type Ctx } from './context.ts';

/** What a message says went wrong. */
export type Category =
  | 'preflight' | 'cors' | 'csrf' | 'gateway-denied' | 'dpop' | 'discovery' | 'placeholder' | 'kube-plugin' | 'authorizer' | 'samesite' | 'public-path' | 'store'
  | 'session' | 'clock' | 'refresh' | 'expired' | 'audience' | 'issuer' | 'aws-signature' | 'aws-key' | 'keys' | 'signature'
  | 'scope' | 'grant-type' | 'invalid-client' | 'no-password' | 'disabled' | 'revoked' | 'ip' | 'step-up' | 'userpass' | 'sso' | 'config' | 'proxy' | 'invalid' | 'missing';

/** In priority order: the first category any message matches wins (specific before generic). */
export const CATEGORIES: readonly (readonly [Category, RegExp])[] = [
  ['preflight', /preflight|does not have http ok status|access control check/],
  ['cors', /cors policy|access control allow origin|cross origin request blocked|cors header/],
  // Lookalikes and causes a message names outright; each is a family of wordings, not one vendor's.
  ['csrf', /\bcsrf\b|\bxsrf\b|\bcrumb\b|authenticity token|request ?verification ?token|anti ?forgery|session id header|\bpage expired\b/],
  ['dpop', /\bd ?po ?p\b/],
  ['discovery', /resource metadata|oauth protected resource|protected resource metadata/],
  ['placeholder', /\b(?:enter|add|insert|replace|put|paste) ?(?:in )?your\b|\byour ?(?:api ?)?(?:key|token|secret|client ?id|password) ?here\b|\b(?:key|token|secret|header|id)\b.{0,40}\b(?:to|is|was|of|as) (?:null|undefined|none|nil)\b|\bbearer (?:null|undefined)\b|<[a-z ]*(?:key|token|secret)[a-z ]*>/],
  ['kube-plugin', /exec plugin|(?:executable|credential plugin) .{0,60}not found|auth plugin has been removed|gke gcloud auth plugin|getting credentials exec/],
  ['gateway-denied', /rbac access denied|\bext ?authz\b|external authori[sz]ation (?:denied|failed)/],
  ['authorizer', /authorizer ?configuration|authorizer result|execution failed due to configuration error|authorizer (?:error|failed|exception)/],
  ['samesite', /\bsame ?site\b/],
  ['public-path', /(?:get|head) (?:api )?(?:health|healthz|ready|readyz|livez?|ping|metrics|actuator health)\b.{0,40}\b401\b/],
  ['store', /htpasswd|password file|user .{0,60}(?:was )?not found in\b|ldap (?:bind|server)|could not (?:open|read) (?:the )?password/],
  ['session', /session (?:has |is )?(?:expired|ended|invalid|timed out|not found)|(?:log|sign) in again|you (?:have been|were) (?:logged|signed) out|login session|session cookie/],
  ['clock', /activation time|clock .{0,20}(?:wrong|incorrect|off|out of sync)|later than the current (?:server )?time|timestamp .{0,30}(?:too far|out of range|skew)|out of sync|time (?:on|of) your (?:device|computer)|is now earlier than|request ?time ?too ?skewed|not yet valid|\bnbf\b|not before|issued (?:in the )?future|\biat\b.{0,40}future|clock ?skew|time ?skew|\bskewed\b|signature not yet current|used before|too far in the future|expired or not yet|not valid before|(?:date|time)(?: header)? (?:is )?too old|time (?:frame|window)/],
  ['disabled', /(?:account|user|robot|service account|key) (?:is |has been |was )?(?:disabled|inactive|suspended|locked|deactivated|blocked)|account inactive|locked out|too many (?:failed )?(?:login )?attempts|captcha|(?:account|user|e ?mail) (?:is |has )?not (?:yet |been )?(?:activated|verified|confirmed)|confirm your e ?mail/],
  ['refresh', /invalid grant|refresh token.{0,40}(?:expired|revoked|invalid|not found)|aadsts50173/],
  ['expired', /lifetime (?:has )?(?:ended|elapsed|passed)|\bexp\b.{0,30}\bpast\b|validity (?:period )?has (?:run out|ended|passed)|\blapsed\b|max(?:imum)? age|\bno longer usable\b|\bexpired\b|\bexpiry\b|token expir|token (?:is |was )?(?:not|no longer) active|inactive token|lifetime validation failed|no longer valid|too old/],
  ['audience', /issued for a different|minted for a different|(?:for|to) (?:a )?different (?:api|application|app|resource|client)|resource identifier .{0,60}(?:does not|doesn t) match|audience|\baud\b|resource principal|intended for|invalid resource|wrong resource|\btoken (?:[a-z]+ )?(?:do|does) not match/],
  ['issuer', /unknown (?:authority|issuer)|(?:identity provider|authority) that issued|tenant .{0,40}(?:does ?n t|does not) match|from this (?:directory|tenant) (?:are|is) not accepted|untrusted (?:issuer|authority|tenant)|issuer|\biss\b|wrong tenant|tenant .{0,40}(?:not|mismatch|invalid)|aadsts50020/],
  ['aws-signature', /signature (?:we calculated )?does not match|secret access key|header is formed correctly including the signature|authorization header is malformed|credential should be scoped to a valid region|signature ?does ?not ?match/],
  ['aws-key', /invalid client token id|security token included in the request is invalid|access key id you provided does not exist/],
  ['keys', /\bjwks\b|signing keys?\b|\bkid\b|no matching keys?|(?:another|unexpected|wrong) algorithm|algorithm .{0,30}not (?:supported|allowed)|expected algs?/],
  ['signature', /signature|signing key|\bkid\b|jwks|malformed (?:token|jwt)|token (?:is )?malformed|jwt malformed|signed jwt rejected|(?:not|failed to) (?:be )?verif(?:y|ied)|verification fail|no matching keys?|(?:another|unexpected|wrong) algorithm/],
  ['scope', /permissions? (?:needed|required)|(?:is ?n t|not) allowed to (?!access this (?:ip|network))|lacks? (?:the )?(?:required )?scopes?|scopes? .{0,40}not sufficient|(?:has ?n t|has not|not) been granted|not granted the (?:required )?permission|insufficient (?:permissions?|privileges?)|insufficient scope|required scopes?|missing (?:required )?scopes?|scopes? .{0,30}(?:required|missing|insufficient)|not have (?:the )?(?:required )?scopes?\b|scopes? (?:does|do|did) not (?:match|include|allow)|not consented|consent required|aadsts65001|grant your (?:personal access |oauth )?token access|saml (?:enforcement|sso)/],
  ['grant-type', /grant ?type .{0,80}not (?:allowed|permitted|supported)|unauthorized client|unsupported grant ?type|not permitted for (?:direct access|this) grant|client (?:is )?not (?:permitted|authorized|allowed) (?:for|to)|api keys? (?:are|is) not supported|not supported (?:by|for) (?:this|api keys?)/],
  ['invalid-client', /invalid client\b|client authentication failed|invalid client secret|client secret .{0,30}(?:expired|invalid)/],
  ['no-password', /basic auth(?:entication)? with (?:a )?passwords? (?:is )?deprecated|password authentication (?:is|was|has been) (?:removed|deprecated|disabled)|support for password authentication was removed|use a personal access token instead|app(?:lication)? ?(?:specific )?password (?:is )?required|stopped supporting (?:account )?passwords|basic auth(?:entication)? (?:is )?(?:disabled|no longer supported)|web ?login ?required/],
  ['revoked', /revocation list|withdrawn|blacklist|deny ?list|revoked|invalidated|deactivated|account (?:is |has been )?deleted/],
  ['ip', /ip (?:address )?(?:is )?(?:not (?:allowed|whitelisted|permitted|authorized|in)|blocked|restricted|denied)|from this ip|not in (?:the )?(?:allow ?list|whitelist)|ip (?:allow ?list|whitelist)/],
  ['step-up', /conditional access|multi ?factor|\bmfa\b|interaction required|insufficient claims|insufficient user authentication|claims challenge|step ?up|aadsts5007[69]|aadsts50158/],
  ['userpass', /(?:invalid|incorrect|wrong|bad) (?:user ?name|password|login|email)|(?:invalid|incorrect|wrong) user ?name (?:or|and) password|log(?:in|on)(?: attempt| has| was)? failed|log(?:in|on)\b.{0,30}\bauthenticat\w* failed|\b401 1\b|invalid user credentials|(?:to|not) authenticate user|failed for user|(?:user ?name|password) (?:or password )?(?:is |was |were )?(?:invalid|incorrect|wrong)|denied due to (?:invalid|wrong|bad) credentials/],
  ['sso', /kerberos|\bntlm\b|\bspnego\b|\bsspi\b|\bgss(?:api)?\b/],
  ['config', /\b401 2\b|due to server configuration|authentication (?:method|scheme) .{0,40}(?:not supported|unsupported|disabled)|unsupported (?:auth|authentication) (?:scheme|method|type)/],
  ['proxy', /proxy authentication required|proxy authorization required|(?:http|code|status|error|response) 407\b/],
  ['invalid', /malformed|could not be (?:parsed|decoded)|cannot be (?:parsed|decoded)|do ?n t recogni[sz]e|not recogni[sz]ed|does not match any known|(?:invalid|incorrect|wrong|bad|unknown|malformed|unrecognized|unrecognised|not valid) (?:[a-z]+ ){0,4}?(?:key|token|credentials?|auth\b|jwt|app(?:lication)? password)|\binvalid auth|bad credentials|authentication failed|could not (?:be )?(?:validated?|authenticated?)|unauthenticated|(?:token|key|credentials?) (?:[a-z]+ ){0,3}?(?:invalid|incorrect|wrong|not valid)|not a valid (?:key|token)|(?:failed|unable) to (?:authenticate|validate)/],
  ['missing', /credentials? (?:absent|not present|were not supplied)|(?:please )?provide (?:your )?credentials|\bmissing\b|not provided|\bno (?:auth|authorization|token|credentials?|api key|bearer)|(?:token|key|credentials?|authorization|header) (?:is |are |was |were )?(?:required|empty|blank|not (?:present|found|provided|supplied|set|sent))|not authed|must (?:be )?(?:authenticated|logged in|signed in)|must authenticate|authentication (?:is )?required|login required|requires? authentication|credentials were not provided|authorization required|please (?:log|sign) in|did(?: ?n ?| no)t (?:provide|send|include)|not authenticated|(?:need|have) to (?:sign in|log in|authenticate)|not (?:currently )?(?:logged|signed) in/],
  // Last: these words only restate the status, so any more specific statement in the same message wins.
  ['invalid', /unauthori[sz]ed|not authori[sz]ed|access denied|authentication error/],
];

/** Messages that only restate the status ("Unauthorized", "401 Authorization Required"). */
const GENERIC_RE = /^(?:(?:http )?(?:error )?\d{3} )?(?:unauthori[sz]ed|authorization required|authentication required|access denied|not authenticated|unauthenticated|login required)(?: (?:error|request|access|exception))?(?: \d{3})?$/;

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

const rankOf = (c: Category): number => CATEGORIES.findIndex(([x]) => x === c);

/**
 * @param text one message
 * @returns the first category it matches, if any, with its rank (the pattern's position: lower is more specific)
 */
export function classifyRanked(text: string): { cat: Category; rank: number } | undefined {
  const n = normalise(text);
  const i = CATEGORIES.findIndex(([, re]) => re.test(n));
  const cat = CATEGORIES[i]?.[0];
  let to: Category | undefined;
  // "Invalid API key or access token (… wrong password)": a message that names a key is about the key.
  if (cat === 'userpass' && /\b(?:api key|access token|app(?:lication)? password)\b/.test(n)) to = 'invalid';
  // "invalid, expired, or revoked", "incorrect or missing": a server listing the possibilities does not say which.
  if ((cat === 'expired' || cat === 'revoked' || cat === 'refresh' || cat === 'missing') && /\b(?:invalid|incorrect)\b.{0,20}\bor\b|\bor\b.{0,20}\b(?:invalid|incorrect)\b/.test(n)) to = 'invalid';
  // "Key disabled: it was revoked": revocation is the more specific statement.
  if (cat === 'disabled' && /\brevoked\b/.test(n)) to = 'revoked';
  // "JWT expired at … Allowed clock skew: 0": the server states the expiry and its tolerance; the token expired.
  if (cat === 'clock' && /\bexpired (?:at|on)\b/.test(n) && /allowed clock skew|clock skew (?:of|is)/.test(n)) to = 'expired';
  // "as an anonymous user", "anonymous access is disabled": the server saw no identity at all.
  if ((!cat || cat === 'invalid') && /\banonymous\b/.test(n)) to = 'missing';
  return to ? { cat: to, rank: rankOf(to) } : cat ? { cat, rank: i } : undefined;
}

/**
 * @param text one message
 * @returns the first category it matches, if any
 */
export function classify(text: string): Category | undefined {
  return classifyRanked(text)?.cat;
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
  const all: (Classified & { rank: number; code: boolean })[] = [];
  for (const line of lines) {
    // URLs in bodies ("error_uri", documentation links) say nothing about the failure.
    const value = line.text.replace(/^[\w.@-]{1,80}: /, '');
    if (/^https?:\/\/\S*$/.test(value)) continue;
    // "Unauthorized" restates the status code, and servers' stock 401 pages say nothing specific.
    if (GENERIC_RE.test(normalise(value).trim()) || /could not verify that you are authori[sz]ed|lacks valid authentication credentials/i.test(value)) continue;
    const c = classifyRanked(line.text);
    if (c) all.push({ ...c, line, code: !/\s/.test(value.trim()) });
  }
  const best = (xs: typeof all) => xs.reduce<(typeof all)[number] | undefined>((b, x) => (!b || x.rank < b.rank ? x : b), undefined);
  // A server's sentence ("Invalid user credentials") says more than its error code (invalid_grant,
  // INVALID_AUTHENTICATION). Codes decide only when no sentence speaks, when the sentence just says
  // "invalid" and the code names why (token_expired), and at a token endpoint, where
  // invalid_grant's "expired or revoked" is about the grant (the refresh token).
  const said = best(all.filter((x) => !x.code));
  const coded = best(all.filter((x) => x.code))?.cat;
  // (A user/password code yields only to a sentence that names a key or token instead.)
  const weak = said?.cat === 'invalid' && coded !== undefined && coded !== 'missing' && !(coded === 'userpass' && /key|token|app(?:lication)? password/i.test(said.line.text));
  const grant = (said?.cat === 'expired' || said?.cat === 'revoked') && coded === 'refresh';
  const win = said && !weak && !grant ? said : best(all);
  return win && { cat: win.cat, line: win.line };
}

/** A cause for a category, given how the request authenticated. */
interface Mapped {
  cause: CauseSlug | undefined;
  /** Only when it is not the cause's first fix. */
  fix: FixSlug | undefined;
  title: string;
  /** added to the base score */
  bonus: number;
}

/**
 * Maps what the server said to a cause, given what the request sent.
 * @param cat the message category
 * @param kind the credential kind the request used
 * @param text the message, for what it names (a personal access token is an API token, not OAuth)
 * @returns the cause, fix and wording
 */
export function mapCategory(cat: Category, kind: CredKind, text = ''): Mapped {
  const m = (cause: CauseSlug | undefined, fix: FixSlug | undefined, title: string, bonus = 0): Mapped => ({ cause, fix, title, bonus });
  switch (cat) {
    case 'preflight':
      return m('cors-preflight-401', undefined, 'The CORS preflight (OPTIONS) was refused, so the real request was never sent.', 10);
    case 'cors':
      return m('cors-preflight-401', undefined, 'The browser blocked a response without CORS headers — typically a 401 sent before CORS runs.', -20);
    case 'csrf':
      return m('csrf-token-rejected', undefined, 'This is a CSRF (or crumb) refusal, not a sign-in problem: the request lacked a valid anti-forgery token, or its session.', 6);
    case 'dpop':
      return m('dpop-proof-problem', undefined, 'The token is bound to DPoP: the request needs a valid DPoP proof (and, if asked, the server’s nonce).', 6);
    case 'discovery':
      return m('oauth-discovery-required', undefined, 'The server points to its protected-resource metadata (RFC 9728): the client must discover the authorization server and get a token first.', 6);
    case 'placeholder':
      return m('credential-value-mangled', undefined, 'The credential is a placeholder or an empty value (“null”, “undefined”, “YOUR_KEY_HERE”), not the real secret.', 14);
    case 'kube-plugin':
      return m('kubeconfig-credentials-stale', undefined, 'kubectl could not get credentials: the kubeconfig’s exec plugin is missing, removed or failing.', 6);
    case 'gateway-denied':
      return m('gateway-authorizer-rejected', undefined, 'A gateway or mesh policy (RBAC, external authorization) refused the request before it reached the service.', 4);
    case 'authorizer':
      return m('authorizer-error-5xx', undefined, 'The gateway’s authorizer itself failed (a configuration or runtime error), so no request was authorised.', 6);
    case 'samesite':
      return m('samesite-cookie-not-sent', undefined, 'The browser withholds or rejects the cookie because of its SameSite attribute.', 2);
    case 'public-path':
      return m('auth-applied-to-wrong-paths', undefined, 'Health-check or other public paths are answered with 401: authentication covers paths that must stay open.', 4);
    case 'store':
      return m('server-credential-store-broken', undefined, 'The server could not check the password against its user store (password file, LDAP): missing user, unreadable file or wrong format.', 2);
    case 'session':
      return m('expired-session', undefined, 'The login session has expired or was ended.');
    case 'clock':
      return m('clock-skew', undefined, 'A clock is off: the token or signature is not yet valid, or too old, by the server’s time.', 4);
    case 'refresh':
      return m('refresh-token-invalid', undefined, 'The refresh token (or authorization grant) has expired, was revoked or was already used.', 2);
    case 'expired':
      if (kind === 'cookie') return m('expired-session', undefined, 'The login session has expired.');
      if (kind === 'basic' || kind === 'digest') return m('wrong-credentials', undefined, 'The password (or account) has expired.');
      if (kind === 'key' || /personal access token|api (?:key|token)|app password|\bpat\b|security token|session token/.test(normalise(text))) return m('missing-or-invalid-api-token', undefined, 'The API key or token has expired.');
      return m('expired-oauth-token', undefined, 'The access token has expired.', 2);
    case 'audience':
      return m('wrong-audience-or-issuer', undefined, 'The token was issued for a different API (its audience does not match this one).', 2);
    case 'issuer':
      return m('wrong-audience-or-issuer', undefined, 'The token comes from an issuer or tenant this API does not trust.');
    case 'aws-signature':
      return m('request-signature-mismatch', undefined, 'The request signature does not match: the secret key, the region or service, the clock, or the signed headers differ.', 4);
    case 'aws-key':
      return m('missing-or-invalid-api-token', undefined, 'The access key or session token is not valid (unknown, expired, or its session token is missing).');
    case 'keys':
      return m('token-signature-invalid', undefined, 'The token’s signature cannot be checked with the keys or algorithm the server expects (key rotation, unknown kid, wrong alg).', 2);
    case 'signature':
      return m('token-for-wrong-api', undefined, 'The token’s signature does not verify with this API’s keys: another issuer, tenant or environment, or a damaged token.');
    case 'scope':
      return m('token-missing-scope', undefined, 'The token is valid but lacks a scope, permission, consent or SSO authorisation this call needs.', 2);
    case 'grant-type':
      return m('credential-type-not-accepted', undefined, 'This client or endpoint does not accept this kind of credential or grant.', 4);
    case 'invalid-client':
      return m('missing-or-invalid-api-token', undefined, 'The OAuth client ID or secret was rejected (wrong or expired secret).');
    case 'no-password':
      // Mail and Exchange protocols lose password sign-in altogether; elsewhere a token replaces the password.
      if (/\b(?:imap|smtp|pop3?|exchange|ews|activesync)\b|basic auth(?:entication)? (?:is )?disabled/.test(normalise(text))) return m('basic-auth-retired', undefined, 'The provider has switched off password (basic) sign-in for this protocol or app.', 4);
      return m('password-instead-of-token', undefined, 'Passwords are no longer accepted here: create a personal access token (or app password) and use it instead.', 4);
    case 'disabled':
      return m('account-locked-or-disabled', undefined, 'The account (or key) is locked, disabled, suspended or not yet activated.', 2);
    case 'revoked':
      return m('missing-or-invalid-api-token', undefined, 'The token or key was revoked, or its account is disabled.');
    case 'ip':
      return m('ip-restrictions', undefined, 'These credentials are only accepted from certain IP addresses.');
    case 'step-up':
      return m('step-up-or-claims-challenge', undefined, 'The server wants a stronger sign-in (multi-factor, conditional access or a claims challenge) before it accepts the token.', 2);
    case 'userpass':
      return m('wrong-credentials', undefined, 'The username or password is wrong.');
    case 'sso':
      return m('intranet-sso-failed', undefined, 'Windows integrated sign-in (Kerberos / NTLM) failed.');
    case 'config':
      return m('unsupported-auth-scheme', undefined, 'The server refuses the authentication method used.');
    case 'proxy':
      return m('proxy-auth-required', undefined, 'A proxy between you and the site wants credentials.');
    case 'invalid':
      if (kind === 'none') return m('missing-authorization-header', undefined, 'No credentials were sent, so the server rejected the request.', 2);
      if (kind === 'basic' || kind === 'digest') return m('wrong-credentials', undefined, 'The username or password was rejected.');
      if (kind === 'cookie') return m('expired-session', undefined, 'The session cookie was not accepted: the session expired or was signed out.');
      return m('missing-or-invalid-api-token', undefined, 'The API key or token was rejected as invalid.');
    case 'missing':
      if (kind === 'cookie') return m('expired-session', undefined, 'The session cookie is no longer accepted.', -6);
      if (kind === 'key') return m('api-key-misplaced', undefined, 'A key was sent, but not where this server looks for it.', 2);
      if (kind === 'bearer' || kind === 'basic' || kind === 'other-scheme' || kind === 'digest' || kind === 'negotiate') {
        return m('proxy-strips-authorization', undefined, 'Authorization was sent, yet the server says none arrived: something in between dropped it.', -4);
      }
      return m('missing-authorization-header', undefined, 'The server received no credentials.');
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
  // "Access denied" on a 403 without a challenge is a refusal of this identity, not a credential problem.
  const forbidden = c.cat === 'invalid' && ex?.response?.status === 403 && challengesOf(ex.response).challenges.length === 0 && !/authenticat|credential|key|token|password|signature/.test(normalise(c.line.text));
  const mapped = forbidden
    ? { cause: 'permission-denied-403' as const, fix: undefined, title: 'This is a 403: the server refuses this identity, address or request; new credentials will not help.', bonus: -6 }
    : mapCategory(c.cat, kind, c.line.text);
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
    // Error headers (x-ms-error-code, grpc-message, x-amzn-errortype …) speak when a HEAD or a gateway sends no body.
    const errHeaders = r.headers.filter((h) => /error|reason|message|diagnostic/i.test(h.name)).map((h) => ({ text: `${h.name}: ${h.value}`, line: h.line }));
    const body = /could not verify that you\s+are\s+authori[sz]ed/i.test(r.body) ? undefined : classifyAll([...bodyMessages(r.body, r.bodyLine), ...errHeaders]);
    if (body) {
      // Under a Basic/Digest challenge, a message that names no key or token is about a password.
      const pw = kind === 'unknown' && body.cat !== 'missing' && challengesOf(r).challenges.some((ch) => ch.schemeKey === 'basic' || ch.schemeKey === 'digest') && !/key|token/i.test(body.line.text);
      const f = messageFinding(body, pw ? 'basic' : kind, FROM_BODY, ex);
      // IIS's "401.2" page under a Negotiate/NTLM challenge is about Windows sign-in, not a header to fix.
      const windows = challengesOf(r).challenges.some((ch) => ch.schemeKey === 'negotiate' || ch.schemeKey === 'ntlm');
      if (windows && (body.cat === 'config' || body.cat === 'sso' || body.cat === 'invalid' || body.cat === 'userpass')) {
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
