// The one module of content queries: pages and components ask here, never getCollection directly,
// so ordering, sections and URLs are decided in one place.
import { getCollection, type CollectionEntry } from 'astro:content';
import { FAMILIES, type FamilyId } from '../registry/registry.gen';

/** An article entry from the `articles` collection. */
export type Article = CollectionEntry<'articles'>;
type ArticleType = Article['data']['type'];

/** Sidebar sections in reading order, each grouping one or more page types. */
export const SECTIONS: ReadonlyArray<{ id: string; label: string; types: readonly ArticleType[] }> = [
  { id: 'basics', label: 'Understanding 401', types: ['concept', 'compare', 'platform'] },
  { id: 'services', label: 'Services and tools', types: ['service'] },
  { id: 'causes', label: 'Causes', types: ['cause'] },
  { id: 'fixes', label: 'Fixes', types: ['fix'] },
  { id: 'server', label: 'For server operators', types: ['server'] },
  { id: 'methods', label: 'Authentication methods', types: ['method'] },
  { id: 'more', label: 'Prevention and FAQ', types: ['prevention', 'faq'] },
];

/**
 * What each page type is called on a search result ("Fix", "Cause" …). Typed by the schema's
 * `type` enum, so adding a page type without a label is a type error. The article layout writes
 * it into the search index (Pagefind meta `kind`); search shows it beside each result.
 */
export const TYPE_LABELS: Readonly<Record<ArticleType, string>> = {
  cause: 'Cause',
  fix: 'Fix',
  server: 'Server fix',
  service: 'Service',
  concept: 'Concept',
  method: 'Auth method',
  platform: 'Platform',
  compare: 'Comparison',
  prevention: 'Prevention',
  faq: 'FAQ',
};

/**
 * @param slug an article id (its file name without extension)
 * @returns the article's URL path, with the trailing slash the site uses
 */
export function articleHref(slug: string): string {
  return `/guide/${slug}/`;
}

/** @returns the label used in the sidebar, breadcrumbs and prev/next links */
export function navLabel(article: Article): string {
  return article.data.navTitle ?? article.data.title;
}

/** @returns the section an article belongs to (every type maps to exactly one) */
export function sectionOf(article: Article) {
  const section = SECTIONS.find((s) => s.types.includes(article.data.type));
  if (!section) throw new Error(`No sidebar section for type ${article.data.type}`);
  return section;
}

/**
 * All articles in reading order: by section, then `order`, then title. Prev/next follow this order.
 * @returns the sorted list
 */
export async function getArticles(): Promise<Article[]> {
  const all = await getCollection('articles');
  const sectionIndex = (a: Article) => SECTIONS.indexOf(sectionOf(a));
  return all.sort(
    (a, b) => sectionIndex(a) - sectionIndex(b) || a.data.order - b.data.order || a.data.title.localeCompare(b.data.title),
  );
}

/**
 * @returns the sections with their articles, for the sidebar and the guide index; empty sections are left out
 */
export async function getSidebar() {
  const articles = await getArticles();
  return SECTIONS.map((s) => ({ ...s, articles: articles.filter((a) => sectionOf(a) === s) })).filter(
    (s) => s.articles.length > 0,
  );
}

/** A family of causes with its pages, for the guide index and the sidebar. */
export interface FamilyGroup {
  /** Family id (content/families.yaml); also the anchor on the guide index. */
  id: FamilyId;
  label: string;
  articles: Article[];
}

/**
 * @param causes cause articles
 * @returns them grouped by family, families in content/families.yaml order, empty ones left out
 */
export function byFamily(causes: readonly Article[]): FamilyGroup[] {
  return (Object.keys(FAMILIES) as FamilyId[])
    .map((id) => ({ id, label: FAMILIES[id].label, articles: causes.filter((a) => a.data.type === 'cause' && a.data.family === id) }))
    .filter((g) => g.articles.length > 0);
}

/** @returns the family id of a cause article, if it is one */
export function familyOf(article: Article | undefined): string | undefined {
  return article?.data.type === 'cause' ? article.data.family : undefined;
}

/**
 * @param slugs article ids, e.g. from `fixes` or `causes` front matter
 * @returns the matching articles in the given order; unknown ids are skipped (the content tests report them)
 */
export async function getArticlesBySlug(slugs: readonly string[]): Promise<Article[]> {
  const all = await getCollection('articles');
  return slugs.flatMap((s) => all.filter((a) => a.id === s));
}

/** @returns ISO date (YYYY-MM-DD) for a reviewed date, as shown on pages */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
