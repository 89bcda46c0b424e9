import { type Page, expect, test } from '@playwright/test';
import { TAB_SETS } from '../../src/lib/tabs.ts';
import { FIX_SLUGS } from '../../src/wizard/outcomes.ts';
import { pathOf } from '../../src/wizard/url.ts';
import { WIZARD } from '../../src/wizard/wizard.ts';

// What comes out of the printer (src/styles/print.css, linked with media="print"): the content
// only, every tab panel under its label, external link addresses, no controls.
const TABS_PAGE = '/guide/tabs-help/';

/** The page as printed: print media, after a visitor picked a tab on screen. */
async function printed(page: Page, path: string, colorScheme: 'light' | 'dark' = 'light'): Promise<void> {
  await page.emulateMedia({ colorScheme });
  await page.goto(path);
  await page.emulateMedia({ media: 'print', colorScheme });
}

test.describe('printing an article', () => {
  test('prints the content without site chrome or navigation', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(TABS_PAGE);
    // Role locators skip hidden elements: each is shown on screen, and matches nothing in print.
    const chrome = [
      page.getByRole('banner'),
      page.getByRole('contentinfo'),
      page.getByRole('link', { name: 'Skip to content' }),
      page.getByRole('navigation', { name: 'Guide' }),
      page.getByRole('navigation', { name: 'On this page' }),
      page.getByRole('navigation', { name: 'Breadcrumb' }),
      page.getByRole('navigation', { name: 'Previous and next article' }),
      page.getByRole('button', { name: 'Copy code' }),
      page.getByRole('tablist'),
      page.getByRole('link', { name: /^Link to section:/ }),
    ];
    for (const el of chrome) await expect(el.first()).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    for (const el of chrome) await expect(el).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Sources' })).toBeVisible();

    // The inline table of contents, shown on screen below 1280 px.
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1100, height: 900 });
    const inline = page.getByText('On this page', { exact: true }).first();
    await expect(inline).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    await expect(inline).toBeHidden();
  });

  test('prints every tab panel, each under its tab label, not only the selected one', async ({ page }) => {
    await printed(page, `${TABS_PAGE}?browser=firefox`);
    const groups = page.locator('fix-tabs');
    expect(await groups.count()).toBeGreaterThan(1);
    for (const group of await groups.all()) {
      const set = String(await group.getAttribute('data-set')) as keyof typeof TAB_SETS;
      const panels = group.locator('[data-tab-panel]');
      expect(await panels.count()).toBeGreaterThan(1);
      for (const panel of await panels.all()) {
        await expect(panel).toBeVisible();
        const id = await panel.getAttribute('data-tab-panel');
        const label = TAB_SETS[set].find((t) => t.id === id)?.label;
        const caption = panel.locator('.tab-label');
        await expect(caption).toBeVisible();
        await expect(caption).toHaveText(String(label));
        await expect(caption).toHaveCSS('font-weight', '700');
        // The panel's own content prints too, not only its caption.
        const content = panel.locator(':scope > :not(.tab-label)').first();
        await expect(content).toBeVisible();
        expect((await content.boundingBox())!.height).toBeGreaterThan(0);
      }
    }
  });

  test('external links print their address; in-page and site links do not', async ({ page }) => {
    await printed(page, TABS_PAGE);
    const after = (selector: string) => page.locator(selector).first().evaluate((a) => getComputedStyle(a, '::after').content);
    const href = await page.locator('main a[href^="http"]').first().getAttribute('href');
    expect(await after('main a[href^="http"]')).toBe(`" (${href})"`);
    expect(await after('main a[href^="#"]')).toBe('none');
    expect(await after('main a[href^="/guide/"]')).toBe('none');
  });

  test('long code lines wrap on paper instead of being cut off', async ({ page }) => {
    await printed(page, TABS_PAGE);
    await expect(page.locator('article pre > code').first()).toHaveCSS('white-space', 'pre-wrap');
  });

  test('a page read in the dark theme prints black on white', async ({ page }) => {
    await printed(page, TABS_PAGE, 'dark');
    await expect(page.locator('html')).toHaveClass(/\bdark\b/);
    await expect(page.locator('body')).toHaveCSS('color', 'rgb(0, 0, 0)');
    await expect(page.locator('html')).toHaveCSS('background-color', 'rgb(255, 255, 255)');
  });
});

test.describe('printing a wizard outcome', () => {
  /** The outcome's controls, each shown on screen: none of them prints. */
  async function expectNoControlsInPrint(page: Page, names: ReadonlyArray<string | RegExp>) {
    const controls = [page.getByRole('banner'), page.getByRole('group', { name: 'Did this fix it?' }), ...names.map((name) => page.getByRole('link', { name }))];
    for (const el of controls) await expect(el.first()).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    for (const el of controls) await expect(el).toHaveCount(0);
  }

  test('the outcome page prints the suggestion, its first steps and their link, not its buttons', async ({ page }) => {
    await page.goto(`/wizard/outcome/${FIX_SLUGS[0]}/`);
    await expectNoControlsInPrint(page, ['Yes, it works now', 'No, what next?', 'Start the wizard']);
    await expect(page.getByRole('heading', { level: 1, name: /^Try this:/ })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: /^First steps/ })).toHaveCount(1);
    await expect(page.getByRole('link', { name: /^All steps \(\d+\)$/ })).toBeVisible();
  });

  test('an outcome step of the wizard prints the suggestion, not its buttons', async ({ page }) => {
    const outcome = [...WIZARD.steps.values()].find((s) => s.kind === 'outcome')!;
    await page.goto(pathOf(outcome.id));
    await expectNoControlsInPrint(page, ['Yes, it works now', /^No: /, '← Back', 'Start again']);
    await expect(page.getByRole('heading', { level: 1, name: /^Try this:/ })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: /^First steps/ })).toHaveCount(1);
    await expect(page.getByRole('link', { name: /^All steps \(\d+\)$/ })).toBeVisible();
    await expect(page.getByText(/^Likely cause:/)).toBeVisible();
  });
});
