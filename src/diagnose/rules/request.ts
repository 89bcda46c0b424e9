// Rules on what the request sent: no credentials, a misspelt header, the wrong scheme, a missing
// or doubled "Bearer ", quotes, whitespace or placeholders around the credentials, credentials in
// the URL or query, Proxy-Authorization vs Authorization, Basic that is not base64 "user:password"
// or not UTF-8, and a vendor's token sent to another vendor's API.

import { tokenOwner } from '../atlas.ts';
import type { CauseSlug } from '../../registry/registry.gen.ts';
import type { Evidence, Exchange, Finding } from '../types.ts';
import { challengesOf, credKind, credsOf, evHeader, evStart, isPreflight, type Ctx } from './context.ts';

/**
 * Rule: check the credentials of every failing request, and of a lone pasted header.
 * @param ctx the rule context
 */
export function requestRules(ctx: Ctx): void {
  for (const ex of ctx.focus) if (ex.request) checkRequest(ctx, ex);
}

/**
 * The cause a malformed Basic value points to, where the malformation says which: a JWT after
 * "Basic" was meant for "Bearer"; ":" alone is an empty user and password (unset variables).
 * The rest (not base64, no colon, a newline) say only that the value was mangled on its way.
 */
const MALFORMED_BASIC_CAUSE: Partial<Record<string, CauseSlug>> = {
  'basic-jwt': 'wrong-auth-scheme',
  'basic-empty': 'credential-value-mangled',
};

function add(ctx: Ctx, f: Finding): void {
  ctx.findings.push(f);
}

