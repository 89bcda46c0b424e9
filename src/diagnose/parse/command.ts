// A curl command line, as people paste it above (or instead of) what it printed:
//   curl -X POST https://api.example.com/v1/items -H "Authorization: Bearer $TOKEN" -u user:pass
// It is read for the request it describes — method, URL and the headers it sets — so the request
// rules can check what was really sent (a header without its scheme, a placeholder, quotes, a key
// in the wrong header). Words are split as a POSIX shell splits them (quotes, backslashes), joined
// across continuation lines (`\`, cmd's `^`, PowerShell's backtick), and nothing is expanded:
// `$TOKEN` stays as written, which is what a placeholder rule needs to see.
// The page fetches this module only when a paste holds a curl command (parse/detect.ts CURL_COMMAND)
// and hands it to analyse() as `readCommand`; the CLI and the evaluation pass it always.
// Erasable TypeScript only: Node runs it directly for the CLI.

import type { Header, HttpRequest } from '../types.ts';
import { CURL_COMMAND as START } from './detect.ts';
import { hostOf, splitLines } from './http.ts';

/** Common options that take a value, besides the ones read below (curl --help all): their values are not the URL. */
const TAKES_VALUE = /^-(?:[owxUmTcEDtrYyzCQ]|-(?:output|write-out|proxy|proxy-user|max-time|connect-timeout|upload-file|cookie-jar|cert|cacert|key|resolve|connect-to|retry|max-redirs|dump-header|trace|trace-ascii|url-query|variable|limit-rate|interface|proxy-header|unix-socket))$/;

/** Options that send a body, so the method is POST unless one is given. */
const SENDS_BODY = /^-(?:[dF]|-(?:data|data-raw|data-binary|data-ascii|data-urlencode|form|form-string|json))$/;

/** A variable reference the shell replaces: `$NAME` or `${NAME}`. */
const VARIABLE = /^\{?([A-Za-z_][A-Za-z0-9_]*)/;

/**
 * Splits a command into words the way a POSIX shell does, without expanding anything.
 * @param s the command, continuation lines already joined
 * @param expanded when given, receives the names of variables the shell would fill in (those
 *   unquoted or inside double quotes; inside single quotes `$NAME` is sent as written)
 * @returns the words
 */
export function shellWords(s: string, expanded?: Set<string>): string[] {
  const note = (i: number) => {
    const name = VARIABLE.exec(s.slice(i + 1, i + 80))?.[1];
    if (name && expanded) expanded.add(name);
  };
  const words: string[] = [];
  let word = '';
  // Whether a word has begun: '' (an empty quoted argument) is a word too.
  let inWord = false;
  let quote = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i] ?? '';
    if (quote === "'") {
      if (c === "'") quote = '';
      else word += c;
    } else if (quote === '"') {
      if (c === '"') quote = '';
      // Inside double quotes a backslash escapes only these; elsewhere it stays.
      else if (c === '\\' && /["\\$`]/.test(s[i + 1] ?? '')) word += s[++i] ?? '';
      else {
        if (c === '$') note(i);
        word += c;
      }
    } else if (c === ' ' || c === '\t') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      inWord = true;
      if (c === "'" || c === '"') quote = c;
      else if (c === '\\' && i + 1 < s.length) word += s[++i] ?? '';
      else {
        if (c === '$') note(i);
        word += c;
      }
    }
  }
  if (inWord) words.push(word);
  return words;
}

/**
 * Base64 of a string's UTF-8 bytes, as curl encodes `-u user:password`.
 * @param s the text
 * @returns its base64
 */
function base64(s: string): string {
  let bin = '';
  for (const b of new TextEncoder().encode(s)) bin += String.fromCharCode(b);
  return btoa(bin);
}

/**
 * Reads the first curl command in the paste.
 * @param text the paste
 * @returns the request it describes, or undefined when there is no curl command
 */
