// The articles as Astro's content collection sees them: the collection defined in
// src/content.config.ts, imported through `astro:content` (Vitest runs on Astro's Vite config), with
// its schema applied to every article's front matter, and the messages an author gets back.
import { describe, expect, it } from 'vitest';
import { collections } from '../../src/content.config.ts';
import { loadPages } from './content.ts';

const declared = collections.articles.schema;
if (declared === undefined || typeof declared === 'function') throw new Error('the articles collection should declare its schema as a Zod schema');
const schema = declared;
const pages = loadPages();
const fixPage = pages.find((p) => p.slug === 'clear-cookies');
if (!fixPage) throw new Error('content/articles/fixes/clear-cookies.mdx is the example fix page these tests change');

/** @returns the messages the collection's schema gives for a front matter, joined ('' when valid) */
function problems(data: Record<string, unknown>): string {
  const result = schema.safeParse(data);
  return result.success ? '' : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
}

describe('the articles collection', () => {
  it.each(pages.map((p) => [p.file, p.data] as const))('accepts the front matter of %s', (_file, data) => {
    expect(problems(data)).toBe('');
  });

  it.each([
    ['a short title', { title: 'Fix' }, 'title: title must be at least 5 characters'],
    ['a date that is not one', { reviewed: 'last week' }, 'reviewed: reviewed must be a date like 2026-11-28'],
    ['a source over http', { sources: [{ title: 'RFC 9110', url: 'http://www.rfc-editor.org/rfc/rfc9110' }] }, 'sources.0.url: a source url must be an absolute https:// URL'],
    ['a fix that resolves no cause', { causes: [] }, 'causes: a fix must name at least one cause it resolves in `causes`'],
    ['an unknown type', { type: 'howto' }, 'type: type must be one of: concept, method'],
  ])('tells the author what to fix for %s', (_case, change, message) => {
    expect(problems({ ...fixPage.data, ...change })).toContain(message);
  });
});
