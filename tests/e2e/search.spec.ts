import { expect, test } from '@playwright/test';
import { pagefindRequests } from './support/pages.ts';

test.describe('search', () => {
  test('Pagefind loads only when search is used, and results land on the matching heading', async ({ page }) => {
    const requested = pagefindRequests(page);
    await page.goto('/search/');
    expect(requested).toEqual([]);
    const box = page.getByRole('searchbox', { name: 'Search the guide' });
    await box.focus();
    await page.keyboard.type('realm protection space');
    const status = page.getByRole('status');
    // Results come as you type: wait for those of the whole query, or the list may be replaced
    // (and the focused link with it) after the Tab presses below.
    await expect(status).toContainText(/\d+ results? for “realm protection space”/);
    const first = page.getByRole('main').getByRole('listitem').first().getByRole('link').first();
    await expect(first).toHaveAttribute('href', /\/guide\/[^#]+\/#[\w-]+/);
    expect(requested.length).toBeGreaterThan(0);
    // Keyboard: Tab from the box reaches the Search button and then the first result.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(first).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/guide\/.+#/);
  });

  test('no results suggests the wizard', async ({ page }) => {
    await page.goto('/search/?q=zzqxjvvk');
    await expect(page.getByRole('status')).toHaveText('No results for “zzqxjvvk”.');
    await expect(page.getByRole('main').getByRole('link', { name: 'wizard' })).toHaveAttribute('href', '/wizard/');
  });

  test('a hit inside a tab panel lands on that panel and opens it', async ({ page }) => {
    await page.goto('/search/?q=winver');
    const hit = page.getByRole('main').getByRole('link', { name: /How the steps on fix pages work/ });
    await expect(hit).toHaveAttribute('href', /^\/guide\/tabs-help\/#t\d+-windows$/);
    await hit.focus();
    await page.keyboard.press('Enter');
    // The default browser here says Linux, so Windows was not the tab this page would open on.
    const os = page.getByRole('tablist', { name: 'Steps for your operating system' });
    await expect(os.getByRole('tab', { selected: true })).toHaveText('Windows');
    await expect(page.getByRole('tabpanel', { name: 'Windows' })).toBeInViewport();
  });

  test('the header search field sends the query to the search page, which loads Pagefind only then', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const pagefind = pagefindRequests(page);
    await page.goto('/guide/what-is-401/');
    // The header field is a combobox now (it suggests pages as you type); typing loads Pagefind,
    // so "no Pagefind before use" is checked before the field is touched.
    await page.waitForLoadState('load');
    expect(pagefind).toEqual([]);
    const field = page.getByRole('search').getByRole('combobox', { name: 'Search' });
    await field.fill('realm');
    await field.press('Enter');
    await expect(page).toHaveURL(/\/search\/\?q=realm$/);
    await expect(page.getByRole('searchbox', { name: 'Search the guide' })).toHaveValue('realm');
    await expect(page.getByRole('status')).toContainText(/\d+ results? for “realm”/);
    expect(pagefind.length).toBeGreaterThan(0);
    await context.close();
  });

  test('a query that names a browser opens the result page on that browser tab', async ({ page }) => {
    await page.goto('/search/?q=find%20in%20page%20firefox');
    const hit = page.getByRole('main').getByRole('link', { name: /How the steps on fix pages work/ });
    await expect(hit).toHaveAttribute('href', /^\/guide\/tabs-help\/\?browser=firefox(#[\w-]+)?$/);
    await hit.click();
    for (const nth of [0, 1]) {
      await expect(page.getByRole('tablist', { name: 'Steps for your browser' }).nth(nth).getByRole('tab', { selected: true })).toHaveText('Firefox');
    }
  });
});
