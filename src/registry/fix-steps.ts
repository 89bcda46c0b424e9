// The first steps of a fix page, as the wizard's outcomes show them: read from the page's own MDX
// (its "## Steps" section) at registry time, so no step is ever written twice. The page is parsed
// with satteri, the Markdown/MDX parser Astro's MDX integration uses (GFM and smart punctuation on,
// as in the build), so the words are the words the fix page shows.
//
// What "the first steps for a visitor" means (docs/decisions/007-first-steps-inline.md): walk the
// section in order, entering only the tab the fix page would open for them (their tab of that set,
// else the first in the set's order, as Tabs.astro orders them); the first numbered list met is
// theirs. Up to FIRST_STEPS of its top-level items are shown, with its length: separate lists are
// separate choices (design §6), so a later list never continues the count.
//
// The step text keeps the markup that carries meaning (bold, emphasis, code, links, a nested list)
// and is escaped otherwise; attributes other than a checked href never pass.
import { mdxToHast } from 'satteri';

/** How many steps an outcome shows before "All steps (N)". */
export const FIRST_STEPS = 3;

/** One numbered list of a fix page, cut to its first steps. */
export interface StepList {
  /** The short line that introduces the list on the page ("Just this site:"), as safe HTML. */
  lead?: string;
  /** Its first FIRST_STEPS top-level items, as safe HTML (inline markup only). */
  steps: string[];
  /** How many top-level items the list has. */
  n: number;
}

/** The first steps of one fix page, per tab where they differ by tab. */
export interface FixSteps {
  /** The tab set that decides which list comes first; absent when it is the same for everyone. */
  set?: string;
  /** One entry per tab of that set, in the set's order (the first is the page's default), or one entry without a tab. */
  panels: Array<{ tab?: { id: string; label: string }; list: StepList }>;
}

/** The tab sets, as content/tab-sets.yaml lists them: set id → panels in display order. */
export type TabOrder = Readonly<Record<string, ReadonlyArray<{ id: string; label: string }>>>;

