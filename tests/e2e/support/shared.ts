// One page per worker (per set of context options) for tests that only load URLs and look at them:
// opening a browser context and a page costs a few hundred milliseconds on the 2-core CI machine,
// which over ~400 page audits was minutes of the suite. Each test that takes the shared page gets it
// with its recorded problems cleared, the site's storage emptied and the light scheme emulated, so
// nothing one test did is seen by the next.
import type { Browser, BrowserContextOptions, Page } from '@playwright/test';
import { type PageProblems, watchPage } from './pages.ts';

/** A page that lives for the whole worker, and what it did that it should not since it was taken. */
export interface SharedPage {
  page: Page;
  problems: PageProblems;
}

// Module state is per worker process; a failed test ends its worker, so a fresh one starts clean.
const pool = new Map<string, Promise<SharedPage>>();

/**
 * Takes the worker's shared page for these context options, reset for a new test.
 * @param browser the worker's browser (the `browser` fixture)
 * @param baseURL the test's baseURL, our own origin
 * @param options context options (e.g. `{ javaScriptEnabled: false }`); one page per distinct set
 * @returns the page and its problem lists, emptied
 */
export async function sharedPage(browser: Browser, baseURL: string | undefined, options: BrowserContextOptions = {}): Promise<SharedPage> {
  const origin = new URL(baseURL ?? '').origin;
  const key = JSON.stringify(options);
  let entry = pool.get(key);
  if (!entry || (await entry).page.isClosed()) {
    entry = (async () => {
      const context = await browser.newContext({ ...options, baseURL: origin });
      const page = await context.newPage();
      return { page, problems: await watchPage(page, origin) };
    })();
    pool.set(key, entry);
  }
  const shared = await entry;
  const { page, problems } = shared;
  if (page.url().startsWith(origin)) {
    // Remembered tab choices and theme must not carry over (evaluate fails harmlessly with scripts off).
    await page.evaluate(() => (localStorage.clear(), sessionStorage.clear())).catch(() => undefined);
  }
  await page.context().clearCookies();
  await page.emulateMedia({ colorScheme: options.colorScheme ?? 'light', media: 'screen' });
  for (const list of Object.values(problems)) list.length = 0;
  return shared;
}
