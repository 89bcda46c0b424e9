// User-agent detection for picking a visitor's tab (browser / OS) on first visit. Used by the
// tabs script and the wizard. It only ever *pre-selects*: the visitor can always change it, so a
// wrong guess costs one click. Pure functions: no DOM, safe to unit-test.

/** Browser tab ids, matching TAB_SETS.browser in src/lib/tabs.ts. */
export type BrowserId = 'chrome' | 'edge' | 'firefox' | 'safari-mac' | 'safari-ios' | 'chrome-android' | 'samsung';
/** OS tab ids, matching TAB_SETS.os in src/lib/tabs.ts. */
export type OsId = 'windows' | 'macos' | 'linux' | 'ios' | 'android' | 'chromeos';

/** What we could tell from a user-agent string. */
export interface Detected {
  /** Browser tab id, when recognised. */
  browser: BrowserId | undefined;
  /** Major browser version, e.g. "156", when present in the UA. */
  browserVersion: string | undefined;
  /** OS tab id, when recognised. */
  os: OsId | undefined;
  /** OS version as the UA states it (often frozen or absent), e.g. "18.2". */
  osVersion: string | undefined;
}

/**
 * Detects only the browser and OS tab ids: what the tabs script needs. Kept apart from the version
 * parsing so the tabs bundle stays small (it ships on every fix page). Order matters: Edge and
 * Samsung Internet also say "Chrome", Chrome on iOS says "Safari", and iPadOS in desktop mode
 * claims to be a Mac (so callers with a DOM should also pass `touchPoints`).
 * @param ua navigator.userAgent
 * @param touchPoints navigator.maxTouchPoints; > 1 on a "Macintosh" UA means an iPad
 * @returns the detected ids; undefined where unknown
 */
export function detectIds(ua: string, touchPoints = 0): Pick<Detected, 'browser' | 'os'> {
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

/** Where each browser states its major version. */
const BROWSER_VERSION: Record<BrowserId, RegExp> = {
  samsung: /SamsungBrowser\/(\d+)/,
  edge: /Edg(?:e|A|iOS)?\/(\d+)/,
  firefox: /(?:Firefox|FxiOS)\/(\d+)/,
  'safari-ios': /(?:Version|CriOS)\/(\d+)/,
  chrome: /(?:Chrome|Chromium)\/(\d+)/,
  'chrome-android': /(?:Chrome|Chromium)\/(\d+)/,
  'safari-mac': /Version\/(\d+(?:\.\d+)?)/,
};

/**
 * Detects browser and OS from a user-agent string, with versions where the UA states them.
 * @param ua navigator.userAgent
 * @param touchPoints navigator.maxTouchPoints; > 1 on a "Macintosh" UA means an iPad
 * @returns the detected ids and versions; undefined where unknown
 */
export function detect(ua: string, touchPoints = 0): Detected {
  const s = ua.slice(0, 1000);
  const { browser, os } = detectIds(s, touchPoints);
  const v = (re: RegExp) => re.exec(s)?.[1];
  const osVersion =
    os === 'ios'
      ? (/OS (\d+)[._](\d+)/.exec(s)?.slice(1, 3).join('.') ?? v(/Version\/(\d+(?:\.\d+)?)/))
      : os === 'android'
        ? v(/Android (\d+(?:\.\d+)?)/)
        : os === 'windows'
          ? v(/Windows NT (\d+\.\d+)/)
          : os === 'macos'
            ? /Mac OS X (\d+)[._](\d+)/.exec(s)?.slice(1, 3).join('.')
            : undefined;
  return { browser, browserVersion: browser && v(BROWSER_VERSION[browser]), os, osVersion };
}
