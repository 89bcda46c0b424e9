// Error bodies and messages, recognised by what they mean rather than by a table of copied
// strings: the text is normalised (camelCase and snake_case split, lower-cased) and matched against
// the wordings of content/diagnose/messages.yaml — expired, wrong audience, missing, invalid,
// clock, CORS … — so "TokenExpired", "token_expired", "jwt expired" and "The token is expired" all
// land in the same place. The wordings and what they mean are data (the knowledge file's
// `messages`); this module compiles them once and applies them.

import type { CauseSlug } from '../../registry/registry.gen.ts';
import type { Knowledge } from '../atlas.ts';
import type { Confidence, Exchange, Finding, TextLine } from '../types.ts';
import { bodyMessages } from '../parse/body.ts';
import { FORBIDDEN_403, challengesOf, credKind, credsOf, evHeader, isPreflight, type CredKind, type Ctx } from './context.ts';

/** What a message says went wrong: a category id from content/diagnose/messages.yaml. */
export type Category = string;

/** Categories this code reads by name; the registry fails when the content drops one. */
export const NAMED_CATEGORIES = ['invalid', 'missing', 'userpass', 'expired', 'revoked', 'refresh', 'config', 'sso'] as const;

/** What a category (or one of its alternatives) means. */
interface Meaning {
  cause: string;
  title: string;
  /** Added to the base score. */
  bonus?: number;
}

/** The knowledge file's `messages`, as scripts/registry.ts writes it. */
export interface MessageKnowledge {
  /** Per category: its meaning, explanation, tier ceiling and alternatives by credential kind or words. */
  categories: Record<string, Meaning & { detail?: string; tier?: 'medium' | 'low'; when?: Array<Meaning & { kinds?: readonly string[]; words?: string; detail?: string }> }>;
  /** In priority order: a category and the alternation of its patterns. A category may appear again, lower down. */
  match: ReadonlyArray<{ id: string; pattern: string }>;
  /** Second readings: from these categories ("none": unmatched), when all the words match, to another. */
  reclassify: ReadonlyArray<{ from: readonly string[]; words: readonly string[]; to: string }>;
  /** Whole messages that only restate the status. */
  restate: readonly string[];
  /** Stock pages: a body containing one says nothing. */
  pages: readonly string[];
}

/** The message knowledge with its patterns compiled. */
export interface Lexicon {
  match: Array<{ cat: Category; re: RegExp }>;
  categories: MessageKnowledge['categories'];
  when: Map<Category, Array<{ kinds: ReadonlySet<string>; words: RegExp | undefined; meaning: Meaning & { detail?: string } }>>;
  reclassify: Array<{ from: ReadonlySet<string>; words: RegExp[]; to: Category }>;
  restate: RegExp[];
  pages: RegExp[];
}

/** A pattern the content validated; one that still fails to compile matches nothing rather than throw. */
function re(source: string): RegExp {
  try {
    return new RegExp(source);
  } catch {
    return /(?!)/;
  }
}

const lexicons = new WeakMap<MessageKnowledge, Lexicon>();

/**
 * @param knowledge the knowledge data (undefined when its fetch failed: then no message is classified)
 * @returns its message wordings, compiled once per knowledge object
 */
export function lexiconOf(knowledge: Pick<Knowledge, 'messages'> | undefined): Lexicon | undefined {
  const m = knowledge?.messages;
  if (!m) return undefined;
  let lex = lexicons.get(m);
  if (!lex) {
    lex = {
      match: m.match.map(({ id, pattern }) => ({ cat: id, re: re(pattern) })),
      categories: m.categories,
      when: new Map(Object.entries(m.categories).map(([cat, c]) => [cat, (c.when ?? []).map((w) => ({ kinds: new Set(w.kinds ?? []), words: w.words ? re(w.words) : undefined, meaning: w }))])),
      reclassify: m.reclassify.map((r) => ({ from: new Set(r.from), words: r.words.map(re), to: r.to })),
      restate: m.restate.map(re),
      pages: m.pages.map(re),
    };
    lexicons.set(m, lex);
  }
  return lex;
}

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

