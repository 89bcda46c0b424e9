// One entry point from pasted text to the common model (types.ts Parsed), whatever the kind.

import type { CommandReader, HarReader, Header, InputKind, Parsed } from '../types.ts';
import { jsonMessages, textMessages } from './body.ts';
import { parseCurl } from './curl.ts';
import { detectKind } from './detect.ts';
import { HEADER_RE, parseHttp, splitLines } from './http.ts';
import { parseHttpie, stripAnsi } from './httpie.ts';

/** Largest input read in full; beyond it the text is cut (5 MB HARs fit comfortably). */
export const MAX_INPUT = 12 * 1024 * 1024;

const empty = (kind: InputKind, detected: InputKind): Parsed => ({
  kind, detected, exchanges: [], info: [], messages: [], bare: undefined, warnings: [], harCreator: undefined, text: '',
});

/** A line that is only a Markdown code fence (```http, ~~~) or a bold label (**Response headers:**). */
const MARKDOWN_FRAME = /^[ \t]*(?:(?:```|~~~)[\w+-]*|\*\*[^*\n]{1,60}\*\*:?|__[^_\n]{1,60}__:?)[ \t]*$/gm;

/**
 * Pastes copied from an issue or a chat keep their Markdown frame: fences around each block and a
 * bold label above it. Those lines are blanked (not removed, so line numbers in the evidence still
 * point at the paste), which leaves the blocks separated as the parsers expect.
 * @param text the paste
 * @returns the paste with its frame lines empty
 */
export function unwrapMarkdown(text: string): string {
  return text.includes('```') || text.includes('~~~') || text.includes('**') || text.includes('__') ? text.replace(MARKDOWN_FRAME, '') : text;
}

/**
 * Parses pasted evidence into the common model.
 * @param input the pasted text or file contents
 * @param force a kind chosen by the visitor, overriding detection
 * @param readCommand reads a curl command in the paste into the request it describes
 *   (parse/command.ts; loaded on demand by the page, so it is passed in)
 * @param readHar reads a HAR file (parse/har.ts, passed in the same way); without it, a HAR
 *   yields no exchanges and says so
 * @returns the parsed model; never throws
 */
export function parseInput(input: string, force?: InputKind, readCommand?: CommandReader, readHar?: HarReader): Parsed {
  let text = unwrapMarkdown(stripAnsi(input));
  const detected = detectKind(text);
  const kind = force ?? detected;
  const out = empty(kind, detected);
  if (text.length > MAX_INPUT) {
    text = text.slice(0, MAX_INPUT);
    out.warnings.push(`Only the first ${MAX_INPUT / 1024 / 1024} MB were read.`);
  }
  out.text = text;
  try {
    switch (kind) {
      case 'har': {
        const h = readHar?.(text) ?? { exchanges: [], creator: undefined, warnings: ['This HAR file could not be read here.'] };
        out.exchanges = h.exchanges;
        out.harCreator = h.creator;
        out.warnings.push(...h.warnings);
        if (h.exchanges.length === 0) out.messages = textMessages(text, 1);
        break;
      }
      case 'curl': {
        const c = parseCurl(text);
        out.exchanges = c.exchanges;
        out.info = c.info;
        // "> Error! …" prompts look like curl's request lines; a log with neither a request nor a
        // response line is read as text too.
        if (!c.exchanges.some((x) => x.response?.status)) out.messages = textMessages(text, 1);
        break;
      }
      case 'http':
        out.exchanges = parseHttp(text);
        // Nothing that looks like a real message (no status, no request line): read it as text too.
        if (!out.exchanges.some((x) => x.response?.status)) out.messages = textMessages(text, 1);
        break;
      case 'httpie': {
        const h = parseHttpie(text);
        out.exchanges = h.exchanges;
        out.messages = h.messages;
        break;
      }
      case 'jwt':
      case 'auth-header':
      case 'cookie': {
        const t = text.trim();
        out.bare = bareHeader(t, kind);
        // What was pasted under the header (a browser's warning about it, the error it met) is read as text.
        const nl = t.indexOf('\n');
        if (nl > 0) out.messages = textMessages(t.slice(nl + 1), 2);
        break;
      }
      case 'json': {
        try {
          out.messages = jsonMessages(JSON.parse(text), text, 1);
        } catch {
          out.warnings.push('This is not valid JSON, so it was read as text.');
          out.messages = textMessages(text, 1);
        }
        break;
      }
      default:
        out.messages = textMessages(text, 1);
    }
    // A curl command pasted with (or instead of) what it printed: the request it describes, unless
    // the paste shows the request itself (curl -v's "> " lines, a raw request).
    const command = out.bare || kind === 'har' ? undefined : readCommand?.(text);
    if (command && !out.exchanges.some((x) => x.request?.headers.length)) {
      const ex = out.exchanges.find((x) => !x.request);
      if (ex) ex.request = command;
      else out.exchanges.push({ request: command, response: undefined, index: out.exchanges.length });
    }
  } catch {
    // Parsers are written not to throw; this is the last line of defence (e.g. a stack overflow).
    out.warnings.push('Part of this input could not be read.');
  }
  return out;
}

/** A lone credential: "Authorization: Bearer …", "Bearer …", a bare JWT, "Cookie: …". */
function bareHeader(t: string, kind: InputKind): Header {
  const firstLine = splitLines(t)[0] ?? '';
  const h = HEADER_RE.exec(firstLine);
  if (h && kind !== 'jwt') {
    const raw = h[2] ?? '';
    return { name: h[1] ?? '', value: raw.trim(), raw, line: 1 };
  }
  if (kind === 'cookie') return { name: 'Cookie', value: firstLine.trim(), raw: firstLine, line: 1 };
  if (kind === 'jwt') return { name: 'JWT', value: t.replace(/^bearer\s+/i, '').trim(), raw: t, line: 1 };
  return { name: 'Authorization', value: firstLine.trim(), raw: firstLine, line: 1 };
}
