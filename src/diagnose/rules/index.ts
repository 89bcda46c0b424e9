// Runs every rule over the parsed evidence. Rules only add findings and facts; ranking and merging
// happen in report.ts. The focus is the failing exchanges: 401, 407, a 403 that carries a
// challenge, and 401'd preflights — minus the first legs of handshakes that then succeeded
// (Digest, NTLM, a browser's Basic prompt), which are how those schemes work, not faults.

import type { Exchange, Fact, Finding, Parsed } from '../types.ts';
import type { Knowledge } from '../atlas.ts';
import { atlasRules } from './atlas.ts';
import { challengeRules } from './challenge.ts';
import type { DeferredRules } from './deferred.ts';
import { echoRules } from './echo.ts';
import { challengesOf, credKind, credsOf, evStart, hdr, said401, type Ctx } from './context.ts';
import { flowRules } from './flow.ts';
import { jwtRules } from './jwt.ts';
import { lookalikeRules } from './lookalike.ts';
import { messageRules } from './messages.ts';
import { bareRules, requestRules } from './request.ts';

/**
 * Rule: when nothing else explains a 401, say the one thing that is certain — the credentials were
 * missing or not accepted — rather than let a secondary note (a missing challenge) lead.
 * @param ctx the rule context
 */
export function fallbackRules(ctx: Ctx): void {
  if (ctx.findings.some((f) => f.score >= 40)) return;
  const ex = ctx.focus.find((x) => x.response?.status === 401);
  const said = said401(ctx);
  if (!ex?.response && !said) return;
  // What was sent decides which "not accepted" this is, so the fix link follows it: a password
  // (Basic, Digest) is a wrong user name or password, nothing at all a missing header; only a
  // token or key, or a request the paste does not show, is "get a new one". (A rejected cookie
  // has its own rule.)
  const kind = credKind(ex, ctx.sanitisedHar);
  const byKind = {
    basic: ['wrong-credentials', 'The server did not accept the user name and password that were sent.'],
    digest: ['wrong-credentials', 'The server did not accept the user name and password that were sent.'],
    none: ['missing-authorization-header', 'The request carried no credentials, and the server wants some.'],
  } as const;
  const [cause, title] = byKind[kind as keyof typeof byKind] ?? ['missing-or-invalid-api-token', 'The server did not accept the request’s credentials: they were missing, wrong or expired.'];
  ctx.findings.push({
    rule: 'generic-401', cause, score: 40, title,
    evidence: ex?.response ? [evStart(ex.response, ex)] : said ? [said] : [],
  });
}

/** A group of rules: reads the context, adds findings and facts. */
export type RuleGroup = (ctx: Ctx) => void;

/**
 * The rule groups, in order, each with the name a failure is reported by (function names are
 * minified in the browser). The deferred groups run only when the caller passes them: they are
 * left out of the page's start-up engine (rules/deferred.ts).
 * @param deferred the deferred rule groups that are loaded (cookies, directory, written)
 * @returns the groups to run
 */
export function ruleGroups(deferred: DeferredRules<RuleGroup> = {}): ReadonlyArray<readonly [string, RuleGroup]> {
  return [
    ['challenge', challengeRules], ['request', requestRules], ['bare', bareRules], ['flow', flowRules], ['jwt', jwtRules],
    ['lookalike', lookalikeRules], ['echo', echoRules],
    ...(deferred.cookies ? [['cookies', deferred.cookies] as const] : []), ...(deferred.directory ? [['directory', deferred.directory] as const] : []),
    ...(deferred.written ? [['written', deferred.written] as const] : []),
    ['messages', messageRules], ['atlas', atlasRules], ['fallback', fallbackRules],
  ];
}

const failing = (ex: Exchange): boolean => {
  const s = ex.response?.status ?? 0;
  if (s === 401 || s === 407) return true;
  return s === 403 && !!ex.response && challengesOf(ex.response).challenges.length > 0;
};

const sameTarget = (a: Exchange, b: Exchange): boolean =>
  !!a.request && !!b.request && (a.request.url ?? a.request.target) === (b.request.url ?? b.request.target) && a.request.method === b.request.method;

/**
 * @param xs all exchanges
 * @returns the failing ones worth diagnosing
 */
export function focusOf(xs: readonly Exchange[]): Exchange[] {
  const out: Exchange[] = [];
  for (let i = 0; i < xs.length; i++) {
    const ex = xs[i];
    if (!ex || !failing(ex)) continue;
    // A later retry of the same request with credentials makes this 401 a handshake step (Digest,
    // NTLM, a browser's Basic prompt): if the retry succeeded all is well, if not, the retry is the
    // exchange to diagnose.
    let answered = false;
    for (let j = i + 1; j < xs.length && j <= i + 6; j++) {
      const nx = xs[j];
      if (!nx || !sameTarget(ex, nx) || !nx.request) continue;
      const c = credsOf(nx.request);
      if (c.authorization || c.proxyAuthorization) answered = true;
      break;
    }
    if (!answered) out.push(ex);
    if (out.length >= 50) break; // a HAR with thousands of 401s says the same thing many times
  }
  // No 401/407: look at other errors (a 403 from AWS, a 400 from a token endpoint) for messages.
  // Slack-style APIs answer 200 with {"ok": false}: those bodies count as failures too.
  // A request pasted without its response (a curl command and "it fails") is read for what it sent.
  if (out.length === 0) return xs.filter((x) => (x.response?.status ?? 0) >= 400 || /"ok"\s*:\s*false/.test(x.response?.body.slice(0, 2000) ?? '') || (!x.response && !!x.request?.headers.length)).slice(0, 50);
  return out;
}

/**
 * @param p parsed input
 * @returns whether a HAR looks like a sanitised export (no credential headers anywhere)
 */
export function looksSanitised(p: Parsed): boolean {
  // Only Chrome / Edge DevTools ("WebInspector") export sanitised HARs (the default since Chrome 130).
  if (p.kind !== 'har' || p.exchanges.length === 0 || p.harCreator !== 'WebInspector') return false;
  return !p.exchanges.some((ex) => !!hdr(ex.request?.headers, 'authorization') || !!hdr(ex.request?.headers, 'cookie') || !!hdr(ex.response?.headers, 'set-cookie'));
}

/**
 * Runs all rules.
 * @param parsed the parsed input
 * @param nowSeconds the current time in seconds since the epoch
 * @param knowledge the atlas of vendor errors, when the caller loaded it
 * @param deferred the deferred rule groups, when the caller loaded them (rules/deferred.ts)
 * @returns raw findings (unranked) and facts
 */
export function runRules(parsed: Parsed, nowSeconds: number, knowledge?: Knowledge, deferred?: DeferredRules<RuleGroup>): { findings: Finding[]; facts: Fact[]; focus: Exchange[]; sanitisedHar: boolean } {
  const focus = focusOf(parsed.exchanges);
  // Preflights are diagnosed by the flow rules; they are not "requests that lacked credentials".
  const ctx: Ctx = { parsed, now: nowSeconds, focus, sanitisedHar: looksSanitised(parsed), findings: [], facts: [], knowledge };
  for (const [name, rule] of ruleGroups(deferred)) {
    try {
      rule(ctx);
    } catch {
      // A rule bug must not hide what the other rules found.
      ctx.facts.push({ label: 'Internal', lines: [`The ${name} check failed on this input and was skipped.`] });
    }
  }
  return { findings: ctx.findings, facts: ctx.facts, focus, sanitisedHar: ctx.sanitisedHar };
}
