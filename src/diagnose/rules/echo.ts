// Rules on a credential as the paste shows it back: in a URL whose user name or password was not
// percent-encoded (RFC 3986 §3.2.1: "@", "/", ":" and friends in userinfo must be), or echoed in an
// error message still wrapped in the template syntax it was meant to replace ("${…}", "{{…}}") or
// with the quotes it was stored with.
// They read the raw lines, so they work on a log, a curl -v trace or a pasted error alike.
import { isCredentialHeader } from '../parse/credentials.ts';
import { REQUEST_RE } from '../parse/http.ts';
import type { Evidence, TextLine } from '../types.ts';
import type { Ctx } from './context.ts';

/** How much of a paste these rules read: enough for any log, bounded for a 5 MB HAR. */
const MAX_LINES = 5_000;
const MAX_LINE = 2_000;

/** A URL with a scheme, up to whitespace or a quote (userinfo characters left as written). */
const URL_RE = /\b[a-z][a-z0-9+.-]{1,15}:\/\/[^\s"'<>`]+/gi;

/**
 * Whether a URL as written breaks apart at an unencoded character in its userinfo. Parsers end the
 * authority at the first "/", "?" or "#", and split userinfo from host at an "@" inside it, so:
 * two "@" before the path mean an "@" in the user name or password; an "@" that comes only after
 * a "/" in a URL whose authority has "user:…" means the password held a "/" (the "host" then has
 * a non-numeric "port"); "%25" before the "@" is a "%" encoded again, a value encoded twice.
 * @param url the URL as it appears in the paste
 * @returns what went wrong, or undefined
 */
export function unencodedUserinfo(url: string): string | undefined {
  const rest = url.slice(url.indexOf('://') + 3);
  const end = rest.search(/[/?#]/);
  const authority = end < 0 ? rest : rest.slice(0, end);
  const at = (authority.match(/@/g) ?? []).length;
  if (at >= 2) return 'the user name or password holds an “@” that is not written as %40, so the URL splits at the wrong “@”';
  if (/%25[0-9a-f]{2}[^@]*@/i.test(authority)) return 'the user name or password holds “%25”, an encoded “%”: it was percent-encoded twice (“@” became %40, then %2540)';
  // With one "@" already in the authority, only a "#" or "?" can have cut it short (after a "/",
  // another "@" is usually a path's own, as in pkg@1.0).
  if ((at === 0 || rest[end] !== '/') && end >= 0) {
    const port = /:([^:]*)$/.exec(authority)?.[1];
    const laterAt = /^[^/?#\s]*@[^/\s]+/.test(rest.slice(end + 1));
    if (authority.includes(':') && port !== undefined && !/^\d*$/.test(port) && laterAt) {
      return 'the password holds a “/” (or “?”, “#”) that is not percent-encoded, so the URL ends its host part inside the password';
    }
  }
  return undefined;
}

/** An error that names a host with an "@" in it: the client took part of the userinfo for the host. */
const HOST_WITH_AT = /\b(?:resolve|resolving|connect to|unknown) (?:proxy|host)\b[^@\n]{0,12}['"“]?[^\s'"@]+@[^\s'"]+/i;

/**
 * A credential option given in double quotes with a "!" followed by a character: an interactive
 * bash expands "!…" from its history even inside double quotes, so another value is sent.
 */
const BANG_IN_QUOTES = /(?:^|\s)(?:-u|--user|--password|--pass|-p|--auth-cred|--token|--api-key)[= ]"[^"\n]*![^\s"=]/;

/** A message about a credential that shows its value still inside template brackets. */
const CREDENTIAL_WORD = /\b(?:api[ _-]?key|key|token|secret|password|credential|authorization)s?\b/i;
const TEMPLATE = /\$\{[^}\s]{1,120}\}|\{\{[^}\n]{1,120}\}\}/;
/**
 * A server echoing the key it received, masked ("sk-ab***yz"), with a quote mark (JSON-escaped or
 * not) or an example's bracket ({sk-ab***yz}) right before the key's first character: it was part
 * of what was sent. Only in prose ("provided: …"): in a JSON field (`"key": "sk-…"`) the quote is
 * the syntax, not the value.
 */
const MASKED_WITH_QUOTE = /[A-Za-z]\s?[:=]\s*\\?["'\u201c\u2018{<[][A-Za-z0-9_-]{2,16}\*{3,}[A-Za-z0-9_-]{0,12}/;

/**
 * A credential parameter of a URL or form body whose value is an empty variable turned into text
 * (Python's None, JavaScript's null or undefined, Go's nil): what was meant to be a client ID, key
 * or token never reached the request.
 */
const PARAM_PLACEHOLDER = /(?:^|[?&\s])((?:client|app)[_-]?(?:id|secret)|api[_-]?key|apikey|access[_-]?token|token|key|secret)=(none|null|undefined|nil|nan)(?=[&\s#"']|$)/i;

/** A header line as a request shows it (a curl -v "> " prefix allowed): its name, if it has a value. */
const headerName = (text: string) => /^\s*(?:> )?([\w-]+):\s*\S/.exec(text)?.[1];
/** A request line, before the headers (a curl -v "> " prefix allowed). */
const isRequestLine = (text: string) => REQUEST_RE.test(text.replace(/^\s*(?:> )?/, '').trimEnd());
/** A header a client sends, as the headers after a credential that ended them early would be. */
const LATER_HEADER = /^\s*(?:> )?(?:content-type|content-length|accept|accept-encoding|user-agent|host|connection|cookie|x-[\w-]+):\s/i;
/**
 * A header in a client's or tracer's escaped dump (strace, a debug log), up to its escaped line
 * end. (There it follows the escaped "\n" of the line before, not a word boundary; the line end is
 * only looked at, so the next header can start with it.)
 */
const ESCAPED_HEADER = /(?:\\n|\b)([\w-]+):([^"\r\n\\]*)(?=\\r?\\n)/g;
/** A credential header in an escaped dump whose value ends in spaces or tabs, sent as part of it. */
const escapedTrailingSpace = (text: string) => [...text.matchAll(ESCAPED_HEADER)].some((m) => isCredentialHeader(m[1] ?? '') && /\S[ \t]+$/.test(m[2] ?? ''));

/** The evidence a finding quotes: the line, cut to a readable length. */
const quote = (l: TextLine): Evidence => ({ text: l.text.slice(0, 300), line: l.line });

/**
 * A credential that ends in a newline, as a request shows it: the request's header block ends
 * right after the credential header, and the client's other headers follow the blank line (a token
 * file or secret with a trailing newline, sent as is).
 * @param lines the paste's lines
 * @returns the credential header's line, or undefined
 */
function credentialEndsHeaders(lines: readonly TextLine[]): TextLine | undefined {
  for (let i = 1; i + 2 < lines.length; i++) {
    const l = lines[i];
    if (!l || !isCredentialHeader(headerName(l.text) ?? '') || !/^\s*>?\s*$/.test(lines[i + 1]?.text ?? 'x') || !LATER_HEADER.test(lines[i + 2]?.text ?? '')) continue;
    if (lines.slice(Math.max(0, i - 30), i).some((x) => isRequestLine(x.text))) return l;
  }
  return undefined;
}

/** A command line as people paste it: an optional prompt, then a client that runs in a shell. */
const SHELL_COMMAND = /^\s*(?:\$ |> |PS [^>]*> )?(?:curl|wget|http|https|xh)\s/i;

/**
 * @param text a line of the paste
 * @returns whether it is a shell command whose first `${NAME}` the shell fills in (unquoted or in
 *   double quotes): the value it held is not in the paste, so the brackets were not sent
 */
function shellFills(text: string): boolean {
  const at = text.search(/\$\{/);
  if (at < 0 || !SHELL_COMMAND.test(text)) return false;
  let quote = '';
  for (let i = 0; i < at; i++) {
    const c = text[i];
    if (quote === '' && (c === "'" || c === '"')) quote = c;
    else if (c === quote) quote = '';
    else if (c === '\\' && quote !== "'") i++;
  }
  return quote !== "'";
}

/**
 * @param ctx the rule context
 */
export function echoRules(ctx: Ctx): void {
  const lines: TextLine[] = ctx.parsed.text
    .split('\n', MAX_LINES)
    .map((text, i) => ({ text: text.slice(0, MAX_LINE), line: i + 1 }));
  let userinfo: { line: TextLine; why: string } | undefined;
  for (const line of lines) {
    for (const m of line.text.matchAll(URL_RE)) {
      const why = unencodedUserinfo(m[0]);
      if (why) userinfo ??= { line, why };
    }
    if (!userinfo && HOST_WITH_AT.test(line.text)) userinfo = { line, why: 'the host the client tried to reach has an “@” in it, so part of the user name or password was taken for the host' };
    if (userinfo) break;
  }
  if (userinfo) {
    ctx.findings.push({
      rule: 'url-userinfo-unencoded', cause: 'credentials-in-url-not-encoded', score: 88,
      title: `Credentials in the URL are not percent-encoded: ${userinfo.why}.`,
      detail: 'Encode each reserved character of the user name and password (@ → %40, / → %2F, : → %3A, # → %23), or keep the credentials out of the URL (a credential helper, a header, or the tool’s own options).',
      evidence: [quote(userinfo.line)],
    });
  }
  const bang = lines.find((l) => BANG_IN_QUOTES.test(l.text));
  if (bang) {
    ctx.findings.push({
      rule: 'credential-history-expanded', cause: 'credential-value-mangled', score: 80,
      title: 'The credential is in double quotes and holds a “!”: an interactive bash replaces “!…” from its history, so another value was sent. Use single quotes.',
      evidence: [quote(bang)],
    });
  }
  const quoted = lines.find((l) => CREDENTIAL_WORD.test(l.text) && MASKED_WITH_QUOTE.test(l.text));
  if (quoted) {
    ctx.findings.push({
      rule: 'credential-quoted', cause: 'credential-value-mangled', score: 86,
      title: 'The key the server received starts with a quote or a bracket: it was sent as part of the key.',
      detail: 'Windows `set NAME="value"` keeps the quotes in the value, and so do many .env loaders and CI settings that are given quoted text. Store the bare value (`set NAME=value`), or strip quotes and whitespace when reading it.',
      evidence: [quote(quoted)],
    });
  }
  const newline = credentialEndsHeaders(lines);
  const spaced = newline ? undefined : lines.find((l) => escapedTrailingSpace(l.text));
  const ends = newline ?? spaced;
  if (ends) {
    ctx.findings.push({
      rule: 'credential-trailing-whitespace', cause: 'credential-value-mangled', score: 86,
      title: newline
        ? 'The credential ends in a newline: the request’s headers stop right after it, and the headers that follow were sent as the body.'
        : 'The credential header ends in spaces or tabs, which were sent as part of the credential.',
      detail: 'A token read from a file or a secret store often keeps its trailing newline or spaces. Strip whitespace when reading it, or store the bare value.',
      evidence: [quote(ends)],
    });
  }
  const emptyLine = lines.find((l) => PARAM_PLACEHOLDER.test(l.text));
  const empty = emptyLine && { l: emptyLine, m: PARAM_PLACEHOLDER.exec(emptyLine.text) };
  if (empty?.m) {
    ctx.findings.push({
      rule: 'credential-param-empty', cause: 'credential-value-mangled', score: 86,
      title: `The request sent ${empty.m[1]}=${empty.m[2]}: the variable meant to hold it was empty, and its "${empty.m[2]}" was sent as text.`,
      detail: 'Check that the setting or environment variable is defined where the code runs (a .env file that was not loaded, a CI secret not passed to this step, another environment’s configuration), and fail early when it is missing.',
      evidence: [quote(empty.l)],
    });
  }

  const templated = lines.find((l) => CREDENTIAL_WORD.test(l.text) && TEMPLATE.test(l.text) && !/^\s*(?:[-+]?\s*)?(?:export|set|env|\w+:)\s/i.test(l.text) && !shellFills(l.text));
  if (templated) {
    const shown = TEMPLATE.exec(templated.text)?.[0] ?? '';
    ctx.findings.push({
      rule: 'credential-templated', cause: 'credential-value-mangled', score: 86,
      title: `The credential was sent with its template brackets (${shown.slice(0, 2)}…${shown.slice(-1)}) around it: a variable that was never substituted, or brackets copied from an example.`,
      detail: 'Send only the bare value. A shell does not expand "${VAR}" inside single quotes; a YAML or JSON file is read literally unless the tool itself supports that syntax; in docs and examples, the brackets only mark where the key goes.',
      evidence: [quote(templated)],
    });
  }
}
