import { describe, expect, it } from 'vitest';
import { matchedWords, missingTerms, queryFromUrl, queryTerms, search, statusText, toHit, urlWithQuery, wordForms } from '../../src/lib/search-core.ts';
import type { PagefindApi, PagefindResult } from '../../src/lib/search-ui.ts';

describe('queryTerms()', () => {
  it('splits and normalises like Pagefind: lower case, punctuation dropped, _ kept', () => {
    expect(queryTerms('  Clear   Cookies ')).toEqual(['clear', 'cookies']);
    expect(queryTerms('WWW-Authenticate: Bearer')).toEqual(['wwwauthenticate', 'bearer']);
    expect(queryTerms('invalid_token node.js')).toEqual(['invalid_token', 'nodejs']);
    expect(queryTerms(' — ')).toEqual([]);
  });
});

describe('wordForms() and matchedWords()', () => {
  it('gives the whole word and its parts', () => {
    expect(wordForms('Domain=example.com;')).toEqual(['domainexamplecom', 'domain', 'example', 'com']);
    expect(wordForms('-x')).toEqual(['x', 'x']);
    expect(wordForms('—')).toEqual([]);
  });

  it('reads the words at Pagefind word positions', () => {
    expect(matchedWords('curl  -x http://proxy\nfoo', [1, 3, 9])).toEqual(['-x', 'foo']);
  });
});

describe('missingTerms()', () => {
  const never = async () => false;
  it('reports a term that only matched by Pagefind’s fallback (a shorter word it starts with)', async () => {
    // "xyzzyqq" → Pagefind matched the word "x" in "-x".
    expect(await missingTerms(['xyzzyqq'], ['-x', 'X'], never)).toEqual(['xyzzyqq']);
    expect(await missingTerms(['cokies'], ['Domain=co.uk'], never)).toEqual(['cokies']);
  });

  it('accepts words being typed (a matched word starts with the term) without asking', async () => {
    let asked = 0;
    const exact = async () => (asked++, false);
    expect(await missingTerms(['cook', 'auth'], ['cookies', 'Authorization:'], exact)).toEqual([]);
    expect(asked).toBe(0);
  });

  it('accepts stemmed matches that Pagefind’s exact search confirms', async () => {
    const exact = async (t: string) => t === 'cookies';
    expect(await missingTerms(['cookies', 'zzq'], ['cookie'], exact)).toEqual(['zzq']);
  });
});

/** A fake Pagefind: pages with words; search returns pages where some word starts with each term. */
function fakeApi(pages: Array<{ url: string; title: string; kind?: string; text: string }>, fallback?: Record<string, string>): PagefindApi {
  const data = (p: (typeof pages)[number], locations: number[]): PagefindResult => ({
    url: p.url,
    excerpt: p.text,
    content: p.text,
    locations,
    meta: { title: p.title, ...(p.kind ? { kind: p.kind } : {}) },
    sub_results: [],
  });
  return {
    search: async (query: string) => {
      const exact = query.startsWith('"');
      const terms = queryTerms(query).map((t) => (exact ? t : (fallback?.[t] ?? t)));
      const results = pages.flatMap((p) => {
        const words = p.text.toLowerCase().split(/\s+/);
        const locs = terms.map((t) => words.findIndex((w) => (exact ? w === t : w.startsWith(t))));
        return locs.every((l) => l >= 0) ? [{ data: async () => data(p, locs) }] : [];
      });
      return { results };
    },
  };
}

describe('search()', () => {
  const pages = Array.from({ length: 23 }, (_, i) => ({ url: `/guide/p${i}/`, title: `Page ${i}`, kind: 'Fix', text: `cookies token ${i} -x` }));

  it('counts every result and loads them in slices', async () => {
    const outcome = await search(fakeApi(pages), 'cookies');
    expect(outcome.total).toBe(23);
    expect((await outcome.hits(0, 10)).map((h) => h.title)).toEqual(pages.slice(0, 10).map((p) => p.title));
    expect((await outcome.hits(20, 10)).map((h) => h.href)).toEqual(['/guide/p20/', '/guide/p21/', '/guide/p22/']);
  });

  it('finds nothing for a word no page has, even when Pagefind falls back to a prefix', async () => {
    const outcome = await search(fakeApi(pages, { xyzzyqq: 'x' }), 'xyzzyqq');
    expect(outcome.total).toBe(0);
    expect(outcome.missing).toEqual(['xyzzyqq']);
    expect(await outcome.hits(0, 10)).toEqual([]);
  });

  it('treats an empty query as nothing to search', async () => {
    expect(await search(fakeApi(pages), '  ')).toMatchObject({ total: 0, missing: [] });
  });
});

describe('toHit()', () => {
  it('names the matching section after the page title and keeps the page type', () => {
    const r: PagefindResult = {
      url: '/guide/a/',
      excerpt: 'x',
      meta: { title: 'Clear cookies', kind: 'Fix', tabs: 'browser' },
      sub_results: [{ title: 'Steps', url: '/guide/a/#steps', excerpt: 'the <mark>steps</mark>', weighted_locations: [{ balanced_score: 2 }] }],
    };
    expect(toHit(r, 'cookies firefox')).toEqual({ href: '/guide/a/?browser=firefox#steps', title: 'Clear cookies › Steps', kind: 'Fix', excerpt: 'the <mark>steps</mark>' });
  });
});

describe('URL state', () => {
  it('reads and writes ?q=, keeping other parameters and the fragment', () => {
    expect(queryFromUrl('?q=clear%20cookies&x=1')).toBe('clear cookies');
    expect(queryFromUrl('')).toBe('');
    expect(urlWithQuery('https://fix401.dev/search/?x=1#r', 'a b')).toBe('/search/?x=1&q=a+b#r');
    expect(urlWithQuery('https://fix401.dev/search/?q=old', '  ')).toBe('/search/');
  });
});

describe('statusText()', () => {
  it('says the true count, and how many are shown when not all are', () => {
    expect(statusText({ query: 'token', total: 23 }, 10)).toBe('23 results for “token”, showing 10.');
    expect(statusText({ query: 'token', total: 1 }, 1)).toBe('1 result for “token”.');
    expect(statusText({ query: 'zz', total: 0 }, 0)).toBe('No results for “zz”.');
  });
});
