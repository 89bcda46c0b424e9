import { type Browser, type BrowserContextOptions, type Page, expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expectAccessible, sitemapPaths } from './support/pages.ts';

// The tabs on fix pages (src/components/mdx/Tabs.astro + src/scripts/tabs.ts), tested on the help
// page that explains them: it carries two browser groups and one group of each other set.
const PAGE = '/guide/tabs-help/';
const UA = {
  firefoxWindows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:157.0) Gecko/20100101 Firefox/157.0',
  chromeLinux: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
  iphone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 27_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/27.1 Mobile/15E148 Safari/604.1',
  // Formats as Chrome, MDN (Firefox) and Microsoft document them for their iOS apps.
  chromeIphone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 27_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/156.0.7500.50 Mobile/15E148 Safari/604.1',
  firefoxIphone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 27_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/157.0 Mobile/15E148 Safari/605.1.15',
  edgeIpad: 'Mozilla/5.0 (iPad; CPU OS 27_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/27.0 EdgiOS/156.0.3296.56 Mobile/15E148 Safari/605.1.15',
  // What Safari on an iPad sends when it asks for desktop sites (the default): a Mac's user agent.
  ipadDesktop: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/27.1 Safari/605.1.15',
};
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true } satisfies BrowserContextOptions;

/** A fresh context (fresh localStorage) with a given user agent. */
async function open(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ userAgent: UA.chromeLinux, ...options });
  return context.newPage();
}

const list = (page: Page, set: string, nth = 0) => page.getByRole('tablist', { name: `Steps for your ${set}` }).nth(nth);
const selected = (page: Page, set: string, nth = 0) => list(page, set, nth).getByRole('tab', { selected: true });

