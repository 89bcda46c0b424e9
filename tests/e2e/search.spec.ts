import { expect, test } from '@playwright/test';

test.describe('search', () => {
  test('Pagefind loads only when search is used, and results land on the matching heading', async ({ page }) => {
    const pagefindRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/pagefind/')) pagefindRequests.push(r.url());
    });
    await page.goto('/search/');
    expect(pagefindRequests).toEqual([]);
    const box = page.getByRole('searchbox', { name: 'Search the guide' });
    await box.focus();
    await page.keyboard.type('realm protection space');
    const status = page.getByRole('status');
    await expect(status).toContainText(/\d+ results? for/);
    const first = page.getByRole('main').getByRole('listitem').first().getByRole('link').first();
    await expect(first).toHaveAttribute('href', /\/guide\/[^#]+\/#[\w-]+/);
    expect(pagefindRequests.length).toBeGreaterThan(0);
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
});
