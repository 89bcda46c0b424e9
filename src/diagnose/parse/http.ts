// Raw HTTP messages: a response (status line, headers, body), several of them (curl -i -L, HTTPie
// -v), or the header block that browser DevTools copies — with HTTP/2 pseudo-headers (:status,
// :authority) and Chrome's "General" section (Request URL / Request Method / Status Code).
// The curl parser feeds the same block builder with lines it has already tagged by direction.
// Every regular expression here is anchored and free of nested quantifiers: linear time.

import type { Exchange, Header, HttpRequest, HttpResponse } from '../types.ts';

/** Most body text kept per response: error bodies are short, and classification is bounded. */
export const MAX_BODY = 64 * 1024;
/** Most headers kept per message: real ones have dozens; a pasted wall of them must not slow the rules. */
export const MAX_HEADERS = 400;

/** `Name: value`, including HTTP/2 pseudo-headers (`:status: 401`). */
export const HEADER_RE = /^(:?[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}):[ \t]?(.*)$/;
/** `HTTP/1.1 401 Unauthorized`, `HTTP/2 401`, and the same shape in HTTP's relatives (`RTSP/1.0 401`, `SIP/2.0 407`). */
export const STATUS_RE = /^(?:HTTP|RTSP|SIP|ICAP|[A-Z]{3,8})\/(\d(?:\.\d)?)[ \t]+(\d{3})(?:[ \t]+(.*))?$/;
/** `GET /path HTTP/1.1`, `DESCRIBE rtsp://… RTSP/1.0` (the version is required so prose is not taken for a request line). */
export const REQUEST_RE = /^([A-Z][A-Z-]{1,19})[ \t]+(\S{1,8192})[ \t]+(?:HTTP|RTSP|SIP|ICAP)\/\d(?:\.\d)?$/;
// Chrome DevTools' "General" section, copied as text.
const GENERAL_RE = /^(request url|request method|status code|remote address|referrer policy)[ \t]*:?[ \t]*(.*)$/i;
const SECTION_RE = /^(general|response headers|request headers)(?:[ \t]+\(\d+\))?[ \t]*(?:raw|view source|view parsed)?$/i;

/** A line handed to the block builder. */
export interface TaggedLine {
  text: string;
  /** 1-based line number in the pasted text. */
  line: number;
  /** Known direction (curl's `>` and `<`), or undefined for raw text. */
  role?: 'request' | 'response' | undefined;
}

interface Block {
  role: 'request' | 'response' | 'unknown';
  line: number;
  startLine: string;
  method: string;
  target: string;
  status: number;
  reason: string;
  headers: Header[];
  body: string[];
  bodyLen: number;
  bodyLine: number;
  /** headers still open (no blank line yet) */
  open: boolean;
}

const newBlock = (role: Block['role'], line: number, startLine: string): Block => ({
  role, line, startLine, method: '', target: '', status: 0, reason: '', headers: [], body: [], bodyLen: 0, bodyLine: 0, open: true,
});

/**
 * Groups lines into request and response blocks and pairs them into exchanges.
 * @param lines the input lines, optionally tagged with a direction (curl)
 * @returns exchanges in order; never throws
 */
