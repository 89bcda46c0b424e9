/** The parts of Pagefind's browser API (pagefind.js) that the search box uses. */
export interface PagefindApi {
  init?: () => Promise<void>;
  debouncedSearch: (query: string, options: object, ms: number) => Promise<{ results: Array<{ data: () => Promise<PagefindResult> }> } | null>;
}

/** An element with an id inside the indexed part of a page: heading, tab panel, step. */
export interface PagefindAnchor {
  /** Tag name, e.g. "h2", "section", "li". */
  element: string;
  /** The element's id. */
  id: string;
  /** Word position where the element starts. */
  location: number;
}

/** One Pagefind hit: a page, with sub-results per matching heading. */
export interface PagefindResult {
  url: string;
  excerpt: string;
  meta: { title: string };
  /** Every element with an id, in page order. */
  anchors?: PagefindAnchor[];
  sub_results: PagefindSubResult[];
}

/** A part of a page (from one heading to the next) that matched. */
export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  /** Word positions of the matches. */
  locations?: number[];
  /** The matches with their relevance. */
  weighted_locations?: Array<{ balanced_score: number }>;
}

/**
 * Picks the part of a page that matched best: the highest total relevance, preferring parts that
 * start at a heading (their URL has a #fragment) over the page's untitled opening.
 * @param subs Pagefind's sub-results for one page
 * @returns the best one, or undefined for none
 */
export function bestSubResult(subs: readonly PagefindSubResult[]): PagefindSubResult | undefined {
  const score = (s: PagefindSubResult) => (s.weighted_locations ?? []).reduce((n, w) => n + w.balanced_score, 0) * (s.url.includes('#') ? 1.2 : 1);
  return subs.reduce<PagefindSubResult | undefined>((best, s) => (!best || score(s) > score(best) ? s : best), undefined);
}

/**
 * Where a hit should land: the innermost element with an id that starts at or before the first
 * matched word. Pagefind links sub-results to headings only; steps sit in tab panels (which have
 * no headings), so this lands on the panel or step itself, and the tabs script opens that panel.
 * @param url the sub-result's URL (page URL with the heading's #fragment)
 * @param locations word positions of the matches in this sub-result
 * @param anchors the page's anchors
 * @returns the URL with the most specific #fragment known
 */
export function landingUrl(url: string, locations: readonly number[] | undefined, anchors: readonly PagefindAnchor[] | undefined): string {
  if (!locations?.length || !anchors?.length) return url;
  const first = Math.min(...locations);
  let best: PagefindAnchor | undefined;
  for (const a of anchors) if (a.location <= first && (!best || a.location >= best.location)) best = a;
  return best ? `${url.split('#')[0]}#${best.id}` : url;
}

/**
 * Turns a Pagefind excerpt (text with <mark> around hits) into DOM nodes without ever parsing it
 * as HTML: only <mark>…</mark> becomes an element, everything else stays text.
 * @param excerpt Pagefind's excerpt string
 * @returns nodes to append
 */
export function excerptNodes(excerpt: string): Node[] {
  const nodes: Node[] = [];
  const parts = excerpt.split(/<mark>|<\/mark>/);
  parts.forEach((part, i) => {
    const text = decodeEntities(part.replace(/<[^>]*>/g, ''));
    if (text === '') return;
    if (i % 2 === 1) {
      const mark = document.createElement('mark');
      mark.textContent = text;
      nodes.push(mark);
    } else {
      nodes.push(document.createTextNode(text));
    }
  });
  return nodes;
}

/**
 * Decodes the few entities Pagefind emits in excerpts.
 * @param s text with entities
 * @returns plain text
 */
export function decodeEntities(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" })[e] ?? _);
}
