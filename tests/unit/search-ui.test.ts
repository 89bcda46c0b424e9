import { describe, expect, it } from 'vitest';
import { bestSubResult, decodeEntities, landingUrl, withTabParams, type PagefindSubResult } from '../../src/lib/search-ui.ts';

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

describe('withTabParams()', () => {
  it('opens the tab a query names, for the sets the page has', () => {
    expect(withTabParams('/guide/clear-cookies/', 'clear cookies Firefox', ['browser'])).toBe('/guide/clear-cookies/?browser=firefox');
    expect(withTabParams('/guide/clear-cookies/#steps', 'safari iphone cookies', ['browser', 'os'])).toBe('/guide/clear-cookies/?browser=safari-ios&os=ios#steps');
    expect(withTabParams('/guide/a/', 'chrome on android', ['browser'])).toBe('/guide/a/?browser=chrome-android');
    expect(withTabParams('/guide/a/', 'chrome iphone cookies', ['browser'])).toBe('/guide/a/?browser=chrome-ios');
    expect(withTabParams('/guide/a/', 'firefox ipad', ['browser'])).toBe('/guide/a/?browser=firefox-ios');
    expect(withTabParams('/guide/a/', 'samsung internet', ['browser'])).toBe('/guide/a/?browser=samsung');
    expect(withTabParams('/guide/a/', 'curl bearer token', ['client'])).toBe('/guide/a/?client=curl');
    expect(withTabParams('/guide/a/', 'nginx strips authorization', ['server', 'client'])).toBe('/guide/a/?server=nginx');
    expect(withTabParams('/guide/a/', 'ASP.NET Core 401', ['server'])).toBe('/guide/a/?server=aspnet');
  });

  it('leaves links alone when the query names no tab, or the page lacks that set', () => {
    expect(withTabParams('/guide/a/#x', 'session expired', ['browser'])).toBe('/guide/a/#x');
    expect(withTabParams('/guide/a/', 'firefox', [])).toBe('/guide/a/');
    expect(withTabParams('/guide/a/', 'firefox', ['client'])).toBe('/guide/a/');
    expect(withTabParams('/guide/a/', 'nodes of a graph', ['client'])).toBe('/guide/a/');
  });

  it('moves a link into another tab of the same set onto the named tab', () => {
    expect(withTabParams('/guide/a/#t2-chrome', 'firefox cookies', ['browser'])).toBe('/guide/a/?browser=firefox#t2-firefox');
    expect(withTabParams('/guide/a/#t3-linux', 'firefox cookies', ['browser', 'os'])).toBe('/guide/a/?browser=firefox#t3-linux');
    expect(withTabParams('/guide/a/#steps2-1', 'firefox', ['browser'])).toBe('/guide/a/?browser=firefox#steps2-1');
  });
});

describe('withTabParams() word table', () => {
  it('matches multi-word and dotted names', () => {
    expect(withTabParams('/a/', 'chrome os login loop', ['os'])).toBe('/a/?os=chromeos');
    expect(withTabParams('/a/', 'mac os keychain', ['os'])).toBe('/a/?os=macos');
    expect(withTabParams('/a/', 'node.js fetch 401', ['client'])).toBe('/a/?client=node');
    expect(withTabParams('/a/', 'fetch credentials include', ['client'])).toBe('/a/?client=fetch');
    expect(withTabParams('/a/', 'nodejs 401', ['client'])).toBe('/a/?client=node');
  });
});
