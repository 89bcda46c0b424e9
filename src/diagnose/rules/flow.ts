// Rules that need the sequence of exchanges: CORS preflights answered with 401, credentials dropped
// when a redirect changed the host, API calls redirected to a login page, curl's own remarks, and
// a 403 pasted where a 401 was expected.

import type { Exchange } from '../types.ts';
import { hostOf } from '../parse/http.ts';
import { FORBIDDEN_403, credsOf, evHeader, evStart, hdr, isPreflight, type Ctx } from './context.ts';

/**
 * Rule: sequence-level problems across all exchanges.
 * @param ctx the rule context
 */
export function flowRules(ctx: Ctx): void {
  const xs = ctx.parsed.exchanges;
  for (let i = 0; i < xs.length; i++) {
    const ex = xs[i];
    if (!ex) continue;
    preflight(ctx, ex);
    failedCors(ctx, ex);
    ownUrlAsHttp(ctx, ex);
    redirect(ctx, xs, i);
  }
  curlInfo(ctx);
  only403(ctx);
}

function preflight(ctx: Ctx, ex: Exchange): void {
  const req = ex.request;
  const r = ex.response;
  // A preflight reproduced by hand (curl -X OPTIONS with Origin and Access-Control-Request-Method)
  // whose answer the paste only tells in words ("# -> 401 Unauthorized"): the same finding.
  if (req && !r && req.method === 'OPTIONS' && hdr(req.headers, 'access-control-request-method')) {
    const said = ctx.parsed.messages.find((m) => /\b40[13]\b|unauthori[sz]ed|forbidden/i.test(m.text));
    if (said) {
      ctx.findings.push({
        rule: 'preflight-401', cause: 'cors-preflight-401', score: 88,
        title: 'The CORS preflight (OPTIONS) was refused: preflights never carry credentials, so the server must let them through.',
        evidence: [evStart(req, ex), said],
      });
    }
    return;
  }
  if (!req || !r || req.method !== 'OPTIONS' || (r.status !== 401 && r.status !== 403)) return;
  const acrm = hdr(req.headers, 'access-control-request-method');
  const origin = hdr(req.headers, 'origin');
  // Without its headers (a browser's "General" panel: Request URL, Request Method, Status Code) an
  // OPTIONS answered with 401 is almost always the preflight: browsers send OPTIONS for nothing else.
  const unseen = req.headers.length === 0;
  // (isPreflight: it names the method it asks for, or the server answered with its CORS headers.)
  // An OPTIONS tried by hand (curl -X OPTIONS) in a paste about a browser's CORS error is the
  // preflight reproduced.
  const aboutCors = /access-control-allow-origin|\bcors\b|cross-origin|preflight/i.test(ctx.parsed.text.slice(0, 20_000));
  if (!isPreflight(ex) && !origin && !unseen && !aboutCors) return;
  ctx.findings.push({
    rule: 'preflight-401', cause: 'cors-preflight-401', score: unseen && !acrm && !origin ? 82 : r.status === 401 ? 96 : 90,
    title: `The CORS preflight (OPTIONS) got ${r.status}: preflights never carry credentials, so the server must let them through.`,
    evidence: [evStart(req, ex), ...(acrm ? [evHeader(acrm, ex)] : []), evStart(r, ex)],
  });
}

