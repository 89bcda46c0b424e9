// Shared by the wizard's browser tests: how to perform each machine event in the page, and what
// each state must show. Elements are found by role and accessible name, as a visitor finds them.
import { expect, type Page } from '@playwright/test';
import { copy } from '../../src/wizard/copy.ts';
import { WIZARD } from '../../src/wizard/wizard.ts';
import { headingOf } from '../../src/wizard/step.ts';
import { FIX_STEPS } from '../../src/registry/steps.gen.ts';
import { FIX_TABS } from '../../src/wizard/outcomes.ts';

/** The step area of the wizard. */
export const stepArea = (page: Page) => page.locator('fix-wizard [data-step]');

/** Waits until the wizard runs in place (machine loaded), so clicks no longer navigate. */
export async function ready(page: Page): Promise<void> {
  await expect(page.locator('fix-wizard[data-ready]')).toBeAttached();
}

/**
 * Performs one machine event the way a visitor does: by clicking the link that stands for it.
 * @param page the page
 * @param from the state the wizard is in
 * @param type the event type
 */
export async function perform(page: Page, from: string, type: string): Promise<void> {
  const area = stepArea(page);
  if (type.startsWith('answer.')) {
    const label = copy.questions[from]?.a[type.slice(7)]?.label ?? type;
    await area.getByRole('link', { name: label, exact: true }).click();
  } else if (type === 'outcome.yes') await area.getByRole('link', { name: 'Yes, it works now' }).click();
  else if (type === 'outcome.no') await area.getByRole('link', { name: /^No: / }).click();
  else if (type === 'wizard.back') await area.getByRole('link', { name: '← Back' }).click();
  else if (type === 'wizard.restart') await area.getByRole('link', { name: 'Start again' }).click();
  else throw new Error(`no way to perform ${type}`);
}

/**
 * Asserts what a state shows: its question or outcome heading, and for outcomes the link to all the fix's steps.
 * @param page the page
 * @param id the state id
 * @param env the setup the fix link should carry (JavaScript on); undefined for none
 */
export async function expectState(page: Page, id: string, env?: Record<string, string>): Promise<void> {
  const area = stepArea(page);
  await expect(area.getByRole('heading', { level: 1 })).toHaveText(headingOf(id, copy));
  const step = WIZARD.stepOf(id);
  if (step.kind === 'outcome') {
    // The first steps are the visitor's tab's (else the fix page's first tab), and so is their count.
    const { set, panels } = FIX_STEPS[step.fix];
    const shown = panels.find((p) => set && p.tab?.id === env?.[set]) ?? panels[0];
    const link = area.getByRole('link', { name: `All steps (${shown?.list.n})`, exact: true });
    // The link carries the setup the fix page has tabs for.
    const sets: readonly string[] = FIX_TABS[step.fix];
    const q = new URLSearchParams(Object.entries(env ?? {}).filter(([k]) => sets.includes(k)));
    await expect(link).toHaveAttribute('href', `/guide/${step.fix}/${q.size ? `?${q}` : ''}`);
  }
  if (step.kind === 'question') {
    // Every answer, in order, as a visible link with exactly its label: one retrying assertion
    // rather than one round trip per answer (a service picker has thirty).
    const labels = step.answers.map((a) => copy.questions[id]?.a[a.answer]?.label ?? a.answer);
    await expect(area.getByRole('link').filter({ visible: true })).toContainText(labels.map((l) => new RegExp(`^${l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)));
  }
}