function checkRequest(ctx: Ctx, ex: Exchange): void {
  const req = ex.request;
  if (!req) return;
  const r = ex.response;
  // A request pasted without its response (a curl command and what it printed, a request and the
  // error it got) got a 401 when the rest of the paste says so.
  const status = r?.status || (ctx.parsed.messages.some((m) => /\b401\b|unauthori[sz]ed/i.test(m.text)) ? 401 : 0);
  const c = credsOf(req);
  const chs = r ? challengesOf(r).challenges : [];
  const kind = credKind(ex, ctx.sanitisedHar);
  if (isPreflight(ex)) return; // preflights carry no credentials by design (flow rules handle them)

  negotiateFellBack(ctx, ex);

  // A misspelt Authorization header: the server never sees it as credentials.
  for (const h of c.misspelt) {
    add(ctx, {
      rule: 'misspelt-header', cause: 'missing-authorization-header', score: c.authorization ? 60 : 92,
      title: `The credentials are in a header named "${h.name}"; servers only read "Authorization".`,
      evidence: [evHeader(h, ex)],
    });
  }

  // Form problems in Authorization / Proxy-Authorization.
  for (const a of [c.authorization, c.proxyAuthorization]) {
    if (!a) continue;
    const ev = [evHeader(a.header, ex)];
    const seen = new Set<string>();
    for (const p of a.problems) {
      if (seen.has(p.id)) continue;
      seen.add(p.id);
      const common: Pick<Finding, 'fix' | 'evidence'> = { fix: 'fix-authorization-header', evidence: ev };
      switch (p.id) {
        case 'placeholder': {
          // "Bearer $TOKEN" in double quotes: the shell put the variable's value there, which the
          // paste does not show. Only an unset variable would leave the header empty.
          const name = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(a.credentials.trim() || a.header.value.trim())?.[1];
          if (name && req.shellExpanded?.includes(name)) {
            add(ctx, { ...common, rule: 'auth-variable-expanded', cause: 'credential-value-mangled', score: 45,
              title: `The ${a.header.name} value comes from $${name}, which the shell fills in before the command runs: the paste does not show what was sent. If $${name} is unset in that shell, the credential went out empty.`, });
            break;
          }
          // "<token>" is how people redact a paste as often as what was sent, so it ranks below
          // what the server says; "undefined", "{{token}}" or an unexpanded "$TOKEN" was sent.
          add(ctx, { ...common, rule: 'auth-placeholder', cause: 'credential-value-mangled', score: a.credentials.trim()[0] === '<' ? 45 : 94,
            title: `The ${a.header.name} header carries a placeholder instead of a credential: ${p.text}.`, });
          break;
        }
        case 'scheme-only': {
          // A token on the next line of the paste (wrapped, or a redaction like "<<token>>") was
          // sent after all: only a value that really ends at the scheme is empty.
          const next = a.header.line ? (ctx.parsed.text.split('\n', a.header.line + 1)[a.header.line]?.trim() ?? '') : '';
          if (next && !/^[\w-]+:/.test(next)) break;
          add(ctx, { ...common, rule: 'auth-scheme-only', cause: 'credential-value-mangled', score: 90,
            title: `The ${a.header.name} header has ${p.text}: the variable meant to hold the credential was empty when the request was built.`,
            detail: 'Check that the variable or setting is defined where the code runs (a .env file that was not loaded, a CI secret not passed to this step), and fail early when it is empty.' });
          break;
        }
        case 'no-scheme':
          add(ctx, { ...common, rule: 'auth-no-scheme', cause: 'wrong-auth-scheme', score: 86,
            title: `The ${a.header.name} value has no scheme: most APIs expect "Bearer " before the token.`,
            detail: `Send ${a.header.name}: ${chs[0]?.scheme ?? 'Bearer'} <token>.` });
          break;
        case 'double-scheme':
          add(ctx, { ...common, rule: 'auth-double-scheme', cause: 'wrong-auth-scheme', score: 91,
            title: `The scheme is written twice (${p.text}): the server reads the second word as the token.`, });
          break;
        case 'scheme-colon':
          add(ctx, { ...common, rule: 'auth-scheme-colon', cause: 'wrong-auth-scheme', score: 88,
            title: 'The scheme is followed by a colon ("Bearer: …"), which makes it an unknown scheme.', });
          break;
        case 'quotes':
          add(ctx, { ...common, rule: 'auth-quotes', cause: 'credential-value-mangled', score: 88,
            title: 'The credentials are wrapped in quotes, which are sent as part of the token.', });
          break;
        case 'whitespace':
          add(ctx, { ...common, rule: 'auth-whitespace', cause: 'credential-value-mangled', score: 84,
            title: `The ${a.header.name} value has stray whitespace or invisible characters: ${p.text}.`, });
          break;
        case 'basic-charset':
          add(ctx, { ...common, rule: 'basic-not-utf8', cause: 'basic-non-ascii-credentials', score: 86,
            title: 'The Basic credentials are not UTF-8, so a non-ASCII password will not match.', });
          break;
        case 'basic-encoding':
        case 'basic-no-colon':
        case 'basic-newline':
        case 'basic-jwt':
        case 'basic-empty':
          add(ctx, { ...common, rule: `auth-${p.id}`, cause: MALFORMED_BASIC_CAUSE[p.id], score: 87,
            title: `The Basic credentials are malformed: ${p.text}.`, });
          break;
        default:
          break;
      }
    }
  }

  if (status !== 401 && status !== 407 && status !== 403) {
    // Without a failing response, the form checks above are all we can say.
    vendorCheck(ctx, ex);
    return;
  }

  // Proxy-Authorization sent to the site.
  if (status === 401 && c.proxyAuthorization && !c.authorization) {
    add(ctx, {
      rule: 'proxy-authorization-to-site', cause: 'wrong-auth-scheme', score: 90,
      title: 'The credentials were sent in Proxy-Authorization, which is for a proxy; the site reads Authorization.',
      evidence: [evHeader(c.proxyAuthorization.header, ex)],
    });
  }

  // The wrong scheme for what the server asks.
  const a = status === 407 ? c.proxyAuthorization : c.authorization;
  const offered = chs.map((ch) => ch.schemeKey);
  if (a && a.scheme && offered.length > 0 && !offered.includes(a.scheme.toLowerCase()) && !a.problems.some((p) => p.id === 'double-scheme' || p.id === 'scheme-colon')) {
    const sent = a.scheme.toLowerCase();
    const ntlmFamily = (s: string) => s === 'negotiate' || s === 'ntlm' || s === 'kerberos';
    if (!(ntlmFamily(sent) && offered.some(ntlmFamily))) {
      add(ctx, {
        rule: 'scheme-mismatch', cause: 'wrong-auth-scheme', score: sent === 'bearer' && offered.includes('basic') ? 80 : 88,
        title: `The request used the "${a.scheme}" scheme, but the server asks for ${chs.map((ch) => `"${ch.scheme}"`).join(' or ')}.`,
        evidence: [evHeader(a.header, ex), ...chs.slice(0, 1).map((ch) => ({ text: ch.source, line: ch.line, where: ch.line === 0 ? `HAR entry ${ex.index}, response header` : undefined }))],
      });
    }
  }

  // A key header while the server asks for Authorization.
  if (status === 401 && !c.authorization && c.keyHeaders.length > 0 && offered.some((s) => s === 'bearer' || s === 'basic')) {
    const k = c.keyHeaders[0];
    if (k) {
      add(ctx, {
        rule: 'key-header-but-bearer', cause: 'api-key-misplaced', score: 82,
        title: `The key was sent in "${k.name}", but the server asks for it in Authorization (${chs[0]?.scheme ?? ''}).`,
        evidence: [evHeader(k, ex), ...chs.slice(0, 1).map((ch) => ({ text: ch.source, line: ch.line }))],
      });
    }
  }

  // Credentials in the URL or the query string.
  if (status === 401 && !c.authorization) {
    if (c.urlUserinfo) {
      add(ctx, {
        rule: 'credentials-in-url', cause: 'api-key-misplaced', score: 80,
        title: 'The credentials are in the URL (user:password@host), which fetch refuses and many clients drop.',
        evidence: [evStart(req, ex)],
      });
    }
    // A JWT in a header of its own name: an API that takes JWTs reads them, nearly always, only
    // from Authorization: Bearer (RFC 6750 §2.1). Medium: some do read their own header.
    const jwt = req.headers.find((h) => /^(?:bearer\s+)?eyJ[\w-]*\.[\w-]+\./i.test(h.value) && !/^(?:cookie|authorization)$/i.test(h.name));
    if (jwt) {
      add(ctx, {
        rule: 'jwt-in-own-header', cause: 'wrong-auth-scheme', score: 70,
        title: `The token (a JWT) is sent in the "${jwt.name}" header; APIs that take JWTs mostly read them only from Authorization: Bearer.`,
        evidence: [evHeader(jwt, ex)],
      });
    }
    const googleKey = /googleapis\.com/.test(req.host ?? '') && c.keyParams.some((p) => p.name === 'key');
    if (c.keyParams.length > 0 && !googleKey && c.keyHeaders.length === 0) {
      add(ctx, {
        rule: 'credentials-in-query', cause: 'api-key-misplaced', score: 64,
        title: `The credential is in the query string (${c.keyParams.map((p) => p.name).join(', ')}), where this API may not look.`,
        evidence: [evStart(req, ex)],
      });
    }
  }

  // curl -L to an http:// URL: the server's upgrade to https:// is another scheme and port, and
  // curl sends no Authorization after such a redirect (see the header-dropped-on-redirect page).
  if (status === 401 && c.authorization && /^http:\/\//i.test(req.url ?? '') && /\s(?:-L|--location)\b/.test(ctx.parsed.text.slice(0, 20_000))) {
    add(ctx, {
      rule: 'curl-location-http', cause: 'header-dropped-on-redirect', score: 78,
      title: 'curl -L was sent to http://: after the redirect to https:// (another scheme and port) it sends no Authorization, so the server got none. Call the https:// URL.',
      evidence: [evHeader(c.authorization.header, ex)],
    });
  }

  // Nothing sent at all.
  if (status === 401 && kind !== 'unknown' && !c.authorization && !c.proxyAuthorization && c.keyHeaders.length === 0 &&
    c.keyParams.length === 0 && !c.urlUserinfo && c.misspelt.length === 0) {
    const challengeSays = offered.length ? ` The server asks for ${chs.map((ch) => ch.scheme).join(' or ')}.` : '';
    if (c.cookie) {
      add(ctx, {
        rule: 'cookie-session-rejected', cause: 'expired-session', score: 62,
        title: 'Cookies were sent but not accepted: the session has expired or was signed out.',
        detail: `Sign in again.${challengeSays}`,
        evidence: [evHeader(c.cookie, ex)],
      });
    } else if (kind === 'none') {
      // Challenge-specific rules (basic-needed, sso-not-attempted, digest-needed) give the scheme-specific advice.
      const schemeRule = offered.some((s) => ['basic', 'digest', 'negotiate', 'ntlm', 'kerberos'].includes(s));
      add(ctx, {
        rule: 'no-credentials', cause: 'missing-authorization-header', score: schemeRule ? 70 : 82,
        // A fact about the request, but on the development split only half the time the cause: a
        // client that waits for a challenge the server never sent, client credentials in a body
        // the paste leaves out. It cannot promise what "high" does (docs/evaluation.md).
        ceiling: 'medium',
        title: 'The request sent no credentials: no Authorization, API key or cookie.',
        detail: `Check the header is really attached to this request.${challengeSays}`,
        evidence: [evStart(req, ex)],
      });
    }
  }
  if (status === 401 && kind === 'unknown' && ctx.sanitisedHar && ex.request) {
    ctx.facts.push({ label: 'Sanitised HAR', lines: ['No Authorization or Cookie anywhere: a sanitised export removes them.'] });
  }

  vendorCheck(ctx, ex);
}

