import { describe, expect, it } from 'vitest';
import { editUrl } from '../../src/lib/site';

describe('editUrl (the "Suggest a fix to this page" link)', () => {
  it('points at the page source in the repository editor', () => {
    expect(editUrl('https://github.com/org/fix401', 'content/articles/fixes/clear-cookies.mdx')).toBe(
      'https://github.com/org/fix401/edit/main/content/articles/fixes/clear-cookies.mdx',
    );
    expect(editUrl('https://github.com/org/fix401/', './content/a b.mdx', 'live')).toBe('https://github.com/org/fix401/edit/live/content/a%20b.mdx');
  });
  it('gives no link when the repository is unset, not a URL or not https', () => {
    expect(editUrl(undefined, 'content/x.mdx')).toBeUndefined();
    expect(editUrl('', 'content/x.mdx')).toBeUndefined();
    expect(editUrl('not a url', 'content/x.mdx')).toBeUndefined();
    expect(editUrl('http://github.com/org/fix401', 'content/x.mdx')).toBeUndefined();
    expect(editUrl('javascript:alert(1)', 'content/x.mdx')).toBeUndefined();
    expect(editUrl('https://github.com/org/fix401', undefined)).toBeUndefined();
  });
});
