import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

/** Page types. Each selects a fixed outline in ArticleLayout and a section of the sidebar. */
export const articleTypes = ['concept', 'method', 'platform', 'compare', 'cause', 'fix', 'server', 'prevention', 'faq'] as const;

/** Tab sets a fix page can carry; each has a fixed list of panels (see src/lib/tabs.ts). */
export const tabSetNames = ['browser', 'os', 'client', 'server'] as const;

const source = z.object(
  {
    /** Human title of the source, e.g. "RFC 9110 §15.5.2 401 Unauthorized". */
    title: z.string({ error: 'each source needs a title' }).min(3, 'a source title must be at least 3 characters'),
    /** Absolute https URL of the primary source (RFC, vendor help page, browser source). */
    url: z.url({ protocol: /^https$/, error: 'a source url must be an absolute https:// URL' }),
  },
  { error: 'each source must be { title, url }' },
);

const articles = defineCollection({
  // Articles live in the top-level content/ folder, one file per page; the file name is the slug
  // (folders only group files for authors), so moving a file between folders keeps its URL.
  loader: glob({
    base: './content/articles',
    pattern: '**/*.{md,mdx}',
    generateId: ({ entry }) => entry.replace(/^.*\//, '').replace(/\.mdx?$/, ''),
  }),
  schema: z.strictObject({
    /** Page title, shown as the h1 and in <title>. 5–80 characters. */
    title: z.string().min(5, 'title must be at least 5 characters').max(80, 'title must be at most 80 characters'),
    /** One-sentence summary for search results and social cards. 50–170 characters. */
    description: z
      .string()
      .min(50, 'description must be 50–170 characters (it is the search-result snippet)')
      .max(170, 'description must be 50–170 characters (it is the search-result snippet)'),
    /** Page type; selects the outline and the sidebar section. */
    type: z.enum(articleTypes, { error: `type must be one of: ${articleTypes.join(', ')}` }),
    /** Sort order within its sidebar section (lower first). */
    order: z.number().int().default(100),
    /** Short label for the sidebar and breadcrumbs; defaults to the title. */
    navTitle: z.string().max(40, 'navTitle must be at most 40 characters').optional(),
    /** Date a person last checked every claim on the page against its sources (YYYY-MM-DD). */
    reviewed: z.coerce.date({ error: 'reviewed must be a date like 2026-11-28' }),
    /** Primary sources for the claims on this page. At least one. */
    sources: z.array(source).min(1, 'sources must list at least one primary source'),
    /** For cause pages: slugs of the fix pages that resolve this cause. */
    fixes: z.array(z.string()).default([]),
    /** For fix pages: slugs of the cause pages this fix addresses. */
    causes: z.array(z.string()).default([]),
    /** Tab sets this page shows; the content tests check every panel of each set is present. */
    tabs: z.array(z.enum(tabSetNames)).default([]),
    /** Slugs of other related articles to list under "See also". */
    related: z.array(z.string()).default([]),
  }),
});

export const collections = { articles };