/** A vendor-shaped token sent to another vendor's API (a GitHub token to Slack …). */
/** base64 of "NTLMSSP\0": an NTLM message (MS-NLMP §2.2), where Kerberos would send a SPNEGO token ("YII…"). */
const NTLM_TOKEN = /^TlRMTVNTUAA/;
/** An IPv4 or bracketed IPv6 host, with an optional port. */
const IP_HOST = /^(?:\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-f:.]+\])(?::\d+)?$/i;

/**
 * Rule: "Negotiate" that carries an NTLM message was refused. Negotiate (RFC 4559) is meant to carry
 * Kerberos; the client falls back to NTLM when it cannot get a service ticket for HTTP/<host> —
 * no SPN for the name used (an IP address has none unless one was registered:
 * https://learn.microsoft.com/en-us/windows-server/security/kerberos/configuring-kerberos-over-ip),
 * or no ticket at all (kinit/klist) — and servers that only do Kerberos refuse it.
 * @param ctx the rule context
 * @param ex a failing exchange
 */
function negotiateFellBack(ctx: Ctx, ex: Exchange): void {
  const a = ex.request ? credsOf(ex.request).authorization : undefined;
  const r = ex.response;
  if (!a || !r || r.status < 400 || !/^negotiate$/i.test(a.scheme) || !NTLM_TOKEN.test(a.credentials)) return;
  // A 401 that answers with its own token is the handshake's next leg, not a refusal.
  if (challengesOf(r).challenges.some((ch) => (ch.schemeKey === 'negotiate' || ch.schemeKey === 'ntlm') && ch.token68)) return;
  const host = ex.request?.host ?? '';
  const ip = IP_HOST.test(host);
  add(ctx, {
    rule: 'negotiate-ntlm-fallback', cause: 'kerberos-spn-or-delegation', score: ip ? 88 : 80,
    title: ip
      ? `The server was addressed by IP (${host}), so no Kerberos ticket could be had for it: the client fell back to NTLM inside Negotiate, which was refused.`
      : 'The client sent NTLM inside Negotiate, not Kerberos: it could not get a Kerberos ticket for this host name (no SPN for it, or no ticket), and the server refused NTLM.',
    detail: 'Use the host name the HTTP/<host> service principal is registered for (not an IP address or an unregistered alias), and check the ticket with klist (kinit to get one).',
    evidence: [evHeader(a.header, ex), evStart(r, ex)],
  });
}

