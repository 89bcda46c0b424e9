/** The parts of Pagefind's browser API (pagefind.js) that the search box uses. */
export interface PagefindApi {
  init?: () => Promise<void>;
  /** Sets ranking and other options; call before init. */
  options?: (options: object) => Promise<void>;
  /** All pages matching every term, best first; each loads its details on demand. */
  search: (query: string) => Promise<{ results: Array<{ data: () => Promise<PagefindResult> }> }>;
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
  /** The page's indexed plain text. */
  content?: string;
  /** Word positions of every match on the page. */
  locations?: number[];
  /**
   * Page metadata (set by ArticleLayout): `kind` is the page type label, `tabs` the page's tab
   * sets (space-separated), `keywords` the short names people search with.
   */
  meta: { title: string; kind?: string; tabs?: string; keywords?: string };
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

/**
 * Words people type for a tab: "set id words", words being a regex source matched between word
 * boundaries. Checked in order, so the specific ones come first. A compact table: the search
 * page's script counts against the 3 KB budget.
 */
const TAB_WORDS: ReadonlyArray<[set: string, id: string, words: RegExp]> = [
  'browser samsung samsung',
  'browser chrome-android chrome.*android|android.*chrome',
  'browser chrome-ios chrome.*(?:iphone|ipad|ios)|(?:iphone|ipad|ios).*chrome',
  'browser firefox-ios firefox.*(?:iphone|ipad|ios)|(?:iphone|ipad|ios).*firefox',
  'browser edge-ios edge.*(?:iphone|ipad|ios)|(?:iphone|ipad|ios).*edge',
  'browser chrome chrome',
  'browser edge edge',
  'browser firefox firefox',
  'browser safari-ios safari.*(?:iphone|ipad|ios)|(?:iphone|ipad|ios).*safari',
  'browser safari-mac safari',
  'os windows windows',
  'os chromeos chrome ?os|chromebook',
  'os macos mac ?os|mac|macbook',
  'os linux linux|ubuntu',
  'os ios ios|iphone|ipad',
  'os android android',
  'client curl curl',
  'client httpie httpie',
  'client postman postman',
  'client axios axios',
  'client python python|requests',
  'client node node(?:\\.?js)?',
  'client fetch fetch',
  'server nginx nginx',
  'server apache apache|httpd',
  'server iis iis',
  'server express express',
  'server spring spring',
  'server aspnet asp\\.?net',
  'server django django',
  'server fastapi fastapi',
].map((row) => {
  const [set = '', id = '', ...words] = row.split(' ');
  return [set, id, new RegExp(`\\b(?:${words.join(' ')})\\b`)];
});

/**
 * Adds ?browser=/?os=/?client=/?server= to a result link when the query names a tab (say
 * "clear cookies firefox"), so the page opens on the steps the visitor searched for. Only for
 * the tab sets the page has, and never over a tab the #fragment already points into.
 * @param url result URL (path, maybe with #fragment)
 * @param query what the visitor typed
 * @param sets the page's tab sets (Pagefind meta "tabs")
 * @returns the URL, with parameters added where the query names a tab
 */
export function withTabParams(url: string, query: string, sets: readonly string[]): string {
  const q = query.toLowerCase();
  const params = new URLSearchParams();
  for (const [set, id, words] of TAB_WORDS) {
    if (sets.includes(set) && !params.has(set) && words.test(q)) params.set(set, id);
  }
  if (params.size === 0) return url;
  const [path, hash = ''] = url.split('#');
  // A link into another tab of the same set ("#t2-chrome" for a Firefox query) would win over the
  // parameter: point it at the same group's panel for the named tab instead (ids are t<N>-<tab>).
  const panel = /^(t\d+)-([\w-]+)$/.exec(hash);
  const set = panel && TAB_WORDS.find(([, id]) => id === panel[2])?.[0];
  const fragment = panel && set && params.has(set) ? `${panel[1]}-${params.get(set)}` : hash;
  return `${path}?${params}${fragment ? `#${fragment}` : ''}`;
}
