import { detectIds } from "./ua-ids.ts";

// User-agent detection for picking a visitor's tab (browser / OS) on first visit. Used by the
// tabs script and the wizard. It only ever *pre-selects*: the visitor can always change it, so a
// wrong guess costs one click. Pure functions: no DOM, safe to unit-test.

/** Browser tab ids, matching TAB_SETS.browser in src/lib/tabs.ts. */
export type BrowserId =
  | "chrome"
  | "edge"
  | "firefox"
  | "safari-mac"
  | "safari-ios"
  | "chrome-ios"
  | "firefox-ios"
  | "edge-ios"
  | "chrome-android"
  | "samsung";
/** OS tab ids, matching TAB_SETS.os in src/lib/tabs.ts. */
export type OsId =
  "windows" | "macos" | "linux" | "ios" | "android" | "chromeos";

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
 * Detects browser and OS from a user-agent string, with versions. The ids come from detectIds()
 * (src/lib/ua-ids.ts), the one place the detection rules live; this adds the version numbers,
 * which only the wizard's escalation summary needs, so the tabs script stays small.
 * @param ua navigator.userAgent
 * @param touchPoints navigator.maxTouchPoints; > 1 on a "Macintosh" UA means an iPad
 * @returns the detected ids and versions; undefined where unknown
 */
export function detect(ua: string, touchPoints = 0): Detected {
  const s = ua.slice(0, 1000); // bounded: never scan a pathological string
  const { browser, os } = detectIds(s, touchPoints);
  const v = (re: RegExp) => re.exec(s)?.[1];
  const pair = (re: RegExp) => re.exec(s)?.slice(1, 3).join(".");
  const osVersion =
    os === "ios"
      ? (pair(/OS (\d+)[._](\d+)/) ?? v(/Version\/(\d+(?:\.\d+)?)/))
      : os === "android"
        ? v(/Android (\d+(?:\.\d+)?)/)
        : os === "windows"
          ? v(/Windows NT (\d+\.\d+)/)
          : os === "macos"
            ? pair(/Mac OS X (\d+)[._](\d+)/)
            : undefined;
  const browserVersion =
    browser === "samsung"
      ? v(/SamsungBrowser\/(\d+)/)
      : browser === "edge" || browser === "edge-ios"
        ? v(/Edg(?:e|A|iOS)?\/(\d+)/)
        : browser === "firefox" || browser === "firefox-ios"
          ? v(/(?:Firefox|FxiOS)\/(\d+)/)
          : browser === "chrome-ios"
            ? v(/CriOS\/(\d+)/)
            : browser === "safari-ios"
              ? v(/Version\/(\d+)/)
              : browser === "chrome" || browser === "chrome-android"
                ? v(/(?:Chrome|Chromium)\/(\d+)/)
                : browser === "safari-mac"
                  ? v(/Version\/(\d+(?:\.\d+)?)/)
                  : undefined;
  return { browser, browserVersion, os, osVersion };
}
