import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, expectClean, pagefindRequests, watchPage } from './support/pages.ts';

/** The search page's results: one list item per result. */
const results = (page: Page) => page.getByRole('main').getByRole('list').first().getByRole('listitem');
const status = (page: Page) => page.getByRole('main').getByRole('status');

test.describe('search results', () => {
  test('nonsense finds nothing, and a misspelling offers the word the guide uses', async ({ page }) => {
    await page.goto('/search/?q=xyzzyqq');
    await expect(status(page)).toHaveText('No results for “xyzzyqq”.');
    const main = page.getByRole('main');
    await expect(main.getByRole('link', { name: 'wizard' })).toHaveAttribute('href', '/wizard/');
    await expect(main.getByRole('link', { name: 'diagnoser' })).toHaveAttribute('href', '/diagnose/');
    await expect(main.getByText('Did you mean')).toHaveCount(0);

    await page.goto('/search/?q=cokies');
    await expect(status(page)).toHaveText('No results for “cokies”.');
    const meant = main.getByRole('link', { name: 'cookies', exact: true });
    await expect(meant).toHaveAttribute('href', '/search/?q=cookies');
    await meant.click();
    await expect(status(page)).toContainText(/^\d+ results? for “cookies”/);
  });

  test('titles are clean and each result says what kind of page it is', async ({ page }) => {
    await page.goto('/search/?q=clear%20cookies');
    await expect(status(page)).toContainText(/results? for “clear cookies”/);
    const items = results(page);
    await expect(items.first()).toBeVisible();
    for (const text of await items.allInnerTexts()) expect(text).not.toContain('#');
    // The label comes from the page's type in its front matter (clear-cookies is `type: fix`).
    await expect(items.first()).toHaveText(/^Fix\s+Clear cookies/);
    await expect(items.first().getByRole('link')).toHaveAttribute('href', /^\/guide\/clear-cookies\//);
    const kinds = await items.evaluateAll((lis) => lis.map((li) => li.querySelector('.kind')?.textContent ?? ''));
    expect(kinds.every((k) => ['Cause', 'Fix', 'Server fix', 'Service', 'Concept', 'Auth method', 'Platform', 'Comparison', 'Prevention', 'FAQ'].includes(k))).toBe(true);
  });

  test('shows the true count and loads more results from the keyboard', async ({ page }) => {
    await page.goto('/search/?q=token');
    await expect(status(page)).toHaveText(/^(\d+) results for “token”, showing 10\.$/);
    const total = Number((await status(page).textContent())?.match(/^\d+/)?.[0]);
    expect(total).toBeGreaterThan(20);
    await expect(results(page)).toHaveCount(10);
    const more = page.getByRole('button', { name: 'Show more results' });
    await more.focus();
    await page.keyboard.press('Enter');
    await expect(results(page)).toHaveCount(20);
    // Focus moves to the first new result, so reading carries on where the list grew.
    await expect(results(page).nth(10).getByRole('link')).toBeFocused();
    await expect(status(page)).toHaveText(`${total} results for “token”, showing 20.`);
    for (let shown = 20; shown < total; shown += 10) {
      await more.click();
      await expect(results(page)).toHaveCount(Math.min(shown + 10, total));
    }
    await expect(more).toBeHidden();
    const hrefs = await results(page).getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(new Set(hrefs.map((h) => h?.split(/[?#]/)[0])).size).toBe(total); // every page once
    await expect(status(page)).toHaveText(`${total} results for “token”.`);
  });

  test('the query is in the URL as you type, and Back from a result shows the search again', async ({ page }) => {
    await page.goto('/search/');
    const box = page.getByRole('searchbox', { name: 'Search the guide' });
    await box.click();
    await page.keyboard.type('clock skew');
    await expect(page).toHaveURL(/\/search\/\?q=clock\+skew$/);
    await expect(status(page)).toContainText('for “clock skew”');
    const first = results(page).first().getByRole('link');
    const title = await first.textContent();
    await first.click();
    await expect(page).toHaveURL(/\/guide\//);
    await page.goBack();
    await expect(page).toHaveURL(/\/search\/\?q=clock\+skew$/);
    await expect(box).toHaveValue('clock skew');
    await expect(results(page).first().getByRole('link')).toHaveText(title ?? '');
  });

  // Queries as a visitor types them; the page each one is about should come first.
  for (const [query, slug] of [
    ['clear cookies', 'clear-cookies'],
    ['expired token', 'expired-oauth-token'],
    ['session expired', 'expired-session'],
    ['docker login', 'docker-hub'],
    ['kubectl', 'kubernetes'],
    ['wrong password', 'wrong-credentials'],
  ] as const) {
    test(`“${query}” ranks /guide/${slug}/ first`, async ({ page }) => {
      await page.goto(`/search/?q=${encodeURIComponent(query)}`);
      await expect(results(page).first().getByRole('link')).toHaveAttribute('href', new RegExp(`^/guide/${slug}/`));
    });
  }

  test('highlighted matches pass axe in light and dark, with no CSP problems', async ({ browser, baseURL }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = await watchPage(page, new URL(baseURL ?? '').origin);
    await page.goto('/search/?q=cookies');
    await expect(results(page).first().locator('mark').first()).toBeVisible();
    await expectAccessible(page, ['light', 'dark']);
    expectClean(problems);
    await context.close();
  });
});

test.describe('header search', () => {
  test('suggests pages as you type; arrows move, Enter opens, Escape closes', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const pagefind = pagefindRequests(page);
    await page.goto('/guide/what-is-401/');
    await page.waitForLoadState('load');
    expect(pagefind).toEqual([]);
    const field = page.getByRole('banner').getByRole('combobox', { name: 'Search' });
    await field.focus();
    await expect.poll(() => pagefind.length).toBeGreaterThan(0); // loaded on focus, before typing
    await page.keyboard.type('clear cookies');
    const list = page.getByRole('listbox', { name: 'Suggestions' });
    await expect(list).toBeVisible();
    await expect(field).toHaveAttribute('aria-expanded', 'true');
    await expect(field).toHaveAttribute('aria-controls', (await list.getAttribute('id')) ?? '');
    const options = list.getByRole('option');
    await expect(options.first()).toContainText('Clear cookies');
    await expect(options.last()).toHaveText(/^(See all \d+ results|Search the guide) for “clear cookies”$/);
    // The list sits under the field.
    const f = await field.boundingBox();
    const l = await list.boundingBox();
    expect(l && f && l.y >= f.y + f.height - 1).toBe(true);

    await page.keyboard.press('ArrowDown');
    await expect(options.first()).toHaveAttribute('aria-selected', 'true');
    await expect(field).toHaveAttribute('aria-activedescendant', (await options.first().getAttribute('id')) ?? '');
    await page.keyboard.press('ArrowDown');
    await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowUp');
    await expect(options.first()).toHaveAttribute('aria-selected', 'true');
    await expect(field).toBeFocused();

    await page.keyboard.press('Escape');
    await expect(list).toBeHidden();
    await expect(field).toHaveAttribute('aria-expanded', 'false');
    await expect(field).toHaveValue('clear cookies');

    await page.keyboard.press('ArrowDown');
    await expect(list).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/guide\/clear-cookies\//);
    await context.close();
  });

  test('the last suggestion opens the full search page; axe passes with the list open', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto('/guide/');
    const field = page.getByRole('banner').getByRole('combobox', { name: 'Search' });
    await field.click();
    await page.keyboard.type('token');
    const options = page.getByRole('listbox', { name: 'Suggestions' }).getByRole('option');
    await expect(options).toHaveCount(7);
    await expectAccessible(page, ['light', 'dark']);
    await options.last().click();
    await expect(page).toHaveURL(/\/search\/\?q=token$/);
    await expect(page.getByRole('main').getByRole('status')).toContainText('results for “token”');
    await context.close();
  });

  test('/ and Ctrl+K focus the search, but not while typing in another field', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto('/guide/what-is-401/');
    const field = page.getByRole('banner').getByRole('combobox', { name: 'Search' });
    await page.keyboard.press('/');
    await expect(field).toBeFocused();
    await expect(field).toHaveValue(''); // the key itself is not typed
    await field.blur();
    await page.keyboard.press('Control+k');
    await expect(field).toBeFocused();

    // In another field the keys are the visitor's: the diagnoser's paste box keeps them.
    await page.goto('/diagnose/');
    const paste = page.getByRole('textbox').first();
    await paste.click();
    await page.keyboard.type('a/b');
    await expect(paste).toBeFocused();
    await expect(paste).toHaveValue(/a\/b/);
    await context.close();
  });

  test('usable more than once on a page: the 404 page has its own, with its own ids', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto('/no/such/page/');
    const boxes = page.getByRole('combobox', { name: 'Search' });
    await expect(boxes).toHaveCount(2);
    const inPage = page.getByRole('main').getByRole('combobox', { name: 'Search' });
    await inPage.click();
    await page.keyboard.type('cookies');
    await expect(page.getByRole('main').getByRole('listbox')).toBeVisible();
    const ids = await page.locator('[id]').evaluateAll((els) => els.map((e) => e.id));
    expect(new Set(ids).size).toBe(ids.length);
    await context.close();
  });
});

test.describe('404 page', () => {
  test('a near-miss address suggests the page it probably meant, computed in the browser', async ({ page, baseURL }) => {
    const problems = await watchPage(page, new URL(baseURL ?? '').origin);
    const response = await page.goto('/guide/clear-cookie/');
    expect(response?.status()).toBe(404);
    const meant = page.getByRole('main').getByRole('link', { name: /^Clear cookies/ });
    await expect(meant).toHaveAttribute('href', '/guide/clear-cookies/');
    await expect(page.getByRole('heading', { name: 'Did you mean' })).toBeVisible();
    // Computed from the list in the page: no request leaves the site, none is blocked.
    expect(problems.foreignRequests).toEqual([]);
    expect(problems.cspViolations).toEqual([]);
    await meant.click();
    await expect(page).toHaveURL(/\/guide\/clear-cookies\/$/);
  });

  test('an unrelated address offers no guess, only the ways forward', async ({ page }) => {
    await page.goto('/no/such/page/');
    await expect(page.getByRole('heading', { name: 'Did you mean' })).toBeHidden();
    await expect(page.getByRole('heading', { name: 'Search the guide' })).toBeVisible();
  });
});
