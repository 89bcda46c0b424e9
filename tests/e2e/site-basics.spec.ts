import { expect, test } from '@playwright/test';

test.describe('keyboard', () => {
  test('the skip link is the first stop and moves focus to the main content', async ({ page }) => {
    await page.goto('/guide/what-is-401/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
    expect(new URL(page.url()).hash).toBe('#main');
  });

  test('the mobile menu opens, traps focus and closes on Escape', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
    const page = await context.newPage();
    await page.goto('/');
    const main = page.getByRole('navigation', { name: 'Main' });
    await expect(main).toBeHidden();
    const menuButton = page.getByRole('button', { name: 'Menu', exact: true });
    await menuButton.focus();
    await page.keyboard.press('Enter');
    await expect(menuButton).toHaveAttribute('aria-expanded', 'true');
    const dialog = page.getByRole('dialog', { name: 'Site menu' });
    await expect(dialog).toBeVisible();
    // Tab many times: focus must never leave the dialog.
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press(i % 5 === 4 ? 'Shift+Tab' : 'Tab');
      expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    }
    await expect(dialog.getByRole('link', { name: 'Wizard' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(menuButton).toBeFocused();
    await expect(menuButton).toHaveAttribute('aria-expanded', 'false');
    await context.close();
  });
});

test.describe('theme', () => {
  test('follows the system by default', async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.locator('html')).toHaveClass(/\bdark\b/);
    await expect(page.getByRole('button', { name: /Theme: system/ })).toBeVisible();
    await context.close();
  });

  test('the toggle persists and applies before any module script runs (no flash)', async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto('/');
    const toggle = page.getByRole('button', { name: /Theme:/ });
    await toggle.click(); // system → light
    await expect(toggle).toContainText('Theme: light');
    await toggle.click(); // light → dark
    await expect(toggle).toContainText('Theme: dark');
    await expect(page.locator('html')).toHaveClass(/\bdark\b/);
    // Block every bundled script: only the inline head script can set the theme now.
    await page.route('**/_astro/*.js', (r) => r.abort());
    await page.goto('/guide/what-is-401/');
    await expect(page.locator('html')).toHaveClass(/\bdark\b/);
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).not.toBe('rgb(255, 255, 255)');
    await page.unroute('**/_astro/*.js');
    await page.goto('/');
    await page.getByRole('button', { name: /Theme:/ }).click(); // dark → system
    await expect(page.locator('html')).not.toHaveClass(/\bdark\b/);
    await context.close();
  });
});

test.describe('missing pages', () => {
  test('an unknown URL gets a real 404 page with ways forward', async ({ page }) => {
    const response = await page.goto('/no/such/page/');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page does not exist');
    const main = page.getByRole('main');
    await expect(main.getByRole('link', { name: /wizard|questions/i })).toHaveAttribute('href', '/wizard/');
    await expect(main.getByRole('link', { name: /guide/i })).toHaveAttribute('href', '/guide/');
    await expect(main.getByRole('link', { name: /search/i })).toHaveAttribute('href', '/search/');
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  });
});

test.describe('article pipeline', () => {
  test('an article has breadcrumbs, a table of contents, heading anchors, sources and a review date', async ({ page }) => {
    await page.goto('/guide/what-is-401/');
    await expect(page).toHaveTitle('What a 401 Unauthorized response means · Fix 401');
    await expect(page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Guide' })).toBeVisible();
    const toc = page.getByRole('navigation', { name: 'On this page' }).last();
    await expect(toc.getByRole('link', { name: 'An annotated exchange' })).toBeVisible();
    const anchor = page.getByRole('link', { name: 'Link to section: An annotated exchange' });
    await expect(anchor).toHaveAttribute('href', '#an-annotated-exchange');
    await expect(page.getByRole('heading', { name: 'Sources' })).toBeVisible();
    await expect(page.getByText(/Last reviewed against these sources on \d{4}-\d{2}-\d{2}/)).toBeVisible();
    await expect(page.getByRole('link', { name: /RFC 9110 §15\.5\.2/ })).toHaveAttribute('href', /rfc9110/);
    // This build sets no repository (FIX401_REPO_URL), so there is nowhere to suggest a fix.
    await expect(page.getByRole('link', { name: 'Suggest a fix to this page' })).toHaveCount(0);
    await expect(page.locator('link[rel=canonical]')).toHaveAttribute('href', /\/guide\/what-is-401\/$/);
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', 'What a 401 Unauthorized response means');
  });

  test('the home page speaks to all three audiences', async ({ page }) => {
    await page.goto('/');
    for (const name of [/Locked out/, /API call/, /Running the server/]) {
      await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
    }
    await expect(page.getByRole('link', { name: 'Start the wizard' })).toHaveAttribute('href', '/wizard/');
    await expect(page.getByRole('link', { name: 'Diagnose a response' })).toHaveAttribute('href', '/diagnose/');
  });

  test('robots.txt and the sitemap are served', async ({ request }) => {
    const robots = await request.get('/robots.txt');
    expect(robots.status()).toBe(200);
    expect(await robots.text()).toMatch(/Sitemap: https?:\/\/[^\s]+\/sitemap-index\.xml/);
    const sitemap = await request.get('/sitemap-index.xml');
    expect(sitemap.status()).toBe(200);
  });
});
