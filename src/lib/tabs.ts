// The tab sets that fix pages use, from content/tab-sets.yaml through the generated registry.
// Panel ids are what authors write in <TabPanel id="…">, what the URL carries (?browser=firefox)
// and what gets persisted.
import { TAB_SETS, type TabSetName } from '../registry/registry.gen.ts';

export { TAB_SETS, type TabSetName };

/** A single tab: stable id (URL- and storage-safe) and the label people see. */
export interface TabDef {
  /** Stable id used in MDX, URLs (?browser=firefox) and localStorage. Never rename. */
  id: string;
  /** Visible label. */
  label: string;
}

/**
 * @param set a tab set name
 * @param id a panel id
 * @returns the tab definition, or undefined for an id that is not in the set
 */
export function findTab(set: TabSetName, id: string): TabDef | undefined {
  return (TAB_SETS[set] as readonly TabDef[]).find((t) => t.id === id);
}

/**
 * @param value anything (e.g. a Tabs `set` prop)
 * @returns whether it names a tab set
 */
export function isTabSet(value: unknown): value is TabSetName {
  return typeof value === 'string' && Object.hasOwn(TAB_SETS, value);
}
