// Loads Pagefind once per page, on first use. Both search UIs (the search page and the header
// typeahead) share the one instance, so the index is fetched only once.
import { RANKING } from './search-core';
import type { PagefindApi } from './search-ui';

let api: Promise<PagefindApi> | undefined;

/**
 * @returns the initialised Pagefind module (the same promise on every call); a failed load is
 *   forgotten, so the next use tries again
 */
export function loadPagefind(): Promise<PagefindApi> {
  // A runtime URL, so the bundler leaves it alone; the file exists only after `pagefind` runs.
  const url = '/pagefind/pagefind.js';
  api ??= import(/* @vite-ignore */ url)
    .then(async (m: PagefindApi) => {
      await m.options?.({ ranking: RANKING });
      await m.init?.();
      return m;
    })
    .catch((e: unknown) => {
      api = undefined;
      throw e;
    });
  return api;
}
