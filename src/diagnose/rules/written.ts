// Rules on how a request was written down, shown by the paste's own layout: a credential that a
// key press replaced with a control character, a URL the shell cut at an unquoted "&" (its job
// lines show it), a "$" inside an unquoted user name or password (the shell expands it), a request
// whose headers sit after a blank line and so were sent as the body, a header named after a scheme,
// a key header whose name has an underscore (nginx drops it).
// Each starts from a line few pastes have, so the group is deferred (rules/deferred.ts): the page
// runs it in the whole engine's worker, only for a paste with such a line.
import { isCredentialHeader } from '../parse/credentials.ts';
import { REQUEST_RE } from '../parse/http.ts';
import type { Evidence, TextLine } from '../types.ts';
import type { Ctx } from './context.ts';
import { SCHEME_AS_HEADER, UNDERSCORE_KEY_HEADER } from './deferred.ts';

/** How much of a paste these rules read: enough for any log, bounded for a 5 MB HAR. */
const MAX_LINES = 5_000;
const MAX_LINE = 2_000;

/**
 * A credential setting (a credentials file's `token = "…"`, a header, an env assignment) whose
 * value holds a control character, raw or escaped (\u0016, \x16): a key press such as Ctrl+V at
 * a prompt that does not paste was stored instead of the token.
 */
// Within the value's first word, so a log's colour codes (\u001b, ESC) elsewhere on the line do not count.
const CONTROL_IN_CREDENTIAL = /\b(?:token|password|passwd|secret|api[_-]?key|apikey|authorization|auth)\b["']?\s*[:=]\s*["']?(?:bearer |basic )?[^\s"',;]{0,200}?(?:\\u00(?!1b)[01][0-9a-f]|\\x(?!1b)[01][0-9a-f]|[\u0000-\u0008\u000b\u000c\u000e-\u001a\u001c-\u001f])/i;

/**
 * A command line that calls a URL with a query, unquoted, and "&" in it: the shell ends the
 * command at the first "&" (bash runs it in the background; cmd starts a new command), so every
 * parameter after it, the key among them, never reaches the server.
 */
