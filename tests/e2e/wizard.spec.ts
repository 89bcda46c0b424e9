// The wizard in the browser: keyboard, focus and announcements, history, kept answers, broken links,
// the visitor's setup, the escalation summary, the per-fix outcome pages and the tree page.
import { expect, test, type Page } from '@playwright/test';
import { copy } from '../../src/wizard/copy.ts';
import { START } from '../../src/wizard/machine.ts';
import { TREE, WIZARD } from '../../src/wizard/wizard.ts';
import { headingOf } from '../../src/wizard/step.ts';
import { pathOf } from '../../src/wizard/url.ts';
import { expectClean, watchPage } from './support/pages.ts';
import { ready, stepArea } from './wizard-support.ts';

const FIREFOX_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:157.0) Gecko/20100101 Firefox/157.0';
const heading = (page: Page) => stepArea(page).getByRole('heading', { level: 1 });
const q = (id: string) => headingOf(id, copy);
const answer = (page: Page, label: string) => stepArea(page).getByRole('link', { name: label, exact: true });
const label = (id: string, a: string) => copy.questions[id]?.a[a]?.label ?? '';

test.describe('keyboard, focus and announcements', () => {
  test('the whole wizard works from the keyboard; focus moves to each new question, which is announced', async ({ page, baseURL }) => {
    const problems = await watchPage(page, new URL(baseURL ?? '').origin);
    await page.goto('/wizard/');
    await ready(page);
    // Tab from the top of the page to the first answer.
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      if (await answer(page, label('start', 'web')).evaluate((el) => el === document.activeElement)) break;
    }
    await expect(answer(page, label('start', 'web'))).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(heading(page)).toHaveText(q('webSymptom'));
    await expect(heading(page)).toBeFocused();
    await expect(page.locator('[data-live]')).toHaveText(q('webSymptom'));
    // From the heading, the next Tab stops are the new step's links; pick the second answer.
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      if (await answer(page, label('webSymptom', 'session')).evaluate((el) => el === document.activeElement)) break;
    }
    await page.keyboard.press('Enter');
    await expect(heading(page)).toBeFocused();
    await expect(heading(page)).toHaveText(q('webSession'));
    await expect(page.locator('[data-live]')).toHaveText(q('webSession'));
    await expect(page).toHaveURL((u) => u.pathname === pathOf('webSession'));
    expectClean(problems);
  });
});

test.describe('history', () => {
  test('Back, Forward and reload return to the same step with the same answers', async ({ page }) => {
    await page.goto('/wizard/');
    await ready(page);
    await answer(page, label('start', 'api')).click();
    await answer(page, label('apiWhich', 'own')).click();
    await answer(page, label('apiSymptom', 'never')).click();
    await answer(page, label('apiNever', 'key')).click();
    await expect(heading(page)).toHaveText(q('apiKey'));
    await expect(page).toHaveURL((u) => u.pathname === pathOf('apiKey'));
    const at = page.url();
    expect(new URL(at).searchParams.get('v')).toBe('2');
    await page.goBack();
    await expect(heading(page)).toHaveText(q('apiNever'));
    await expect(heading(page)).toBeFocused();
    await page.goBack();
    await expect(heading(page)).toHaveText(q('apiSymptom'));
    await page.goForward();
    await page.goForward();
    await expect(heading(page)).toHaveText(q('apiKey'));
    expect(page.url()).toBe(at);
    await page.reload();
    await ready(page);
    await expect(heading(page)).toHaveText(q('apiKey'));
    const crumbs = page.getByRole('navigation', { name: 'Your answers' });
    await expect(crumbs.getByRole('link')).toHaveText(['Calling an API', 'My own or another API', 'Never worked', 'API key']);
  });

  test('the in-page Back and Start again go to the previous question and the first one', async ({ page }) => {
    await page.goto(pathOf('webPromptCreds'));
    await ready(page);
    await stepArea(page).getByRole('link', { name: '← Back' }).click();
    await expect(heading(page)).toHaveText(q('webPrompt'));
    await stepArea(page).getByRole('link', { name: 'Start again' }).click();
    await expect(heading(page)).toHaveText(q(START));
    await expect(page).toHaveURL((u) => u.pathname === '/wizard/');
    await expect(page.getByRole('navigation', { name: 'Your answers' })).toHaveCount(0);
  });
});

