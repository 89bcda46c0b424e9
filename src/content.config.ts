import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleSchema } from './registry/schema';

// The schemas live in src/registry/schema.ts (zod only), so the registry generator
// (scripts/registry.ts) validates content with exactly the same rules outside Astro.

const articles = defineCollection({
  // Articles live in the top-level content/ folder, one file per page; the file name is the slug
  // (folders only group files for authors), so moving a file between folders keeps its URL.
  loader: glob({
    base: './content/articles',
    pattern: '**/*.{md,mdx}',
    generateId: ({ entry }) => entry.replace(/^.*\//, '').replace(/\.mdx?$/, ''),
  }),
  schema: articleSchema,
});

export const collections = { articles };
