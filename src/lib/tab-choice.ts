// Pure decisions behind the tabs script (src/scripts/tabs.ts): which tab a group opens with, how a
// selection is written into the URL, and how a detection is described. No DOM here, so every rule
// is unit-tested (tests/unit/tab-choice.test.ts). This module ships to the browser: keep it small.
import type { Detected } from './ua';

/** The part of a detection the tabs use. */
type Ids = Pick<Detected, 'browser' | 'os'>;

/** Why a tab was chosen, strongest first. "hash" beats the rest: a link into a panel must open it. */
export type ChoiceSource = 'hash' | 'url' | 'stored' | 'detected' | 'default';

/** The tab a group opens with, and why. */
export interface Choice {
  /** Panel id, always one of the group's own panels. */
  id: string;
  /** Where the choice came from; "detected" makes the page show "Detected: …". */
  source: ChoiceSource;
}

/** Candidate ids in priority order; null/undefined/unknown ones are skipped. */
export type Candidates = Partial<Record<Exclude<ChoiceSource, 'default'>, string | null | undefined>>;

const ORDER = ['hash', 'url', 'stored', 'detected'] as const;

/**
 * Picks the tab a group opens with: the first candidate that names one of the group's panels, in
 * the order hash → URL parameter → stored choice → user-agent guess, else the group's first panel.
 * An unknown id (a typo in ?browser=, a panel this page lacks) is ignored, never an error.
 * @param present the group's panel ids in display order (non-empty)
 * @param candidates possible ids by source
 * @returns the choice; the first panel with source "default" when no candidate fits
 */
export function chooseTab(present: readonly string[], candidates: Candidates): Choice {
  for (const source of ORDER) {
    const id = candidates[source];
    if (id && present.includes(id)) return { id, source };
  }
  return { id: present[0] ?? '', source: 'default' };
}

/**
 * The URL parameter for a set (?browser=, ?os=, ?client=, ?server=), as written; not validated.
 * @param search location.search, with or without the leading "?"
 * @param set tab set name
 * @returns the raw value or null
 */
export function paramOf(search: string, set: string): string | null {
  return new URLSearchParams(search).get(set);
}

/**
 * A URL with one set's parameter replaced, everything else (other parameters, the hash) kept, so
 * history.replaceState can keep the address bar in step with the selection.
 * @param href the current URL
 * @param set tab set name
 * @param id the selected panel id
 * @returns the new URL as path + search + hash (same origin, for replaceState)
 */
export function withParam(href: string, set: string, id: string): string {
  const u = new URL(href);
  u.searchParams.set(set, id);
  return u.pathname + u.search + u.hash;
}

/**
 * The user-agent guess for a set: only browsers and operating systems can be told from a user
 * agent; an HTTP client or a server cannot.
 * @param set tab set name
 * @param d result of detect()
 * @returns a panel id to try, or undefined
 */
export function detectedFor(set: string, d: Ids): string | undefined {
  return set === 'browser' ? d.browser : set === 'os' ? d.os : undefined;
}

/** Visible OS names for "Detected: Firefox on Windows" (the page may carry no OS tabs to read them from). */
const OS_NAMES: Record<string, string> = {
  windows: 'Windows',
  macos: 'macOS',
  linux: 'Linux',
  ios: 'iOS',
  android: 'Android',
  chromeos: 'ChromeOS',
};

/**
 * Words for the "Detected: …" note, e.g. "Firefox on Windows" for a browser group, "macOS" for an
 * OS group. The browser part uses the group's own tab label, so it always matches the tab shown.
 * @param set tab set name
 * @param d result of detect()
 * @param label the label of the tab that was selected
 * @returns the description, or undefined when the set is not detectable
 */
export function describeDetected(set: string, d: Ids, label: string): string | undefined {
  if (set === 'os') return label;
  if (set !== 'browser') return undefined;
  const os = d.os ? OS_NAMES[d.os] : undefined;
  // "Safari (iPhone/iPad) on iOS" says the same thing twice.
  return os && !/\(/.test(label) ? `${label} on ${os}` : label;
}
