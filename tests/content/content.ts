// Reads the guide's MDX bodies for the content-integrity tests (content/articles/**). Front matter
// is validated by the registry generator with the real schema (src/registry/schema.ts); these
// readers only look at body structure: headings, tab groups, steps.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';

/** Repository root (tests/content/ is two levels down). */
export const ROOT = join(import.meta.dirname, '..', '..');
const ARTICLES = join(ROOT, 'content', 'articles');

/** One article as the tests see it. */
export interface Page {
  /** File name without extension: the URL slug. */
  slug: string;
  /** Path relative to the repository root, for messages. */
  file: string;
  /** Folder under content/articles/ (concepts, causes, fixes…). */
  folder: string;
  /** Parsed YAML front matter (unvalidated: the tests check what they need). */
  data: Record<string, unknown>;
  /** The MDX body after the front matter. */
  body: string;
}

/** @returns every .md/.mdx file under dir, recursively */
function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : /\.mdx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/**
 * Splits a file into YAML front matter and body.
 * @param text file contents
 * @param file path, for the error message
 * @returns parsed front matter and the body
 */
export function splitFrontMatter(text: string, file: string): { data: Record<string, unknown>; body: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!m) throw new Error(`${file}: no front matter (the file must start with a --- block)`);
  const data: unknown = parseYaml(m[1] ?? '');
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error(`${file}: front matter is not a mapping`);
  return { data: data as Record<string, unknown>, body: text.slice(m[0].length) };
}

/** @returns every article under content/articles/ */
export function loadPages(): Page[] {
  return walk(ARTICLES).map((path) => {
    const { data, body } = splitFrontMatter(readFileSync(path, 'utf8'), relative(ROOT, path));
    const rel = relative(ARTICLES, path);
    return { slug: path.replace(/^.*\//, '').replace(/\.mdx?$/, ''), file: relative(ROOT, path), folder: rel.split('/')[0] ?? '', data, body };
  });
}

/**
 * @param value a front-matter field
 * @returns it as a list of strings (missing → [])
 */
export function list(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return [String(value)];
  return value.map(String);
}

/**
 * Blanks out fenced code blocks with spaces (same length and lines, so offsets stay right): a `# comment`
 * or a `<Tabs>` inside a code sample is not structure.
 * @param body MDX body
 * @returns the body with fenced code replaced by empty lines
 */
export function withoutCode(body: string): string {
  return body.replace(/^(\s*)(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\s*\2[^\S\n]*$/gm, (block) => block.replace(/[^\n]/g, ' '));
}

/** @returns the text of every level-2 Markdown heading, in order */
export function h2s(body: string): string[] {
  return [...withoutCode(body).matchAll(/^##[ \t]+(.+?)[ \t]*#*[ \t]*$/gm)].map((m) => (m[1] ?? '').trim());
}

/** One <Tabs> group in an MDX body. */
export interface TabGroup {
  /** The set attribute. */
  set: string;
  /** Panel ids in written order. */
  ids: string[];
  /** Each panel's inner MDX. */
  panels: Array<{ id: string; body: string }>;
  /** 1-based line of the <Tabs> tag, for messages. */
  line: number;
}

/** @returns every <Tabs set="…"> group with its panels */
export function tabGroups(body: string): TabGroup[] {
  const text = withoutCode(body);
  // Panel bodies keep their code (a panel may hold a code block), so read them from the original.
  return [...text.matchAll(/<Tabs\s+set=["']([^"']*)["']\s*>([\s\S]*?)<\/Tabs>/g)].map((m) => {
    const start = m.index ?? 0;
    const inner = body.slice(start, start + m[0].length);
    const panels = [...inner.matchAll(/<TabPanel\s+id=["']([^"']*)["'][^>]*>([\s\S]*?)<\/TabPanel>/g)].map((p) => ({ id: p[1] ?? '', body: p[2] ?? '' }));
    return { set: m[1] ?? '', ids: panels.map((p) => p.id), panels, line: text.slice(0, start).split('\n').length };
  });
}

/**
 * Words a reader reads in a stretch of MDX: link targets, tags and punctuation-only tokens left out.
 * @param text MDX (code already blanked out, see withoutCode())
 * @returns the word count
 */
export function wordCount(text: string): number {
  return text
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/<[^>]+>/g, ' ')
    .split(/\s+/)
    .filter((w) => /\w/.test(w)).length;
}
