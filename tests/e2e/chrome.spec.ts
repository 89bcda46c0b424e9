import { type Browser, type BrowserContextOptions, type Page, expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { TAB_SETS } from '../../src/lib/tabs.ts';
import { sitemapPaths } from './support/pages.ts';

// The site chrome as a visitor sees it on a phone (iPhone 13: 390 × 664), a tablet and a desktop:
// code blocks, tab bars, the site menu, the sidebar, the table of contents, heading anchors, the
// header, controls without JavaScript, tables, the guide index.
const PHONE = { width: 390, height: 664 };
const TABLET = { width: 800, height: 1000 };
const DESKTOP = { width: 1280, height: 800 };
// The help page on tabs carries two browser groups and one group of each other set.
const TABS_PAGE = '/guide/tabs-help/';
const BROWSERS = TAB_SETS.browser;
const LAST_BROWSER = BROWSERS[BROWSERS.length - 1]!;

const built = (path: string) => readFileSync(new URL(`../../dist${path}index.html`, import.meta.url), 'utf8');
const articlePaths = sitemapPaths().filter((p) => /^\/guide\/[\w-]+\/$/.test(p));

async function open(browser: Browser, viewport: { width: number; height: number }, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport, ...options });
  return context.newPage();
}

/** How far the page is wider than the window (0 when nothing sticks out sideways). */
const pageOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - innerWidth);

test.describe('code blocks', () => {
  // The article whose longest one-line code block is longest: a long command, found in the build.
  const longest = articlePaths
    .map((path) => {
      const lines = [...built(path).matchAll(/<pre[^>]*><code[^>]*>([^<]*)<\/code>/g)].map((m) => m[1] ?? '').filter((t) => !t.trim().includes('\n'));
      return { path, length: Math.max(0, ...lines.map((t) => t.trim().length)) };
    })
    .reduce((a, b) => (b.length > a.length ? b : a));

  test('a long command stays one line and scrolls sideways, from the keyboard too', async ({ browser }) => {
    expect(longest.length, 'no long one-line code block in the guide').toBeGreaterThan(80);
    const page = await open(browser, PHONE);
    await page.goto(longest.path);
    // The visible one-line block that is widest.
    const index = await page.evaluate(() => {
      const codes = [...document.querySelectorAll('article pre > code')];
      let best = -1;
      codes.forEach((c, i) => {
        if (c.checkVisibility() && !c.textContent!.trim().includes('\n') && (best < 0 || c.scrollWidth > codes[best]!.scrollWidth)) best = i;
      });
      return best;
    });
    expect(index).toBeGreaterThanOrEqual(0);
    const code = page.locator('article pre > code').nth(index);
    await code.scrollIntoViewIfNeeded();
    const box = await code.evaluate((c) => {
      const style = getComputedStyle(c);
      const lineHeight = parseFloat(style.lineHeight);
      return { lines: Math.round((c.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom)) / lineHeight), scrollWidth: c.scrollWidth, clientWidth: c.clientWidth, whiteSpace: style.whiteSpace };
    });
    expect(box.whiteSpace).toBe('pre');
    expect(box.lines, 'the command is shown on one line').toBe(1);
    expect(box.scrollWidth, 'the block scrolls sideways').toBeGreaterThan(box.clientWidth);
    expect(await pageOverflow(page), 'the page itself does not scroll sideways').toBeLessThanOrEqual(0);

    // A named, focusable scrolling box: the keyboard scrolls it.
    await expect(code).toHaveAttribute('tabindex', '0');
    await expect(code).toHaveRole('group');
    await expect(code).toHaveAccessibleName('Code');
    const copy = page.locator('article pre').nth(index).getByRole('button', { name: 'Copy code' });
    const copyBefore = await copy.boundingBox();
    await code.focus();
    await expect(code).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => code.evaluate((c) => c.scrollLeft)).toBeGreaterThan(0);
    // The copy button stays where it was while the code scrolls under it.
    expect(await copy.boundingBox()).toEqual(copyBefore);
    await page.context().close();
  });

  test('every code block has the same presentation: monochrome, no highlighting tokens', async ({ page }) => {
    await page.goto(longest.path);
    await expect(page.locator('article pre .token')).toHaveCount(0);
    const colours = await page.locator('article pre > code').evaluateAll((codes) => [...new Set(codes.flatMap((c) => [c, ...c.querySelectorAll('*')]).map((e) => getComputedStyle(e).color))]);
    expect(colours).toHaveLength(1);
  });
});

