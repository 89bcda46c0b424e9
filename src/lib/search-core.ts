// Pure search logic shared by the search page and the header typeahead: which Pagefind hits are
// real, what a result shows, and the ?q= URL state. No DOM here, so it is unit-tested directly.
import { bestSubResult, landingUrl, withTabParams, type PagefindApi, type PagefindResult } from './search-ui';

/** Results shown per "page" of the result list (the search page adds more on request). */
export const PAGE_SIZE = 10;

/**
 * Ranking options for Pagefind: the `keywords` meta field (a cause's label, a service's name and
 * aliases, written by ArticleLayout) counts like a short second title. Everything else keeps
 * Pagefind's defaults; the layout's data-pagefind-weight on the summary and quick fix does the rest.
 */
export const RANKING = { metaWeights: { keywords: 3 } } as const;

/**
 * The query as Pagefind sees it: lower case, punctuation dropped (Pagefind removes it too, so
 * "WWW-Authenticate" is the one word "wwwauthenticate"), split on spaces. `_` stays: it is part of
 * words like invalid_token in this site's index.
 * @param query what the visitor typed
 * @returns the terms, without empty ones
 */
export function queryTerms(query: string): string[] {
  return query
    .toLowerCase()
    .replace(/[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/gu, (c) => (c === '_' ? c : ''))
    .split(/\s+/)
    .filter((t) => t !== '');
}

/**
 * The forms a word of page text is indexed under: the whole word without punctuation, and each of
 * its parts ("Domain=example.com" → "domainexamplecom", "domain", "example", "com").
 * @param word one whitespace-separated word of page content
 * @returns lower-case forms
 */
export function wordForms(word: string): string[] {
  const lower = word.toLowerCase();
  const parts = lower.split(/[^\p{L}\p{N}_]+/u).filter(Boolean);
  const whole = parts.join('');
  return whole ? [whole, ...parts] : [];
}

/**
 * The words of a page that Pagefind marked as matches (its word positions count
 * whitespace-separated words of `content`, the same split its excerpts use).
 * @param content the page's plain text (Pagefind fragment `content`)
 * @param locations matched word positions
 * @returns the matched words as they appear on the page
 */
export function matchedWords(content: string, locations: readonly number[]): string[] {
  const words = content.split(/[^\S\uFEFF]+/);
  return locations.map((l) => words[l]).filter((w): w is string => w !== undefined);
}

/**
 * Which query terms do not really occur in the results. Pagefind matches a term that no indexed
 * word starts with against the longest indexed word that the term starts with, so "xyzzyqq" finds
 * every page with an "x" in it. A term counts as found when a matched word on the loaded results
 * begins with it (the visitor may still be typing it), or when Pagefind's exact search (which
 * stems, but never falls back) finds it.
 * @param terms query terms (see queryTerms)
 * @param words matched words of the top results (see matchedWords)
 * @param exactFinds whether Pagefind's exact search finds a term; asked only for terms the words
 *   do not settle
 * @returns the terms no page has
 */
export async function missingTerms(terms: readonly string[], words: readonly string[], exactFinds: (term: string) => Promise<boolean>): Promise<string[]> {
  const forms = words.flatMap(wordForms);
  const missing: string[] = [];
  for (const term of terms) {
    if (forms.some((f) => f.startsWith(term))) continue;
    if (!(await exactFinds(term))) missing.push(term);
  }
  return missing;
}

/** One result as both search UIs show it. */
export interface Hit {
  /** Where the link goes: the best-matching section, tab panel or step, with a tab parameter when the query names one. */
  href: string;
  /** Page title, and the matching section's heading after "›" when it is not the page's opening. */
  title: string;
  /** Page type label ("Fix", "Cause" …) from the index meta `kind`. */
  kind: string | undefined;
  /** Pagefind excerpt (text with <mark> around the matched words). */
  excerpt: string;
}

/**
 * Turns a Pagefind page result into what a result shows.
 * @param r the loaded result
 * @param query what the visitor typed (a browser or client name in it opens that tab)
 * @returns the hit
 */
export function toHit(r: PagefindResult, query: string): Hit {
  const best = bestSubResult(r.sub_results);
  const href = withTabParams(best ? landingUrl(best.url, best.locations, r.anchors) : r.url, query, r.meta.tabs?.split(' ') ?? []);
  return {
    href,
    title: best && best.title !== r.meta.title ? `${r.meta.title} › ${best.title}` : r.meta.title,
    kind: r.meta.kind,
    excerpt: best?.excerpt ?? r.excerpt,
  };
}

/** What a search found. */
export interface Outcome {
  /** The query as typed, trimmed. */
  query: string;
  /** How many pages match every term. */
  total: number;
  /** Terms no page has (then total is 0). */
  missing: string[];
  /**
   * Loads one slice of the results, in rank order.
   * @param from index of the first result
   * @param count how many
   */
  hits: (from: number, count: number) => Promise<Hit[]>;
}

/**
 * Runs a query against Pagefind and drops results that only matched by Pagefind's fallback (see
 * missingTerms), so nonsense finds nothing.
 * @param api the loaded Pagefind module
 * @param query what the visitor typed
 * @param first how many results to load straight away (they also settle which terms occur)
 * @returns the outcome
 */
export async function search(api: PagefindApi, query: string, first = PAGE_SIZE): Promise<Outcome> {
  const q = query.trim();
  const terms = queryTerms(q);
  const none: Outcome = { query: q, total: 0, missing: terms, hits: async () => [] };
  if (terms.length === 0) return { ...none, missing: [] };
  const found = await api.search(q);
  if (found.results.length === 0) return none;
  const cache = new Map<number, Promise<PagefindResult>>();
  const load = (i: number) => {
    let p = cache.get(i);
    if (!p) {
      p = found.results[i]!.data();
      cache.set(i, p);
    }
    return p;
  };
  const top = await Promise.all(found.results.slice(0, first).map((_, i) => load(i)));
  const words = top.flatMap((r) => matchedWords(r.content ?? '', r.locations ?? []));
  const missing = await missingTerms(terms, words, async (t) => (await api.search(`"${t}"`)).results.length > 0);
  if (missing.length > 0) return { ...none, missing };
  return {
    query: q,
    total: found.results.length,
    missing: [],
    hits: async (from, count) => {
      const end = Math.min(from + count, found.results.length);
      const loaded = await Promise.all(Array.from({ length: Math.max(0, end - from) }, (_, k) => load(from + k)));
      return loaded.map((r) => toHit(r, q));
    },
  };
}

/**
 * The query in a page URL (`?q=`), the way the search page keeps it.
 * @param search a location.search string
 * @returns the query, or '' when there is none
 */
export function queryFromUrl(search: string): string {
  return new URLSearchParams(search).get('q') ?? '';
}

/**
 * The URL that shows a search: the same path with `?q=` set (or removed for an empty query); other
 * parameters and the #fragment are kept.
 * @param href the current URL (absolute)
 * @param query the query
 * @returns path + search + hash, for history.replaceState / pushState
 */
export function urlWithQuery(href: string, query: string): string {
  const url = new URL(href);
  const q = query.trim();
  if (q) url.searchParams.set('q', q);
  else url.searchParams.delete('q');
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * The status line under the search field.
 * @param outcome what the search found
 * @param shown how many results are on screen
 * @returns one sentence for the live region
 */
export function statusText(outcome: Pick<Outcome, 'query' | 'total'>, shown: number): string {
  const { query, total } = outcome;
  if (total === 0) return `No results for “${query}”.`;
  const count = `${total} result${total === 1 ? '' : 's'} for “${query}”`;
  return shown < total ? `${count}, showing ${shown}.` : `${count}.`;
}
