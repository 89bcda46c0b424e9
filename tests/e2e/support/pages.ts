import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { type Page, expect } from '@playwright/test';

/**
 * @returns the URL paths listed in the built sitemap (dist/sitemap-0.xml), e.g. "/guide/what-is-401/"
 */
export function sitemapPaths(): string[] {
  const xml = readFileSync(new URL('../../../dist/sitemap-0.xml', import.meta.url), 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] ?? '/').pathname);
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

/**
 * Runs axe (WCAG 2.2 AA) on the page as it is now.
 * Legacy mode: the default mode opens a fresh blank page in the context for every run, to merge
 * results across frames; our pages have no frames (asserted here, so that stays true), so legacy
 * mode checks the same nodes with the same rules in about half the time, and works on any page,
 * including the test fixture's and a shared one.
 * @param page a loaded page
 * @param label prefixed to each violation (the scheme, or a wizard state)
 * @returns one line per violation: label, rule id and the failing nodes' selectors
 */
export async function axeViolations(page: Page, label: string): Promise<string[]> {
  await expect(page.locator('iframe, frame'), 'frames (axe runs in legacy mode)').toHaveCount(0);
  const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode(true).analyze();
  return axe.violations.map((v) => `${label}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
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
