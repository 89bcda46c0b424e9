// Rules on the server's challenge (RFC 9110 §11.6.1 WWW-Authenticate, §11.7.1 Proxy-Authenticate):
// a missing challenge, Bearer error codes (RFC 6750 §3.1) and status mismatches, Basic's realm and
// charset (RFC 7617), Digest (RFC 7616), Negotiate/NTLM (RFC 4559), DPoP (RFC 9449) and others.

import type { Exchange } from '../types.ts';
import { BEARER_ERRORS, describeChallenge, type Challenge } from '../parse/www-authenticate.ts';
import { challengesOf, credKind, credsOf, evChallenge, evHeader, evStart, hdr, isPreflight, type Ctx } from './context.ts';

/** Schemes whose meaning we know; others are reported as "vendor scheme". */
const KNOWN = new Set(['basic', 'bearer', 'digest', 'negotiate', 'ntlm', 'dpop', 'kerberos']);

/**
 * Rule: read each failing response's challenges.
 * @param ctx the rule context
 */
export function challengeRules(ctx: Ctx): void {
  for (const ex of ctx.focus) {
    const r = ex.response;
    if (!r || isPreflight(ex)) continue; // the preflight rule explains these
    const parsed = challengesOf(r);
    const chs = parsed.challenges;
    const header = r.status === 407 ? 'Proxy-Authenticate' : 'WWW-Authenticate';
    if (chs.length > 0) {
      ctx.facts.push({ label: `${header} (${r.status === 0 ? 'no status' : r.status})`, lines: chs.map(describeChallenge) });
    }
    if (parsed.malformed.length > 0) {
      ctx.findings.push({
        rule: 'challenge-malformed', cause: undefined, fix: 'send-correct-401', score: 30,
        title: `The ${header} header is malformed, so clients may not understand what it asks for.`,
        detail: `${parsed.malformed.slice(0, 3).join('; ')}. RFC 9110 §11.2 defines the syntax; quote parameter values that are not plain tokens.`,
        evidence: chs[0] ? [evChallenge(chs[0], ex)] : [],
      });
    }
    if (r.status === 401 && chs.length === 0) {
      ctx.findings.push({
        rule: 'missing-challenge', cause: 'missing-challenge', fix: 'send-correct-401', score: 36,
        title: 'The 401 has no WWW-Authenticate header: the server does not say how to authenticate (a server-side fault).',
        detail: 'RFC 9110 §15.5.2 requires a 401 to carry at least one challenge. Without it, browsers show no sign-in prompt and clients cannot tell which scheme to use. If this API uses its own header or cookie, the status should still come with a challenge.',
        evidence: [evStart(r, ex)],
      });
    }
    // A 407's challenge is the proxy's: proxyRules covers it; the site's scheme rules do not apply.
    if (r.status === 407) proxyRules(ctx, ex, chs);
    else for (const ch of chs) schemeRules(ctx, ex, ch, chs);
  }
}

function proxyRules(ctx: Ctx, ex: Exchange, chs: readonly Challenge[]): void {
  const r = ex.response;
  if (!r) return;
  const c = ex.request ? credsOf(ex.request) : undefined;
  const schemes = chs.map((ch) => ch.scheme).join(', ') || 'no scheme named';
  const ev = [evStart(r, ex), ...chs.slice(0, 1).map((ch) => evChallenge(ch, ex))];
  if (c?.authorization && !c.proxyAuthorization) {
    ctx.findings.push({
      rule: 'proxy-got-authorization', cause: 'proxy-auth-required', fix: 'network-checks', score: 92,
      title: 'A proxy wants credentials in Proxy-Authorization, but the request sent them in Authorization (which is meant for the site).',
      detail: `407 comes from a proxy, not the site (RFC 9110 §15.5.8). Give the proxy its own credentials (curl: --proxy-user; an HTTP(S)_PROXY URL with user:password). The proxy asks for: ${schemes}.`,
      evidence: [...ev, evHeader(c.authorization.header, ex)],
    });
  } else if (c?.proxyAuthorization) {
    ctx.findings.push({
      rule: 'proxy-rejected-credentials', cause: 'proxy-auth-required', fix: 'network-checks', score: 88,
      title: 'The proxy rejected the Proxy-Authorization credentials that were sent.',
      detail: `The problem is between you and the proxy, not the site. Check the proxy username and password (a Windows domain proxy may need DOMAIN\\user or Negotiate/NTLM). It asks for: ${schemes}.`,
      evidence: [...ev, evHeader(c.proxyAuthorization.header, ex)],
    });
  } else {
    ctx.findings.push({
      rule: 'proxy-auth-required', cause: 'proxy-auth-required', fix: 'network-checks', score: 88,
      title: 'A proxy between you and the site requires authentication (407), before the site is even reached.',
      detail: `This is not the site rejecting you: fix the proxy settings or credentials (it asks for: ${schemes}), or use a network without the proxy.`,
      evidence: ev,
    });
  }
}

