import { describe, expect, it } from 'vitest';
import { bestSubResult, decodeEntities, landingUrl, type PagefindSubResult } from '../../src/lib/search-ui.ts';

const anchors = [
  { element: 'h2', id: 'steps', location: 10 },
  { element: 'section', id: 't1-chrome', location: 14 },
  { element: 'li', id: 'steps2-1', location: 18 },
  { element: 'section', id: 't1-firefox', location: 40 },
  { element: 'h2', id: 'how-to-tell-it-worked', location: 80 },
];

describe('landingUrl()', () => {
  it('lands on the innermost element with an id before the first match', () => {
    expect(landingUrl('/guide/clear-cookies/#steps', [45, 60], anchors)).toBe('/guide/clear-cookies/#t1-firefox');
    expect(landingUrl('/guide/clear-cookies/#steps', [19], anchors)).toBe('/guide/clear-cookies/#steps2-1');
    expect(landingUrl('/guide/clear-cookies/#steps', [14], anchors)).toBe('/guide/clear-cookies/#t1-chrome');
  });

  it('keeps the URL when it knows nothing better', () => {
    expect(landingUrl('/guide/a/', [3], anchors)).toBe('/guide/a/');
    expect(landingUrl('/guide/a/#x', undefined, anchors)).toBe('/guide/a/#x');
    expect(landingUrl('/guide/a/#x', [50], [])).toBe('/guide/a/#x');
  });
});

describe('bestSubResult()', () => {
  const sub = (url: string, scores: number[]): PagefindSubResult => ({ title: url, url, excerpt: '', weighted_locations: scores.map((balanced_score) => ({ balanced_score })) });

  it('picks the part with the most relevant matches, favouring headed parts on a near tie', () => {
    expect(bestSubResult([sub('/a/#x', [1]), sub('/a/#y', [2, 3])])?.url).toBe('/a/#y');
    expect(bestSubResult([sub('/a/', [5]), sub('/a/#y', [4.5])])?.url).toBe('/a/#y');
    expect(bestSubResult([sub('/a/', [10]), sub('/a/#y', [1])])?.url).toBe('/a/');
    expect(bestSubResult([])).toBeUndefined();
  });
});

describe('decodeEntities()', () => {
  it('decodes the entities Pagefind emits and nothing else', () => {
    expect(decodeEntities('a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#x27; &nbsp;')).toBe(`a & b <c> "d" 'e' &nbsp;`);
  });
});
