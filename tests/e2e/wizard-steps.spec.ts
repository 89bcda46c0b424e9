// A suggested fix shows its first steps where it is suggested: the visitor's own tab of the fix
// page (Firefox for a Firefox visitor), as an ordered list under a heading, then "All steps (N)"
// to the fix page on that tab. In the wizard (loaded, and swapped in place), on the diagnoser's
// per-fix outcome page, and with JavaScript off (the fix page's default tab). The steps must be
// the fix page's own words: the test reads them off the fix page.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { WIZARD } from '../../src/wizard/wizard.ts';
import { pathOf } from '../../src/wizard/url.ts';
import { expectAccessible, expectClean, layoutShift, watchPage } from './support/pages.ts';
import { perform, ready, stepArea } from './wizard-support.ts';

const FIREFOX_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:157.0) Gecko/20100101 Firefox/157.0';
/** An outcome that suggests clearing one site's cookies (cause: stale cookies). */
const COOKIES = 'webPrivateWorksNo1';

/** The first-steps list under its heading, as a visitor sees it (hidden tabs are not in the accessibility tree). */
function firstSteps(scope: Locator) {
  const heading = scope.getByRole('heading', { level: 2, name: /^First steps/ });
  // The list is the one right after the heading (and its lead-in line), in the same panel.
  const list = scope.locator('[data-fix-steps] > [data-on] ol');
  return { heading, items: list.getByRole('listitem'), all: scope.getByRole('link', { name: /^All steps \(\d+\)$/ }) };
}

/** The texts of the first three steps of one tab on a fix page, read from the page itself. */
async function fixPageSteps(page: Page, url: string, tab: string): Promise<string[]> {
  await page.goto(url);
  const panel = page.locator(`[data-tab-panel="${tab}"]`);
  await expect(panel).toBeVisible();
  return (await panel.locator('.steps > ol').first().locator(':scope > li').allTextContents()).slice(0, 3).map((t) => t.replace(/\s+/g, ' ').trim());
}

const texts = async (items: Locator) => (await items.allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());

