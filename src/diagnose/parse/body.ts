// Turns a response body (JSON, HTML, XML or plain text) into short message lines to classify:
// `error_description: The token is expired`, `message: Bad credentials`, an HTML page's title.
// Bounded in depth, count and length, so a hostile or huge body costs little.

import type { TextLine } from '../types.ts';
import { splitLines } from './http.ts';

const MAX_STRINGS = 200;
const MAX_LEN = 2000;

/**
 * @param body the body text
 * @param firstLine 1-based line where the body starts in the paste (0 when not from text)
 * @returns message lines, each with the best line number we can give
 */
export function bodyMessages(body: string, firstLine: number): TextLine[] {
  const t = body.trim();
  if (t === '') return [];
  if (t.startsWith('{') || t.startsWith('[')) {
    try {
      return jsonMessages(JSON.parse(t), body, firstLine);
    } catch {
      // not JSON after all: fall through to text
    }
  }
  return textMessages(body, firstLine);
}

/**
 * Collects string values (with their key path) from parsed JSON.
 * @param value parsed JSON
 * @param source the JSON text, to find the line each value is on
 * @param firstLine 1-based line of the text's start (0 when unknown)
 * @returns one message per string value
 */
export function jsonMessages(value: unknown, source: string, firstLine: number): TextLine[] {
  const out: TextLine[] = [];
  const lines = firstLine > 0 ? splitLines(source).slice(0, 5000) : [];
  const lineOf = (s: string): number => {
    if (firstLine === 0) return 0;
    const needle = s.slice(0, 60);
    const i = lines.findIndex((l) => l.includes(needle));
    return i < 0 ? firstLine : firstLine + i;
  };
  const walk = (v: unknown, path: string, depth: number): void => {
    if (out.length >= MAX_STRINGS || depth > 8) return;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
      const s = String(v).slice(0, MAX_LEN);
      if (s.trim() !== '') out.push({ text: path ? `${path}: ${s}` : s, line: lineOf(typeof v === 'string' ? JSON.stringify(v).slice(1, -1) : s) });
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length && i < 50; i++) walk(v[i], path, depth + 1);
    } else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v as Record<string, unknown>).slice(0, 100)) walk(x, path ? `${path}.${k}` : k, depth + 1);
    }
  };
  walk(value, '', 0);
  return out;
}

/**
 * Plain text or HTML/XML: strip tags, keep non-empty lines (bounded).
 * @param body the text
 * @param firstLine 1-based line of the text's start (0 when unknown)
 * @returns the readable lines
 */
export function textMessages(body: string, firstLine: number): TextLine[] {
  const HALF = 131072;
  // A long log: read its start and its end (where the error usually is), with true line numbers.
  if (body.length > 2 * HALF) {
    const head = body.slice(0, HALF);
    const cut = body.length - HALF;
    const skipped = (body.slice(0, cut).match(/\n/g) ?? []).length;
    return [
      ...textMessages(head, firstLine).slice(0, MAX_STRINGS / 2),
      ...textMessages(body.slice(cut), firstLine > 0 ? firstLine + skipped : 0).slice(-MAX_STRINGS / 2),
    ];
  }
  const out: TextLine[] = [];
  const lines = splitLines(body);
  const html = /<\/?[a-z][^>]{0,200}>/i.test(body.slice(0, 4096));
  for (let i = 0; i < lines.length && out.length < MAX_STRINGS; i++) {
    let l = lines[i] ?? '';
    if (html) l = l.replace(/<[^<>]{0,2000}>/g, ' ').replace(/&nbsp;|&#160;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    l = l.trim();
    if (l === '') continue;
    out.push({ text: l.slice(0, MAX_LEN), line: firstLine > 0 ? firstLine + i : 0 });
  }
  return out;
}
