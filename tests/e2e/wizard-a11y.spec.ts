// axe (WCAG 2.2 AA) beyond the model-based run (which audits every state once, light theme, as the
// in-place wizard renders it): every sixth step loaded directly in both themes, the per-fix outcome
// pages, a step with kept answers, a broken-link notice and an escalation summary.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser } from '@playwright/test';
import { WIZARD } from '../../src/wizard/wizard.ts';
import { FIX_SLUGS } from '../../src/wizard/outcomes.ts';
import { pathOf } from '../../src/wizard/url.ts';
import { expectClean, watchPage } from './support/pages.ts';
import { ready } from './wizard-support.ts';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const ids = [...WIZARD.steps.keys()];

async function audit(browser: Browser, baseURL: string | undefined, url: string, scheme: 'light' | 'dark', wizard = true) {
  const context = await browser.newContext({ colorScheme: scheme });
  const page = await context.newPage();
  const problems = await watchPage(page, new URL(baseURL ?? '').origin);
  await page.goto(url);
  if (wizard) await ready(page);
  await expect(page.locator('h1')).toHaveCount(1);
  const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  expectClean(problems);
  await context.close();
}

for (const id of ids.filter((_, i) => i % 6 === 0)) {
  test(`step ${id} has no axe violations in either theme`, async ({ browser, baseURL }) => {
    await audit(browser, baseURL, pathOf(id), 'light');
    await audit(browser, baseURL, pathOf(id), 'dark');
  });
}

for (const fix of FIX_SLUGS) {
  test(`outcome page for ${fix} has no axe violations`, async ({ browser, baseURL }) => {
    await audit(browser, baseURL, `/wizard/outcome/${fix}/`, 'light', false);
  });
}

for (const scheme of ['light', 'dark'] as const) {
  test(`kept answers, a notice and a filled summary have no axe violations (${scheme})`, async ({ browser, baseURL }) => {
    await audit(browser, baseURL, '/wizard/step/web-symptom/?v=1&k=web-prompt-creds-right-2', scheme);
    await audit(browser, baseURL, '/wizard/step/web-symptom/?v=1&k=nonsense', scheme);
    await audit(browser, baseURL, pathOf('apiElsewhereSameHelp'), scheme);
  });
}