test.describe('kept answers', () => {
  test('jumping to an earlier answer keeps the later ones until one changes', async ({ page }) => {
    await page.goto('/wizard/');
    await ready(page);
    await answer(page, label('start', 'web')).click();
    await answer(page, label('webSymptom', 'prompt')).click();
    await answer(page, label('webPrompt', 'work')).click();
    await answer(page, label('webPromptWork', 'office')).click();
    await expect(heading(page)).toHaveText(q('webPromptWorkOffice1'));
    const crumbs = page.getByRole('navigation', { name: 'Your answers' });
    // Jump to the question where "Login box keeps popping up" was answered.
    await crumbs.getByRole('link', { name: 'Login box keeps popping up' }).click();
    await expect(heading(page)).toHaveText(q('webSymptom'));
    await expect(heading(page)).toBeFocused();
    await expect(stepArea(page).getByRole('link', { name: /\(your earlier answer\)$/ })).toHaveAttribute('aria-current', 'true');
    await expect(crumbs.getByRole('link', { name: 'Kept answer: Work or school site' })).toBeVisible();
    // The kept line survives a reload (it is in the URL).
    await page.reload();
    await ready(page);
    // The kept answers are filled in from the furthest step's page, fetched after load: on a busy
    // 2-core CI machine that can take longer than the default 5 s.
    await expect(crumbs.getByRole('link', { name: 'Kept answer: Company computer in the office' })).toBeVisible({ timeout: 20_000 });
    // Forward through the kept answers…
    await crumbs.getByRole('link', { name: 'Kept answer: Company computer in the office' }).click();
    await expect(heading(page)).toHaveText(q('webPromptWork'));
    await crumbs.getByRole('link', { name: 'Website in a browser' }).click();
    await expect(heading(page)).toHaveText(q('start'));
    await answer(page, `${label('start', 'web')} (your earlier answer)`).click();
    await expect(heading(page)).toHaveText(q('webSymptom'));
    await expect(crumbs.getByRole('link', { name: /^Kept answer/ })).toHaveCount(2);
    // …and a different answer drops them.
    await answer(page, label('webSymptom', 'password')).click();
    await expect(heading(page)).toHaveText(q('webPassword'));
    await expect(crumbs.getByRole('link', { name: /^Kept answer/ })).toHaveCount(0);
    await expect(stepArea(page).getByText('(your earlier answer)')).toHaveCount(0);
  });
});

test.describe('broken links', () => {
  for (const [url, notice] of [
    ['/wizard/step/web-prompt/?v=2&k=api-symptom', /incomplete or changed/],
    ['/wizard/step/web-prompt/?v=2&browser=netscape', /incomplete or changed/],
    ['/wizard/step/web-prompt/?v=7', /older version/],
  ] as const) {
    test(`${url} starts again with a short notice`, async ({ page, baseURL }) => {
      const problems = await watchPage(page, new URL(baseURL ?? '').origin);
      await page.goto(url);
      await ready(page);
      await expect(heading(page)).toHaveText(q(START));
      await expect(stepArea(page).getByText(notice)).toBeVisible();
      await expect(heading(page)).toBeFocused();
      await expect(page.locator('[data-live]')).toContainText(notice);
      await expect(page).toHaveURL((u) => u.pathname === '/wizard/');
      // The notice goes away with the next answer.
      await answer(page, label('start', 'app')).click();
      await expect(stepArea(page).getByText(notice)).toHaveCount(0);
      expectClean(problems);
    });
  }

  test('an unknown step path gets the site’s 404 page, which offers the wizard', async ({ page }) => {
    const response = await page.goto('/wizard/step/no-such-step/');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('main').getByRole('link', { name: /wizard|questions/i })).toHaveAttribute('href', '/wizard/');
  });
});

