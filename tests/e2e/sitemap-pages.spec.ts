import { expect, test } from '@playwright/test';
import { axeViolations, expectAccessible, expectClean, sitemapPaths } from './support/pages.ts';
import { sharedPage } from './support/shared.ts';

// Every URL in the sitemap, in both colour schemes: no axe violations (WCAG 2.2 AA), no console
// errors, no CSP violations, no request to any other origin.
const paths = sitemapPaths();

test('the sitemap lists the core pages', () => {
  for (const p of ['/', '/guide/', '/guide/what-is-401/', '/wizard/', '/diagnose/', '/search/']) {
    expect(paths).toContain(p);
  }
});

// One page load per URL, in the worker's shared page: axe in the light scheme, then the system
// scheme switches to dark (the site follows it live, as it does for a visitor) and axe runs again.
for (const path of paths) {
  test(`${path} is accessible in light and dark, and self-contained`, async ({ browser, baseURL }) => {
    const { page, problems } = await sharedPage(browser, baseURL);
    const response = await page.goto(path, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1')).toHaveCount(1);
    await expectAccessible(page, ['light', 'dark']);
    expectClean(problems);
  });
}

// The audit itself: a page with a planted violation must fail it (else every test above is empty).
test('the axe audit reports a planted violation', async ({ browser, baseURL }) => {
  const { page } = await sharedPage(browser, baseURL);
  await page.goto('/guide/what-is-401/');
  await page.evaluate(() => document.querySelector('main')?.append(Object.assign(document.createElement('img'), { src: '/favicon.svg' })));
  expect(await axeViolations(page, 'planted')).toEqual([expect.stringMatching(/^planted: image-alt: /)]);
});