/**
 * @param text one message
 * @param lex the compiled wordings
 * @returns the first category it matches, if any, with its rank (the pattern's position: lower is more specific)
 */
export function classifyRanked(text: string, lex: Lexicon | undefined): { cat: Category; rank: number } | undefined {
  if (!lex) return undefined;
  const n = normalise(text);
  const i = lex.match.findIndex(({ re }) => re.test(n));
  const cat = lex.match[i]?.cat;
  const again = lex.reclassify.find((r) => r.from.has(cat ?? 'none') && r.words.every((w) => w.test(n)));
  if (again) return { cat: again.to, rank: lex.match.findIndex((x) => x.cat === again.to) };
  return cat ? { cat, rank: i } : undefined;
}

/**
 * @param text one message
 * @param lex the compiled wordings
 * @returns the first category it matches, if any
 */
export function classify(text: string, lex: Lexicon | undefined): Category | undefined {
  return classifyRanked(text, lex)?.cat;
}

/**
 * @param text a message or body
 * @param lex the compiled wordings
 * @returns whether it only restates the status or is a server's stock page
 */
function restates(text: string, lex: Lexicon): boolean {
  const n = normalise(text).trim();
  return lex.restate.some((r) => r.test(n)) || lex.pages.some((r) => r.test(n));
}

/** A classified message: its category and the line that says so. */
export interface Classified {
  cat: Category;
  line: TextLine;
}

/** Standard headers that carry no error text, as lines of a paste ("name: value"). */
const DATA_HEADER = /^\s*(?:[<>] )?(?:strict-transport-security|cache-control|expires|date|last-modified|age|etag|vary|via|content-(?:type|length|encoding|security-policy)|access-control-[\w-]+|x-cache|x-amz-cf-[\w-]+|set-cookie|cookie|connection|keep-alive|transfer-encoding|server|host|user-agent|accept(?:-[\w-]+)?|location|pragma)\s*:/i;

/**
 * Picks the most specific category among several messages (e.g. a JSON body's fields).
 * @param lines messages
 * @param lex the compiled wordings
 * @returns the winning category with its line, or undefined
 */