test.describe('the visitor’s setup', () => {
  test.use({ userAgent: FIREFOX_WINDOWS });

  test('is detected, shown, changeable, and carried to the fix page', async ({ page }) => {
    await page.goto(pathOf('webPrivateWorksNo1'));
    await ready(page);
    const browser = page.getByRole('combobox', { name: 'Browser' });
    const device = page.getByRole('combobox', { name: 'Device' });
    await expect(page.getByText(/detected from your browser/)).toBeVisible();
    await expect(browser).toHaveValue('firefox');
    await expect(device).toHaveValue('windows');
    await expect(page.getByRole('combobox', { name: 'API client' })).toBeHidden();
    const fix = stepArea(page).getByRole('link', { name: /^All steps \(\d+\)$/ });
    await expect(fix).toHaveAttribute('href', '/guide/clear-cookies/?browser=firefox');
    await browser.selectOption('safari-mac');
    await expect(fix).toHaveAttribute('href', '/guide/clear-cookies/?browser=safari-mac');
    expect(new URL(page.url()).searchParams.get('browser')).toBe('safari-mac');
    await page.reload();
    await ready(page);
    await expect(browser).toHaveValue('safari-mac');
    await expect(fix).toHaveAttribute('href', '/guide/clear-cookies/?browser=safari-mac');
  });

  test('developers pick their API client, which fix links carry', async ({ page }) => {
    await page.goto(pathOf('apiKeyMissing1'));
    await ready(page);
    const client = page.getByRole('combobox', { name: 'API client' });
    await expect(client).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Browser' })).toBeHidden();
    await client.selectOption('postman');
    await expect(stepArea(page).getByRole('link', { name: /^All steps \(\d+\)$/ })).toHaveAttribute('href', '/guide/fix-authorization-header/?client=postman');
  });
});

