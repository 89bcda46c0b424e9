// Rules for what is not a plain 401 and for what a challenge asks beyond "authenticate": a sign-in
// page returned to an API client, a gateway's authorizer failing with a 5xx, public paths answered
// with 401, and challenges that name a next step (RFC 9728 protected-resource metadata, RFC 9449
// DPoP, RFC 9470 step-up). Each reads structure: status, headers, challenge parameters, markup.
import type { Exchange, TextLine } from '../types.ts';
import { challengesOf, credsOf, evChallenge, evHeader, evStart, hdr, said401, type Ctx } from './context.ts';

/**
 * Markup of a sign-in page: a password field, a SAML/OIDC auto-post, a refresh to a login URL, or
 * the body of a redirect to one (Rails' "You are being <a href=…/users/sign_in>redirected</a>",
 * Apache's "…moved <a href=…/login>here</a>").
 */
const LOGIN_PAGE = /<input[^>]+type=["']?password|document\.forms\[0\]\.submit\(\)|name=["']?SAMLRequest|name=["']?(?:id_token|code|state)["']?[^>]*type=["']?hidden|http-equiv=["']?refresh["']?[^>]+url=[^>]*\/(?:log-?in|sign-?in|sso|auth|oauth2?|saml)\b|href=["']?[^"'\s>]*\/(?:log[-_]?in|sign[-_]?in)\b[^>]*>(?:redirected|here)<\/a>/i;
/** The gateway's failed authorizer, read from a response or from pasted text. */
const AUTHORIZER_FAILED = 'The 5xx comes from the gateway’s authorizer (API Gateway: {"message": null}), which failed or returned no policy: a configuration error, not bad credentials.';
const HEALTH = /^\/(?:api\/)?(?:health|healthz|ready|readyz|live|livez|ping|metrics|actuator\/health|\.well-known\/)/i;

/**
 * @param ctx the rule context
 */
export function lookalikeRules(ctx: Ctx): void {
  const xs = ctx.parsed.exchanges;
  // A sign-in page where an API answer was expected (status 200, or the page after a redirect).
  const page = xs.find((x) => x.response && (x.response.status === 200 || x.response.status === 0) && LOGIN_PAGE.test(x.response.body.slice(0, 100_000)));
  if (page?.response) {
    ctx.findings.push({
      rule: 'login-page', cause: 'login-page-instead-of-401', score: 80,
      title: 'The answer is an HTML sign-in page, not the API’s response: the call was sent to the browser sign-in flow instead of being authenticated itself.',
      evidence: [evStart(page.response, page)],
    });
  } else if (xs.every((x) => !x.response)) {
    // A page pasted on its own, or after the command that fetched it, is read as text, which drops
    // its markup: a message shows it only when the markup was quoted in it (HTML in a JSON field);
    // otherwise the input itself does.
    // It outranks a vendor sentence the atlas finds in that page's text without knowing whose it is
    // (74): the page is what answered, its wording only says what it would have wanted.
    const line = ctx.parsed.messages.find((m) => LOGIN_PAGE.test(m.text)) ?? (LOGIN_PAGE.test(ctx.parsed.text.slice(0, 200_000)) ? inputLine(ctx) : undefined);
    if (line) {
      ctx.findings.push({
        rule: 'login-page', cause: 'login-page-instead-of-401', score: 75,
        title: 'This is the markup of a sign-in page, or of a redirect to one: the request was answered by a sign-in flow, not by the API.',
        evidence: [line],
      });
    }
  }
  for (const ex of xs.slice(0, 50)) ruleExchange(ctx, ex);
  textRules(ctx);
}

/**
 * The line of the input itself (markup and all) that shows the sign-in page, as evidence: the one
 * that matches, or, when the markup spans lines, the first that names a sign-in (else the first).
 */
function inputLine(ctx: Ctx): TextLine {
  const lines = ctx.parsed.text.slice(0, 200_000).split('\n');
  const match = lines.findIndex((l) => LOGIN_PAGE.test(l));
  const at = match >= 0 ? match : Math.max(0, lines.findIndex((l) => /log-?in|sign-?in|sso|saml/i.test(l)));
  return { text: (lines[at] ?? '').trim().slice(0, 300), line: at + 1 };
}

