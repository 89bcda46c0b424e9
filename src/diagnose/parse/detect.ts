// Decides what was pasted. Cheap checks on a bounded prefix, most specific first; the visitor can
// override the answer, so a wrong guess costs one click.

import type { InputKind } from '../types.ts';
import { curlLineCount } from './curl.ts';
import { HEADER_RE, REQUEST_RE, STATUS_RE } from './http.ts';
import { looksLikeJwt } from './jwt.ts';

/**
 * A line that starts a curl command (after an optional shell prompt). Here, in the engine, so the
 * page can tell whether to fetch the command reader (parse/command.ts) before analysing.
 */
export const CURL_COMMAND = /^[ \t]*(?:[$>#%][ \t]*)?curl(?:\.exe)?[ \t]+/m;

/**
 * @param input pasted text
 * @returns the detected kind
 */
const KNOWN_HEADER = /^(?::status|:authority|:method|:path|status code|request url|content-type|content-length|www-authenticate|proxy-authenticate|authorization|proxy-authorization|server|date|set-cookie|cookie|host|user-agent|accept|location|cache-control|vary|via|x-[\w-]+|access-control-[\w-]+|strict-transport-security|etag|connection|request-id)\s*:/i;

export function detectKind(input: string): InputKind {
  const t = input.trim();
  if (t === '') return 'text';
  const head = t.slice(0, 4096);
  if (head.startsWith('{') && /"log"\s*:/.test(head) && (/"entries"\s*:/.test(t.slice(0, 200000)) || /"creator"\s*:/.test(head))) return 'har';
  if (looksLikeJwt(t.replace(/^bearer\s+/i, '')) && !/^bearer\s/i.test(t)) return 'jwt';
  const lines = head.split(/\r\n|\r|\n/).filter((l) => l.trim() !== '');
  const first = lines[0] ?? '';
  if (lines.length <= 3) {
    if (/^(?:proxy-)?authori[sz]ation\s*:/i.test(first) || /^(?:bearer|basic|digest|negotiate|ntlm|token)\s+\S+$/i.test(first)) return 'auth-header';
    if (/^(?:set-)?cookie\s*:/i.test(first)) return 'cookie';
  }
  if (curlLineCount(t) >= 2) return 'curl';
  const statusOrRequest = lines.some((l) => STATUS_RE.test(l) || REQUEST_RE.test(l));
  if (statusOrRequest) {
    if (/^User-Agent:\s*HTTPie\//im.test(head) || /^\$?\s*https?\s+\S/.test(first)) return 'httpie';
    return 'http';
  }
  // Header-looking lines count only with real header names ("remote: …" from git is not HTTP).
  const headerLines = lines.filter((l) => HEADER_RE.test(l) && KNOWN_HEADER.test(l)).length;
  if (headerLines >= 2 || /^(?:status code|request url)\s*:?/im.test(head) || /^:status:/m.test(head)) return 'http';
  if (lines.length === 1 && headerLines === 1) {
    if (/^(?:www|proxy)-authenticate\s*:/i.test(first)) return 'http';
  }
  if (head.startsWith('{') || head.startsWith('[')) {
    try {
      JSON.parse(t);
      return 'json';
    } catch {
      /* fall through */
    }
  }
  return 'text';
}
