// Shared shapes of the diagnoser core. Everything here is plain data (no classes, no Maps) so a
// report can cross a worker boundary or be printed as JSON by the CLI unchanged.
// Erasable TypeScript only (no enums, namespaces or parameter properties): Node runs it directly.
import type { CauseSlug, FixSlug } from '../registry/registry.gen.ts';

import type { HintId } from './hints.ts';

/** What kind of evidence was pasted. `auto` is only ever an input to the parser, never a result. */
export type InputKind = 'http' | 'curl' | 'httpie' | 'har' | 'jwt' | 'auth-header' | 'cookie' | 'json' | 'text';

/** Every kind, in the order the page's override menu lists them. */
export const INPUT_KINDS: readonly InputKind[] = ['http', 'curl', 'httpie', 'har', 'jwt', 'auth-header', 'cookie', 'json', 'text'];

/** Human names for the kinds (the page's menu and the CLI's header line). */
export const KIND_LABELS: Record<InputKind, string> = {
  http: 'HTTP response or headers',
  curl: 'curl -v / -i output',
  httpie: 'HTTPie output',
  har: 'HAR file',
  jwt: 'JWT',
  'auth-header': 'Authorization header',
  cookie: 'Cookie or Set-Cookie header',
  json: 'JSON error body',
  text: 'Error message text',
};

/** One header as it appeared. */
export interface Header {
  /** Name as written (case kept for display and for spotting odd spellings). */
  name: string;
  /** Value with surrounding whitespace removed (see `raw` for the untrimmed value). */
  value: string;
  /** Value exactly as it followed the colon, minus the single separator space: stray spaces show here. */
  raw: string;
  /** 1-based line in the pasted text, or 0 when the header came from a structure (HAR). */
  line: number;
}

/** A request as far as the evidence shows it. */
export interface HttpRequest {
  /** Upper-case method, e.g. "GET". */
  method: string;
  /** Request target as written: a path, an absolute URL or authority form (CONNECT). */
  target: string;
  /** Absolute URL when it can be worked out (HAR, or Host header + target). */
  url: string | undefined;
  /** Host (with port when non-default), lower-case, when known. */
  host: string | undefined;
  headers: Header[];
  /** 1-based line of the request line, 0 when none. */
  line: number;
  /** The request line as written (or synthesised for HAR), for evidence. */
  startLine: string;
  /**
   * For a pasted shell command: the variables the shell fills in before it runs ($NAME unquoted or
   * in double quotes). Their values are not in the paste, so `$NAME` there is not what was sent.
   */
  shellExpanded?: readonly string[];
}

/** A response as far as the evidence shows it. */
export interface HttpResponse {
  /** Status code; 0 when a header block had none. */
  status: number;
  /** Reason phrase, possibly empty (HTTP/2). */
  reason: string;
  headers: Header[];
  /** Body text (may be cut to a bounded length). */
  body: string;
  /** 1-based line where the body starts, 0 when unknown. */
  bodyLine: number;
  /** 1-based line of the status line, 0 when none. */
  line: number;
  /** The status line as written (or synthesised), for evidence. */
  startLine: string;
}

/** Reads a curl command in a paste into the request it describes (parse/command.ts `parseCurlCommand`). */
export type CommandReader = (text: string) => HttpRequest | undefined;

/** A HAR file read into exchanges (parse/har.ts `parseHar`). */
export interface HarParse {
  exchanges: Exchange[];
  /** The program that wrote it (log.creator.name), when named. */
  creator: string | undefined;
  warnings: string[];
}

/** Reads a HAR file (parse/har.ts `parseHar`). */
export type HarReader = (text: string) => HarParse;

/** A request and the response it got, either side possibly missing. */
export interface Exchange {
  request: HttpRequest | undefined;
  response: HttpResponse | undefined;
  /** Where this exchange sits in a HAR (entry index) or log (order), for evidence labels. */
  index: number;
}

/** A line of free text (an error message, a curl `*` info line) with where it was. */
export interface TextLine {
  text: string;
  /** 1-based line, 0 when not from the pasted text. */
  line: number;
}

/** The parser's output: the same model whatever was pasted. */
export interface Parsed {
  /** The kind that was parsed (detected or forced). */
  kind: InputKind;
  /** The kind the detector chose (equal to `kind` unless overridden). */
  detected: InputKind;
  exchanges: Exchange[];
  /** curl `*` lines: connection facts (proxy, redirects, auth used). */
  info: TextLine[];
  /** Free text to classify: a bare message, or a JSON body's strings. Bounded. */
  messages: TextLine[];
  /** A bare credential pasted alone (JWT, Authorization header, cookie header). */
  bare: Header | undefined;
  /** Problems met while parsing (malformed HAR, truncated input), said plainly. */
  warnings: string[];
  /** HAR metadata: the creator (e.g. "WebInspector"), to reason about sanitised exports. */
  harCreator: string | undefined;
  /** The input as read (ANSI codes stripped, size capped), for rules that read markup a text parse drops. */
  text: string;
}

/** Evidence for a finding: the exact line or claim. */
export interface Evidence {
  /** The line or claim, as written (the UI masks secrets in it unless asked not to). */
  text: string;
  /** 1-based line in the pasted text, 0 when it came from a structure. */
  line: number;
  /** Where it is, for structures: "HAR entry 3, response header". */
  where?: string | undefined;
}

/** Confidence buckets shown to people (the score orders findings; the bucket is what we say). */
export type Confidence = 'high' | 'medium' | 'low';

/** A finding as a rule produces it. */
export interface Finding {
  /** Stable id of the rule that fired (tests and the CLI's --json refer to it). */
  rule: string;
  /** The cause, in one sentence. */
  title: string;
  /** One or two more sentences with values from the input. Fixed explanations live in details.ts. */
  detail?: string | undefined;
  /** The cause page this finding names, when one matches. */
  cause: CauseSlug | undefined;
  /** The fix to link, only when it is not the cause's first fix (or there is no cause). */
  fix?: FixSlug | undefined;
  /** 0–100: how sure we are, used for ranking. */
  score: number;
  /** The most this finding's evidence can promise, whatever its score (docs/evaluation.md); set by data-driven rules. */
  ceiling?: Confidence | undefined;
  evidence: Evidence[];
}

/** A finding ready to show: ranked, with its links. */
export interface RankedFinding extends Omit<Finding, 'fix'> {
  /** The fix page it links: the finding's own, else its cause's first fix (undefined without the knowledge data). */
  fix: string | undefined;
  confidence: Confidence;
  /** Link to the fix page, opening the matching tab (e.g. /guide/refresh-oauth-token/?client=curl). */
  fixHref: string;
  /** Link to the wizard outcome for this fix, when the fix is a wizard outcome. */
  wizardHref: string | undefined;
  /** Link to the cause page, when there is one. */
  causeHref: string | undefined;
}

/** Something we read that is worth showing even if it is not a fault (a decoded JWT, a challenge). */
export interface Fact {
  label: string;
  /** Lines of the fact, shown as written (masked unless asked not to). */
  lines: string[];
}

/** The diagnoser's answer. */
export interface Report {
  kind: InputKind;
  detected: InputKind;
  /** Ranked, best first. Empty when nothing was found. */
  findings: RankedFinding[];
  facts: Fact[];
  /** When nothing was found (or the input was thin): what to paste and how to capture it (ids; text in hints.ts). */
  hints: HintId[];
  warnings: string[];
  /** Count of exchanges read (HAR entries, messages in a log). */
  exchanges: number;
}
