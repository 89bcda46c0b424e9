// Browser and OS tab ids from a user-agent string: the detection rules, in one place. The tabs
// script and the wizard import only this; detect() in src/lib/ua.ts builds on it and adds version
// numbers, which only the wizard's lazily loaded escalation summary needs, so fix pages never
// load the version parsing (the 3 KB budget).

import type { BrowserId, OsId } from "./ua";

/**
 * Detects only the browser and OS tab ids, by the same rules as detect(). Order matters: Edge and
 * Samsung Internet also say "Chrome", Chrome on iOS says "Safari", and an iPad asking for desktop
 * sites (the default since iPadOS 13) claims to be a Mac: only its touch screen gives it away, so
 * callers with a DOM must pass `touchPoints`.
 * @param ua navigator.userAgent
 * @param touchPoints navigator.maxTouchPoints; > 1 on a "Macintosh" UA means an iPad
 * @returns the detected ids; undefined where unknown
 */
export function detectIds(
  ua: string,
  touchPoints = 0,
): { browser: BrowserId | undefined; os: OsId | undefined } {
  const s = ua.slice(0, 1000); // bounded: never scan a pathological string
  const t = (re: RegExp) => re.test(s);
  const os: OsId | undefined =
    t(/iPhone|iPad|iPod/) || (t(/Macintosh/) && touchPoints > 1)
      ? "ios"
      : t(/Android/)
        ? "android"
        : t(/CrOS/)
          ? "chromeos"
          : t(/Windows NT/)
            ? "windows"
            : t(/Mac OS X|Macintosh/)
              ? "macos"
              : t(/Linux|X11/)
                ? "linux"
                : undefined;
  // Every iOS browser uses WebKit but has its own menus: Chrome (CriOS), Firefox (FxiOS) and Edge
  // (EdgiOS) get their own tabs, checked before the desktop tokens; any other iOS browser maps
  // best to Safari, whose settings in the Settings app reach every WebKit app's data.
  const browser: BrowserId | undefined =
    os === "ios"
      ? t(/CriOS\//)
        ? "chrome-ios"
        : t(/FxiOS\//)
          ? "firefox-ios"
          : t(/EdgiOS\//)
            ? "edge-ios"
            : "safari-ios"
      : t(/SamsungBrowser\//)
        ? "samsung"
        : t(/Edg(?:e|A)?\//)
          ? "edge"
          : t(/Firefox\//)
            ? "firefox"
            : t(/Chrome\/|Chromium\//)
              ? os === "android"
                ? "chrome-android"
                : "chrome"
              : t(/Safari\//) && os === "macos"
                ? "safari-mac"
                : undefined;
  return { browser, os };
}
