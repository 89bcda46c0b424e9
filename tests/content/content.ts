// Reads the guide's sources for the content-integrity tests: every article's front matter and MDX
// body (content/articles/**), and the slug registry in docs/content-plan.md. Plain file reading
// and the `yaml` parser — no Astro — so the tests run in a second and fail with the author's words.
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

/** One row of the slug registry. */
export interface RegistryEntry {
  slug: string;
  /** Folder the content plan puts the page in. */
  folder: string;
  type: string;
  fixes: string[];
  causes: string[];
  tabs: string[];
}

const cells = (row: string) => row.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim());
const slugList = (cell: string | undefined) => (cell ?? '').split(',').map((s) => s.replace(/`/g, '').trim()).filter((s) => s !== '' && s !== '—' && s !== '-');

/**
 * Reads the slug registry: every table under a "## … (`content/articles/<folder>/`…)" heading of
 * docs/content-plan.md. The type comes from a "type" column or from the heading ("type `cause`").
 * @returns registry rows in document order
 */
export function loadRegistry(): RegistryEntry[] {
  const plan = readFileSync(join(ROOT, 'docs', 'content-plan.md'), 'utf8');
  const entries: RegistryEntry[] = [];
  for (const section of plan.split(/^## /m).slice(1)) {
    const heading = section.slice(0, section.indexOf('\n'));
    const folder = /`content\/articles\/([\w-]+)\/`/.exec(heading)?.[1];
    if (!folder) continue;
    const headingType = /type `(\w+)`/.exec(heading)?.[1];
    const rows = section.split('\n').filter((l) => l.trim().startsWith('|'));
    const header = cells(rows[0] ?? '');
    for (const row of rows.slice(2)) {
      const c = cells(row);
      const col = (name: string) => c[header.indexOf(name)];
      const type = headingType ?? /^\w+/.exec(col('type') ?? '')?.[0] ?? '';
      entries.push({ slug: (c[0] ?? '').replace(/`/g, ''), folder, type, fixes: slugList(col('fixes')), causes: slugList(col('causes')), tabs: slugList(col('tabs')) });
    }
  }
  return entries;
}

/**
 * Reads the "Fixed outlines" section of docs/content-plan.md.
 * @returns required h2 headings, in order, per page type
 */
export function loadOutlines(): Map<string, string[]> {
  const plan = readFileSync(join(ROOT, 'docs', 'content-plan.md'), 'utf8');
  const section = plan.split(/^## /m).find((s) => s.startsWith('Fixed outlines')) ?? '';
  const outlines = new Map<string, string[]>();
  for (const line of section.split('\n')) {
    const m = /^- (.*?):\s*(`##.*)$/.exec(line);
    if (!m) continue;
    const headings = [...(m[2] ?? '').matchAll(/`##\s+([^`]+)`/g)].map((h) => (h[1] ?? '').trim());
    for (const t of (m[1] ?? '').matchAll(/\*\*(\w+)\*\*/g)) outlines.set(t[1] ?? '', headings);
  }
  return outlines;
}

/**
 * The page types the schema accepts, read from src/content.config.ts (which imports astro:content
 * and so cannot be imported outside Astro).
 * @returns the `articleTypes` list
 */
export function articleTypes(): string[] {
  const src = readFileSync(join(ROOT, 'src', 'content.config.ts'), 'utf8');
  const m = /articleTypes = \[([^\]]*)\]/.exec(src);
  if (!m) throw new Error('src/content.config.ts: articleTypes list not found');
  return [...(m[1] ?? '').matchAll(/'([\w-]+)'/g)].map((t) => t[1] ?? '');
}