test.describe('tab bars on phones', () => {
  test('a tab bar is one scrolling row, attached to its panel, with the selected tab in view', async ({ browser }) => {
    const page = await open(browser, PHONE);
    // The last browser of the set: at the far end of the row.
    await page.goto(`${TABS_PAGE}?browser=${LAST_BROWSER.id}`);
    const bar = page.getByRole('tablist', { name: 'Steps for your browser' }).first();
    await bar.scrollIntoViewIfNeeded();
    const tabs = bar.getByRole('tab');
    await expect(tabs).toHaveCount(BROWSERS.length);
    const tops = new Set(await tabs.evaluateAll((all) => all.map((t) => Math.round(t.getBoundingClientRect().top))));
    expect(tops.size, 'all tabs on one row').toBe(1);
    expect(await bar.evaluate((b) => b.scrollWidth > b.clientWidth), 'the row scrolls sideways').toBe(true);
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);

    const chosen = bar.getByRole('tab', { selected: true });
    await expect(chosen).toHaveText(LAST_BROWSER.label);
    const barBox = (await bar.boundingBox())!;
    const tabBox = (await chosen.boundingBox())!;
    expect(tabBox.x, 'selected tab in view').toBeGreaterThanOrEqual(barBox.x - 1);
    expect(tabBox.x + tabBox.width).toBeLessThanOrEqual(barBox.x + barBox.width + 1);
    // Attached: the selected tab reaches the bar's base line and has no bottom border there,
    // and its panel starts right under the bar (after the "Detected" note, if any).
    expect(Math.abs(tabBox.y + tabBox.height - (barBox.y + barBox.height))).toBeLessThanOrEqual(1);
    await expect(chosen).toHaveCSS('border-bottom-color', 'rgba(0, 0, 0, 0)');
    const panel = page.getByRole('tabpanel', { name: LAST_BROWSER.label }).first();
    const panelBox = (await panel.boundingBox())!;
    expect(panelBox.y - (barBox.y + barBox.height)).toBeLessThan(64);
    await page.context().close();
  });

  test('a choice made in one tab bar scrolls the other bars of the set to it', async ({ browser }) => {
    const page = await open(browser, PHONE);
    await page.goto(`${TABS_PAGE}?browser=${BROWSERS[0]!.id}`);
    const bars = page.getByRole('tablist', { name: 'Steps for your browser' });
    await expect(bars).toHaveCount(2);
    const inView = (bar: ReturnType<typeof bars.nth>) =>
      bar.evaluate((b) => {
        const tab = b.querySelector('[aria-selected="true"]')!.getBoundingClientRect();
        const box = b.getBoundingClientRect();
        return tab.left >= box.left - 1 && tab.right <= box.right + 1;
      });
    // The last tab of the second bar is out of its view at first.
    const last = (n: number) => bars.nth(n).getByRole('tab', { name: LAST_BROWSER.label });
    expect(await last(1).evaluate((t) => t.getBoundingClientRect().right > t.parentElement!.getBoundingClientRect().right)).toBe(true);
    await last(0).click(); // Playwright scrolls the first bar to it, as a finger would
    await expect(bars.nth(1).getByRole('tab', { selected: true })).toHaveText(LAST_BROWSER.label);
    await expect.poll(() => inView(bars.nth(1))).toBe(true);
    expect(await inView(bars.nth(0))).toBe(true);
    await page.context().close();
  });
});

