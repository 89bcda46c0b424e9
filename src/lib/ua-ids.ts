// Browser and OS tab ids from a user-agent string: the detection rules, in one place. The tabs
// script and the wizard import only this; detect() in src/lib/ua.ts builds on it and adds version
// numbers, which only the wizard's lazily loaded escalation summary needs, so fix pages never
// load the version parsing (the 3 KB budget).

import type { BrowserId, OsId } from './ua';

/**
 * Detects only the browser and OS tab ids, by the same rules as detect(). Order matters: Edge and
 * Samsung Internet also say "Chrome", Chrome on iOS says "Safari", and iPadOS in desktop mode
 * claims to be a Mac (so callers with a DOM should also pass `touchPoints`).
 * @param ua navigator.userAgent
 * @param touchPoints navigator.maxTouchPoints; > 1 on a "Macintosh" UA means an iPad
 * @returns the detected ids; undefined where unknown
 */
export function detectIds(ua: string, touchPoints = 0): { browser: BrowserId | undefined; os: OsId | undefined } {
  const s = ua.slice(0, 1000); // bounded: never scan a pathological string
  const t = (re: RegExp) => re.test(s);
  const os: OsId | undefined =
    t(/iPhone|iPad|iPod/) || (t(/Macintosh/) && touchPoints > 1)
      ? 'ios'
      : t(/Android/)
        ? 'android'
        : t(/CrOS/)
          ? 'chromeos'
          : t(/Windows NT/)
            ? 'windows'
            : t(/Mac OS X|Macintosh/)
              ? 'macos'
              : t(/Linux|X11/)
                ? 'linux'
                : undefined;
  // Every iOS browser uses WebKit; Safari's settings paths are the useful ones, except Chrome
  // for iOS whose own menus differ, which still maps best to the Safari (iPhone/iPad) panel.
  const browser: BrowserId | undefined = t(/SamsungBrowser\//)
    ? 'samsung'
    : t(/Edg(?:e|A|iOS)?\//)
      ? 'edge'
      : t(/Firefox\/|FxiOS\//)
        ? 'firefox'
        : os === 'ios'
          ? 'safari-ios'
          : t(/Chrome\/|Chromium\//)
            ? os === 'android'
              ? 'chrome-android'
              : 'chrome'
            : t(/Safari\//) && os === 'macos'
              ? 'safari-mac'
              : undefined;
  return { browser, os };
}
