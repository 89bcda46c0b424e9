// HTTPie output (`http -v`, `http --print=HBhb`): the request, blank lines, then the response,
// each in raw HTTP/1.1 form — HTTPie shows HTTP/2 exchanges in that form too. It may start with
// the command line ("$ http GET …") and, copied from a terminal, end with "http: error: …" lines.

import type { Exchange, TextLine } from '../types.ts';
import { parseHttp, splitLines } from './http.ts';

/**
 * Parses HTTPie output.
 * @param text the output
 * @returns exchanges, and HTTPie's own error/warning lines as messages; never throws
 */
export function parseHttpie(text: string): { exchanges: Exchange[]; messages: TextLine[] } {
  const messages: TextLine[] = [];
  const lines = splitLines(text);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] ?? '';
    if (/^http: (?:error|warning): /.test(l)) messages.push({ text: l, line: i + 1 });
  }
  // The command line is not part of any message: blank it (keeping line numbers) and parse the rest.
  const body = lines.map((l) => (/^\$?\s*https?\s+\S/.test(l) || /^http: (?:error|warning): /.test(l) ? '' : l)).join('\n');
  return { exchanges: parseHttp(body), messages };
}

/**
 * Removes ANSI colour codes (HTTPie --pretty=all, curl's bold header names on a terminal).
 * @param text any text
 * @returns the text without escape sequences
 */
export function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.includes('\u001b') ? text.replace(/\u001b\[[0-9;]{0,20}[A-Za-z]/g, '') : text;
}
