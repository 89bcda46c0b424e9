// From pasted text to a ranked report: parse, run the rules, merge findings that name the same
// cause, rank, attach links (fix page with the visitor's tab, wizard outcome, cause page), and say
// what to paste next when nothing was found. Also renders the report as plain text for the CLI.

import type { Knowledge } from './atlas.ts';
import { DETAILS } from './details.ts';
import { HINTS, type HintId } from './hints.ts';
import { clientFromUserAgent, fixHref, fixOf, serverFromHeaders, wizardHref, type Audience } from './fixes.ts';
import { parseInput } from './parse/index.ts';
import { redactLine } from './redact.ts';
import { hdr } from './rules/context.ts';
import { runRules, type RuleGroup } from './rules/index.ts';
import type { DeferredRules } from './rules/deferred.ts';
import { KIND_LABELS, type CommandReader, type Confidence, type HarReader, type Exchange, type Finding, type InputKind, type Parsed, type RankedFinding, type Report } from './types.ts';

/** Options for analyse(). */
export interface AnalyseOptions {
  /** Force the input kind instead of detecting it. */
  kind?: InputKind | undefined;
  /** The current time in milliseconds (defaults to Date.now(); tests pass a fixed clock). */
  now?: number | undefined;
  /** The knowledge data (vendor error atlas): the page fetches it at load, the CLI imports it. */
  knowledge?: Knowledge | undefined;
  /**
   * Reads a curl command in the paste into the request it describes (parse/command.ts
   * `parseCurlCommand`). The page fetches it only when the paste holds one; without it, a command
   * line is read as text.
   */
  readCommand?: CommandReader | undefined;
  /**
   * Reads a HAR file (parse/har.ts `parseHar`). The page runs it in a worker, only for HAR files;
   * without it, a HAR yields no exchanges.
   */
  readHar?: HarReader | undefined;
  /**
   * The deferred rule groups (rules/deferred.ts): the cookie rules and the directory rules.
   * `analyse()` (analyse.ts) always passes them; the page's start-up engine has them only in the
   * worker it hands the pastes they apply to.
   */
  deferredRules?: DeferredRules<RuleGroup> | undefined;
}

// Confidence tiers (docs/evaluation.md): what each promises, so the page can say it plainly.
//  high   — the paste states the cause: a protocol fact, a vendor's documented text on its own
//           service, or a message that names one specific cause;
//  medium — wording or structure points to one cause, but another is possible;
//  low    — a restatement of the failure ("invalid credentials", "unauthorized", nothing sent) that
//           many causes produce; the page says what to paste to be sure.
// Calibrated on the development split of the real-paste corpus, never on its test split.
/** Rules whose finding only restates the failure: many causes say the same. (Message wordings carry their own tier, as data.) */
const LOW_RULES = new Set(['generic-401']);
/** Rules that point at one cause but whose wording fits others too. */
const MEDIUM_RULES = new Set(['status-403']);
const TIER_ORDER: readonly Confidence[] = ['low', 'medium', 'high'];

/**
 * @param f a finding (its rule, score and ceiling)
 * @returns the tier we show
 */
export function confidenceOf(f: Pick<Finding, 'rule' | 'score' | 'ceiling'>): Confidence {
  if (LOW_RULES.has(f.rule)) return 'low';
  let tier: Confidence = f.score >= 75 ? 'high' : f.score >= 50 ? 'medium' : 'low';
  // A vendor text on a paste that does not name the vendor could be another service's wording.
  const ceiling = MEDIUM_RULES.has(f.rule) || (f.rule === 'atlas' && f.score < 80) ? 'medium' : f.ceiling;
  if (ceiling && TIER_ORDER.indexOf(ceiling) < TIER_ORDER.indexOf(tier)) tier = ceiling;
  return tier;
}