test.describe('tabs', () => {
  test('keyboard: arrows, Home and End move and select, with a roving tabindex and labelled panels', async ({ browser }) => {
    const page = await open(browser);
    await page.goto(PAGE);
    const clients = list(page, 'HTTP client');
    const curl = clients.getByRole('tab', { name: 'curl' });
    await expect(curl).toHaveAttribute('aria-selected', 'true');
    await expect(clients.locator('[tabindex="0"]')).toHaveCount(1);
    await expect(page.getByRole('tabpanel', { name: 'curl' })).toBeVisible();
    await expect(page.getByRole('tabpanel', { name: 'HTTPie' })).toBeHidden();

    await curl.focus();
    await page.keyboard.press('ArrowRight');
    await expect(clients.getByRole('tab', { name: 'HTTPie' })).toBeFocused();
    await expect(selected(page, 'HTTP client')).toHaveText('HTTPie');
    await expect(page.getByRole('tabpanel', { name: 'HTTPie' })).toBeVisible();
    await expect(page.getByRole('tabpanel', { name: 'curl' })).toBeHidden();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft'); // wraps from the first tab to the last
    await expect(clients.getByRole('tab', { name: 'Node.js' })).toBeFocused();
    await expect(selected(page, 'HTTP client')).toHaveText('Node.js');
    await page.keyboard.press('Home');
    await expect(selected(page, 'HTTP client')).toHaveText('curl');
    await page.keyboard.press('End');
    await expect(selected(page, 'HTTP client')).toHaveText('Node.js');
    await expect(clients.locator('[tabindex="0"]')).toHaveText('Node.js');
    // Tab leaves the tablist for the open panel.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('tabpanel', { name: 'Node.js' })).toBeFocused();
    await page.context().close();
  });

  test('a choice applies to every group of its set, follows the URL, and is remembered on other pages', async ({ browser, baseURL }) => {
    const page = await open(browser);
    await page.goto(PAGE);
    const historyLength = await page.evaluate(() => history.length);
    await list(page, 'browser', 0).getByRole('tab', { name: 'Firefox', exact: true }).click();
    await expect(selected(page, 'browser', 0)).toHaveText('Firefox');
    await expect(selected(page, 'browser', 1)).toHaveText('Firefox');
    expect(new URL(page.url()).searchParams.get('browser')).toBe('firefox');
    expect(await page.evaluate(() => history.length)).toBe(historyLength); // replaced, not pushed
    await list(page, 'operating system').getByRole('tab', { name: 'macOS' }).click();
    expect(new URL(page.url()).search).toBe('?browser=firefox&os=macos');

    // Another page with browser tabs (any fix page once the guide is merged; this page otherwise).
    const other =
      sitemapPaths().find((p) => p !== PAGE && p.startsWith('/guide/') && readFileSync(new URL(`../../dist${p}index.html`, import.meta.url), 'utf8').includes('data-set="browser"')) ?? PAGE;
    await page.goto(new URL(other, baseURL).href);
    await expect(selected(page, 'browser')).toHaveText('Firefox');
    expect(await page.evaluate(() => localStorage.getItem('tab:browser'))).toBe('firefox');
    await page.context().close();
  });

  test('the URL selects a tab and beats the remembered one; unknown values are ignored', async ({ browser }) => {
    const page = await open(browser);
    await page.goto(PAGE);
    await list(page, 'browser').getByRole('tab', { name: 'Edge', exact: true }).click();
    await page.goto(`${PAGE}?browser=samsung&client=python&server=django`);
    await expect(selected(page, 'browser')).toHaveText('Samsung Internet');
    await expect(selected(page, 'HTTP client')).toHaveText('Python requests');
    await expect(selected(page, 'server')).toHaveText('Django');
    expect(await page.evaluate(() => localStorage.getItem('tab:browser'))).toBe('samsung');

    // A typo, and an id from another set: ignored; the page opens as without them, and the URL is
    // put back in step with what is shown.
    await page.goto(`${PAGE}?client=netscape&server=curl`);
    await expect(selected(page, 'HTTP client')).toHaveText('Python requests'); // remembered from before
    await expect(selected(page, 'server')).toHaveText('Django');
    expect(new URL(page.url()).searchParams.get('client')).toBe('python');
    expect(new URL(page.url()).searchParams.get('server')).toBe('django');
    await page.context().close();

    const fresh = await open(browser);
    await fresh.goto(`${PAGE}?server=%3Cscript%3E`);
    await expect(selected(fresh, 'server')).toHaveText('nginx'); // the first tab
    await fresh.context().close();
  });

  test('first visit: chosen from the user agent, said so, and easy to change', async ({ browser }) => {
    const page = await open(browser, { userAgent: UA.firefoxWindows });
    await page.goto(PAGE);
    await expect(selected(page, 'browser')).toHaveText('Firefox');
    await expect(selected(page, 'operating system')).toHaveText('Windows');
    await expect(selected(page, 'HTTP client')).toHaveText('curl'); // not detectable: first tab
    const notes = page.getByText(/^Detected: /).filter({ visible: true });
    await expect(notes).toHaveText(['Detected: Firefox on Windows. Change', 'Detected: Firefox on Windows. Change', 'Detected: Windows. Change']);
    // "Change" opens a visible list of the set's choices, with focus on the detected one.
    const change = page.getByRole('button', { name: 'Change browser' }).first();
    await expect(change).toHaveAttribute('aria-expanded', 'false');
    await change.click();
    await expect(change).toHaveAttribute('aria-expanded', 'true');
    const choices = page.getByRole('list', { name: 'Choose your browser' }).first();
    await expect(choices).toBeVisible();
    await expect(choices.getByRole('button')).toHaveText(await list(page, 'browser').getByRole('tab').allTextContents());
    await expect(choices.getByRole('button', { name: 'Firefox', exact: true })).toBeFocused();
    await expect(choices.getByRole('button', { name: 'Firefox', exact: true })).toHaveAttribute('aria-current', 'true');
    await expect(choices).toBeInViewport();
    // Tab to the next choice and press Enter: chosen in every browser group, focus on its tab.
    await page.keyboard.press('Tab');
    await expect(choices.getByRole('button', { name: 'Safari (macOS)' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(selected(page, 'browser', 0)).toHaveText('Safari (macOS)');
    await expect(selected(page, 'browser', 1)).toHaveText('Safari (macOS)');
    await expect(selected(page, 'browser', 0)).toBeFocused();
    await expect(choices).toBeHidden();
    expect(new URL(page.url()).searchParams.get('browser')).toBe('safari-mac');
    await expect(notes).toHaveText(['Detected: Windows. Change']); // the browser notes are gone
    // Nothing about the guess is stored until the visitor chooses.
    expect(await page.evaluate(() => localStorage.getItem('tab:os'))).toBeNull();
    await page.reload();
    await expect(selected(page, 'browser')).toHaveText('Safari (macOS)');
    await expect(notes).toHaveText(['Detected: Windows. Change']);
    expect(await page.evaluate(() => localStorage.getItem('tab:browser'))).toBe('safari-mac');

    // Escape closes the list without choosing and returns focus to "Change"; so does "Change" again.
    const os = page.getByRole('button', { name: 'Change operating system' });
    const osChoices = page.getByRole('list', { name: 'Choose your operating system' });
    await os.click();
    await expect(osChoices.getByRole('button', { name: 'Windows' })).toBeFocused();
    await page.keyboard.press('ArrowDown'); // nothing to do here: a list of buttons, moved through with Tab
    await page.keyboard.press('Escape');
    await expect(osChoices).toBeHidden();
    await expect(os).toBeFocused();
    await expect(os).toHaveAttribute('aria-expanded', 'false');
    await page.keyboard.press('Enter');
    await expect(osChoices).toBeVisible();
    await os.click();
    await expect(osChoices).toBeHidden();
    await expect(selected(page, 'operating system')).toHaveText('Windows');
    expect(await page.evaluate(() => localStorage.getItem('tab:os'))).toBeNull();
    await page.context().close();

    const phone = await open(browser, { userAgent: UA.iphone, ...PHONE });
    await phone.goto(PAGE);
    await expect(selected(phone, 'browser')).toHaveText('Safari (iPhone/iPad)');
    await expect(selected(phone, 'operating system')).toHaveText('iOS / iPadOS');
    await expect(phone.getByText(/^Detected: /).filter({ visible: true }).first()).toHaveText('Detected: Safari (iPhone/iPad). Change');
    // The open list on a phone: every choice in view without sideways scrolling, and no axe findings.
    await phone.getByRole('button', { name: 'Change browser' }).first().click();
    const phoneChoices = phone.getByRole('list', { name: 'Choose your browser' }).first();
    for (const choice of await phoneChoices.getByRole('button').all()) {
      const box = (await choice.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(phone, ['light', 'dark']);
    await phone.context().close();
  });

  test('iPhone and iPad apps other than Safari get their own tab, and an iPad asking for desktop sites is an iPad', async ({ browser }) => {
    const cases = [
      { ua: UA.chromeIphone, tab: 'Chrome (iPhone/iPad)' },
      { ua: UA.firefoxIphone, tab: 'Firefox (iPhone/iPad)' },
      { ua: UA.edgeIpad, tab: 'Edge (iPhone/iPad)' },
      { ua: UA.ipadDesktop, tab: 'Safari (iPhone/iPad)', touchPoints: 5 },
    ];
    for (const { ua, tab, touchPoints } of cases) {
      const page = await open(browser, { userAgent: ua, ...PHONE });
      // An iPad reports 5 touch points; Chromium's touch emulation reports 1, so say what an iPad says.
      if (touchPoints) await page.addInitScript((n) => Object.defineProperty(Navigator.prototype, 'maxTouchPoints', { get: () => n }), touchPoints);
      await page.goto(PAGE);
      await expect(selected(page, 'browser'), ua).toHaveText(tab);
      await expect(selected(page, 'browser', 1), ua).toHaveText(tab);
      await expect(selected(page, 'operating system'), ua).toHaveText('iOS / iPadOS');
      await expect(page.getByText(/^Detected: /).filter({ visible: true }).first(), ua).toHaveText(`Detected: ${tab}. Change`);
      await expect(page.getByRole('tabpanel', { name: tab }).first()).toBeVisible();
      await page.context().close();
    }
    // The same desktop user agent without a touch screen is a Mac.
    const mac = await open(browser, { userAgent: UA.ipadDesktop });
    await mac.goto(PAGE);
    await expect(selected(mac, 'browser')).toHaveText('Safari (macOS)');
    await expect(selected(mac, 'operating system')).toHaveText('macOS');
    await mac.context().close();
  });

  test('without JavaScript every panel shows, under its label', async ({ browser }) => {
    const page = await open(browser, { javaScriptEnabled: false });
    await page.goto(PAGE);
    await expect(page.getByRole('tablist')).toHaveCount(0);
    await expect(page.getByRole('tabpanel')).toHaveCount(0);
    const panels = page.locator('[data-tab-panel]');
    await expect(panels).toHaveCount(10 + 10 + 6 + 7 + 8);
    for (const panel of await panels.all()) await expect(panel).toBeVisible();
    for (const label of ['Samsung Internet', 'ChromeOS', 'Python requests', 'ASP.NET Core']) {
      await expect(page.locator('[data-tab-panel] > p').getByText(label, { exact: true }).first()).toBeVisible();
    }
    await expect(page.getByText(/^Detected: /).filter({ visible: true })).toHaveCount(0);
    await page.context().close();
  });

  test('a link into a panel opens it, on load and on hashchange, without remembering it', async ({ browser }) => {
    const page = await open(browser, { userAgent: UA.firefoxWindows });
    await page.goto(PAGE);
    const linuxId = await page.locator('[data-tab-panel="linux"]').getAttribute('id');
    const fastapiId = await page.locator('[data-tab-panel="fastapi"]').getAttribute('id');
    expect(linuxId && fastapiId).toBeTruthy();
    await page.goto(`${PAGE}#${linuxId}`);
    await expect(selected(page, 'operating system')).toHaveText('Linux');
    await expect(page.getByRole('tabpanel', { name: 'Linux' })).toBeInViewport();
    await page.evaluate((id) => (location.hash = `#${id}`), fastapiId);
    await expect(selected(page, 'server')).toHaveText('FastAPI');
    await expect(page.getByRole('tabpanel', { name: 'FastAPI' })).toBeInViewport();
    expect(await page.evaluate(() => [localStorage.getItem('tab:os'), localStorage.getItem('tab:server')])).toEqual([null, null]);
    // Find-in-page reveals a hidden="until-found" panel by firing beforematch on it.
    const hidden = page.locator('[data-tab-panel="samsung"]').first();
    await expect(hidden).toHaveAttribute('hidden', 'until-found');
    await hidden.dispatchEvent('beforematch');
    await expect(selected(page, 'browser', 0)).toHaveText('Samsung Internet');
    await expect(selected(page, 'browser', 1)).toHaveText('Samsung Internet');
    await page.context().close();
  });
});