test.describe('with the visitor’s browser detected (Firefox)', () => {
  test.use({ userAgent: FIREFOX_WINDOWS });

  test('an outcome step shows Firefox’s first three steps and “All steps” to the Firefox tab', async ({ page, baseURL }) => {
    const problems = await watchPage(page, new URL(baseURL ?? '').origin);
    await page.goto(pathOf(COOKIES));
    await ready(page);
    const { heading, items, all } = firstSteps(stepArea(page));
    await expect(heading).toHaveText('First steps for Firefox');
    await expect(items).toHaveCount(3);
    await expect(items.first()).toContainText('about:preferences#privacy');
    await expect(stepArea(page).getByText('Just this site:').filter({ visible: true })).toHaveCount(1);
    await expect(all).toHaveCount(1);
    await expect(all).toHaveText('All steps (4)');
    await expect(all).toHaveAttribute('href', '/guide/clear-cookies/?browser=firefox');
    const shown = await texts(items);
    expectClean(problems);
    // The same words as the fix page's Firefox tab, which the link opens.
    await all.click();
    await expect(page).toHaveURL(/\/guide\/clear-cookies\/\?browser=firefox$/);
    await expect(page.getByRole('tab', { name: 'Firefox', selected: true })).toBeVisible();
    expect(await fixPageSteps(page, page.url(), 'firefox')).toEqual(shown);
  });

  test('changing the browser shows that browser’s steps and moves the link', async ({ page }) => {
    await page.goto(pathOf(COOKIES));
    await ready(page);
    await page.getByRole('combobox', { name: 'Browser' }).selectOption('safari-ios');
    const { heading, items, all } = firstSteps(stepArea(page));
    await expect(heading).toHaveText('First steps for Safari (iPhone/iPad)');
    await expect(items.first()).toContainText('Website Data');
    await expect(all).toHaveAttribute('href', '/guide/clear-cookies/?browser=safari-ios');
  });

  test('answering into an outcome in place shows the visitor’s steps at once', async ({ page }) => {
    const line = WIZARD.pathTo(COOKIES);
    const question = line[line.length - 2] ?? '';
    await page.goto(pathOf(question));
    await ready(page);
    await perform(page, question, WIZARD.parent.get(COOKIES)?.event ?? '');
    const { heading, items, all } = firstSteps(stepArea(page));
    await expect(heading).toHaveText('First steps for Firefox');
    await expect(items).toHaveCount(3);
    await expect(all).toHaveAttribute('href', '/guide/clear-cookies/?browser=firefox');
  });

  test('the diagnoser’s outcome page shows them too; a ?browser= from its link wins over detection', async ({ page, baseURL }) => {
    const problems = await watchPage(page, new URL(baseURL ?? '').origin);
    await page.goto('/wizard/outcome/clear-cookies/');
    let steps = firstSteps(page.getByRole('main'));
    await expect(steps.heading).toHaveText('First steps for Firefox');
    await expect(steps.items).toHaveCount(3);
    await expect(steps.all).toHaveAttribute('href', '/guide/clear-cookies/?browser=firefox');
    await page.goto('/wizard/outcome/clear-cookies/?browser=chrome-android');
    steps = firstSteps(page.getByRole('main'));
    await expect(steps.heading).toHaveText('First steps for Chrome (Android)');
    await expect(steps.all).toHaveAttribute('href', '/guide/clear-cookies/?browser=chrome-android');
    expectClean(problems);
  });

  test('steps that are the same for every setup show once, with the link carrying the setup', async ({ page }) => {
    await page.goto('/wizard/outcome/fix-authorization-header/?client=python');
    const { heading, items, all } = firstSteps(page.getByRole('main'));
    await expect(heading).toHaveText('First steps');
    await expect(items).toHaveCount(3);
    await expect(all).toHaveText('All steps (4)');
    await expect(all).toHaveAttribute('href', '/guide/fix-authorization-header/?client=python');
  });

  test('are keyboard reachable, have no axe violations in either theme, and nothing shifts while they switch', async ({ page }) => {
    // Scripts arrive late, as on a slow network: the page paints the default tab's steps first.
    await page.route('**/_astro/*.js', async (route) => {
      await new Promise((r) => setTimeout(r, 400));
      await route.continue();
    });
    for (const url of [pathOf(COOKIES), '/wizard/outcome/clear-cookies/']) {
      await page.goto(url);
      if (url.startsWith('/wizard/step/')) await ready(page);
      const all = firstSteps(page.getByRole('main')).all;
      await expect(all).toHaveAttribute('href', /browser=firefox/);
      // Cumulative layout shift so far: the Chrome panel painted first, then Firefox's was chosen.
      const shift = await layoutShift(page);
      expect(shift, url).toBeLessThan(0.02);
      // Tab reaches the visible "All steps" link; the other tabs' links are not in the tab order.
      let reached = false;
      for (let i = 0; i < 60 && !reached; i++) {
        await page.keyboard.press('Tab');
        reached = await all.evaluate((el) => el === document.activeElement);
      }
      expect(reached, `${url}: Tab reaches "All steps"`).toBe(true);
      await page.keyboard.press('Tab');
      await expect(page.locator('[data-fix-steps] :focus')).toHaveCount(0);
      await expectAccessible(page, ['light', 'dark']);
    }
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false, userAgent: FIREFOX_WINDOWS });

  test('the outcome page shows the fix page’s default tab’s first steps and links to all of them', async ({ page }) => {
    await page.goto('/wizard/outcome/clear-cookies/?browser=firefox');
    const { heading, items, all } = firstSteps(page.getByRole('main'));
    await expect(heading).toHaveText('First steps for Chrome');
    await expect(items).toHaveCount(3);
    await expect(items.first()).toContainText('chrome://settings/content/all');
    // Only that one tab shows: one heading, one list, one link.
    await expect(page.getByRole('heading', { name: /^First steps/ })).toHaveCount(1);
    await expect(all).toHaveCount(1);
    await expect(all).toHaveText('All steps (4)');
    await expect(all).toHaveAttribute('href', '/guide/clear-cookies/');
    const shown = await texts(items);
    await all.click();
    await expect(page).toHaveURL(/\/guide\/clear-cookies\/$/);
    expect(await fixPageSteps(page, page.url(), 'chrome')).toEqual(shown);
  });

  test('so does an outcome step of the wizard', async ({ page }) => {
    await page.goto(pathOf(COOKIES));
    const { heading, items, all } = firstSteps(stepArea(page));
    await expect(heading).toHaveText('First steps for Chrome');
    await expect(items).toHaveCount(3);
    await expect(all).toHaveAttribute('href', '/guide/clear-cookies/');
  });
});
