// axe (WCAG 2.2 AA) beyond the model-based run (which audits each state it walks once, light theme,
// as the in-place wizard renders it): a sample of steps loaded directly in both themes, the per-fix outcome
// pages, a step with kept answers, a broken-link notice and an escalation summary.
import { expect, test, type Browser } from '@playwright/test';
import { WIZARD } from '../../src/wizard/wizard.ts';
import { FIX_SLUGS } from '../../src/wizard/outcomes.ts';
import { pathOf } from '../../src/wizard/url.ts';
import { expectAccessible, expectClean } from './support/pages.ts';
import { sharedPage } from './support/shared.ts';
import { ready } from './wizard-support.ts';

const ids = [...WIZARD.steps.keys()];

/** Loads a page once and runs axe in each scheme (the site follows the system scheme live). */
async function audit(browser: Browser, baseURL: string | undefined, url: string, schemes: ReadonlyArray<'light' | 'dark'>, wizard = true) {
  const { page, problems } = await sharedPage(browser, baseURL);
  await page.emulateMedia({ colorScheme: schemes[0] ?? 'light' });
  await page.goto(url);
  if (wizard) await ready(page);
  await expect(page.locator('h1')).toHaveCount(1);
  await expectAccessible(page, schemes);
  expectClean(problems);
}

// The model-based run audits the states it walks in the light theme; here a sample in both themes
// loaded directly: about 36 states spread evenly over the machine (a fixed size, so the suite does
// not grow with the catalogue) plus the first state of each kind (question, outcome, help, paste).
const kinds = new Set<string>();
const every = Math.max(1, Math.ceil(ids.length / 36));
const sample = ids.filter((id, i) => {
  const kind = WIZARD.stepOf(id).kind;
  const first = !kinds.has(kind);
  kinds.add(kind);
  return first || i % every === 0;
});
for (const id of sample) {
  test(`step ${id} has no axe violations in either theme`, async ({ browser, baseURL }) => {
    await audit(browser, baseURL, pathOf(id), ['light', 'dark']);
  });
}

for (const fix of FIX_SLUGS) {
  test(`outcome page for ${fix} has no axe violations`, async ({ browser, baseURL }) => {
    await audit(browser, baseURL, `/wizard/outcome/${fix}/`, ['light'], false);
  });
}

test('kept answers, a notice and a filled summary have no axe violations (light and dark)', async ({ browser, baseURL }) => {
  await audit(browser, baseURL, '/wizard/step/web-symptom/?v=2&k=web-prompt-creds-right-2', ['light', 'dark']);
  await audit(browser, baseURL, '/wizard/step/web-symptom/?v=2&k=nonsense', ['light', 'dark']);
  await audit(browser, baseURL, pathOf('apiElsewhereSameHelp'), ['light', 'dark']);
});