export function classifyAll(lines: readonly TextLine[], lex: Lexicon | undefined): Classified | undefined {
  if (!lex) return undefined;
  const all: (Classified & { rank: number; code: boolean })[] = [];
  for (const line of lines) {
    // URLs in bodies ("error_uri", documentation links) say nothing about the failure.
    const value = line.text.replace(/^[\w.@-]{1,80}: /, '');
    if (/^https?:\/\/\S*$/.test(value)) continue;
    // A field whose value is a number, true, false or null ("nbf": 1504804880 in a decoded token) is data, not a message.
    if (/^\s*"?[\w.@-]{1,80}"?\s*[:=]\s*(?:-?[\d.]+|true|false|null),?\s*$/i.test(line.text)) continue;
    // A response header pasted among the output (curl -i in a log, a CLI that prints headers) is
    // data, not a message: "strict-transport-security: max-age=…" says nothing about a token's age.
    if (DATA_HEADER.test(line.text)) continue;
    // "Unauthorized" restates the status code, and servers' stock 401 pages say nothing specific.
    if (restates(value, lex)) continue;
    const c = classifyRanked(line.text, lex);
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
  title: string;
  /** added to the base score */
  bonus: number;
  detail: string | undefined;
  ceiling: Confidence | undefined;
}

/**
 * Maps what the server said to a cause, given what the request sent.
 * @param cat the message category
 * @param kind the credential kind the request used
 * @param text the message, for what it names (a personal access token is an API token, not OAuth)
 * @param lex the compiled wordings
 * @returns the cause and wording (the category's own, or the first of its alternatives that applies)
 */
export function mapCategory(cat: Category, kind: CredKind, text: string, lex: Lexicon): Mapped {
  const c = lex.categories[cat];
  const n = normalise(text);
  const alt = lex.when.get(cat)?.find((w) => w.kinds.has(kind) || (w.words !== undefined && w.words.test(n)))?.meaning;
  const m = alt ?? c;
  return { cause: (m?.cause || undefined) as CauseSlug | undefined, title: m?.title ?? '', bonus: m?.bonus ?? 0, detail: alt?.detail ?? c?.detail, ceiling: c?.tier };
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
 * @param lex the compiled wordings
 * @returns the finding
 */
export function messageFinding(c: Classified, kind: CredKind, base: number, ex: Exchange | undefined, lex: Lexicon): Finding {
  // "Access denied" on a 403 without a challenge is a refusal of this identity, not a credential problem.
  const forbidden = c.cat === 'invalid' && ex?.response?.status === 403 && challengesOf(ex.response).challenges.length === 0 && !/authenticat|credential|key|token|password|signature/.test(normalise(c.line.text));
  const mapped = mapCategory(c.cat, kind, c.line.text, lex);
  if (forbidden) Object.assign(mapped, { cause: 'permission-denied-403', title: FORBIDDEN_403, bonus: -6, detail: undefined });
  return {
    rule: `message-${c.cat}`, title: mapped.title, cause: mapped.cause, detail: mapped.detail, ceiling: mapped.ceiling,
    score: base + mapped.bonus,
    evidence: [{ text: c.line.text, line: c.line.line, where: c.line.line === 0 && ex ? `HAR entry ${ex.index}, response body` : undefined }],
  };
}

/**
 * Rule: classify response bodies, Bearer error descriptions and pasted messages.
 * @param ctx the rule context
 */
export function messageRules(ctx: Ctx): void {
  const lex = lexiconOf(ctx.knowledge);
  if (!lex) return;
  for (const ex of ctx.focus) {
    const r = ex.response;
    if (!r || isPreflight(ex)) continue;
    const kind = credKind(ex, ctx.sanitisedHar);
    // error_description in a Bearer (or DPoP) challenge: the most direct statement of the cause.
    const desc: TextLine[] = [];
    let bearer = false;
    for (const ch of challengesOf(r).challenges) {
      const d = ch.params['error_description'];
      if (d) desc.push({ text: ch.source, line: ch.line });
      if (d && (ch.schemeKey === 'bearer' || ch.schemeKey === 'dpop')) bearer = true;
    }
    const fromDesc = classifyAll(desc.map((l) => ({ text: l.text.replace(/^[^:]*:\s*/, ''), line: l.line })), lex);
    if (fromDesc) {
      const orig = desc.find((d) => d.line === fromDesc.line.line) ?? fromDesc.line;
      // A Bearer challenge's description is about the token (RFC 6750 §3), whatever words it uses.
      ctx.findings.push(messageFinding({ cat: fromDesc.cat, line: orig }, kind === 'unknown' && bearer ? 'bearer' : kind, FROM_DESCRIPTION, ex, lex));
    }
    // Stock 401 pages (Apache's, Werkzeug's) blame "bad password" whatever happened: no evidence.
    // Error headers (x-ms-error-code, grpc-message, x-amzn-errortype …) speak when a HEAD or a gateway sends no body.
    const errHeaders = r.headers.filter((h) => /error|reason|message|diagnostic/i.test(h.name)).map((h) => ({ text: `${h.name}: ${h.value}`, line: h.line }));
    const stock = lex.pages.some((p) => p.test(normalise(r.body)));
    const body = stock ? undefined : classifyAll([...bodyMessages(r.body, r.bodyLine), ...errHeaders], lex);
    if (body) {
      // Under a Basic/Digest challenge, a message that names no key or token is about a password.
      const pw = kind === 'unknown' && body.cat !== 'missing' && challengesOf(r).challenges.some((ch) => ch.schemeKey === 'basic' || ch.schemeKey === 'digest') && !/key|token/i.test(body.line.text);
      const f = messageFinding(body, pw ? 'basic' : kind, FROM_BODY, ex, lex);
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
      const reason = classifyAll([{ text: r.reason, line: r.line }], lex);
      if (reason) ctx.findings.push(messageFinding(reason, kind, FROM_BODY - 4, ex, lex));
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
    const c = classifyAll(ctx.parsed.messages, lex);
    if (c) ctx.findings.push(messageFinding(c, 'unknown', FROM_TEXT, undefined, lex));
  }
}
