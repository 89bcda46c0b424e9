import { describe, expect, it } from 'vitest';
import { detect } from '../../src/lib/ua.ts';

// Real user-agent strings as sent by current browsers (versions as of late 2026).
const cases: Array<[string, string, Partial<ReturnType<typeof detect>>, number?]> = [
  ['Chrome on Windows', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36', { browser: 'chrome', browserVersion: '156', os: 'windows' }],
  ['Edge on Windows', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36 Edg/156.0.0.0', { browser: 'edge', browserVersion: '156', os: 'windows' }],
  ['Firefox on Linux', 'Mozilla/5.0 (X11; Linux x86_64; rv:157.0) Gecko/20100101 Firefox/157.0', { browser: 'firefox', browserVersion: '157', os: 'linux' }],
  ['Safari on macOS', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/27.1 Safari/605.1.15', { browser: 'safari-mac', browserVersion: '27.1', os: 'macos' }],
  ['Safari on iPhone', 'Mozilla/5.0 (iPhone; CPU iPhone OS 27_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/27.1 Mobile/15E148 Safari/604.1', { browser: 'safari-ios', os: 'ios', osVersion: '27.1' }],
  ['iPad in desktop mode', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/27.1 Safari/605.1.15', { browser: 'safari-ios', os: 'ios' }, 5],
  ['Chrome on Android', 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36', { browser: 'chrome-android', os: 'android' }],
  ['Samsung Internet', 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/29.0 Chrome/136.0.0.0 Mobile Safari/537.36', { browser: 'samsung', browserVersion: '29', os: 'android' }],
  ['Chrome on ChromeOS', 'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36', { browser: 'chrome', os: 'chromeos' }],
  ['Chrome on iOS', 'Mozilla/5.0 (iPhone; CPU iPhone OS 27_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/156.0.0.0 Mobile/15E148 Safari/604.1', { browser: 'chrome-ios', browserVersion: '156', os: 'ios', osVersion: '27.1' }],
  // The examples in Chrome's own documentation of its iOS user agent
  // (https://developer.chrome.com/docs/multidevice/user-agent/#chrome_for_ios_user_agent).
  ['Chrome on iPhone (Chrome docs)', 'Mozilla/5.0 (iPhone; CPU iPhone OS 10_3 like Mac OS X) AppleWebKit/602.1.50 (KHTML, like Gecko) CriOS/56.0.2924.75 Mobile/14E5239e Safari/602.1', { browser: 'chrome-ios', browserVersion: '56', os: 'ios', osVersion: '10.3' }],
  ['Chrome on iPad (Chrome docs)', 'Mozilla/5.0 (iPad; CPU OS 10_3 like Mac OS X) AppleWebKit/602.1.50 (KHTML, like Gecko) CriOS/56.0.2924.75 Mobile/14E5239e Safari/602.1', { browser: 'chrome-ios', os: 'ios' }],
  // MDN's Firefox user-agent reference (https://developer.mozilla.org/docs/Web/HTTP/Headers/User-Agent/Firefox).
  ['Firefox on iPhone (MDN)', 'Mozilla/5.0 (iPhone; CPU iPhone OS 8_3 like Mac OS X) AppleWebKit/600.1.4 (KHTML, like Gecko) FxiOS/1.0 Mobile/12F69 Safari/600.1.4', { browser: 'firefox-ios', browserVersion: '1', os: 'ios', osVersion: '8.3' }],
  ['Firefox on iPad', 'Mozilla/5.0 (iPad; CPU OS 27_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/157.0 Mobile/15E148 Safari/605.1.15', { browser: 'firefox-ios', browserVersion: '157', os: 'ios' }],
  // The EdgiOS token as Microsoft documents it (https://learn.microsoft.com/microsoft-edge/web-platform/user-agent-string).
  ['Edge on iPhone', 'Mozilla/5.0 (iPhone; CPU iPhone OS 27_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/27.0 EdgiOS/156.0.3296.56 Mobile/15E148 Safari/605.1.15', { browser: 'edge-ios', browserVersion: '156', os: 'ios' }],
  // An iPad asking for desktop sites sends a Mac user agent; only its touch points tell it apart.
  ['iPad in desktop mode, Chrome', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/156.0.0.0 Version/27.0 Safari/605.1.15', { browser: 'chrome-ios', os: 'ios' }, 5],
  ['the same user agent on a Mac without touch', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/27.1 Safari/605.1.15', { browser: 'safari-mac', os: 'macos' }, 0],
  ['Edge on Android is not Edge for iOS', 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36 EdgA/156.0.0.0', { browser: 'edge', os: 'android' }],
  ['Firefox on Android', 'Mozilla/5.0 (Android 17; Mobile; rv:157.0) Gecko/157.0 Firefox/157.0', { browser: 'firefox', os: 'android' }],
];

describe('detect()', () => {
  for (const [name, ua, expected, touch] of cases) {
    it(name, () => expect(detect(ua, touch)).toMatchObject(expected));
  }
  it('returns undefined for what it cannot tell', () => {
    expect(detect('curl/8.11.1')).toEqual({ browser: undefined, browserVersion: undefined, os: undefined, osVersion: undefined });
    expect(detect('')).toMatchObject({ browser: undefined, os: undefined });
  });
  it('stays fast on a pathological string', () => {
    expect(detect('Mozilla/'.repeat(200_000)).browser).toBeUndefined();
  });
});
