// Every page in the slug registry (docs/content-plan.md) exists. While the guide is being written
// this fails and names the missing slugs; it must pass once all branches are merged.
import { describe, expect, it } from 'vitest';
import { loadPages, loadRegistry } from './content.ts';

describe('the slug registry', () => {
  it('every page listed in docs/content-plan.md exists under content/articles/', () => {
    const have = new Set(loadPages().map((p) => p.slug));
    const missing = loadRegistry().filter((r) => !have.has(r.slug)).map((r) => `${r.folder}/${r.slug}.mdx`);
    if (missing.length > 0) console.error(`Missing ${missing.length} registry page(s):\n  ${missing.join('\n  ')}`);
    expect(missing, 'pages in docs/content-plan.md with no file').toEqual([]);
  });
});