export function parseCurlCommand(text: string): HttpRequest | undefined {
  const lines = splitLines(text.length > 200_000 ? text.slice(0, 200_000) : text);
  const at = lines.findIndex((l) => START.test(l));
  if (at < 0) return undefined;
  let cmd = '';
  for (let j = at; j < lines.length && j < at + 80; j++) {
    const l = lines[j] ?? '';
    const cont = /[ \t][\\^`][ \t]*$|^\\$/.exec(l);
    cmd += cont ? `${l.slice(0, cont.index)} ` : l;
    if (!cont) break;
  }
  const expanded = new Set<string>();
  const words = shellWords(cmd.replace(START, ''), expanded);
  const headers: Header[] = [];
  // The line of the paste a value sits on, for the evidence (the command's first line if not found).
  const lineOf = (v: string) => {
    const k = lines.slice(at, at + 80).findIndex((l) => l.includes(v));
    return at + 1 + Math.max(0, k);
  };
  const add = (name: string, value: string, shown = `${name}: ${value}`) => headers.push({ name, value: value.trim(), raw: value, line: lineOf(shown) });
  let method: string | undefined;
  let url: string | undefined;
  let user: string | undefined;
  let body = false;
  let otherAuth = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    // Short options may carry their value in the same word: -HAccept:x, -XPOST.
    const short = /^-[HXubAe]./.test(w) && !w.startsWith('--');
    const opt = short ? w.slice(0, 2) : w;
    const value = () => (short ? w.slice(2) : (words[++i] ?? ''));
    if (opt === '-H' || opt === '--header') {
      const v = value();
      if (v.startsWith('@')) return undefined;
      const m = /^([^:\s]+):[ \t]?(.*)$/s.exec(v);
      if (m) add(m[1] ?? '', m[2] ?? '', v);
    } else if (opt === '-X' || opt === '--request') method = value().toUpperCase();
    else if (opt === '-u' || opt === '--user') user = value();
    else if (opt === '--oauth2-bearer') {
      const v = value();
      add('Authorization', `Bearer ${v}`, v);
    } else if (opt === '-b' || opt === '--cookie') {
      const v = value();
      if (v.includes('=')) add('Cookie', v, v); // without "=" it names a cookie file
    } else if (opt === '-A' || opt === '--user-agent') add('User-Agent', value());
    else if (opt === '-e' || opt === '--referer') add('Referer', value());
    else if (opt === '--url') url = value();
    else if (opt === '-I' || opt === '--head') method ??= 'HEAD';
    else if (opt === '-G' || opt === '--get') method ??= 'GET';
    else if (/^--(?:digest|ntlm|negotiate|anyauth|ntlm-wb)$/.test(w)) otherAuth = true;
    // Credentials or headers from a file (.netrc, a config file, -H @file) or computed by curl
    // (SigV4): what was sent is not in the paste, so no conclusion is drawn from the command.
    else if (/^-(?:n|K|-netrc|-netrc-optional|-netrc-file|-config|-aws-sigv4)$/.test(w)) return undefined;
    else if (SENDS_BODY.test(w)) (body = true), i++;
    else if (TAKES_VALUE.test(w)) i++;
    else if (!w.startsWith('-') && url === undefined) url = w;
  }
  // -u sends Basic on the first request. With --digest, --ntlm or --negotiate curl answers the
  // server's challenge itself, and without a colon it asks for the password: what the failing
  // request carried is not in the paste, so no request is read (rather than one without credentials).
  if (user !== undefined && (otherAuth || !user.includes(':'))) return undefined;
  if (user !== undefined && !headers.some((h) => /^authorization$/i.test(h.name))) add('Authorization', `Basic ${base64(user)}`, user);
  url ??= '';
  const full = /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : url && `http://${url}`;
  const host = hostOf(full);
  // What curl itself sends unless told otherwise: the request is then complete as a request rule
  // sees it (no Authorization means none was sent), and the client is known to be curl.
  const given = (name: string) => headers.some((h) => h.name.toLowerCase() === name);
  const own = (name: string, value: string) => given(name.toLowerCase()) || headers.unshift({ name, value, raw: value, line: at + 1 });
  own('Accept', '*/*');
  own('User-Agent', 'curl');
  if (host) own('Host', host);
  const m = method ?? (body ? 'POST' : 'GET');
  return { method: m, target: url, url: full || undefined, host, headers, line: at + 1, startLine: (lines[at] ?? '').trim().slice(0, 300), ...(expanded.size ? { shellExpanded: [...expanded] } : {}) };
}

/** What the page asks the command reader (run as a worker): a paste, with the run it belongs to. */
export interface CommandRequest {
  id: number;
  text: string;
}

/** The reader's answer: the request the paste's curl command describes, if it has one. */
export interface CommandReply {
  id: number;
  request: HttpRequest | undefined;
}

// Run as a Web Worker (the page's `new Worker(new URL('…/command.ts', import.meta.url))`), like the
// signature checker: a dynamic import would add Vite's preload helper to the JS loaded at start.
// Nothing here runs in Node or in a page that imports this module.
if ('WorkerGlobalScope' in globalThis) {
  addEventListener('message', (e: MessageEvent<CommandRequest>) => {
    const reply: CommandReply = { id: e.data.id, request: parseCurlCommand(String(e.data.text)) };
    postMessage(reply);
  });
}
