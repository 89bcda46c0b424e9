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
  // curl -iv prints the response twice: "<" lines on stderr, plain ones (with the body) on stdout.
  // Fold the plain copy into the exchange it repeats.
  const xs = buildExchanges(tagged);
  const out: Exchange[] = [];
  for (const x of xs) {
    const prev = out[out.length - 1];
    if (!x.request && x.response && prev?.response && !prev.response.body && prev.response.status === x.response.status) {
      prev.response.body = x.response.body;
      prev.response.bodyLine = x.response.bodyLine;
      continue;
    }
    out.push({ ...x, index: out.length });
  }
  // A request line only has the path, so the URL was guessed as http://. The `*` lines before it
  // tell the truth (TLS, port 443): without this an http→https redirect would not look like the
  // origin change that makes curl drop Authorization.
  let k = 0;
  for (const x of out) {
    const q = x.request;
    let tls = false;
    for (; k < info.length && (info[k]?.line ?? 0) < (q?.line ?? 0); k++) {
      const t = info[k]?.text ?? '';
      if (/^(?:Connected to|Trying|Host) /.test(t)) tls = false;
      if (/SSL connection|TLS handshake|ALPN|port 443\b|:443\b/.test(t)) tls = true;
    }
    if (tls && q?.url?.startsWith('http://') && q.target.startsWith('/')) q.url = `https://${q.url.slice(7)}`;
  }
  return { exchanges: out, info };
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