test.describe('escalation summary', () => {
  test.use({ userAgent: FIREFOX_WINDOWS, permissions: ['clipboard-read', 'clipboard-write'] });

  test('lists what was tried, the setup and the time, and can be copied and printed', async ({ page, baseURL }) => {
    const problems = await watchPage(page, new URL(baseURL ?? '').origin);
    await page.addInitScript(() => {
      window.print = () => ((window as unknown as { printed: boolean }).printed = true);
    });
    await page.goto(pathOf('webPasswordSavedHelp'));
    await ready(page);
    await expect(stepArea(page).getByText(/Never include passwords, tokens, API keys or cookies/)).toBeVisible();
    await expect(page.getByLabel('Browser or app, and its version')).toHaveValue('Firefox 157');
    await expect(page.getByLabel('Operating system and version')).toHaveValue(/^Windows/);
    await expect(page.getByLabel('Date, time and time zone it happened')).toHaveValue(/\(.+, UTC[+-]\d\d:\d\d\)$/);
    await page.getByLabel('Address of the page or API (URL)').fill('https://shop.example/account');
    await page.getByLabel('The exact error text').fill('401 Unauthorized: invalid username or password');
    const summary = stepArea(page).locator('[data-summary]');
    await expect(summary).toContainText(`What I see: Website in a browser › Password rejected › Password filled in for me › Not fixed: ${copy.fixes['check-credentials']?.title}`);
    await expect(summary).toContainText(`1. ${copy.fixes['check-credentials']?.title} — http`);
    await expect(summary).toContainText('Address: https://shop.example/account');
    await expect(summary).toContainText('(No passwords, tokens or keys are included.)');
    await stepArea(page).getByRole('button', { name: 'Copy summary' }).click();
    await expect(stepArea(page).getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('Exact error: 401 Unauthorized: invalid username or password');
    expect(copied).toContain('Browser or app: Firefox 157');
    await stepArea(page).getByRole('button', { name: 'Print' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed?: boolean }).printed)).toBe(true);
    // A pasted token is flagged before it can be shared.
    await page.getByLabel('The exact error text').fill('Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc');
    await expect(summary).toContainText('looks like it contains a password, token or key');
    expectClean(problems);
  });

  test('without JavaScript it is a printable form', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(pathOf('apiSymptomCorsHelp'));
    await expect(page.getByLabel('The exact error text')).toBeVisible();
    await expect(page.getByText(/print the page \(Ctrl\+P/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Copy summary' })).toBeHidden();
    await context.close();
  });
});

test.describe('per-fix outcome pages', () => {
  test.use({ userAgent: FIREFOX_WINDOWS });

  test('show the fix for the visitor’s setup, "Did this fix it?" and a way into the wizard', async ({ page, baseURL }) => {
    const problems = await watchPage(page, new URL(baseURL ?? '').origin);
    await page.goto('/wizard/outcome/clear-cached-credentials/');
    const title = copy.fixes['clear-cached-credentials']?.title ?? '';
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Try this: ${title}`);
    const fix = page.getByRole('link', { name: /^All steps \(\d+\)$/ });
    await expect(fix).toHaveAttribute('href', '/guide/clear-cached-credentials/?browser=firefox&os=windows');
    await expect(page.getByRole('heading', { name: 'Did this fix it?' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Yes, it works now' })).toHaveAttribute('href', '/wizard/step/solved/?v=2');
    await expect(page.getByRole('link', { name: 'Start the wizard' })).toHaveAttribute('href', '/wizard/?v=2');
    await expect(page.getByRole('link', { name: 'Old saved credentials keep being sent' })).toHaveAttribute('href', '/guide/cached-client-credentials/');
    // Parameters from the diagnoser's link win over detection.
    await page.goto('/wizard/outcome/fix-authorization-header/?client=python');
    await expect(page.getByRole('link', { name: /^All steps \(\d+\)$/ })).toHaveAttribute('href', '/guide/fix-authorization-header/?client=python');
    expectClean(problems);
  });

  test('exist for every fix page and are kept out of search engines', async ({ request }) => {
    const { FIX_SLUGS } = await import('../../src/wizard/outcomes.ts');
    for (const fix of FIX_SLUGS) {
      const res = await request.get(`/wizard/outcome/${fix}/`);
      expect(res.status(), fix).toBe(200);
      expect(await res.text(), fix).toContain('<meta name="robots" content="noindex">');
    }
  });
});

test.describe('static pages', () => {
  test('every step page exists, is noindex, and only /wizard/ and the tree are in the sitemap', async ({ request }) => {
    for (const id of WIZARD.steps.keys()) {
      const res = await request.get(pathOf(id));
      expect(res.status(), id).toBe(200);
      if (id !== START) expect(await res.text(), id).toContain('<meta name="robots" content="noindex">');
    }
    const sitemap = await (await request.get('/sitemap-0.xml')).text();
    const wizardUrls = [...sitemap.matchAll(/<loc>[^<]*?(\/wizard\/[^<]*)<\/loc>/g)].map((m) => m[1]);
    const { branches } = await import('../../src/wizard/tree.ts');
    expect(wizardUrls.sort()).toEqual(['/wizard/', '/wizard/tree/', ...branches().map((b) => `/wizard/tree/${b.answer}/`)].sort());
  });

  test('the tree pages show every question and link every outcome, one page per first answer', async ({ page }) => {
    const { branches } = await import('../../src/wizard/tree.ts');
    let outcomes = 0;
    const questions = new Set<string>();
    for (const b of branches()) {
      await page.goto('/wizard/tree/');
      await page.getByRole('main').getByRole('link', { name: label('start', b.answer) }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(label('start', b.answer));
      for (const [id, step] of WIZARD.steps) {
        if (step.kind !== 'question' || !WIZARD.isAncestor(b.to, id)) continue;
        await expect(page.getByRole('main').locator(`a[href="${pathOf(id)}?v=2"]`)).toHaveText(q(id));
        questions.add(id);
      }
      outcomes += await page.getByRole('main').locator('a[href^="/guide/"]').count();
    }
    expect(questions.size).toBe([...WIZARD.steps.values()].filter((s) => s.kind === 'question').length - 1);
    // A service's "which message" question prints its shared list once (under "none of these"):
    // the outcomes of its other answers are that list with one cause moved first.
    const printedOnce = new Set(TREE.messages.flatMap((m) => Object.values(TREE.questions[m] ?? {}).slice(0, -1)));
    expect(outcomes).toBe([...WIZARD.steps.values()].filter((s) => s.kind === 'outcome' && !printedOnce.has(s.leaf)).length);
  });

  test('work with JavaScript off: answers are plain links', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/wizard/');
    await answer(page, label('start', 'server')).click();
    await expect(page).toHaveURL(/\/wizard\/step\/server-symptom\/\?v=2$/);
    await expect(heading(page)).toHaveText(q('serverSymptom'));
    await expect(page.locator('[data-env]')).toBeHidden();
    await context.close();
  });
});
