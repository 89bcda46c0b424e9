// Rules on the server's challenge (RFC 9110 §11.6.1 WWW-Authenticate, §11.7.1 Proxy-Authenticate):
// a missing challenge, Bearer error codes (RFC 6750 §3.1) and status mismatches, Basic's realm and
// charset (RFC 7617), Digest (RFC 7616), Negotiate/NTLM (RFC 4559), DPoP (RFC 9449) and others.

import type { Exchange } from '../types.ts';
import { BEARER_ERRORS, describeChallenge, type Challenge } from '../parse/www-authenticate.ts';
import { challengesOf, credKind, credsOf, evChallenge, evHeader, evStart, fromBrowser, hdr, isPreflight, type Ctx } from './context.ts';

/** Whether curl reported the connection closing mid-handshake; read once per paste, not per challenge. */
const closures = new WeakMap<object, boolean>();
function curlSawClosure(ctx: Ctx): boolean {
  let v = closures.get(ctx.parsed);
  if (v === undefined) closures.set(ctx.parsed, (v = /connection closure while negotiating auth/i.test(ctx.parsed.text.slice(0, 200_000))));
  return v;
}

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
        rule: 'challenge-malformed', cause: undefined, fix: 'send-correct-401', score: 45,
        title: `The ${header} header is malformed (RFC 9110 §11.2).`,
        detail: `${parsed.malformed.slice(0, 3).join('; ')}.`,
        evidence: chs[0] ? [evChallenge(chs[0], ex)] : [],
      });
    }
    if (r.status === 401 && chs.length === 0) {
      ctx.findings.push({
        rule: 'missing-challenge', cause: 'missing-challenge', score: 36,
        // With no response headers pasted at all (a DevTools summary, a status line) the header may
        // simply not have been copied: say what the paste shows, not more.
        title: r.headers.length === 0
          ? 'This 401 shows no WWW-Authenticate header (no response headers were pasted): if the server sends none, that is a server fault, so clients cannot tell how to authenticate.'
          : 'The 401 has no WWW-Authenticate header: a server fault, so clients cannot tell how to authenticate.',
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
      rule: 'proxy-got-authorization', cause: 'proxy-auth-required', score: 92,
      title: 'The proxy wants Proxy-Authorization, but the request sent Authorization (meant for the site).',
      detail: `407 comes from a proxy (RFC 9110 §15.5.8). Give it its own credentials (curl: --proxy-user). It asks for: ${schemes}.`,
      evidence: [...ev, evHeader(c.authorization.header, ex)],
    });
  } else if (c?.proxyAuthorization) {
    ctx.findings.push({
      rule: 'proxy-rejected-credentials', cause: 'proxy-auth-required', score: 88,
      title: 'The proxy rejected the Proxy-Authorization credentials that were sent.',
      detail: `Check the proxy username and password. It asks for: ${schemes}.`,
      evidence: [...ev, evHeader(c.proxyAuthorization.header, ex)],
    });
  } else {
    ctx.findings.push({
      rule: 'proxy-auth-required', cause: 'proxy-auth-required', score: 88,
      title: 'A proxy between you and the site requires authentication (407); the site was not reached.',
      detail: `Set the proxy credentials (it asks for: ${schemes}) or use a network without the proxy.`,
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
    case 'bearer': {
      const err = p['error'];
      const scope = p['scope'];
      if (err) {
        const expected = BEARER_ERRORS[err];
        const mismatch = expected !== undefined && r.status !== 0 && expected !== r.status
          ? ` RFC 6750 §3.1 says ${err} goes with ${expected}, not ${r.status}.` : '';
        if (err === 'invalid_token') {
          // The description, if any, is classified by the message rules; this is the floor.
          ctx.findings.push({
            rule: 'bearer-invalid-token', cause: 'missing-or-invalid-api-token', score: p['error_description'] ? 62 : 70,
            title: 'The server rejected the bearer token: expired, revoked, malformed, or for another API.',
            detail: `Paste the token to read its expiry and audience.${mismatch}`,
            evidence: [ev],
          });
        } else if (err === 'insufficient_scope') {
          ctx.findings.push({
            rule: 'bearer-insufficient-scope', cause: 'token-missing-scope', score: 82,
            title: `The token is valid but lacks the scope this call needs${scope ? ` (${scope})` : ''}.`,
            detail: `Request a token with that scope.${mismatch}`,
            evidence: [ev],
          });
        } else if (err === 'invalid_request') {
          ctx.findings.push({
            rule: 'bearer-invalid-request', cause: 'wrong-auth-scheme', score: 76,
            title: 'The server calls the request malformed (invalid_request): a missing or garbled credential, or a token sent twice (header and query).',
            detail: `Send it once, as Authorization: Bearer <token>.${mismatch}`,
            evidence: [ev],
          });
        }
      } else if (r.status === 401 && /^https:\/\//i.test(p['realm'] ?? '') && p['service'] !== undefined && (kind === 'none' || kind === 'unknown')) {
        // Container registries (Docker, GHCR, ECR …): the realm is a token service (distribution token auth).
        ctx.findings.push({
          rule: 'registry-token-flow', cause: 'missing-authorization-header', score: 74,
          title: `This registry wants a token from ${p['realm']} first (service "${p['service']}"), then Authorization: Bearer <token>.`,
          evidence: [ev],
        });
      } else if (r.status === 401) {
        if (kind === 'none' || kind === 'unknown') {
          ctx.findings.push({
            rule: 'bearer-no-error', cause: 'missing-authorization-header', score: kind === 'none' ? 70 : 62,
            title: 'The server asks for a Bearer token with no error code: it received no token.',
            evidence: [ev],
          });
        } else if (sentScheme === 'bearer') {
          ctx.findings.push({
            rule: 'bearer-token-not-seen', cause: 'proxy-strips-authorization', score: 56,
            title: 'A token was sent, yet the server answers as if none arrived: something in between may drop the header.',
            evidence: [ev, ...(auth ? [evHeader(auth.header, ex)] : [])],
          });
        }
      }
      if (p['authorization_uri']) {
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
          rule: 'basic-rejected', cause: 'wrong-credentials', score: 80,
          title: `The username or password was rejected${auth.basicUser ? ` (user "${auth.basicUser}")` : ''}.`,
          detail: `They are well-formed, so they simply did not match${p['realm'] ? ` (realm "${p['realm']}")` : ''}.`,
          evidence: [ev, evHeader(auth.header, ex)],
        });
      } else if (!auth && (kind === 'none' || kind === 'unknown' || kind === 'cookie')) {
        // A browser (a HAR, cookies, or a browser's User-Agent) shows a sign-in prompt: the person's password is what failed.
        const browser = kind === 'cookie' || fromBrowser(ctx, ex);
        ctx.findings.push({
          rule: 'basic-needed', cause: browser ? 'wrong-credentials' : 'missing-authorization-header', fix: browser ? 'check-credentials' : 'fix-authorization-header',
          score: kind === 'none' ? 74 : 58,
          title: `The server wants a username and password (Basic${p['realm'] ? `, realm "${p['realm']}"` : ''})${kind === 'none' ? ' and none were sent' : ''}.`,
          evidence: [ev],
        });
      }
      break;
    }
    case 'digest': {
      if (/^true$/i.test(p['stale'] ?? '')) {
        ctx.facts.push({ label: 'Digest', lines: ['stale=true: only the nonce expired; retry with the new one.'] });
      }
      if (sentScheme === 'digest' && auth) {
        const sentAlg = (/algorithm="?([\w-]+)/i.exec(auth.credentials)?.[1] ?? 'MD5').toUpperCase();
        const offered = all.filter((c) => c.schemeKey === 'digest').map((c) => (c.params['algorithm'] ?? 'MD5').toUpperCase());
        if (!offered.includes(sentAlg)) {
          ctx.findings.push({
            rule: 'digest-algorithm', cause: 'digest-handshake-failed', score: 82,
            title: `The client answered with Digest ${sentAlg}, but the server only offers ${offered.join(', ')}.`,
            evidence: [ev, evHeader(auth.header, ex)],
          });
        } else if (!/^true$/i.test(p['stale'] ?? '')) {
          ctx.findings.push({
            rule: 'digest-rejected', cause: 'wrong-credentials', score: 78,
            title: 'The Digest response did not match: the username, password or realm is wrong.',
            evidence: [ev, evHeader(auth.header, ex)],
          });
        }
      } else if (!auth) {
        // (Basic sent to a Digest-only server is the scheme-mismatch rule's finding.)
        ctx.findings.push({
          rule: 'digest-needed', cause: 'missing-authorization-header', score: kind === 'none' ? 66 : 55,
          title: `The server wants Digest authentication${p['realm'] ? ` (realm "${p['realm']}")` : ''}${kind === 'none' ? ' and the request sent no credentials' : ''}.`,
          evidence: [ev],
        });
      }
      break;
    }
    case 'negotiate':
    case 'ntlm':
    case 'kerberos': {
      // NTLM authenticates the connection (and Negotiate falling back to NTLM with it): a
      // connection closed while the handshake runs makes the next leg start over on a new one.
      const windowsSent = sentScheme === 'ntlm' || sentScheme === 'negotiate';
      // Mid-handshake means the server answered with a challenge to continue (NTLM's type 2, or a
      // token), not a final refusal: a bare "Negotiate" on a closed connection is just a "no".
      const continues = ch.schemeKey === 'ntlm' || (ch.token68 ?? '').length > 0;
      const closed = (continues && /\bclose\b/i.test(hdr(r.headers, 'connection')?.value ?? '')) || curlSawClosure(ctx);
      if (windowsSent && closed) {
        const conn = hdr(r.headers, 'connection');
        ctx.findings.push({
          rule: 'handshake-connection-closed', cause: 'connection-bound-auth-broken', score: 86,
          title: `The server (or something in between) closed the connection in the middle of the ${ch.scheme} handshake, so its next step arrives on a new connection and starts over.`,
          detail: 'Windows authentication (NTLM, and Negotiate falling back to NTLM) is bound to one TCP connection. Keep-alive must survive from the challenge to the final request: check the server, proxy or load balancer in front (connection reuse, HTTP/1.0, Connection: close), or use Kerberos.',
          evidence: [ev, ...(conn ? [evHeader(conn, ex, 'response')] : [])],
        });
        break;
      }
      if (ch.token68 !== undefined && ch.token68.length > 0 && windowsSent) {
        // A continuation token: the handshake is in progress (NTLM type 2), not a failure.
        ctx.facts.push({ label: 'Windows authentication', lines: ['Continuation token: the handshake was in progress.'] });
        break;
      }
      if (sentScheme === 'negotiate' || sentScheme === 'ntlm') {
        ctx.findings.push({
          rule: 'sso-rejected', cause: 'intranet-sso-failed', score: 82,
          title: 'Windows integrated sign-in was tried and rejected.',
          evidence: [ev, ...(auth ? [evHeader(auth.header, ex)] : [])],
        });
      } else if (!auth && (kind === 'none' || kind === 'unknown' || kind === 'cookie')) {
        const curl = ctx.parsed.kind === 'curl';
        ctx.findings.push({
          rule: 'sso-not-attempted', cause: curl ? 'unsupported-auth-scheme' : 'intranet-sso-failed', fix: 'fix-intranet-sso', score: kind === 'none' ? 76 : 60,
          title: 'The server wants Windows sign-in (Negotiate/NTLM) and the client did not try it.',
          evidence: [ev],
        });
      }
      break;
    }
    default: {
      if (KNOWN.has(ch.schemeKey)) break;
      if (!auth && kind !== 'unknown') {
        ctx.findings.push({
          rule: 'vendor-scheme', cause: 'missing-authorization-header', score: 54,
          title: `The server asks for its "${ch.scheme}" scheme; no Authorization was sent.`,
          detail: `Send Authorization: ${ch.scheme} <credentials>.`,
          evidence: [ev],
        });
      }
    }
  }
}