function schemeRules(ctx: Ctx, ex: Exchange, ch: Challenge, all: readonly Challenge[]): void {
  const r = ex.response;
  if (!r) return;
  const req = ex.request;
  const creds = req ? credsOf(req) : undefined;
  const auth = r.status === 407 ? creds?.proxyAuthorization : creds?.authorization;
  const sentScheme = auth?.scheme.toLowerCase();
  const kind = credKind(ex, ctx.sanitisedHar);
  const ev = evChallenge(ch, ex);
  const p = ch.params;

  switch (ch.schemeKey) {
    case 'bearer':
    case 'dpop': {
      const err = p['error'];
      const scope = p['scope'];
      if (err) {
        const expected = BEARER_ERRORS[err];
        const mismatch = expected !== undefined && r.status !== 0 && expected !== r.status
          ? ` RFC 6750 §3.1 says ${err} goes with ${expected}, not ${r.status}.` : '';
        if (err === 'invalid_token') {
          // The description, if any, is classified by the message rules; this is the floor.
          ctx.findings.push({
            rule: 'bearer-invalid-token', cause: 'missing-or-invalid-api-token', fix: 'refresh-api-token', score: p['error_description'] ? 62 : 70,
            title: 'The server rejected the bearer token itself: it is expired, revoked, malformed, or meant for another API.',
            detail: `Paste the token here to read its expiry and audience (it is decoded locally and never sent anywhere).${mismatch}`,
            evidence: [ev],
          });
        } else if (err === 'insufficient_scope') {
          ctx.findings.push({
            rule: 'bearer-insufficient-scope', cause: 'token-for-wrong-api', fix: 'fix-token-audience', score: 82,
            title: `The token is valid but lacks the scope this call needs${scope ? ` (${scope})` : ''}.`,
            detail: `Request a token that includes the scope.${mismatch || ' This error should come with 403 (RFC 6750 §3.1).'}`,
            evidence: [ev],
          });
        } else if (err === 'invalid_request') {
          ctx.findings.push({
            rule: 'bearer-invalid-request', cause: 'wrong-auth-scheme', fix: 'fix-authorization-header', score: 76,
            title: 'The server could not read the credentials: the request is malformed (a garbled Authorization header, or a token sent twice — in the header and the query or body).',
            detail: `Send the token exactly once, as Authorization: Bearer <token>.${mismatch}`,
            evidence: [ev],
          });
        } else if (err === 'use_dpop_nonce') {
          ctx.findings.push({
            rule: 'dpop-nonce', cause: undefined, fix: 'fix-authorization-header', score: 74,
            title: 'The server wants a DPoP proof with its nonce: retry, putting the value of the DPoP-Nonce response header into a new proof.',
            detail: 'This is part of DPoP (RFC 9449 §9), not a rejection of the token; most DPoP clients retry once automatically.',
            evidence: [ev, ...[hdr(r.headers, 'dpop-nonce')].flatMap((h) => (h ? [evHeader(h, ex, 'response')] : []))],
          });
        } else if (err === 'invalid_dpop_proof') {
          ctx.findings.push({
            rule: 'dpop-invalid-proof', cause: 'wrong-auth-scheme', fix: 'fix-authorization-header', score: 80,
            title: 'The DPoP proof was rejected: its method, URL, time or key does not match this request.',
            detail: 'Each request needs a fresh DPoP proof whose htm and htu match the request and whose iat is current (RFC 9449 §4.3).',
            evidence: [ev],
          });
        }
      } else if (r.status === 401 && /^https:\/\//i.test(p['realm'] ?? '') && p['service'] !== undefined && (kind === 'none' || kind === 'unknown')) {
        // Container registries (Docker, GHCR, ECR …): the realm is a token service (distribution token auth).
        ctx.findings.push({
          rule: 'registry-token-flow', cause: 'missing-authorization-header', fix: 'fix-authorization-header', score: 74,
          title: `This registry wants a token from ${p['realm']} first: fetch one for service "${p['service']}"${scope ? ` and scope "${scope}"` : ''}, then retry with Authorization: Bearer <token>.`,
          detail: '`docker login` (or your registry client) does this exchange for you; a 401 here usually means you are not logged in to this registry, or the image name is wrong.',
          evidence: [ev],
        });
      } else if (r.status === 401) {
        if (kind === 'none' || kind === 'unknown') {
          ctx.findings.push({
            rule: 'bearer-no-error', cause: 'missing-authorization-header', fix: 'fix-authorization-header', score: kind === 'none' ? 70 : 62,
            title: 'The server asks for a Bearer token and reports no error, which means it received no token at all.',
            detail: 'RFC 6750 §3.1: when a request carries no authentication, the challenge has no error code. Send Authorization: Bearer <token>.',
            evidence: [ev],
          });
        } else if (sentScheme === 'bearer') {
          ctx.findings.push({
            rule: 'bearer-token-not-seen', cause: 'proxy-strips-authorization', fix: 'pass-authorization-through-proxy', score: 56,
            title: 'A bearer token was sent, yet the server answers as if it received none (no error code in its challenge): something in between may have dropped the header.',
            detail: 'Some servers omit the error code for bad tokens too, so check the token first; if it is fine, look at proxies and gateways between client and API.',
            evidence: [ev, ...(auth ? [evHeader(auth.header, ex)] : [])],
          });
        }
      }
      if (ch.schemeKey === 'bearer' && p['authorization_uri']) {
        const tenant = /\/([0-9a-f-]{36}|[\w.-]+\.onmicrosoft\.com)\//i.exec(p['authorization_uri'])?.[1];
        if (tenant) ctx.facts.push({ label: 'Tenant the API expects (from authorization_uri)', lines: [tenant] });
      }
      break;
    }
    case 'basic': {
      if (p['charset'] && p['charset'].toLowerCase() !== 'utf-8') {
        ctx.facts.push({ label: 'Basic charset', lines: [`charset="${p['charset']}": RFC 7617 §2.1 allows only "UTF-8" here.`] });
      }
      if (sentScheme === 'basic' && auth && !auth.problems.length) {
        ctx.findings.push({
          rule: 'basic-rejected', cause: 'wrong-credentials', fix: 'check-credentials', score: 80,
          title: `The username or password was rejected${auth.basicUser ? ` (user "${auth.basicUser}")` : ''}.`,
          detail: `The Basic credentials are well-formed, so the server read them and they did not match${p['realm'] ? ` for realm "${p['realm']}"` : ''}. Check both for typos and stray spaces; passwords with non-ASCII characters must be sent as UTF-8.`,
          evidence: [ev, evHeader(auth.header, ex)],
        });
      } else if (!auth && (kind === 'none' || kind === 'unknown' || kind === 'cookie')) {
        const browser = ctx.parsed.kind === 'har' || kind === 'cookie';
        ctx.findings.push({
          rule: 'basic-needed', cause: browser ? 'wrong-credentials' : 'missing-authorization-header', fix: browser ? 'check-credentials' : 'fix-authorization-header',
          score: kind === 'none' ? 74 : 58,
          title: `The server wants a username and password (Basic${p['realm'] ? `, realm "${p['realm']}"` : ''})${kind === 'none' ? ' and none were sent' : ''}.`,
          detail: browser
            ? 'A browser answers this with its own sign-in prompt; if none appears, the page may have been opened by a script (fetch) that does not prompt.'
            : 'With curl, add -u username (it prompts for the password); in code, set Authorization: Basic base64(username:password).',
          evidence: [ev],
        });
      }
      break;
    }
    case 'digest': {
      const alg = (p['algorithm'] ?? 'MD5').toUpperCase();
      if (/^true$/i.test(p['stale'] ?? '')) {
        ctx.facts.push({ label: 'Digest', lines: ['stale=true: the password was right but the nonce had expired; a client retries with the new nonce (RFC 7616 §3.3).'] });
      }
      if (sentScheme === 'digest' && auth) {
        const sentAlg = (/algorithm="?([\w-]+)/i.exec(auth.credentials)?.[1] ?? 'MD5').toUpperCase();
        const offered = all.filter((c) => c.schemeKey === 'digest').map((c) => (c.params['algorithm'] ?? 'MD5').toUpperCase());
        if (!offered.includes(sentAlg)) {
          ctx.findings.push({
            rule: 'digest-algorithm', cause: 'unsupported-auth-scheme', fix: 'fix-authorization-header', score: 82,
            title: `The client answered with Digest ${sentAlg}, but the server only offers ${offered.join(', ')}.`,
            detail: 'Older clients only know MD5; RFC 7616 servers may offer SHA-256 only. Use a client that supports the offered algorithm.',
            evidence: [ev, evHeader(auth.header, ex)],
          });
        } else if (!/^true$/i.test(p['stale'] ?? '')) {
          ctx.findings.push({
            rule: 'digest-rejected', cause: 'wrong-credentials', fix: 'check-credentials', score: 78,
            title: 'The Digest response did not match: the username, password or realm is wrong.',
            detail: `The server offered ${alg}${p['qop'] ? ` with qop=${p['qop']}` : ''} and the client answered, so the credentials themselves were rejected.`,
            evidence: [ev, evHeader(auth.header, ex)],
          });
        }
      } else if (sentScheme === 'basic' && auth && !all.some((c) => c.schemeKey === 'basic')) {
        // handled by the scheme-mismatch rule
      } else if (!auth && kind !== 'unknown') {
        ctx.findings.push({
          rule: 'digest-needed', cause: 'missing-authorization-header', fix: 'fix-authorization-header', score: 66,
          title: 'The server wants Digest authentication and the request sent no credentials.',
          detail: 'With curl, use --digest -u username; most HTTP libraries need Digest enabled explicitly.',
          evidence: [ev],
        });
      }
      break;
    }
    case 'negotiate':
    case 'ntlm':
    case 'kerberos': {
      if (ch.token68 !== undefined && ch.token68.length > 0 && sentScheme && (sentScheme === 'ntlm' || sentScheme === 'negotiate')) {
        // A continuation token: the handshake is in progress (NTLM type 2), not a failure.
        ctx.facts.push({ label: 'Windows authentication', lines: ['The server answered with a continuation token: the NTLM/Negotiate handshake was in progress.'] });
        break;
      }
      if (sentScheme === 'negotiate' || sentScheme === 'ntlm') {
        const ntlmInNegotiate = sentScheme === 'negotiate' && /^TlRMTVNT/.test(auth?.credentials ?? '');
        ctx.findings.push({
          rule: 'sso-rejected', cause: 'intranet-sso-failed', fix: 'fix-intranet-sso', score: 82,
          title: 'Windows integrated sign-in was tried and rejected.',
          detail: ntlmInNegotiate
            ? 'The client sent NTLM inside Negotiate, which means Kerberos was not available (no ticket for this host name, or the name is not in the intranet zone) and the NTLM fallback was refused.'
            : 'The ticket or NTLM answer was not accepted: check that you are signed in to the domain, the host name has a service principal (SPN), and the clock is within 5 minutes of the domain controller.',
          evidence: [ev, ...(auth ? [evHeader(auth.header, ex)] : [])],
        });
      } else if (!auth && (kind === 'none' || kind === 'unknown' || kind === 'cookie')) {
        const curl = ctx.parsed.kind === 'curl';
        ctx.findings.push({
          rule: 'sso-not-attempted', cause: curl ? 'unsupported-auth-scheme' : 'intranet-sso-failed', fix: 'fix-intranet-sso', score: kind === 'none' ? 76 : 60,
          title: `The server wants Windows integrated sign-in (${all.map((c) => c.scheme).filter((s) => /^(?:negotiate|ntlm|kerberos)$/i.test(s)).join(' / ')}), and the client did not attempt it.`,
          detail: curl
            ? 'curl only does this when asked: --negotiate -u : (Kerberos) or --ntlm -u DOMAIN\\user.'
            : 'Browsers only send Windows credentials to sites they trust for it (the intranet zone, or the AuthServerAllowlist policy); elsewhere they show a password prompt or nothing.',
          evidence: [ev],
        });
      }
      break;
    }
    default: {
      if (KNOWN.has(ch.schemeKey)) break;
      if (!auth && kind !== 'unknown') {
        ctx.findings.push({
          rule: 'vendor-scheme', cause: 'wrong-auth-scheme', fix: 'fix-authorization-header', score: 54,
          title: `The server asks for its own "${ch.scheme}" scheme, and the request sent no Authorization header.`,
          detail: `Send Authorization: ${ch.scheme} <credentials> as the API’s documentation describes.`,
          evidence: [ev],
        });
      }
    }
  }
}
