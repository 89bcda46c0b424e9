import { describe, expect, it } from 'vitest';
import { closestWord, countWords, editDistance, nearMisses, pathSlug, tolerance } from '../../src/lib/near-miss.ts';

describe('editDistance()', () => {
  it('counts insertions, deletions, substitutions and swapped neighbours', () => {
    expect(editDistance('cookie', 'cookies')).toBe(1);
    expect(editDistance('cokies', 'cookies')).toBe(1);
    expect(editDistance('tokne', 'token')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
});

describe('tolerance()', () => {
  it('allows nothing for very short input and more for long input', () => {
    expect([3, 4, 6, 12, 20].map(tolerance)).toEqual([0, 1, 2, 3, 5]);
  });
});

describe('closestWord()', () => {
  const vocab = countWords(['Clear cookies for one site', 'Cookies and sessions', 'The OAuth access token expired', 'Tokens']);
  it('suggests the nearest word of the guide', () => {
    expect(closestWord('cokies', vocab)).toBe('cookies');
    expect(closestWord('expird', vocab)).toBe('expired');
  });
  it('suggests nothing for a word the guide has, or for nonsense', () => {
    expect(closestWord('cookies', vocab)).toBeUndefined();
    expect(closestWord('xyzzyqq', vocab)).toBeUndefined();
  });
  it('prefers the more frequent word on a tie', () => {
    expect(closestWord('tokem', { token: 3, totem: 1 })).toBe('token');
  });
});

describe('countWords()', () => {
  it('counts words of four letters or more, lower case, no bare numbers', () => {
    expect(countWords(['The 401 Token, token!', 'id'])).toEqual({ token: 2 });
  });
});

describe('nearMisses()', () => {
  const pages = [
    { href: '/guide/clear-cookies/', title: 'Clear cookies' },
    { href: '/guide/clear-cached-credentials/', title: 'Clear cached credentials' },
    { href: '/guide/stale-cookies/', title: 'Stale cookies' },
    { href: '/wizard/', title: 'Wizard' },
  ];
  it('finds the page one typing slip away', () => {
    expect(nearMisses('/guide/clear-cookie/', pages).map((p) => p.href)).toEqual(['/guide/clear-cookies/']);
    expect(nearMisses('/guide/Clear-Cokies.html', pages).map((p) => p.href)).toEqual(['/guide/clear-cookies/']);
    expect(nearMisses('/clear-cookies', pages).map((p) => p.href)).toEqual(['/guide/clear-cookies/']);
    expect(nearMisses('/wizzard/', pages).map((p) => p.href)).toEqual(['/wizard/']);
  });
  it('finds nothing for an unrelated address', () => {
    expect(nearMisses('/no/such/page/', pages)).toEqual([]);
    expect(nearMisses('/', pages)).toEqual([]);
    expect(nearMisses('/%E0%A4%A/', pages)).toEqual([]);
  });
  it('reads the last meaningful part of a path', () => {
    expect(pathSlug('/guide/x/index.html')).toBe('x');
    expect(pathSlug('/Guide/Clear-Cookie')).toBe('clear-cookie');
  });
});