function vendorCheck(ctx: Ctx, ex: Exchange): void {
  const req = ex.request;
  if (!req?.host) return;
  const c = credsOf(req);
  const candidates: { value: string; ev: Evidence }[] = [];
  if (c.authorization) candidates.push({ value: c.authorization.credentials, ev: evHeader(c.authorization.header, ex) });
  for (const k of c.keyHeaders) candidates.push({ value: k.value, ev: evHeader(k, ex) });
  for (const { value, ev } of candidates) {
    const v = tokenOwner(value, ctx.knowledge);
    if (v && !v.hosts.test(req.host) && !/^(?:localhost|127\.|\[::1\])/.test(req.host)) {
      add(ctx, {
        rule: 'token-vendor-mismatch', cause: 'token-for-wrong-api', score: 84,
        title: `This looks like a ${v.name} credential, sent to ${req.host}.`,
        evidence: [ev],
      });
    }
  }
}

/**
 * Rule: a lone credential pasted by itself (an Authorization header, a cookie header, a bare token).
 * @param ctx the rule context
 */
export function bareRules(ctx: Ctx): void {
  const b = ctx.parsed.bare;
  if (!b || ctx.parsed.kind === 'jwt') return;
  const name = b.name.toLowerCase();
  const header = name === 'authorization' || name === 'proxy-authorization' || name === 'cookie' || name === 'set-cookie' || /token|key/.test(name)
    ? b : { ...b, name: 'Authorization' };
  const ex: Exchange = {
    request: { method: 'GET', target: '', url: undefined, host: undefined, headers: [header], line: 0, startLine: '' },
    response: undefined, index: 1,
  };
  checkRequest(ctx, ex);
  if (/^(?:authori[sz]ation|authentication)$/.test(name) || name === 'proxy-authorization') {
    const creds = credsOf(ex.request as NonNullable<Exchange['request']>);
    const a = creds.authorization ?? creds.proxyAuthorization;
    if (a && a.scheme) ctx.facts.push({ label: 'Authorization', lines: [`scheme: ${a.scheme}`, ...(a.basicUser !== undefined ? [`Basic user: "${a.basicUser}"`] : []), `credentials: ${a.credentials.length} characters`] });
  }
}
