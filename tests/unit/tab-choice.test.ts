import { describe, expect, it } from 'vitest';
import { chooseTab, describeDetected, detectedFor, paramOf, withParam } from '../../src/lib/tab-choice.ts';
import { TAB_SETS } from '../../src/lib/tabs.ts';
import fc from 'fast-check';
import { detect } from '../../src/lib/ua.ts';
import { detectIds } from '../../src/lib/ua-ids.ts';

const browsers = TAB_SETS.browser.map((t) => t.id);

describe('chooseTab()', () => {
  it('prefers hash, then URL, then stored, then detected', () => {
    const all = { hash: 'edge', url: 'firefox', stored: 'samsung', detected: 'chrome' };
    expect(chooseTab(browsers, all)).toEqual({ id: 'edge', source: 'hash' });
    expect(chooseTab(browsers, { ...all, hash: null })).toEqual({ id: 'firefox', source: 'url' });
    expect(chooseTab(browsers, { ...all, hash: null, url: null })).toEqual({ id: 'samsung', source: 'stored' });
    expect(chooseTab(browsers, { detected: 'chrome' })).toEqual({ id: 'chrome', source: 'detected' });
  });

  it('falls back to the first panel when nothing applies', () => {
    expect(chooseTab(browsers, {})).toEqual({ id: 'chrome', source: 'default' });
    expect(chooseTab(['curl', 'httpie'], { detected: undefined })).toEqual({ id: 'curl', source: 'default' });
  });

  it('ignores unknown ids at every level and keeps looking', () => {
    expect(chooseTab(browsers, { url: 'netscape', detected: 'firefox' })).toEqual({ id: 'firefox', source: 'detected' });
    expect(chooseTab(browsers, { url: 'netscape', stored: 'windows' })).toEqual({ id: 'chrome', source: 'default' });
    expect(chooseTab(browsers, { url: '', stored: 'FIREFOX' })).toEqual({ id: 'chrome', source: 'default' });
    // A panel id from another set is unknown here, even though it is a real id.
    expect(chooseTab(browsers, { url: 'curl' })).toEqual({ id: 'chrome', source: 'default' });
  });

  it('only picks panels this group has', () => {
    expect(chooseTab(['chrome', 'firefox'], { stored: 'samsung', detected: 'firefox' })).toEqual({ id: 'firefox', source: 'detected' });
  });
});

describe('URL parameters', () => {
  it('reads a set parameter raw, with or without "?"', () => {
    expect(paramOf('?browser=firefox&os=windows', 'os')).toBe('windows');
    expect(paramOf('browser=firefox', 'browser')).toBe('firefox');
    expect(paramOf('', 'browser')).toBeNull();
    expect(paramOf('?browser=%3Cscript%3E', 'browser')).toBe('<script>');
  });

  it('writes one parameter and keeps the others and the hash', () => {
    expect(withParam('https://x.dev/guide/clear-cookies/?q=1#steps1-2', 'browser', 'firefox')).toBe('/guide/clear-cookies/?q=1&browser=firefox#steps1-2');
    expect(withParam('https://x.dev/guide/a/?browser=chrome&os=linux', 'browser', 'safari-ios')).toBe('/guide/a/?browser=safari-ios&os=linux');
    expect(withParam('https://x.dev/guide/a/', 'client', 'curl')).toBe('/guide/a/?client=curl');
  });

  it('round-trips every tab id of every set', () => {
    for (const [set, tabs] of Object.entries(TAB_SETS)) {
      for (const { id } of tabs) {
        const href = `https://x.dev${withParam('https://x.dev/guide/a/?other=1', set, id)}`;
        expect(paramOf(new URL(href).search, set)).toBe(id);
      }
    }
  });
});

