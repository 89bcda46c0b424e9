// `curl -v` output: `>` request lines, `<` response lines, `*` info lines, `{ [n bytes data]`
// progress markers, and the body (stdout) mixed in when run with `2>&1`. Several requests may
// follow each other (redirects with -L, retries, the second leg of Digest/NTLM). `--trace-time`
// prefixes each line with a timestamp, which is stripped.

import type { Exchange, TextLine } from '../types.ts';
import { buildExchanges, splitLines, type TaggedLine } from './http.ts';

const TIME_PREFIX = /^\d\d:\d\d:\d\d\.\d{1,9} /;

/** Result of reading a curl log. */
export interface CurlParse {
  exchanges: Exchange[];
  /** `*` lines, e.g. "Connected to proxy", "Issue another request to this URL". */
  info: TextLine[];
}

/**
 * Parses curl verbose output.
 * @param text the log (stderr and stdout together, or stderr alone)
 * @returns exchanges and info lines; never throws
 */
export function parseCurl(text: string): CurlParse {
  const tagged: TaggedLine[] = [];
  const info: TextLine[] = [];
  const lines = splitLines(text);
  for (let i = 0; i < lines.length; i++) {
    let t = lines[i] ?? '';
    const line = i + 1;
    if (TIME_PREFIX.test(t)) t = t.replace(TIME_PREFIX, '');
    const c = t[0];
    const rest = t[1] === ' ' ? t.slice(2) : t.slice(1);
    if ((c === '>' || c === '<') && (t.length === 1 || t[1] === ' ')) {
      tagged.push({ text: rest, line, role: c === '>' ? 'request' : 'response' });
    } else if (c === '*' && (t.length === 1 || t[1] === ' ')) {
      info.push({ text: rest, line });
    } else if ((c === '{' || c === '}') && t[1] === ' ' && t[2] === '[') {
      // progress marker: "{ [5 bytes data]"
    } else if (t.startsWith('curl: (')) {
      info.push({ text: t, line });
    } else {
      tagged.push({ text: t, line });
    }
  }
  return { exchanges: buildExchanges(tagged), info };
}

/**
 * @param text pasted text
 * @returns how many lines look like curl -v output (`> `, `< `, `* ` prefixes)
 */
export function curlLineCount(text: string): number {
  let n = 0;
  const m = text.slice(0, 200_000).match(/^(?:\d\d:\d\d:\d\d\.\d{1,9} )?[<>*] /gm);
  n = m ? m.length : 0;
  return n;
}
