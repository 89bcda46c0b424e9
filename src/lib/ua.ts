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
 * Detects browser and OS from a user-agent string. Order matters: Edge and Samsung Internet also
 * say "Chrome", Chrome on iOS says "Safari", and iPadOS in desktop mode claims to be a Mac (so
 * callers with a DOM should also pass `touchPoints`).
 * @param ua navigator.userAgent
 * @param touchPoints navigator.maxTouchPoints; > 1 on a "Macintosh" UA means an iPad
 * @returns the detected ids and versions; undefined where unknown
 */
export function detect(ua: string, touchPoints = 0): Detected {
  const s = ua.slice(0, 1000); // bounded: never scan a pathological string
  const ipadDesktop = /Macintosh/.test(s) && touchPoints > 1;
  let os: OsId | undefined;
  let osVersion: string | undefined;
  if (/iPhone|iPad|iPod/.test(s) || ipadDesktop) {
    os = 'ios';
    osVersion = /OS (\d+)[._](\d+)/.exec(s)?.slice(1, 3).join('.') ?? /Version\/(\d+(?:\.\d+)?)/.exec(s)?.[1];
  } else if (/Android/.test(s)) {
    os = 'android';
    osVersion = /Android (\d+(?:\.\d+)?)/.exec(s)?.[1];
  } else if (/CrOS/.test(s)) {
    os = 'chromeos';
  } else if (/Windows NT/.test(s)) {
    os = 'windows';
    osVersion = /Windows NT (\d+\.\d+)/.exec(s)?.[1];
  } else if (/Mac OS X|Macintosh/.test(s)) {
    os = 'macos';
    osVersion = /Mac OS X (\d+)[._](\d+)/.exec(s)?.slice(1, 3).join('.');
  } else if (/Linux|X11/.test(s)) {
    os = 'linux';
  }

  let browser: BrowserId | undefined;
  let browserVersion: string | undefined;
  const v = (re: RegExp) => re.exec(s)?.[1];
  if (/SamsungBrowser\//.test(s)) {
    browser = 'samsung';
    browserVersion = v(/SamsungBrowser\/(\d+)/);
  } else if (/Edg(?:e|A|iOS)?\//.test(s)) {
    browser = 'edge';
    browserVersion = v(/Edg(?:e|A|iOS)?\/(\d+)/);
  } else if (/Firefox\/|FxiOS\//.test(s)) {
    browser = 'firefox';
    browserVersion = v(/(?:Firefox|FxiOS)\/(\d+)/);
  } else if (os === 'ios') {
    // Every iOS browser uses WebKit; Safari's settings paths are the useful ones, except Chrome
    // for iOS whose own menus differ, which still maps best to the Safari (iPhone/iPad) panel.
    browser = 'safari-ios';
    browserVersion = v(/Version\/(\d+)/) ?? v(/CriOS\/(\d+)/);
  } else if (/Chrome\/|Chromium\//.test(s)) {
    browser = os === 'android' ? 'chrome-android' : 'chrome';
    browserVersion = v(/(?:Chrome|Chromium)\/(\d+)/);
  } else if (/Safari\//.test(s) && os === 'macos') {
    browser = 'safari-mac';
    browserVersion = v(/Version\/(\d+(?:\.\d+)?)/);
  }
  return { browser, browserVersion, os, osVersion };
}