export function buildExchanges(lines: readonly TaggedLine[]): Exchange[] {
  const blocks: Block[] = [];
  let cur: Block | undefined;
  let section: Block['role'] | undefined; // Chrome "Request Headers" / "Response Headers" headings
  let pendingName: Header | undefined; // "name:" alone on a line, value on the next (DevTools copy)
  const general: Header[] = [];
  let pendingGeneral: Header | undefined;

  const addBody = (b: Block, text: string, line: number): void => {
    if (b.bodyLen >= MAX_BODY) return;
    if (b.bodyLine === 0) b.bodyLine = line;
    const room = MAX_BODY - b.bodyLen;
    const t = text.length > room ? text.slice(0, room) : text;
    b.body.push(t);
    b.bodyLen += t.length + 1;
  };

  for (const { text, line, role } of lines) {
    const status = STATUS_RE.exec(text);
    if (status && role !== 'request') {
      cur = newBlock('response', line, text);
      cur.status = Number(status[2]);
      cur.reason = (status[3] ?? '').trim();
      blocks.push(cur);
      pendingName = undefined;
      continue;
    }
    const req = role !== 'response' ? REQUEST_RE.exec(text) : null;
    if (req && (!cur || cur.open === false || cur.headers.length === 0 || role === 'request')) {
      cur = newBlock('request', line, text);
      cur.method = req[1] ?? '';
      cur.target = req[2] ?? '';
      blocks.push(cur);
      pendingName = undefined;
      continue;
    }
    if (cur && !cur.open && cur.startLine !== '') {
      // Body (responses only: request bodies are not evidence we use, and may hold passwords).
      if (cur.role === 'response') addBody(cur, text, line);
      continue;
    }
    const trimmed = text.trim();
    if (role === undefined && SECTION_RE.test(trimmed)) {
      const t = trimmed.toLowerCase();
      section = t.startsWith('response') ? 'response' : t.startsWith('request') ? 'request' : undefined;
      cur = undefined;
      pendingName = undefined;
      continue;
    }
    if (pendingGeneral && trimmed !== '') {
      pendingGeneral.value = trimmed;
      pendingGeneral = undefined;
      continue;
    }
    if (role === undefined && (!cur || cur.open)) {
      const g = GENERAL_RE.exec(trimmed);
      if (g) {
        const entry = { name: (g[1] ?? '').toLowerCase(), value: (g[2] ?? '').trim(), raw: g[2] ?? '', line };
        general.push(entry);
        if (entry.value === '') pendingGeneral = entry; // Chrome's grid copies the value onto the next line
        continue;
      }
    }
    if (trimmed === '') {
      if (cur) cur.open = false;
      pendingName = undefined;
      continue;
    }
    if (pendingName) {
      // DevTools copy with the value on its own line.
      pendingName.value = trimmed;
      pendingName.raw = text;
      pendingName = undefined;
      continue;
    }
    // Chrome's header grid copied as text: the name alone on a line ("www-authenticate"), value below.
    const bare = section && role === undefined && /^:?[A-Za-z][A-Za-z0-9-]{0,60}$/.test(trimmed) && !/^(?:raw|view source|view parsed)$/i.test(trimmed);
    const h = bare ? [trimmed, trimmed, ''] : HEADER_RE.exec(text);
    if (h) {
      if (!cur || !cur.open) {
        cur = newBlock(section ?? 'unknown', line, '');
        blocks.push(cur);
      }
      const raw = h[2] ?? '';
      const header: Header = { name: h[1] ?? '', value: raw.trim(), raw, line };
      if (cur.headers.length < MAX_HEADERS) cur.headers.push(header);
      pendingName = raw.trim() === '' ? header : undefined;
      continue;
    }
    if (cur && cur.headers.length > 0 && (text.startsWith(' ') || text.startsWith('\t'))) {
      // obs-fold continuation (RFC 9112 §5.2): append to the previous header.
      const last = cur.headers[cur.headers.length - 1];
      if (last) {
        last.value = `${last.value} ${trimmed}`.trim();
        last.raw += ` ${trimmed}`;
      }
      continue;
    }
    if (cur && cur.role !== 'request' && (cur.headers.length > 0 || cur.status)) {
      // No blank line before the body (or headers elided with "..."): tolerate it.
      cur.open = false;
      addBody(cur, text, line);
    }
  }

  // Chrome's General section: Request URL / Method / Status Code.
  const gv = (n: string) => general.find((g) => g.name === n);
  const gStatus = gv('status code');
  const gUrl = gv('request url');
  const gMethod = gv('request method');
  for (const b of blocks) {
    if (b.role !== 'unknown') continue;
    b.role = classify(b.headers);
  }
  if (gStatus || gUrl) {
    let resp = blocks.find((b) => b.role === 'response');
    if (!resp && gStatus) {
      resp = newBlock('response', gStatus.line, '');
      blocks.push(resp);
    }
    if (resp && gStatus && resp.status === 0) {
      const m = /^(\d{3})[ \t]*(.*)$/.exec(gStatus.value);
      resp.status = Number(m?.[1] ?? 0);
      resp.reason = (m?.[2] ?? '').trim();
      resp.startLine = `Status Code: ${gStatus.value}`;
      resp.line = gStatus.line;
    }
    let rq = blocks.find((b) => b.role === 'request');
    if (!rq && gUrl) {
      rq = newBlock('request', gUrl.line, '');
      blocks.unshift(rq);
    }
    if (rq && gUrl && !rq.target) {
      rq.target = gUrl.value;
      rq.method = (gMethod?.value ?? 'GET').toUpperCase();
      rq.startLine = `Request URL: ${gUrl.value}`;
      rq.line = gUrl.line;
    }
  }

  // DevTools lists Response Headers before Request Headers: one of each is one exchange.
  if (blocks.length === 2 && blocks[0]?.role === 'response' && blocks[1]?.role === 'request' && !blocks[1].startLine.startsWith(blocks[1].method || '\u0000')) blocks.reverse();
  return pair(blocks);
}

