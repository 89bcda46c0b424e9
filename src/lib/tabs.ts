// The tab sets that fix pages use. One list per set: panel ids are what authors write in
// <TabPanel id="…">, what the URL carries (?browser=firefox) and what gets persisted.

/** A single tab: stable id (URL- and storage-safe) and the label people see. */
export interface TabDef {
  /** Stable id used in MDX, URLs (?browser=firefox) and localStorage. Never rename. */
  id: string;
  /** Visible label. */
  label: string;
}

/** All tab sets. Keys are the set names used in <Tabs set="…"> and as URL parameters. */
export const TAB_SETS = {
  browser: [
    { id: 'chrome', label: 'Chrome' },
    { id: 'edge', label: 'Edge' },
    { id: 'firefox', label: 'Firefox' },
    { id: 'safari-mac', label: 'Safari (macOS)' },
    { id: 'safari-ios', label: 'Safari (iPhone/iPad)' },
    { id: 'chrome-android', label: 'Chrome (Android)' },
    { id: 'samsung', label: 'Samsung Internet' },
  ],
  os: [
    { id: 'windows', label: 'Windows' },
    { id: 'macos', label: 'macOS' },
    { id: 'linux', label: 'Linux' },
    { id: 'ios', label: 'iOS / iPadOS' },
    { id: 'android', label: 'Android' },
    { id: 'chromeos', label: 'ChromeOS' },
  ],
  client: [
    { id: 'curl', label: 'curl' },
    { id: 'httpie', label: 'HTTPie' },
    { id: 'postman', label: 'Postman' },
    { id: 'fetch', label: 'Browser fetch' },
    { id: 'axios', label: 'axios' },
    { id: 'python', label: 'Python requests' },
    { id: 'node', label: 'Node.js' },
  ],
  server: [
    { id: 'nginx', label: 'nginx' },
    { id: 'apache', label: 'Apache' },
    { id: 'iis', label: 'IIS' },
    { id: 'express', label: 'Express' },
    { id: 'spring', label: 'Spring Security' },
    { id: 'aspnet', label: 'ASP.NET Core' },
    { id: 'django', label: 'Django' },
    { id: 'fastapi', label: 'FastAPI' },
  ],
} as const satisfies Record<string, readonly TabDef[]>;

/** Name of a tab set. */
export type TabSetName = keyof typeof TAB_SETS;

/**
 * @param set a tab set name
 * @param id a panel id
 * @returns the tab definition, or undefined for an id that is not in the set
 */
export function findTab(set: TabSetName, id: string): TabDef | undefined {
  return TAB_SETS[set].find((t) => t.id === id);
}

/**
 * @param value anything (e.g. a Tabs `set` prop)
 * @returns whether it names a tab set
 */
export function isTabSet(value: unknown): value is TabSetName {
  return typeof value === 'string' && Object.hasOwn(TAB_SETS, value);
}
