// Rules on JSON Web Tokens found in the evidence (a bare token, an Authorization header, a cookie,
// a message). Decoded, never verified: exp / nbf / iat against the visitor's clock with a skew
// window, audience vs the host called, ID tokens used as access tokens, alg "none", damage.

import type { Evidence, Exchange, Finding } from '../types.ts';
import { parseCookieHeader } from '../parse/cookies.ts';
import { decodeJwt, isoDate, JWT_RE, numericDate, span, type DecodedJwt } from '../parse/jwt.ts';
import { credsOf, hdr, type Ctx } from './context.ts';

/** Seconds of clock difference we tolerate before calling it skew (servers commonly allow 1–5 min). */
export const SKEW = 60;

interface Found {
  jwt: DecodedJwt;
  ev: Evidence;
  /** the host the token was sent to, when known */
  host: string | undefined;
  /** whether it was sent on a request that failed */
  failed: boolean;
}

function collect(ctx: Ctx): Found[] {
  const out: Found[] = [];
  const seen = new Set<string>();
  const push = (token: string, ev: Evidence, host: string | undefined, failed: boolean) => {
    const key = token.slice(0, 400);
    if (seen.has(key) || out.length >= 5) return;
    seen.add(key);
    out.push({ jwt: decodeJwt(token), ev, host, failed });
  };
  const b = ctx.parsed.bare;
  if (b) for (const m of b.value.slice(0, 100000).matchAll(JWT_RE)) push(m[0], { text: `${b.name}: ${b.value}`, line: b.line }, undefined, false);
  const fromExchange = (ex: Exchange, failed: boolean) => {
    const req = ex.request;
    if (!req) return;
    const c = credsOf(req);
    const where = req.line === 0 ? `HAR entry ${ex.index}, request header` : undefined;
    for (const a of [c.authorization, ...c.keyHeaders.map((h) => ({ header: h, credentials: h.value, scheme: '' }))]) {
      if (!a) continue;
      const m = /eyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*\.?[A-Za-z0-9_-]*/.exec(a.credentials);
      // A token that starts like a JWT but fails to parse is evidence too (cut short when copied).
      // Under another scheme (Basic <jwt>) the scheme is the problem, so the token's dates rank lower.
      if (m) push(m[0], { text: `${a.header.name}: ${a.header.value}`, line: a.header.line, where }, req.host, failed && /^(?:bearer)?$/i.test(a.scheme));
    }
    const cookie = hdr(req.headers, 'cookie');
    if (cookie) {
      for (const p of parseCookieHeader(cookie.value)) {
        if (/^eyJ[\w-]+\.[\w-]+\.[\w-]*$/.test(p.value)) push(p.value, { text: `Cookie: ${p.name}=${p.value}`, line: cookie.line, where }, req.host, failed);
      }
    }
  };
  for (const ex of ctx.focus) fromExchange(ex, ex.response !== undefined);
  if (out.length === 0) for (const ex of ctx.parsed.exchanges.slice(0, 2000)) fromExchange(ex, false);
  for (const l of ctx.parsed.messages.slice(0, 200)) {
    for (const m of l.text.matchAll(JWT_RE)) push(m[0], { text: l.text, line: l.line }, undefined, false);
  }
  return out;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : Array.isArray(v) ? v.filter((x) => typeof x === 'string').join(' ') : v === undefined ? '' : JSON.stringify(v));

/** Issuer hints people look for: which IdP, which tenant / realm / pool. */
export function issuerHint(claims: Record<string, unknown>): string | undefined {
  const iss = str(claims['iss']);
  const tid = str(claims['tid']);
  const entra = /^https:\/\/(?:sts\.windows\.net|login\.microsoftonline\.com)\/([\w-]+)\/?(v2\.0)?/.exec(iss);
  if (entra) return `Microsoft Entra ID, tenant ${tid || entra[1]}, ${entra[2] ? 'v2.0' : 'v1.0'} token`;
  if (/^https:\/\/accounts\.google\.com$/.test(iss)) return 'Google';
  if (tid) return `tenant ${tid}`;
  return undefined;
}

/**
 * Rule: decode every JWT found and check it.
 * @param ctx the rule context
 */
export function jwtRules(ctx: Ctx): void {
  for (const f of collect(ctx)) checkToken(ctx, f);
}

function claimEv(f: Found, claim: string, value: unknown, note: string): Evidence {
  return { text: `${claim}: ${JSON.stringify(value)}${note ? ` (${note})` : ''}`, line: f.ev.line, where: f.ev.where ?? (f.ev.line ? undefined : 'decoded token') };
}