// "The token is invalid" restates the failure; when a rule names *why* (expired, wrong audience,
// clock, revoked …), the umbrella finding should not compete with it.
const UMBRELLA = new Set(['bearer-invalid-token', 'message-invalid']);
function demoteUmbrellas(findings: Finding[]): Finding[] {
  const specific = findings.filter((f) => !UMBRELLA.has(f.rule) && f.score >= 70 && f.cause !== 'missing-or-invalid-api-token' && f.cause !== 'missing-challenge');
  const best = specific.reduce((m, f) => Math.max(m, f.score), 0);
  if (best === 0) return findings;
  return findings.map((f) => (UMBRELLA.has(f.rule) ? { ...f, score: Math.min(f.score, best - 15) } : f));
}

// A finding the paste states outright ("high") must not sit below a capped one — a vendor text
// that may be another service's, a restated failure — whatever their raw scores. Below "high"
// both are readings of thin evidence, and the score orders them.
function byTierThenScore(a: RankedFinding, b: RankedFinding): number {
  return Number(b.confidence === 'high') - Number(a.confidence === 'high') || b.score - a.score;
}

/** Merges findings that point at the same cause and fix: the strongest wording wins, evidence adds up. */
function merge(findings: readonly Finding[]): Finding[] {
  const byKey = new Map<string, Finding>();
  const sorted = [...findings].sort((a, b) => b.score - a.score);
  for (const f of sorted) {
    const key = `${f.cause ?? f.rule}|${f.fix ?? ''}`;
    const have = byKey.get(key);
    if (!have) {
      byKey.set(key, { ...f, evidence: [...f.evidence] });
      continue;
    }
    // Independent evidence for the same cause makes it more likely, a little.
    if (have.rule !== f.rule) have.score = Math.min(99, have.score + 3);
    for (const e of f.evidence) {
      if (have.evidence.length < 6 && !have.evidence.some((x) => x.text === e.text && x.line === e.line)) have.evidence.push(e);
    }
  }
  return [...byKey.values()].sort((a, b) => b.score - a.score);
}

function audienceOf(p: Parsed, focus: readonly Exchange[]): Audience {
  const ex = focus[0] ?? p.exchanges.find((x) => x.request) ?? p.exchanges[0];
  const ua = hdr(ex?.request?.headers, 'user-agent')?.value ?? '';
  let client = ua ? clientFromUserAgent(ua) : undefined;
  if (!client) client = p.kind === 'curl' ? 'curl' : p.kind === 'httpie' ? 'httpie' : p.kind === 'har' ? 'fetch' : undefined;
  const server = ex?.response ? serverFromHeaders(hdr(ex.response.headers, 'server')?.value ?? '', hdr(ex.response.headers, 'x-powered-by')?.value ?? '') : undefined;
  // Browser and OS tabs are left to the fix page, which picks the visitor's own (src/lib/ua.ts):
  // the person reading the link is the one at that browser, and it keeps this page's JS small.
  return { client, server, browser: undefined, os: undefined };
}

function hintsFor(p: Parsed, found: boolean, focus: readonly Exchange[]): HintId[] {
  const h: HintId[] = [];
  const hasRequest = p.exchanges.some((x) => x.request && x.request.headers.length > 0);
  const hasResponse = p.exchanges.some((x) => x.response);
  if (!found) {
    if (p.exchanges.length > 0 && focus.length === 0 && !p.exchanges.some((x) => (x.response?.status ?? 0) >= 400)) {
      h.push('no-failure');
    }
    h.push('curl');
    h.push('har');
  }
  if (found && hasResponse && !hasRequest && p.kind !== 'har') h.push('add-request');
  if (found && hasRequest && !hasResponse) h.push('add-response');
  if (p.kind === 'har' && !found) h.push('sanitised');
  if ((p.kind === 'jwt' || p.kind === 'auth-header') && !found) h.push('token-ok');
  return h;
}

