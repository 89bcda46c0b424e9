// HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/): log.entries[] with request and
// response. Chrome, Firefox and Safari export it from DevTools → Network. Only what the rules need
// is kept; bodies only for error responses, bounded, so a 5 MB HAR stays fast.

// The page loads this module as a Web Worker, only when a paste or file is a HAR (see the end of
// the file); the CLI and the tests call parseHar directly.

import type { Exchange, HarParse, Header } from '../types.ts';
import { hostOf, MAX_BODY, MAX_HEADERS } from './http.ts';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

function headers(v: unknown): Header[] {
  const out: Header[] = [];
  for (const h of arr(v).slice(0, MAX_HEADERS)) {
    const o = obj(h);
    if (!o) continue;
    const raw = str(o['value']);
    out.push({ name: str(o['name']), value: raw.trim(), raw, line: 0 });
  }
  return out;
}

/** Decodes base64 text bodies (Chrome stores some that way); bounded. */
function bodyText(content: Json | undefined): string {
  if (!content) return '';
  let t = str(content['text']);
  if (t === '') return '';
  if (str(content['encoding']) === 'base64') {
    try {
      const bin = atob(t.slice(0, Math.ceil((MAX_BODY * 4) / 3 / 4) * 4).replace(/[^A-Za-z0-9+/=]/g, ''));
      t = new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
    } catch {
      return '';
    }
  }
  return t.length > MAX_BODY ? t.slice(0, MAX_BODY) : t;
}

/**
 * Parses HAR text. A HAR that is not valid JSON gives no exchanges and a warning (the caller then
 * reads the text as a message instead).
 * @param text the .har file's text
 * @returns exchanges, one per entry, in file order; never throws
 */
export function parseHar(text: string): HarParse {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    return { exchanges: [], creator: undefined, warnings: ['This does not parse as JSON, so it was read as text. Was the HAR file cut short?'] };
  }
  return harFromJson(root);
}

/**
 * Reads an already-parsed HAR object.
 * @param root JSON.parse output
 * @returns exchanges and metadata
 */
export function harFromJson(root: unknown): HarParse {
  const log = obj(obj(root)?.['log']);
  if (!log) return { exchanges: [], creator: undefined, warnings: ['This JSON has no "log" object, so it is not a HAR file.'] };
  const creator = str(obj(log['creator'])?.['name']) || undefined;
  const exchanges: Exchange[] = [];
  const entries = arr(log['entries']);
  for (let i = 0; i < entries.length; i++) {
    const e = obj(entries[i]);
    const rq = obj(e?.['request']);
    const rs = obj(e?.['response']);
    if (!rq && !rs) continue;
    const url = str(rq?.['url']);
    const method = str(rq?.['method']).toUpperCase() || 'GET';
    const rqHeaders = headers(rq?.['headers']);
    // HAR keeps cookies in their own arrays too; a sanitised export may empty the headers.
    const request = rq
      ? { method, target: url, url: url || undefined, host: hostOf(url), headers: rqHeaders, line: 0, startLine: `${method} ${url}` }
      : undefined;
    let response;
    if (rs) {
      // A request that never got a response (CORS failure, blocked, aborted) has status 0 or -1 and,
      // depending on the exporter, an error in _failureText (Playwright) or _error (Chrome).
      const status = Math.max(0, Number(rs['status']) || 0);
      const reason = str(rs['statusText']) || (status === 0 ? str(rs['_failureText']) || str(rs['_error']) || str(e?.['_error']) : '');
      const redirect = str(rs['redirectURL']);
      const hs = headers(rs['headers']);
      if (redirect && !hs.some((h) => h.name.toLowerCase() === 'location')) hs.push({ name: 'Location', value: redirect, raw: redirect, line: 0 });
      const interesting = status >= 400 || status === 0;
      response = {
        status, reason, headers: hs, body: interesting ? bodyText(obj(rs['content'])) : '', bodyLine: 0, line: 0,
        startLine: `${str(rs['httpVersion']) || 'HTTP/1.1'} ${status} ${reason}`.trim(),
      };
    }
    exchanges.push({ request, response, index: i + 1 });
  }
  const warnings = entries.length === 0 ? ['The HAR file has no entries. Record with DevTools open, reproduce the 401, then save.'] : [];
  return { exchanges, creator, warnings };
}

/** What the page asks the HAR reader (run as a worker): a file's text, with the run it belongs to. */
export interface HarRequest {
  id: number;
  text: string;
}

/** The reader's answer: the HAR read into exchanges. */
export interface HarReply {
  id: number;
  har: HarParse;
}

// Run as a Web Worker (the page's `new Worker(new URL('…/har.ts', import.meta.url))`), like the
// command reader: a dynamic import would add Vite's preload helper to the JS loaded at start, and
// the page needs this only for HAR files. Nothing here runs in Node or in a page that imports it.
if ('WorkerGlobalScope' in globalThis) {
  addEventListener('message', (e: MessageEvent<HarRequest>) => {
    const reply: HarReply = { id: e.data.id, har: parseHar(String(e.data.text)) };
    postMessage(reply);
  });
}
