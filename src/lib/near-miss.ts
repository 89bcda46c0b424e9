// Near-miss matching: "did you mean" for a mistyped search word or a mistyped page address. Pure,
// so it is unit-tested directly; the candidates come from content at build time.

/**
 * Edit distance counting insertions, deletions, substitutions and swaps of two neighbours
 * (optimal string alignment), the common typing slips.
 * @param a one string
 * @param b another
 * @returns the number of edits that turn a into b
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  // rows[i][j] = distance between a[0..i) and b[0..j)
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = rows[i]!;
      const prev = rows[i - 1]!;
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j]!, rows[i - 2]![j - 2]! + 1);
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * How many edits still count as a slip for a string of this length: one for short words (where
 * two edits make most words into others), two from six characters, a quarter beyond that.
 * @param length the length of what was typed
 * @returns the largest distance accepted
 */
export function tolerance(length: number): number {
  if (length < 4) return 0;
  if (length < 6) return 1;
  return Math.max(2, Math.floor(length / 4));
}

/**
 * The word the visitor probably meant.
 * @param term one search term, lower case
 * @param vocabulary words of the guide with how often they occur
 * @returns the closest word within tolerance (the more frequent on a tie), or undefined when the
 *   term is itself a word of the guide or nothing is close
 */
export function closestWord(term: string, vocabulary: Readonly<Record<string, number>>): string | undefined {
  if (Object.hasOwn(vocabulary, term)) return undefined;
  let best: { word: string; d: number; n: number } | undefined;
  for (const [word, n] of Object.entries(vocabulary)) {
    if (Math.abs(word.length - term.length) > tolerance(term.length)) continue;
    const d = editDistance(term, word);
    if (d > tolerance(term.length)) continue;
    if (!best || d < best.d || (d === best.d && n > best.n)) best = { word, d, n };
  }
  return best?.word;
}

/** A page a mistyped address may have meant. */
export interface PageRef {
  /** Its path, e.g. /guide/clear-cookies/. */
  href: string;
  /** Its title. */
  title: string;
}

/**
 * The last meaningful part of a path, lower case: "/Guide/Clear-Cookie.html" → "clear-cookie".
 * @param path a URL path
 * @returns the slug-like tail, or '' for the root
 */
export function pathSlug(path: string): string {
  let p = path;
  try {
    p = decodeURIComponent(path);
  } catch {
    /* a malformed escape: compare it as typed */
  }
  const parts = p
    .toLowerCase()
    .replace(/\/index\.html?$|\.html?$/, '')
    .split('/')
    .filter(Boolean);
  return parts[parts.length - 1] ?? '';
}

/**
 * Pages whose address is a near miss of the one requested: the same last path segment give or
 * take a few typing slips ("/guide/clear-cookie/" → "/guide/clear-cookies/"), or a page under
 * another folder with exactly that slug ("/clear-cookies" → "/guide/clear-cookies/").
 * @param path the requested path
 * @param pages every page that exists
 * @param max how many to return
 * @returns the closest pages, closest first
 */
export function nearMisses(path: string, pages: readonly PageRef[], max = 3): PageRef[] {
  const slug = pathSlug(path);
  if (!slug) return [];
  const limit = tolerance(slug.length);
  return pages
    .map((page) => ({ page, d: editDistance(slug, pathSlug(page.href)) }))
    .filter(({ page, d }) => d <= limit && page.href !== path)
    .sort((a, b) => a.d - b.d || a.page.href.localeCompare(b.page.href))
    .slice(0, max)
    .map(({ page }) => page);
}

/**
 * Counts the words of some texts, the way search splits a query (lower case, punctuation
 * dropped); words shorter than four letters are left out (too short to correct).
 * @param texts titles, labels, summaries
 * @returns word → occurrences
 */
export function countWords(texts: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const text of texts) {
    for (const word of text.toLowerCase().split(/[^\p{L}\p{N}_]+/u)) {
      if (word.length >= 4 && !/^\d+$/.test(word)) counts[word] = (counts[word] ?? 0) + 1;
    }
  }
  return counts;
}