const UNQUOTED_AMP_URL = /^\s*(?:\$ |> |PS [^>]*> )?(?:curl|wget|http|https|xh)\s(?:[^'"\n]*\s)?(https?:\/\/[^\s'"]*\?[^\s'"]*&[^\s'"]*)/i;
/** What a shell prints when it ran part of a command line as a background job ("[1] 28962", "[2]+  Done  offset=0"). */
const JOB_LINE = /^\s*\[\d+\][+-]?\s+(?:\d+\s*$|Done\b|Exit\b)/;
/** A credential among the parameters that were cut off. */
const KEY_PARAM = /(?:^|&)((?:api[_-]?key|apikey|key|token|access[_-]?token|auth|client[_-]?secret|signature|sig)=)/i;

/**
 * A user name or password given to a command unquoted (or in double quotes) with a "$" inside a
 * word ("-u robot$chitti", Harbor's robot accounts; a password like "Sec$ret"): the shell replaces
 * "$chitti" with an empty variable, so "robot" is sent. "-p $PASS", a variable on purpose, starts
 * with the "$" and is not matched.
 */
const DOLLAR_IN_WORD = /(?:^|\s)(?:-u|--user(?:name)?|-p|--pass(?:word)?|--token|--api-key)[= ]("?)([^\s"'$]*[A-Za-z0-9]\$([A-Za-z_][A-Za-z0-9_]*)[^\s"']*)\1(?=\s|$)/;

/** Header names only a request carries: with one of them near, the lines above are a request's headers, not a config file. */
const REQUEST_HEADER = /^\s*(?:> )?(?:host|user-agent|accept|content-type|content-length)[ \t]*:/i;
/** The paste says the credential did not arrive, or the request failed with 401. */
const NOT_RECEIVED = /\b401\b|unauthori[sz]ed|\b(?:no|missing)\b.{0,40}\b(?:key|token|credentials?|authori[sz]ation)\b|\b(?:key|token|credentials?)\b.{0,30}\b(?:missing|required|not (?:found|provided|present))\b/i;

/** A header line as a request shows it (a curl -v "> " prefix allowed): its name, if it has a value. */
const headerName = (text: string) => /^\s*(?:> )?([\w-]+):\s*\S/.exec(text)?.[1];
/** A request line, before the headers (a curl -v "> " prefix allowed). */
const isRequestLine = (text: string) => REQUEST_RE.test(text.replace(/^\s*(?:> )?/, '').trimEnd());
const quote = (l: TextLine): Evidence => ({ text: l.text.slice(0, 300), line: l.line });

/**
 * @param lines the paste's lines
 * @returns the credential header of a request written with a blank line right after its request
 *   line and header lines below it: everything after that blank line is the body
 */
function headersAfterBlank(lines: readonly TextLine[]): TextLine | undefined {
  for (let i = 0; i + 2 < lines.length && i < MAX_LINES; i++) {
    if (!isRequestLine(lines[i]?.text ?? '') || (lines[i + 1]?.text ?? '').trim() !== '') continue;
    for (let j = i + 2; j < lines.length && j < i + 40; j++) {
      const t = lines[j]?.text ?? '';
      if (t.trim() === '') break;
      const name = headerName(t);
      if (!name) {
        if (/^\s*#/.test(t)) continue; // a commented-out line of a .http file
        break;
      }
      if (isCredentialHeader(name)) return lines[j];
    }
  }
  return undefined;
}

/**
 * @param ctx the rule context
 */
export function writtenRules(ctx: Ctx): void {
  const lines: TextLine[] = ctx.parsed.text
    .split('\n', MAX_LINES)
    .map((text, i) => ({ text: text.slice(0, MAX_LINE), line: i + 1 }));
  const control = lines.find((l) => CONTROL_IN_CREDENTIAL.test(l.text));
  if (control) {
    ctx.findings.push({
      rule: 'credential-control-character', cause: 'credential-value-mangled', score: 88,
      title: 'The stored credential holds a control character, not a printable token: a key press (such as Ctrl+V at a prompt that does not paste) was saved instead of the value.',
      detail: 'Set the value again by typing or pasting it with the terminal’s own paste (right-click, Shift+Insert, or Ctrl+Shift+V), or edit the credentials file directly, and check it holds only the token.',
      evidence: [quote(control)],
    });
  }
  const split = lines.map((l) => ({ l, m: UNQUOTED_AMP_URL.exec(l.text) })).find((x) => x.m);
  const cut = split?.m?.[1]?.slice(split.m[1].indexOf('&') + 1) ?? '';
  if (split && lines.some((l) => l.line > split.l.line && JOB_LINE.test(l.text)) && KEY_PARAM.test(`&${cut}`)) {
    ctx.findings.push({
      rule: 'shell-split-url', cause: 'api-key-misplaced', score: 88,
      title: `The URL is not in quotes, so the shell cut the command at its first “&”: the parameters after it (${KEY_PARAM.exec(`&${cut}`)?.[1] ?? 'the key'}…) were never sent.`,
      detail: 'The “[1] 12345” lines are the shell starting background jobs. Put the URL in single quotes (in cmd, double quotes), or send the key in a header.',
      evidence: [quote(split.l)],
    });
  }
  const dollar = lines.map((l) => ({ l, m: DOLLAR_IN_WORD.exec(l.text) })).find((x) => x.m);
  if (dollar?.m) {
    const [, , word = '', name = ''] = dollar.m;
    ctx.findings.push({
      rule: 'credential-shell-expanded', cause: 'credential-value-mangled', score: 86,
      title: `The shell replaced “$${name}” in “${word.slice(0, 60)}” with an empty variable, so “${word.replace(/\$[A-Za-z_][A-Za-z0-9_]*/g, '').slice(0, 60)}” was sent instead.`,
      detail: 'Put a value that contains "$" in single quotes (\'robot$name\'), or type it at the prompt instead of on the command line.',
      evidence: [quote(dollar.l)],
    });
  }
  const named = lines.find((l) => SCHEME_AS_HEADER.test(l.text));
  if (named && !lines.some((l) => /\bauthorization\b["']?\s*:/i.test(l.text))) {
    const scheme = SCHEME_AS_HEADER.exec(named.text)?.[1] ?? 'Bearer';
    ctx.findings.push({
      rule: 'scheme-as-header', cause: 'missing-authorization-header', score: 86,
      title: `The credential went in a header named “${scheme}”: servers read it only from Authorization, so the request carried none.`,
      detail: `Send it as “Authorization: ${scheme} <credential>” (in Postman, the Authorization tab, or a header whose key is Authorization).`,
      evidence: [quote(named)],
    });
  }
  // Only the six lines either side are read for a request header, so a long paste stays linear.
  const underscored = lines.find((l, i) => UNDERSCORE_KEY_HEADER.test(l.text) && lines.slice(Math.max(0, i - 6), i + 7).some((o) => REQUEST_HEADER.test(o.text)));
  if (underscored && lines.some((l) => l !== underscored && NOT_RECEIVED.test(l.text))) {
    const name = UNDERSCORE_KEY_HEADER.exec(underscored.text)?.[1] ?? '';
    ctx.findings.push({
      rule: 'underscore-key-header', cause: 'proxy-strips-authorization', score: 84,
      title: `The key went in a header named “${name.slice(0, 40)}”: nginx, and Kong or ingress-nginx built on it, drops header names with an underscore by default, so the server saw no key.`,
      detail: `Send it in a header spelled with hyphens (${name.replace(/_/g, '-').slice(0, 40)}), or set “underscores_in_headers on;” in nginx.`,
      evidence: [quote(underscored)],
    });
  }
  const late = headersAfterBlank(lines);
  if (late) {
    ctx.findings.push({
      rule: 'headers-in-body', cause: 'missing-authorization-header', score: 86,
      title: `A blank line separates the request line from its headers, so they were sent as the body, ${headerName(late.text) ?? 'Authorization'} among them: the server got no credentials.`,
      detail: 'In a raw request or a .http file (VS Code REST Client, JetBrains HTTP Client) the first blank line ends the headers. Put the headers directly under the request line, then one blank line, then the body.',
      evidence: [quote(late)],
    });
  }
}