/** A cross-origin request with credentials that got no response at all: the CORS preflight failed. */
function failedCors(ctx: Ctx, ex: Exchange): void {
  const req = ex.request;
  const r = ex.response;
  if (!req?.url || !r || r.status !== 0 || ctx.parsed.kind !== 'har') return;
  const from = hdr(req.headers, 'origin')?.value ?? hdr(req.headers, 'referer')?.value;
  const fromOrigin = from ? /^https?:\/\/[^/?#]+/i.exec(from)?.[0]?.toLowerCase() : undefined;
  const toOrigin = /^https?:\/\/[^/?#]+/i.exec(req.url)?.[0]?.toLowerCase();
  if (!fromOrigin || !toOrigin || fromOrigin === toOrigin) return;
  const c = credsOf(req);
  const trigger = c.authorization?.header ?? c.keyHeaders[0];
  if (!trigger) return;
  ctx.findings.push({
    rule: 'cors-request-failed', cause: 'cors-preflight-401', score: 74,
    title: `The cross-origin request to ${toOrigin} got no response: its ${trigger.name} header needs a CORS preflight, and the preflight was refused (typically with 401).`,
    detail: `Confirm: curl -v -X OPTIONS -H "Origin: ${fromOrigin}" -H "Access-Control-Request-Method: ${req.method}" ${req.url}`,
    evidence: [evStart(req, ex), evHeader(trigger, ex), { text: `status 0${r.reason ? ` (${r.reason})` : ''}: no response`, line: 0, where: `HAR entry ${ex.index}, response` }],
  });
}

/**
 * An https request whose answer points back at the same host with http:// (a redirect, a
 * redirect_uri inside it, a token realm): the app builds its own URLs from what it sees, and behind
 * a TLS-terminating proxy it sees plain http unless it is told (and trusts) the original scheme.
 */
function ownUrlAsHttp(ctx: Ctx, ex: Exchange): void {
  const url = ex.request?.url ?? '';
  const r = ex.response;
  if (!url.startsWith('https://') || !r) return;
  const host = hostOf(url)?.replace(/:443$/, '');
  // This host after http://, not followed by more host name (a redirect_uri inside a Location is
  // escaped: its ':' and '/' are decoded first).
  const own = new RegExp(`http://${host?.replace(/\W/g, '\\$&')}(?![\\w.-])`, 'i');
  const h = r.headers.find((x) => /^(?:location|www-authenticate)$/i.test(x.name) && own.test(x.value.replace(/%3A/gi, ':').replace(/%2F/gi, '/')));
  if (h) {
    // Above "no credentials were sent" (82–85): a first request without them is how token flows
    // start, and this is why the next step fails.
    ctx.findings.push({
      rule: 'own-url-as-http', cause: 'forwarded-headers-not-trusted', score: 88,
      title: `Asked over https, the server points back at itself with http:// (${h.name}): it does not see the original scheme.`,
      evidence: [evHeader(h, ex, 'response')],
    });
  }
}

function originOf(ex: Exchange): string | undefined {
  const u = ex.request?.url ?? '';
  const host = hostOf(u);
  if (!host) return ex.request?.host;
  const scheme = /^https:/i.test(u) ? 'https' : 'http';
  return `${scheme}://${host.replace(scheme === 'https' ? /:443$/ : /:80$/, '')}`;
}

function redirect(ctx: Ctx, xs: readonly Exchange[], i: number): void {
  const ex = xs[i];
  const r = ex?.response;
  if (!ex || !r || r.status < 300 || r.status > 399 || !ex.request) return;
  const loc = hdr(r.headers, 'location');
  if (!loc) return;
  const from = credsOf(ex.request);
  // Find the follow-up request: the next exchange whose URL is the Location (or simply the next one in a curl log).
  const target = /^https?:\/\//i.test(loc.value) ? loc.value : undefined;
  let next: Exchange | undefined;
  for (let j = i + 1; j < xs.length && j <= i + 40; j++) {
    const cand = xs[j];
    if (!cand?.request) continue;
    if (!target || cand.request.url === target || (cand.request.url ?? '').split('#')[0] === target.split('#')[0] || ctx.parsed.kind !== 'har') {
      next = cand;
      break;
    }
  }
  const targetHost = target ? hostOf(target) : ex.request.host;
  const changedHost = !!targetHost && !!ex.request.host && targetHost !== ex.request.host;
  const toLogin = /\/(?:log-?in|sign-?in|sso|auth(?:orize)?|oauth2?|saml|account\/login|session\/new)(?:[/?#]|$)/i.test(loc.value);

  if (from.authorization && next?.request && !credsOf(next.request).authorization && (changedHost || (target && originOf(ex) !== originOf(next)))) {
    const failed = next.response?.status === 401;
    ctx.findings.push({
      rule: 'redirect-dropped-auth', cause: 'header-dropped-on-redirect', score: failed ? 93 : 72,
      title: `A redirect sent the request to ${(changedHost ? targetHost : originOf(next)) ?? 'another host'}, and the Authorization header was dropped on the way${failed ? ', so that request got 401' : ''}.`,
      evidence: [evHeader(from.authorization.header, ex), evStart(r, ex), evHeader(loc, ex, 'response'), evStart(next.request, next), ...(next.response ? [evStart(next.response, next)] : [])],
    });
    return;
  }
  // A call to an API, not a page: it asks for JSON or carries credentials, its path is an API's,
  // or (outside a browser's HAR, where forms post) it is not a GET.
  const wantsApi =
    /json/i.test(hdr(ex.request.headers, 'accept')?.value ?? '') || !!hdr(ex.request.headers, 'x-requested-with') || !!hdr(ex.request.headers, 'authorization') ||
    /\/api\//i.test(ex.request.target) || (ctx.parsed.kind !== 'har' && !/^(?:GET|HEAD)$/.test(ex.request.method));
  if (toLogin && wantsApi && (r.status === 302 || r.status === 303 || r.status === 307)) {
    ctx.findings.push({
      rule: 'redirect-to-login', cause: 'login-page-instead-of-401', score: 60,
      title: 'The API call was redirected to a sign-in page: the session or token was not accepted.',
      evidence: [evStart(r, ex), evHeader(loc, ex, 'response')],
    });
  }
}

function curlInfo(ctx: Ctx): void {
  // After curl sent credentials and got 401 again it says the same words; only when it never tried is it news.
  if (ctx.parsed.exchanges.some((x) => x.request && (credsOf(x.request).authorization || credsOf(x.request).proxyAuthorization))) return;
  for (const l of ctx.parsed.info) {
    if (/Authentication problem\. Ignoring this/i.test(l.text)) {
      ctx.findings.push({
        rule: 'curl-auth-problem', cause: 'unsupported-auth-scheme', score: 72,
        title: 'curl could not answer the challenge: it was not told to use that scheme, or lacks it.',
        evidence: [{ text: `* ${l.text}`, line: l.line }],
      });
    }
  }
}

function only403(ctx: Ctx): void {
  if (ctx.focus.some((x) => x.response?.status === 401 || x.response?.status === 407)) return;
  const ex = ctx.parsed.exchanges.find((x) => x.response?.status === 403);
  // Or a 403 told only in words ("403 Forbidden" typed at the wizard's step, a CLI's error line)
  // when nothing in the paste shows a status or says 401.
  const said = !ex && !ctx.parsed.exchanges.some((x) => x.response?.status) && !ctx.parsed.messages.some((m) => /\b40[17]\b|unauthori[sz]ed/i.test(m.text))
    ? ctx.parsed.messages.find((m) => /\b403\b|\bforbidden\b/i.test(m.text)) : undefined;
  if (!ex?.response && !said) return;
  ctx.findings.push({
    rule: 'status-403', cause: 'permission-denied-403', score: said ? 40 : 44,
    title: FORBIDDEN_403,
    evidence: [ex?.response ? evStart(ex.response, ex) : said!],
  });
}
