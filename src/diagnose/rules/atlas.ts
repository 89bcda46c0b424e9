// Rule: a vendor's own error text or code (the atlas, from the service pages) names the cause. It
// outranks wording-based guesses: the vendor documented what that text means. When several
// entries match, the most specific (longest) leads and the others add evidence to their causes.
import { matchAtlas } from '../atlas.ts';
import type { TextLine } from '../types.ts';
import type { CauseSlug } from '../../registry/registry.gen.ts';
import { credKind, type Ctx } from './context.ts';

/** Causes that presume credentials were sent: a paste showing a request without any contradicts them. */
const SENT_CAUSES = new Set(['missing-or-invalid-api-token', 'wrong-credentials', 'expired-oauth-token', 'cached-client-credentials']);

/** The cause that only restates the failure ("the key or token is invalid"); its texts are medium at most (scripts/registry.ts). */
export const GENERIC_CAUSE: CauseSlug = 'missing-or-invalid-api-token';

/** Score of a documented vendor text when the paste names that vendor: ranks above message wording. */
const NAMED_SCORE = 86;
/** Score of a distinctive vendor text in a paste that does not say whose it is: below protocol facts. */
const UNNAMED_SCORE = 74;

/**
 * @param e a message finding's evidence
 * @param hit the line a vendor text matched
 * @returns whether the evidence is an error code in the same error object, a few lines away
 *   ("error": "invalid_grant" beside "error_description": "Account is not fully set up"): the
 *   vendor's sentence says why, the protocol's code only which family of failure it is
 */
function codeBeside(e: { line: number; text: string }, hit: TextLine): boolean {
  return e.line > 0 && hit.line > 0 && e.line !== hit.line && Math.abs(e.line - hit.line) <= 3 && /^\s*"?[\w.-]{1,40}"?\s*[:=]\s*"?[\w.:-]{1,60}"?,?\s*$/.test(e.text);
}

/**
 * @param ctx the rule context (with the knowledge the caller loaded)
 */
export function atlasRules(ctx: Ctx): void {
  const errors = ctx.knowledge?.errors;
  if (!errors) return;
  const lines: TextLine[] = [...ctx.parsed.messages, ...ctx.parsed.info];
  const exchanges = ctx.focus.length ? ctx.focus : ctx.parsed.exchanges;
  for (const ex of exchanges.slice(0, 20)) {
    const r = ex.response;
    if (!r) continue;
    lines.push({ text: r.startLine, line: r.line });
    for (const h of r.headers) if (/authenticate|error|reason|message|squid/i.test(h.name)) lines.push({ text: `${h.name}: ${h.value}`, line: h.line });
    // Bodies in chunks of lines, so evidence points at the line that matched.
    r.body.slice(0, 64_000).split('\n').forEach((text, i) => lines.push({ text, line: r.bodyLine ? r.bodyLine + i : 0 }));
  }
  const sentNothing = ctx.focus.some((x) => x.request && credKind(x, ctx.sanitisedHar) === 'none');
  const seen = new Set<string>();
  // Best first: hits whose service the paste names, then the longest (most specific) text.
  const hits = matchAtlas(lines, errors, ctx.knowledge?.services).sort((a, b) => Number(b.named) - Number(a.named));
  for (const { entry, line, named } of hits) {
    if (seen.has(entry.cause)) continue;
    seen.add(entry.cause);
    const score = (sentNothing && SENT_CAUSES.has(entry.cause) ? UNNAMED_SCORE - 4 : named ? NAMED_SCORE : UNNAMED_SCORE) - seen.size + 1;
    // The message classifier read this same line by its wording; the vendor documented what this
    // exact text means on its service, which is the more specific reading (unless it only says
    // "invalid"). The wording finding stays, as a second reading, just below. A placeholder in
    // the line ("ENTER_YOUR_CLIENT_ID") is not wording but the value that was sent: it stays first.
    if (entry.cause !== GENERIC_CAUSE) {
      for (const f of ctx.findings) {
        if (f.rule.startsWith('message') && f.rule !== 'message-placeholder' && f.cause !== entry.cause && f.evidence.some((e) => (e.line === line.line && e.text.includes(line.text.trim().slice(0, 200))) || codeBeside(e, line))) f.score = Math.min(f.score, score - 1);
      }
    }
    const status = entry.status && !ctx.focus.some((x) => x.response?.status === entry.status) ? ` (documented with status ${entry.status})` : '';
    ctx.findings.push({
      rule: 'atlas',
      cause: entry.cause,
      title: entry.means,
      detail: `This matches an error documented for ${ctx.knowledge?.services[entry.service]?.label ?? entry.service}${status}; see /guide/${entry.service}/.`,
      score,
      // The entry's ceiling, decided when the content is compiled (docs/evaluation.md).
      ceiling: entry.tier,
      evidence: [line],
    });
  }
}