/** Structures that show in pasted text even without a parsed response. */
function textRules(ctx: Ctx): void {
  const lines = [...ctx.parsed.messages, ...ctx.parsed.info];
  // A URL whose user name has an empty password ("https://user:@host"): the secret variable was empty.
  const emptyPw = lines.find((l) => /\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:@/i.test(l.text));
  if (emptyPw) {
    ctx.findings.push({
      rule: 'url-empty-password', cause: 'credential-value-mangled', score: 88,
      title: 'The URL carries a user name with an empty password (“user:@host”): the secret that should follow the colon was empty when the URL was built.',
      evidence: [emptyPw],
    });
  }
  // API Gateway's answer when an authorizer failed, pasted as text: a 5xx with {"message": null}.
  if (ctx.parsed.exchanges.length === 0) {
    const text = lines.map((l) => l.text).join('\n').slice(0, 20_000);
    const nul = lines.find((l) => /"message"\s*:\s*null\b/.test(l.text));
    if (nul && /\b5\d\d\b/.test(text)) {
      ctx.findings.push({
        rule: 'authorizer-5xx', cause: 'authorizer-error-5xx', score: 80,
        title: AUTHORIZER_FAILED,
        evidence: [nul],
      });
    }
  }
}

function ruleExchange(ctx: Ctx, ex: Exchange): void {
  const r = ex.response;
  // Health checks and other public paths answered with 401 (the status line, or a body that says
  // 401 under a command that printed no status). The target may lack a scheme ("localhost:8080/health").
  const path = (ex.request?.target ?? '').replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]+/i, '').replace(/^[^/*]+(?=\/)/, '');
  const told = !r?.status && said401(ctx);
  if ((r?.status === 401 || told) && HEALTH.test(path)) {
    ctx.findings.push({
      rule: 'public-path-401', cause: 'auth-applied-to-wrong-paths', score: 90,
      title: `${path} is answered with 401: authentication covers a path that must stay public (health checks, probes, /.well-known).`,
      evidence: [evStart(ex.request!, ex), told || evStart(r!, ex)],
    });
  }
  if (!r) return;
  // API Gateway: an authorizer that crashed or returned nothing answers 500 with {"message": null}.
  const errType = hdr(r.headers, 'x-amzn-errortype')?.value ?? '';
  if (r.status >= 500 && (/Authorizer/i.test(errType) || /^\s*\{\s*"message"\s*:\s*null\s*\}\s*$/.test(r.body.slice(0, 200)))) {
    ctx.findings.push({
      rule: 'authorizer-5xx', cause: 'authorizer-error-5xx', score: 86,
      title: AUTHORIZER_FAILED,
      evidence: [evStart(r, ex), ...(errType ? [evHeader(hdr(r.headers, 'x-amzn-errortype')!, ex, 'response')] : [])],
    });
  }
  if (r.status !== 401 && r.status !== 403) return;
  const chs = challengesOf(r).challenges;
  const sent = ex.request ? credsOf(ex.request) : undefined;
  for (const ch of chs) {
    const p = ch.params;
    // RFC 9728: the resource names its metadata; a client without a token must discover the authorization server.
    // An error such as invalid_token or insufficient_scope says a token was presented (RFC 6750
    // §3.1), unless the paste shows a request without one.
    if (p['resource_metadata'] && (!p['error'] || p['error'] === 'invalid_request' || (sent && !sent.authorization))) {
      ctx.findings.push({
        rule: 'resource-metadata', cause: 'oauth-discovery-required', score: 88,
        title: 'The challenge names protected-resource metadata (RFC 9728): fetch it, find the authorization server, and get a token for this resource first.',
        evidence: [evChallenge(ch, ex)],
      });
    }
    // RFC 9449: a DPoP challenge, a DPoP error, or a nonce the server wants echoed.
    if (ch.schemeKey === 'dpop' || /dpop/i.test(p['error'] ?? '') || hdr(r.headers, 'dpop-nonce')) {
      ctx.findings.push({
        rule: 'dpop-challenge', cause: 'dpop-proof-problem', score: 92,
        title: `The server wants DPoP: ${p['error'] === 'use_dpop_nonce' || hdr(r.headers, 'dpop-nonce') ? 'retry with the nonce from its DPoP-Nonce header in a fresh proof' : 'send the token with the DPoP scheme and a valid DPoP proof for this request'}.`,
        evidence: [evChallenge(ch, ex)],
      });
    }
    // RFC 9470 step-up and Entra claims challenges: the token is fine, the sign-in was not strong enough.
    if (p['error'] === 'insufficient_user_authentication' || p['error'] === 'insufficient_claims' || (p['claims'] && ch.schemeKey === 'bearer')) {
      ctx.findings.push({
        rule: 'step-up-challenge', cause: 'step-up-or-claims-challenge', score: 90,
        title: 'The server asks for a stronger or fresher sign-in (a claims or step-up challenge): get a new token that satisfies it, passing its claims to the sign-in.',
        evidence: [evChallenge(ch, ex)],
      });
    }
  }
}