test.describe('site menu', () => {
  for (const viewport of [PHONE, TABLET]) {
    test(`at ${viewport.width} px the menu holds the main nav, the search and the guide's navigation`, async ({ browser }) => {
      const page = await open(browser, viewport);
      await page.goto(TABS_PAGE);
      await expect(page.getByRole('navigation', { name: 'Guide' }), 'no sidebar at this width').toBeHidden();
      await expect(page.getByRole('search')).toBeHidden();
      const button = page.getByRole('button', { name: 'Menu', exact: true });
      await expect(button).toBeVisible();
      await button.click();
      const dialog = page.getByRole('dialog', { name: 'Site menu' });
      await expect(dialog).toBeVisible();
      await expect(dialog.getByRole('button', { name: 'Close menu' })).toBeFocused();
      await expect(dialog.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Wizard' })).toBeVisible();
      const search = dialog.getByRole('search');
      await expect(search).toBeVisible();
      await expect(search.getByRole('combobox', { name: 'Search' })).toBeEditable();
      const guide = dialog.getByRole('navigation', { name: 'Guide' });
      await expect(guide.getByRole('link', { name: 'How fix pages work' })).toHaveAttribute('aria-current', 'page');
      await expect(guide.getByRole('link', { name: 'How fix pages work' })).toBeInViewport();
      expect(await pageOverflow(page)).toBeLessThanOrEqual(0);

      // Fold the current group away: Tab still cycles inside the menu (Close ↔ the last reachable stop).
      await guide.locator('summary').first().click();
      await expect(guide.getByRole('link', { name: 'How fix pages work' })).toBeHidden();
      await dialog.getByRole('button', { name: 'Close menu' }).focus();
      await page.keyboard.press('Shift+Tab');
      expect(await dialog.evaluate((d) => d.contains(document.activeElement) && document.activeElement !== d.querySelector('[data-menu-close]'))).toBe(true);
      await page.keyboard.press('Tab');
      await expect(dialog.getByRole('button', { name: 'Close menu' })).toBeFocused();
      for (let i = 0; i < 20; i++) {
        await page.keyboard.press('Tab');
        expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
      }
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(button).toBeFocused();
      await page.context().close();
    });
  }

  test('on a desktop the header shows the main nav and the search; the guide navigation is the sidebar', async ({ browser }) => {
    const page = await open(browser, DESKTOP);
    await page.goto(TABS_PAGE);
    await expect(page.getByRole('button', { name: 'Menu', exact: true })).toBeHidden();
    const header = page.getByRole('banner');
    await expect(header.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await expect(header.getByRole('search')).toBeVisible();
    await expect(header.getByRole('navigation', { name: 'Guide' })).toBeHidden();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    // One Guide navigation on screen: the sidebar, left of the article.
    const guide = page.getByRole('navigation', { name: 'Guide' });
    await expect(guide).toHaveCount(1);
    expect((await guide.boundingBox())!.x).toBeLessThan((await page.getByRole('article').boundingBox())!.x);
    await page.context().close();
  });
});

test.describe('sidebar', () => {
  test("groups are native disclosures; the current page's group is open and can be folded", async ({ browser }) => {
    const page = await open(browser, DESKTOP);
    await page.goto(TABS_PAGE);
    const nav = page.getByRole('navigation', { name: 'Guide' });
    const current = nav.getByRole('link', { name: 'How fix pages work' });
    await expect(current).toBeVisible();
    // CSS locators, unlike role locators, still find the group once its links are folded away.
    const group = nav.locator('details:has([aria-current="page"])');
    await expect(group).toHaveAttribute('open', '');
    await group.locator('summary').first().press('Enter');
    await expect(current).toBeHidden();
    await group.locator('summary').first().press('Enter');
    await expect(current).toBeVisible();
    await page.context().close();
  });
});

test.describe('table of contents', () => {
  test('the link of the section in view is marked aria-current, one at a time', async ({ browser }) => {
    const page = await open(browser, DESKTOP);
    await page.goto(TABS_PAGE);
    const toc = page.getByRole('navigation', { name: 'On this page' }).last();
    await expect(toc).toBeVisible();
    const links = toc.getByRole('link');
    const count = await links.count();
    expect(count).toBeGreaterThan(2);
    for (const i of [1, count - 2]) {
      const link = links.nth(i);
      const target = page.locator(String(await link.getAttribute('href')));
      await target.evaluate((h) => h.scrollIntoView());
      await expect(link).toHaveAttribute('aria-current', 'true');
      await expect(toc.locator('[aria-current]')).toHaveCount(1);
    }
    // The same marking in the inline copy (shown on narrower screens).
    await expect(page.locator('.toc-inline [aria-current="true"]')).toHaveCount(1);
    await page.context().close();
  });
});

test.describe('heading anchors', () => {
  test('the # link shows on hover or keyboard focus only', async ({ browser }) => {
    const page = await open(browser, DESKTOP);
    await page.goto('/guide/what-is-401/');
    const anchor = page.getByRole('link', { name: 'Link to section: An annotated exchange' });
    await expect(anchor).toHaveCSS('opacity', '0');
    await page.getByRole('heading', { name: 'An annotated exchange' }).hover();
    await expect(anchor).toHaveCSS('opacity', '1');
    await page.mouse.move(0, 400);
    await expect(anchor).toHaveCSS('opacity', '0');
    // Still in the tab order, and visible when reached.
    expect(await anchor.evaluate((a) => (a as HTMLAnchorElement).tabIndex)).toBe(0);
    await anchor.focus();
    await expect(anchor).toBeFocused();
    await expect(anchor).toHaveCSS('opacity', '1');
    await page.context().close();
  });
});

test.describe('header', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`the sticky header is opaque in ${colorScheme}: text scrolled under it does not show through`, async ({ browser }) => {
      const page = await open(browser, PHONE, { colorScheme });
      await page.goto(TABS_PAGE);
      await page.mouse.wheel(0, 1500);
      const header = page.getByRole('banner');
      await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(500);
      expect((await header.boundingBox())!.y).toBe(0);
      // An opaque colour: rgb(…) or oklch(…) without an alpha part ("/ 0.95") and not transparent.
      expect(await header.evaluate((h) => getComputedStyle(h).backgroundColor)).toMatch(/^(rgb|oklch)\([^/]*\)$/);
      await page.context().close();
    });
  }

  test('without JavaScript the theme toggle and the Menu button, which need it, are not shown', async ({ browser }) => {
    const page = await open(browser, PHONE, { javaScriptEnabled: false });
    await page.goto(TABS_PAGE);
    await expect(page.getByRole('button', { name: /Theme:/ })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Menu', exact: true })).toBeHidden();
    // The menu's links and search are in the header row instead, within the window's width.
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Wizard' })).toBeVisible();
    await expect(page.getByRole('search')).toBeVisible();
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    await page.context().close();

    const withJs = await open(browser, PHONE);
    await withJs.goto(TABS_PAGE);
    await expect(withJs.getByRole('button', { name: /Theme:/ })).toBeVisible();
    await withJs.context().close();
  });
});

test.describe('phones: nothing sticks out sideways', () => {
  test('no article with a table or a code block is wider than a 390 px window', async ({ browser }) => {
    test.setTimeout(180_000);
    const paths = articlePaths.filter((p) => /<table|<pre/.test(built(p)));
    expect(paths).toContain('/guide/status-codes-compared/');
    const page = await open(browser, PHONE);
    const wide: string[] = [];
    for (const path of paths) {
      await page.goto(path);
      if ((await pageOverflow(page)) > 0) wide.push(path);
    }
    expect(wide).toEqual([]);
    await page.context().close();
  });
});

test.describe('guide index', () => {
  test('jump links to every group come first on a phone and lead to the group', async ({ browser }) => {
    const page = await open(browser, PHONE);
    await page.goto('/guide/');
    const jumps = page.getByRole('navigation', { name: 'Sections' });
    await expect(jumps).toBeInViewport();
    const groups = page.locator('main section h2');
    const names = await groups.allTextContents();
    await expect(jumps.getByRole('link')).toHaveText(names);
    await jumps.getByRole('link', { name: 'Fixes', exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Fixes', exact: true })).toBeInViewport();
    await page.context().close();
  });
});
