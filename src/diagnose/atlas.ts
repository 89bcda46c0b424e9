// The error atlas: vendor error texts and codes, with the cause each means. The data is content
// (service pages' `errors` front matter, compiled into src/registry/knowledge.gen.json); this
// module only matches it. Matching is structural, not per case: a text matches when its words
// appear in order in the paste after both are normalised (case, quotes, punctuation and runs of
// white space dropped), a code when it appears as a whole token.
import type { CauseSlug } from '../registry/registry.gen.ts';
import type { MessageKnowledge } from './rules/messages.ts';
import type { TextLine } from './types.ts';

/** One vendor error, as knowledge.gen.json carries it. */
export interface AtlasEntry {
  /** Distinctive text as printed (exclusive with code). */
  text?: string;
  /** Vendor code such as AADSTS50173 (exclusive with text). */
  code?: string;
  status?: number;
  cause: CauseSlug;
  /** What it means, in our words. */
  means: string;
  /** The service page it comes from. */
  service: string;
  /**
   * Specific enough to mean its cause even when the paste does not say whose it is: a code with
   * digits (AADSTS50173, IDX10223) or a text with three or more telling words. Decided when the
   * content is compiled (scripts/registry.ts `standsAlone`); otherwise the entry counts only when
   * the paste names its service.
   */
  alone?: true;
  /**
   * Ceiling on the finding's confidence, decided when the content is compiled: the page's own
   * `tier` (a client's report of a refusal names only the likeliest cause), or `medium` for a text
   * that only says the credential is invalid, which names no reason.
   */
  tier?: 'medium' | 'low';
}

/**
 * The atlas as knowledge.gen.json carries it: each service page's entries under its slug, as the
 * content lists them (the slug is not repeated in every entry).
 */
export type AtlasData = Readonly<Record<string, readonly Omit<AtlasEntry, 'service'>[]>>;

/** What the diagnoser knows as data: labels and default fixes for links, and the atlas. */
export interface Knowledge {
  /** Per cause: its label and default fix, for the links a finding offers. */
  causes: Record<string, { label: string; fix: string }>;
  fixes: Record<string, { label: string; tabs: readonly string[] }>;
  errors: AtlasData;
  /** Per service: its label, and names that show a paste comes from it (lower-case). */
  services: Record<string, { label: string; names?: readonly string[] }>;
  /** What error messages mean, by their wording (content/diagnose/messages.yaml). */
  messages?: MessageKnowledge;
  /** Credential shapes from the service pages' `tokens`: a name, the token's pattern and the hosts it belongs to (regex sources). */
  tokens?: readonly { name: string; pattern: string; hosts: string }[];
}

const shapesOf = new WeakMap<Knowledge, { name: string; re: RegExp; hosts: RegExp }[]>();

/**
 * @param token an opaque token or key
 * @param k the knowledge data
 * @returns the service whose credential shape it has, with the hosts that accept it
 */
export function tokenOwner(token: string, k: Knowledge | undefined): { name: string; hosts: RegExp } | undefined {
  if (!k?.tokens) return undefined;
  let shapes = shapesOf.get(k);
  // The content's patterns were checked at build; one that still fails to compile is left out.
  const compile = (t: { name: string; pattern: string; hosts: string }) => {
    try {
      return [{ name: t.name, re: new RegExp(t.pattern), hosts: new RegExp(t.hosts) }];
    } catch {
      return [];
    }
  };
  if (!shapes) shapesOf.set(k, (shapes = k.tokens.flatMap(compile)));
  const t = token.trim();
  return shapes.find((s) => s.re.test(t));
}

/** A match: the entry, the line it was found in, and whether the paste names the entry's service. */
export interface AtlasHit {
  entry: AtlasEntry;
  line: TextLine;
  /** The paste mentions the service (its name or host): the entry's meaning surely applies. */
  named: boolean;
}

/**
 * A code in a vendor's own numbering (letters then four or more digits: AADSTS50173, IDX10223,
 * TF400813, E0000011) names its vendor by itself, as surely as the vendor's name would.
 * @returns whether the code identifies its service
 */
export function namesVendor(entry: Partial<AtlasEntry>): boolean {
  return !!entry.code && /^[A-Za-z]+\d{4,}$/.test(entry.code);
}

/** @returns text lower-cased with every run of non-alphanumerics turned into one space */
export function normalise(s: string): string {
  return ` ${s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
}

/** Bound on the text searched per line and in all: error texts sit in short lines and bodies. */
const LINE_MAX = 4000;
const TOTAL_MAX = 200_000;
/** Largest paste (normalised) also searched with its lines joined. */
const JOINED_MAX = 20_000;

/**
 * Finds the atlas entries a paste contains, each once, longest (most specific) first.
 * @param lines the paste's text lines (messages, bodies, error headers)
 * @param errors the atlas, by service
 * @param services the services' names, to tell whether the paste names one
 * @returns the hits
 */
export function matchAtlas(lines: readonly TextLine[], errors: AtlasData, services: Knowledge['services'] = {}): AtlasHit[] {
  const norm: Array<{ n: string; line: TextLine }> = [];
  let total = 0;
  for (const line of lines) {
    if (total > TOTAL_MAX) break;
    const n = normalise(line.text.slice(0, LINE_MAX));
    total += n.length;
    if (n.length > 2) norm.push({ n, line });
  }
  const all = norm.map((x) => x.n).join(' ');
  // One string with a line break between lines (normalised lines hold none), searched once per
  // entry: a native search over it is far faster than one per line, and a hit maps back to its line.
  const text = norm.map((x) => x.n).join('\n');
  const starts: number[] = [];
  for (let i = 0, at = 0; i < norm.length; i++) {
    starts.push(at);
    at += (norm[i]?.n.length ?? 0) + 1;
  }
  const lineAt = (pos: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= pos) lo = mid;
      else hi = mid - 1;
    }
    return norm[lo];
  };
  const namedCache = new Map<string, boolean>();
  const isNamed = (service: string) => {
    let v = namedCache.get(service);
    if (v === undefined) namedCache.set(service, (v = (services[service]?.names ?? []).some((n) => all.includes(normalise(n)))));
    return v;
  };
  // Terminals and loggers wrap long messages over several lines; short pastes are also searched
  // with their lines joined (bounded, so a 5 MB log is not searched once more per entry).
  const joined = all.length <= JOINED_MAX ? all.replace(/ {2,}/g, ' ') : '';
  const hits: AtlasHit[] = [];
  for (const [service, entries] of Object.entries(errors)) for (const entry of entries) {
    const needle = normalise(entry.text ?? entry.code ?? '');
    if (needle.length < 5) continue;
    const pos = text.indexOf(needle);
    let found = pos >= 0 ? lineAt(pos) : undefined;
    if (!found && entry.text && joined.includes(needle)) {
      // Evidence: the line where the text starts (the one holding its first words).
      const start = needle.trim().split(' ').slice(0, 3).join(' ');
      found = norm.find((x) => x.n.includes(` ${start}`)) ?? norm[0];
    }
    if (!found) continue;
    // A generic text ("Bad credentials", "invalid_auth") means the vendor's cause only on that vendor.
    const named = isNamed(service) || namesVendor(entry);
    // The hit names its service page (the data keeps the slug once per page, not per entry).
    if (named || entry.alone) hits.push({ entry: { ...entry, service }, line: found.line, named });
  }
  return hits.sort((a, b) => (b.entry.text ?? b.entry.code ?? '').length - (a.entry.text ?? a.entry.code ?? '').length);
}
