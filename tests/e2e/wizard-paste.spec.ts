// The wizard's "type or paste what you see" step: with JavaScript it reads the text in the page and
// offers the matching causes (cause page, fix to open), sending nothing typed anywhere; without
// JavaScript it says so and links to the diagnoser. Either way it lists the likeliest causes for
// the answers so far. Back still returns to the question.
import { expect, test } from '@playwright/test';
import { copy } from '../../src/wizard/copy.ts';
import { pathOf } from '../../src/wizard/url.ts';
import { TREE } from '../../src/wizard/wizard.ts';
import { expectClean, watchPage } from './support/pages.ts';
import { ready, stepArea } from './wizard-support.ts';

const step = TREE.pastes.find((id) => id.startsWith('webSymptom')) ?? TREE.pastes[0] ?? '';
const TEXT = 'remote: Support for password authentication was removed on August 13, 2021.';

test('typed text is read in the page and the matching cause is offered, with its fix', async ({ page, baseURL }) => {
  const problems = await watchPage(page, new URL(baseURL ?? '').origin);
  await page.goto(`${pathOf(step)}?v=2`);
  await ready(page);
  const area = stepArea(page);
  await expect(area.getByRole('heading', { level: 1 })).toHaveText('Type or paste what you see');
  await expect(area.getByText('Reading the text needs JavaScript')).toHaveCount(0);
  const sent: string[] = [];
  page.on('request', (r) => sent.push(r.url() + (r.postData() ?? '')));
  await area.getByLabel('What you see').fill(TEXT);
  await area.getByRole('button', { name: 'Find the likely cause' }).click();
  const offered = area.locator('[data-paste-out]').getByRole('listitem');
  await expect(offered.first().getByRole('link').first()).toHaveAttribute('href', '/guide/password-instead-of-token/');
  await expect(offered.first().getByRole('link', { name: /^Open the steps:/ })).toHaveAttribute('href', /^\/guide\/create-token-or-app-password\//);
  // Nothing typed left the page (the knowledge file may load once, before any input; it carries no text).
  expect(sent.filter((u) => u.includes('password authentication'))).toEqual([]);
  expect(sent.filter((u) => !u.startsWith(new URL(baseURL ?? '').origin))).toEqual([]);
  // Back returns to the question the step came from.
  await area.getByRole('link', { name: '← Back' }).click();
  await expect(area.getByRole('heading', { level: 1 })).toHaveText(copy.questions['webSymptom']?.q ?? '');
  expectClean(problems);
});

test('text that names nothing gets an honest answer and the way on', async ({ page }) => {
  await page.goto(`${pathOf(step)}?v=2`);
  await ready(page);
  const area = stepArea(page);
  await area.getByLabel('What you see').fill('zzzz qqqq');
  await area.getByRole('button', { name: 'Find the likely cause' }).click();
  await expect(area.getByText(/Nothing in this text points to a cause we know/)).toBeVisible();
  await expect(area.getByRole('link', { name: 'diagnoser' })).toHaveAttribute('href', '/diagnose/');
  // …and the likeliest causes for the answers so far, each with its cause page and fix.
  const likely = area.getByRole('list', { name: /likeliest causes for what you answered/ }).getByRole('listitem');
  const fallback = TREE.pasteFallback[step] ?? [];
  await expect(likely).toHaveCount(fallback.length);
  await expect(likely.first().getByRole('link').first()).toHaveAttribute('href', `/guide/${fallback[0]?.[1]}/`);
  await expect(likely.first().getByRole('link').nth(1)).toHaveAttribute('href', new RegExp(`^/guide/${fallback[0]?.[0]}/`));
});

test('without JavaScript the step says what it needs and links to the diagnoser', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, ...(baseURL ? { baseURL } : {}) });
  const page = await context.newPage();
  await page.goto(`${pathOf(step)}?v=2`);
  await expect(page.getByText('Reading the text needs JavaScript')).toBeVisible();
  await expect(page.getByRole('link', { name: 'diagnoser' })).toHaveAttribute('href', '/diagnose/');
  await expect(page.getByRole('button', { name: 'Find the likely cause' })).toBeHidden();
  // The likeliest causes for the answers so far need no script.
  await expect(page.getByRole('list', { name: /likeliest causes for what you answered/ }).getByRole('listitem')).toHaveCount((TREE.pasteFallback[step] ?? []).length);
  await context.close();
});