/** Decides whether a header block without a start line is a request or a response. */
function classify(headers: readonly Header[]): 'request' | 'response' {
  let req = 0;
  let res = 0;
  for (const h of headers) {
    const n = h.name.toLowerCase();
    if (n === ':status' || n === 'www-authenticate' || n === 'proxy-authenticate' || n === 'set-cookie' || n === 'server' ||
      n === 'content-length' || n === 'date' || n.startsWith('access-control-allow') || n === 'location') res += n === ':status' ? 10 : 2;
    if (n === ':method' || n === ':path' || n === ':authority' || n === 'authorization' || n === 'proxy-authorization' ||
      n === 'cookie' || n === 'user-agent' || n === 'host' || n === 'accept' || n === 'origin' || n === 'referer' ||
      n.startsWith('sec-') || n.startsWith('access-control-request')) req += n === ':method' ? 10 : 2;
  }
  return req > res ? 'request' : 'response';
}

function header(hs: readonly Header[], name: string): Header | undefined {
  return hs.find((h) => h.name.toLowerCase() === name);
}

function toRequest(b: Block): HttpRequest {
  const method = b.method || header(b.headers, ':method')?.value.toUpperCase() || 'GET';
  const target = b.target || header(b.headers, ':path')?.value || '';
  const hostH = header(b.headers, 'host') ?? header(b.headers, ':authority');
  let url: string | undefined;
  let host = hostH?.value.toLowerCase();
  if (/^https?:\/\//i.test(target)) {
    url = target;
    host = hostOf(target) ?? host;
  } else if (host) {
    const scheme = header(b.headers, ':scheme')?.value ?? (host.endsWith(':443') ? 'https' : 'http');
    url = `${scheme}://${host}${target.startsWith('/') ? target : '/'}`;
  }
  return {
    method, target, url, host, headers: b.headers, line: b.line,
    startLine: b.startLine || `${method} ${target}`.trim(),
  };
}

function toResponse(b: Block): HttpResponse {
  let status = b.status;
  const ps = header(b.headers, ':status') ?? header(b.headers, 'status');
  if (status === 0 && ps) status = Number(/^\d{3}/.exec(ps.value)?.[0] ?? 0);
  // Headers pasted without their status line: a challenge says which status carried it (RFC 9110
  // §11.6.1, §11.7.1: WWW-Authenticate comes with 401, Proxy-Authenticate with 407).
  let implied = '';
  if (status === 0 && !ps) {
    const ch = header(b.headers, 'www-authenticate') ?? header(b.headers, 'proxy-authenticate');
    if (ch) {
      status = ch.name.toLowerCase() === 'www-authenticate' ? 401 : 407;
      implied = `${status} (no status line pasted; ${ch.name} implies it)`;
    }
  }
  return {
    status, reason: b.reason, headers: b.headers, body: b.body.join('\n'), bodyLine: b.bodyLine, line: b.line || ps?.line || 0,
    startLine: b.startLine || (ps ? `${ps.name}: ${ps.value}` : implied || (status ? `HTTP ${status}` : '')),
  };
}

/** Pairs each response with the request before it (1xx interim responses stay with their request). */
function pair(blocks: readonly Block[]): Exchange[] {
  const out: Exchange[] = [];
  let open: Exchange | undefined;
  for (const b of blocks) {
    if (b.role === 'request') {
      open = { request: toRequest(b), response: undefined, index: out.length };
      out.push(open);
    } else {
      const r = toResponse(b);
      if (r.status >= 100 && r.status < 200 && r.status !== 101) continue; // 100 Continue, 103 Early Hints
      if (open && !open.response) open.response = r;
      else out.push({ request: undefined, response: r, index: out.length });
      open = undefined;
    }
  }
  return out;
}

/**
 * @param url an absolute URL (may be garbage)
 * @returns its host[:port], lower-case, or undefined when it is not an absolute http(s) URL
 */
export function hostOf(url: string): string | undefined {
  const m = /^https?:\/\/(?:[^/?#@]*@)?([^/?#]+)/i.exec(url);
  return m?.[1]?.toLowerCase();
}

/**
 * Splits text into lines, accepting CRLF, LF and CR.
 * @param text any text
 * @returns the lines (without terminators)
 */
export function splitLines(text: string): string[] {
  // String split is much faster than a regex split on millions of lines.
  return (text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text).split('\n');
}

/**
 * Parses raw HTTP text (responses, requests, DevTools header blocks, HTTPie output).
 * @param text pasted text
 * @returns exchanges in order
 */
export function parseHttp(text: string): Exchange[] {
  return buildExchanges(splitLines(text).map((t, i) => ({ text: t, line: i + 1 })));
}
