import type { APIRoute } from 'astro';
import { getArticles } from '../../lib/articles';
import { countWords } from '../../lib/near-miss';

/**
 * /search/words.json: the words of every article's title, summary, labels and aliases with their
 * counts. The search page fetches it (same origin) only when a query word is on no page, to offer
 * "did you mean". Derived from content at build time, so it never lists a word the guide lacks.
 */
export const GET: APIRoute = async () => {
  const texts = (await getArticles()).flatMap(({ data }) => [
    data.title,
    data.description,
    data.navTitle ?? '',
    data.type === 'cause' ? data.label : '',
    ...(data.type === 'service' ? [data.label, ...data.aliases] : []),
  ]);
  return new Response(JSON.stringify(countWords(texts)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