function checkToken(ctx: Ctx, f: Found): void {
  const { jwt } = f;
  const h = jwt.header;
  const c = jwt.claims;
  const now = ctx.now;
  const add = (x: Finding) => ctx.findings.push(x);
  const base = f.failed || ctx.parsed.kind === 'jwt' || ctx.parsed.kind === 'auth-header' ? 0 : -20;

  // Facts: header and claims, readable, with the dates spelled out.
  const lines: string[] = [];
  if (h) lines.push(`header: ${JSON.stringify(h).slice(0, 400)}`);
  if (c) {
    for (const k of ['iss', 'sub', 'aud', 'azp', 'appid', 'client_id', 'scope', 'scp', 'roles', 'tid', 'ver', 'typ', 'token_use']) {
      if (c[k] !== undefined) lines.push(`${k}: ${JSON.stringify(c[k]).slice(0, 300)}`);
    }
    for (const k of ['iat', 'nbf', 'exp', 'auth_time']) {
      const t = numericDate(c[k]);
      if (t !== undefined) lines.push(`${k}: ${isoDate(t)} (${t > now ? 'in ' : ''}${span(t - now)}${t <= now ? ' ago' : ''})`);
    }
    const hint = issuerHint(c);
    if (hint) lines.push(`issuer: ${hint}`);
  }
  for (const p of jwt.problems) lines.push(`problem: ${p}`);
  if (h && (h['jku'] !== undefined || h['x5u'] !== undefined)) lines.push(`key URL in header (${h['jku'] !== undefined ? 'jku' : 'x5u'}): shown only, never fetched`);
  lines.push('Decoded locally and NOT verified: checking the signature needs the issuer’s key.');
  ctx.facts.push({ label: 'JWT (decoded, not verified)', lines });

  if (jwt.problems.length > 0 && jwt.parts !== 5) {
    add({
      rule: 'jwt-malformed', cause: 'missing-or-invalid-api-token', score: 80 + base,
      title: `The token is damaged: ${jwt.problems[0] ?? ''}.`,
      evidence: [f.ev],
    });
  }
  if (h && String(h['alg']).toLowerCase() === 'none') {
    add({
      rule: 'jwt-alg-none', cause: 'missing-or-invalid-api-token', score: 78 + base,
      title: 'The token is unsigned (alg "none"): servers must reject it.',
      evidence: [claimEv(f, 'alg', h['alg'], 'header')],
    });
  }
  if (!c) return;
  const exp = numericDate(c['exp']);
  const nbf = numericDate(c['nbf']);
  const iat = numericDate(c['iat']);
  if (exp !== undefined && exp < now) {
    add({
      rule: 'jwt-expired', cause: 'expired-oauth-token', score: 90 + base,
      title: `The token expired ${span(now - exp)} ago (exp ${isoDate(exp)}).`,
      evidence: [claimEv(f, 'exp', c['exp'], `${isoDate(exp)}, ${span(now - exp)} ago`)],
    });
  }
  if (nbf !== undefined && nbf > now + SKEW) {
    add({
      rule: 'jwt-not-yet-valid', cause: 'clock-skew', score: 86 + base,
      title: `The token is not valid until ${isoDate(nbf)}, ${span(nbf - now)} from now: a clock is off.`,
      evidence: [claimEv(f, 'nbf', c['nbf'], isoDate(nbf))],
    });
  } else if (iat !== undefined && iat > now + SKEW) {
    add({
      rule: 'jwt-issued-in-future', cause: 'clock-skew', score: 84 + base,
      title: `The token says it was issued ${span(iat - now)} in the future (iat ${isoDate(iat)}): a clock is off.`,
      evidence: [claimEv(f, 'iat', c['iat'], isoDate(iat))],
    });
  }
  // An ID token (for the client app) sent where an access token (for the API) belongs.
  const scope = c['scope'] ?? c['scp'];
  if ((c['nonce'] !== undefined || c['at_hash'] !== undefined || c['token_use'] === 'id') && scope === undefined && c['token_use'] !== 'access') {
    add({
      rule: 'jwt-id-token', cause: 'id-token-as-access-token', score: 74 + base,
      title: 'This looks like an ID token (nonce / at_hash / token_use "id", no scope), not an access token.',
      evidence: [claimEv(f, c['nonce'] !== undefined ? 'nonce' : c['at_hash'] !== undefined ? 'at_hash' : 'token_use', '…', 'ID-token claim'), claimEv(f, 'aud', c['aud'], '')],
    });
  }
  // Audience vs the host the token was sent to.
  if (f.host && c['aud'] !== undefined) {
    const auds = (Array.isArray(c['aud']) ? c['aud'] : [c['aud']]).filter((a): a is string => typeof a === 'string');
    const urlAuds = auds.filter((a) => /^https?:\/\//i.test(a));
    const host = f.host.replace(/:\d+$/, '');
    const graph = auds.some((a) => a === '00000003-0000-0000-c000-000000000000' || /^https:\/\/graph\.microsoft\.com\/?$/i.test(a));
    // Microsoft Graph only takes Graph tokens; a token for your own API (api://…) sent there fails.
    const toGraph = /(?:^|\.)graph\.microsoft\.com$/.test(host) && !graph && auds.length > 0;
    const sameSite = (a: string) => {
      const ah = a.replace(/^https?:\/\//i, '').replace(/[:/].*$/, '').toLowerCase();
      return ah === host || host.endsWith(`.${ah}`) || ah.endsWith(`.${host}`) || ah.split('.').slice(-2).join('.') === host.split('.').slice(-2).join('.');
    };
    if (toGraph || (graph && !/graph\.microsoft\.com$/.test(host)) || (!graph && urlAuds.length > 0 && urlAuds.length === auds.length && !urlAuds.some(sameSite) && !/^(?:localhost|127\.)/.test(host))) {
      add({
        rule: 'jwt-audience-host', cause: 'token-for-wrong-api', score: (graph || toGraph ? 80 : 66) + base,
        title: `The token’s audience is ${auds.join(', ')}, but it was sent to ${f.host}.`,
        evidence: [claimEv(f, 'aud', c['aud'], `sent to ${f.host}`)],
      });
    }
  }
}
