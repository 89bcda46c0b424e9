/** The parts of Pagefind's browser API (pagefind.js) that the search box uses. */
export interface PagefindApi {
  init?: () => Promise<void>;
  debouncedSearch: (query: string, options: object, ms: number) => Promise<{ results: Array<{ data: () => Promise<PagefindResult> }> } | null>;
}

/** One Pagefind hit: a page, with sub-results per matching heading. */
export interface PagefindResult {
  url: string;
  excerpt: string;
  meta: { title: string };
  sub_results: Array<{ title: string; url: string; excerpt: string }>;
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