describe('detection', () => {
  const firefoxWin = detect('Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:157.0) Gecko/20100101 Firefox/157.0');
  const iphone = detect('Mozilla/5.0 (iPhone; CPU iPhone OS 27_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/27.1 Mobile/15E148 Safari/604.1');

  it('guesses only browsers and operating systems', () => {
    expect(detectedFor('browser', firefoxWin)).toBe('firefox');
    expect(detectedFor('os', firefoxWin)).toBe('windows');
    expect(detectedFor('client', firefoxWin)).toBeUndefined();
    expect(detectedFor('server', firefoxWin)).toBeUndefined();
  });

  it('every detectable id is a real tab id', () => {
    expect(browsers).toContain(detectedFor('browser', iphone));
    for (const token of ['CriOS/156.0', 'FxiOS/157.0', 'EdgiOS/156.0']) {
      const d = detect(`Mozilla/5.0 (iPhone; CPU iPhone OS 27_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) ${token} Mobile/15E148 Safari/604.1`);
      expect(browsers, token).toContain(detectedFor('browser', d));
      expect(detectedFor('browser', d), token).not.toBe('safari-ios');
    }
    expect(TAB_SETS.os.map((t) => t.id)).toContain(detectedFor('os', iphone));
  });

  it('describes a detection in the words the tabs use', () => {
    expect(describeDetected('browser', firefoxWin, 'Firefox')).toBe('Firefox on Windows');
    expect(describeDetected('browser', iphone, 'Safari (iPhone/iPad)')).toBe('Safari (iPhone/iPad)');
    expect(describeDetected('browser', { browser: 'chrome-ios', os: 'ios' }, 'Chrome (iPhone/iPad)')).toBe('Chrome (iPhone/iPad)');
    expect(describeDetected('os', firefoxWin, 'Windows')).toBe('Windows');
    expect(describeDetected('browser', { browser: 'chrome', os: undefined }, 'Chrome')).toBe('Chrome');
    expect(describeDetected('client', firefoxWin, 'curl')).toBeUndefined();
  });
});

describe('detectIds() (the tabs\' lean copy of detect()\'s id rules)', () => {
  // Every token that any rule in detect() looks at, plus noise, in any order and combination.
  const TOKENS = [
    'Mozilla/5.0', '(Windows NT 10.0; Win64; x64)', '(Macintosh; Intel Mac OS X 10_15_7)', '(iPhone; CPU iPhone OS 27_1 like Mac OS X)',
    '(iPad; CPU OS 27_1 like Mac OS X)', '(iPod touch)', '(Linux; Android 17; K)', '(X11; CrOS x86_64 14541.0.0)', '(X11; Linux x86_64)', 'X11',
    'AppleWebKit/537.36', '(KHTML, like Gecko)', 'Chrome/156.0.0.0', 'Chromium/156.0', 'Safari/537.36', 'Safari/605.1.15', 'Version/27.1',
    'Mobile/15E148', 'Firefox/157.0', 'FxiOS/157.0', 'Edg/156.0.0.0', 'EdgA/156.0', 'EdgiOS/156.0', 'Edge/18.0', 'SamsungBrowser/29.0',
    'CriOS/156.0', 'OPR/120.0', 'Gecko/20100101', 'curl/8.11.1',
  ];
  const same = (ua: string, touch: number) => {
    const { browser, os } = detect(ua, touch);
    expect(detectIds(ua, touch), `${ua} (touch ${touch})`).toEqual({ browser, os });
  };

  it('agrees with detect() on real user agents', () => {
    for (const ua of [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36 Edg/156.0.0.0',
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/27.1 Safari/605.1.15',
      'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/29.0 Chrome/136.0.0.0 Mobile Safari/537.36',
      'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
      'Mozilla/5.0 (iPhone; CPU iPhone OS 27_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/156.0.0.0 Mobile/15E148 Safari/604.1',
      'Mozilla/5.0 (X11; Linux x86_64; rv:157.0) Gecko/20100101 Firefox/157.0',
      'curl/8.11.1',
      '',
    ]) {
      for (const touch of [0, 5]) same(ua, touch);
    }
  });

  it('agrees with detect() on any mix of the tokens its rules look at', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 8 }), fc.constantFrom(0, 1, 5), (tokens, touch) => same(tokens.join(' '), touch)),
      { numRuns: 2000 },
    );
  });
});
