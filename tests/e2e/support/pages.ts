import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import { type Page, expect } from '@playwright/test';

/**
 * @returns the URL paths listed in the built sitemap (dist/sitemap-0.xml), e.g. "/guide/what-is-401/"
 */
export function sitemapPaths(): string[] {
  const xml = readFileSync(new URL('../../../dist/sitemap-0.xml', import.meta.url), 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] ?? '/').pathname);
}

/**
 * Records the page's requests for Pagefind's files (the search index and its script), to prove
 * search loads only when it is used.
 * @param page the page, before the navigation to watch
 * @returns a live list of the URLs requested
 */
export function pagefindRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/pagefind/')) urls.push(r.url());
  });
  return urls;
}

/** What a page did that it should not: console errors, CSP violations, requests to other origins. */
export interface PageProblems {
  consoleErrors: string[];
  cspViolations: string[];
  foreignRequests: string[];
}

/**
 * Starts recording problems on a page. Call before the first navigation.
 * @param page the page to watch
 * @param origin our own origin; any request elsewhere is recorded
 * @returns live arrays that fill as the page runs
 */
export async function watchPage(page: Page, origin: string): Promise<PageProblems> {
  const problems: PageProblems = { consoleErrors: [], cspViolations: [], foreignRequests: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') problems.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => problems.consoleErrors.push(String(e)));
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.protocol !== 'data:' && u.protocol !== 'blob:' && u.origin !== origin) problems.foreignRequests.push(r.url());
  });
  await page.exposeFunction('__reportCsp', (v: string) => problems.cspViolations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportCsp: (v: string) => void }).__reportCsp(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return problems;
}

/**
 * Asserts that nothing was recorded.
 * @param problems from watchPage
 */
export function expectClean(problems: PageProblems): void {
  expect(problems.consoleErrors, 'console errors').toEqual([]);
  expect(problems.cspViolations, 'CSP violations').toEqual([]);
  expect(problems.foreignRequests, 'requests to other origins').toEqual([]);
}

/** WCAG 2.2 AA rule tags for axe. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe-core's browser build, evaluated in a page once per document. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe (WCAG 2.2 AA) on the page as it is now.
 * axe-core is used directly rather than through @axe-core/playwright: that wrapper injects the
 * 550 KB script again on every run, opens a blank page to merge frame results, and sends every
 * passing check back; here the script is injected once per document (so the in-place wizard's
 * states, one page load, are each checked for ~0.1 s) and only violations are returned. Our pages
 * have no frames (asserted, so axe missing one cannot go unnoticed). The script is evaluated over
 * the DevTools protocol, like Playwright's own evaluate, so the page's CSP does not apply to it.
 * @param page a loaded page
 * @param label prefixed to each violation (the scheme, or a wizard state)
 * @returns one line per violation: label, rule id and the failing nodes' selectors
 */
export async function axeViolations(page: Page, label: string): Promise<string[]> {
  await expect(page.locator('iframe, frame'), 'frames (axe runs without frame support)').toHaveCount(0);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(
    (tags) =>
      (window as unknown as { axe: { run: (c: Document, o: object) => Promise<AxeResults> } }).axe
        .run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
        .then((r) => r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }))),
    WCAG_TAGS,
  );
  return violations.map((v) => `${label}: ${v.id}: ${v.nodes.join(', ')}`);
}

/**
 * Runs axe on a loaded page in each colour scheme: the system scheme is switched and the site
 * follows it live, so one page load serves both themes.
 * @param page a loaded page
 * @param schemes the schemes to check, in order
 */
export async function expectAccessible(page: Page, schemes: ReadonlyArray<'light' | 'dark'>): Promise<void> {
  for (const scheme of schemes) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect(page.locator('html')).toHaveClass(scheme === 'dark' ? /\bdark\b/ : /^(?!.*\bdark\b)/);
    expect(await axeViolations(page, scheme)).toEqual([]);
  }
}

/** Cumulative layout shift of the page so far (every shift counted, no session windows). */
export async function layoutShift(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((done) => {
        let sum = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) if (!e.hadRecentInput) sum += e.value;
        }).observe({ type: 'layout-shift', buffered: true });
        // Two frames: entries of the last painted frame have been delivered by then.
        requestAnimationFrame(() => requestAnimationFrame(() => done(sum)));
      }),
  );
}