/**
 * Analyses pasted evidence with the rule groups the caller has loaded (analyse() in analyse.ts
 * runs them all).
 * @param input the pasted text (or a file's contents)
 * @param options a forced kind, a fixed clock, the knowledge data, the readers and rules loaded
 * @returns the ranked report; never throws
 */
export function analyseWith(input: string, options: AnalyseOptions = {}): Report {
  const nowMs = options.now ?? Date.now();
  const parsed = parseInput(input, options.kind, options.readCommand, options.readHar);
  const { findings, facts, focus } = runRules(parsed, Math.floor(nowMs / 1000), options.knowledge, options.deferredRules);
  const who = audienceOf(parsed, focus);
  const ranked: RankedFinding[] = merge(demoteUmbrellas(findings)).map((f) => {
    const fix = fixOf(f.cause, f.fix, options.knowledge);
    const causeHref = f.cause ? `/guide/${f.cause}/` : undefined;
    // Without the knowledge data (its fetch failed) the cause page, which lists its fixes, stands in.
    return { ...f, fix, confidence: confidenceOf(f), fixHref: fix ? fixHref(fix, who, options.knowledge) : (causeHref ?? '/guide/'), wizardHref: fix ? wizardHref(fix) : undefined, causeHref };
  }).sort(byTierThenScore);
  // Facts can repeat across exchanges (the same challenge on 40 HAR entries): keep each once.
  const seen = new Set<string>();
  const uniqueFacts = facts.filter((f) => {
    const k = `${f.label}\n${f.lines.join('\n')}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  }).slice(0, 20);
  return {
    kind: parsed.kind, detected: parsed.detected, findings: ranked, facts: uniqueFacts,
    hints: hintsFor(parsed, ranked.length > 0, focus), warnings: parsed.warnings, exchanges: parsed.exchanges.length,
  };
}

/**
 * Renders a report as plain text (the CLI's output). Secrets in evidence are masked unless asked.
 * @param r the report
 * @param opts showSecrets to print evidence unmasked; site to prefix links (default https://fix401.dev);
 *   fixLabels to name each fix (the CLI passes the registry's labels; default: the slug)
 * @returns text ending with a newline
 */
export function formatReport(r: Report, opts: { showSecrets?: boolean; site?: string; fixLabels?: Readonly<Record<string, { label: string }>> } = {}): string {
  const site = opts.site ?? 'https://fix401.dev';
  const mask = (s: string) => (opts.showSecrets ? s : redactLine(s));
  const out: string[] = [`Read as: ${KIND_LABELS[r.kind]}${r.exchanges ? ` (${r.exchanges} exchange${r.exchanges === 1 ? '' : 's'})` : ''}`];
  for (const w of r.warnings) out.push(`Note: ${w}`);
  if (r.findings.length === 0) {
    out.push('', 'No cause found.');
  }
  r.findings.forEach((f, i) => {
    out.push('', `${i + 1}. ${f.title}`, `   Confidence: ${f.confidence} (ranking score ${f.score})`);
    const detail = [f.detail, DETAILS[f.rule]].filter(Boolean).join(' ');
    if (detail) out.push(`   ${detail}`);
    for (const e of f.evidence.slice(0, 4)) {
      const where = e.line ? `line ${e.line}` : e.where ?? 'evidence';
      out.push(`   > ${where}: ${mask(e.text).slice(0, 300)}`);
    }
    out.push(`   Fix: ${(f.fix && opts.fixLabels?.[f.fix]?.label) ?? f.fix ?? 'see the cause page'} — ${site}${f.fixHref}`);
  });
  if (r.facts.length > 0) {
    out.push('', 'What was read:');
    for (const f of r.facts) {
      out.push(`  ${f.label}:`);
      for (const l of f.lines) out.push(`    ${mask(l).slice(0, 300)}`);
    }
  }
  if (r.hints.length > 0) {
    out.push('');
    for (const h of r.hints) out.push(`Tip: ${HINTS[h]}`);
  }
  return `${out.join('\n')}\n`;
}