/** The part of a hast node (with MDX's JSX nodes) that the extraction reads. */
interface Node {
  type: string;
  tagName?: string;
  name?: string | null;
  value?: string;
  properties?: Record<string, unknown>;
  attributes?: ReadonlyArray<{ type: string; name?: string; value?: unknown }>;
  children?: Node[];
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`);
const text = (n: Node): string => (n.type === 'text' ? (n.value ?? '') : (n.children ?? []).map(text).join(''));
const attr = (n: Node, name: string): string | undefined => {
  const a = n.attributes?.find((x) => x.type === 'mdxJsxAttribute' && x.name === name);
  return typeof a?.value === 'string' ? a.value : undefined;
};
const isJsx = (n: Node, name: string) => n.type === 'mdxJsxFlowElement' && n.name === name;

/**
 * Where a link in a step may point, seen from the wizard: a site path as is, an in-page `#anchor`
 * on the fix page, an http(s) or mailto address; anything else (javascript:, data:) is no link.
 * @param href the link's href as written
 * @param page the fix page's path, e.g. /guide/clear-cookies/
 * @returns the href to use, or undefined to keep only the link's text
 */
export function safeHref(href: string, page: string): string | undefined {
  let u: URL;
  try {
    u = new URL(href, `https://site.invalid${page}`);
  } catch {
    return undefined;
  }
  if (u.host === 'site.invalid') return u.pathname + u.search + u.hash;
  return ['https:', 'http:', 'mailto:'].includes(u.protocol) ? u.href : undefined;
}

/** Elements kept in step text, by the tag they are written with. */
const KEEP: Readonly<Record<string, string>> = { strong: 'strong', b: 'strong', em: 'em', i: 'em', code: 'code', kbd: 'kbd', br: 'br', ul: 'ul', ol: 'ol', li: 'li', p: 'p' };

/**
 * Step text as safe HTML: text escaped, the elements in KEEP without their attributes, links with a
 * checked href; any other element (or inline JSX) gives only its text; MDX expressions give nothing.
 * @param nodes the children of a list item or paragraph
 * @param page the fix page's path, for in-page links
 * @returns HTML for the wizard
 */
export function inlineHtml(nodes: readonly Node[], page: string): string {
  return nodes
    .map((n) => {
      if (n.type === 'text') return esc((n.value ?? '').replace(/\s*\n\s*/g, ' '));
      if (n.type === 'element' && n.tagName === 'a') {
        const href = safeHref(String(n.properties?.['href'] ?? ''), page);
        const body = inlineHtml(n.children ?? [], page);
        return href ? `<a href="${esc(href)}">${body}</a>` : body;
      }
      const tag = n.type === 'element' ? KEEP[n.tagName ?? ''] : undefined;
      if (tag === 'br') return '<br>';
      const body = n.type === 'element' || n.type === 'mdxJsxTextElement' ? inlineHtml(n.children ?? [], page) : n.type === 'raw' ? esc(n.value ?? '') : '';
      return tag ? `<${tag}>${body}</${tag}>` : body;
    })
    .join('')
    .trim();
}

/** A list found by the walk, and the tab choice that led to it. */
interface Found {
  list: StepList;
  /** The first tab group the walk had to choose a panel in, if any. */
  via?: { set: string; ids: string[] };
}

/**
 * @param nodes the blocks to walk, in order
 * @param env the visitor's tab per set (missing sets get their first tab)
 * @param order the tab sets
 * @param page the fix page's path
 * @param lead the block just before `nodes`, if it can introduce a list
 * @returns the first numbered list the visitor meets, or undefined
 */
function firstList(nodes: readonly Node[], env: Readonly<Record<string, string>>, order: TabOrder, page: string, lead?: Node): Found | undefined {
  let via: Found['via'];
  for (const n of nodes) {
    const ol = isJsx(n, 'Steps') ? n.children?.find((c) => c.tagName === 'ol') : n.tagName === 'ol' ? n : undefined;
    if (ol) {
      const items = (ol.children ?? []).filter((c) => c.tagName === 'li');
      const intro = lead ? inlineHtml(lead.children ?? [], page) : '';
      const list: StepList = { ...(intro ? { lead: intro } : {}), steps: items.slice(0, FIRST_STEPS).map((li) => inlineHtml(li.children ?? [], page)), n: items.length };
      return { list, ...(via ? { via } : {}) };
    }
    if (isJsx(n, 'Tabs')) {
      const set = attr(n, 'set') ?? '';
      const panels = (n.children ?? []).filter((c) => isJsx(c, 'TabPanel'));
      // The set's order, as the page shows its tabs (Tabs.astro), so the first is the page's default.
      const ids = (order[set] ?? []).map((t) => t.id).filter((id) => panels.some((p) => attr(p, 'id') === id));
      via ??= { set, ids };
      const id = ids.includes(env[set] ?? '') ? env[set] : ids[0];
      const panel = panels.find((p) => attr(p, 'id') === id);
      const found = panel && firstList(panel.children ?? [], env, order, page, lead);
      if (found) return { ...found, via };
    }
    // A paragraph or a sub-heading right before a list introduces it; anything else breaks that.
    lead = n.type === 'element' && ['p', 'h3', 'h4'].includes(n.tagName ?? '') ? n : n.type === 'text' && !n.value?.trim() ? lead : undefined;
  }
  return undefined;
}

/**
 * @param root the hast of a fix page's MDX body
 * @returns the blocks of its "## Steps" section (up to the next h2), or undefined when it has none
 */
function stepsSection(root: Node): Node[] | undefined {
  const blocks = root.children ?? [];
  const start = blocks.findIndex((n) => n.tagName === 'h2' && text(n).trim() === 'Steps');
  if (start < 0) return undefined;
  const end = blocks.findIndex((n, i) => i > start && n.tagName === 'h2');
  return blocks.slice(start + 1, end < 0 ? undefined : end);
}

/**
 * The first steps of a fix page for every tab that changes them.
 * @param mdx the page's MDX (front matter may be included)
 * @param slug the page's slug (its path is /guide/<slug>/)
 * @param order the tab sets, for the panels' order and labels
 * @returns the first steps, or a sentence for the author saying what is missing
 */
export function fixSteps(mdx: string, slug: string, order: TabOrder): FixSteps | string {
  const page = `/guide/${slug}/`;
  const section = stepsSection(mdxToHast(mdx, { features: { gfm: true, smartPunctuation: true } }) as Node);
  if (!section) return 'no "## Steps" section, so the wizard has no steps to show';
  const first = firstList(section, {}, order, page);
  if (!first) return 'its "## Steps" section has no numbered list (<Steps> 1. 2. …), so the wizard has no steps to show';
  const via = first.via;
  if (!via) return { panels: [{ list: first.list }] };
  const panels = via.ids.map((id) => {
    const found = firstList(section, { [via.set]: id }, order, page);
    return { tab: { id, label: order[via.set]?.find((t) => t.id === id)?.label ?? id }, list: found?.list ?? first.list };
  });
  // When no tab changes the list (it comes after the group), one entry serves everyone.
  const same = panels.every((p) => JSON.stringify(p.list) === JSON.stringify(first.list));
  return same ? { panels: [{ list: first.list }] } : { set: via.set, panels };
}
