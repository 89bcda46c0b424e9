// The wizard's layout as a visitor sees it: nothing shifts while the script takes over (CLS), the
// first answer is on the first screen of a phone, the question is the page's heading, and a step
// looks the same reached in place as loaded directly.
import { expect, test } from '@playwright/test';
import { copy } from '../../src/wizard/copy.ts';
import { START } from '../../src/wizard/machine.ts';
import { headingOf } from '../../src/wizard/step.ts';
import { pathOf } from '../../src/wizard/url.ts';
import { ready, stepArea } from './wizard-support.ts';
import { layoutShift } from './support/pages.ts';

const PHONE = { width: 390, height: 664 };
const DESKTOP = { width: 1280, height: 800 };

for (const [name, viewport] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
  for (const id of [START, 'webSymptom', 'apiKey']) {
    test(`${pathOf(id)} does not shift while the wizard starts (${name})`, async ({ browser }) => {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      await page.goto(pathOf(id));
      await ready(page);
      // The setup bar is filled in by then; its space was there from the first paint.
      await expect(page.locator('fix-wizard [data-env]')).toBeVisible();
      expect(await layoutShift(page)).toBeLessThan(0.02);
      await context.close();
    });
  }
}

test('on a phone the question is the heading and the first answer is on the first screen', async ({ browser }) => {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  for (const id of [START, 'webSymptom', 'apiSymptom']) {
    await page.goto(pathOf(id));
    // Measure once the script has swapped in its step: measuring the static one while it is being
    // replaced reads a detached element (no box).
    await ready(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(headingOf(id, copy));
    const first = stepArea(page).getByRole('list').first().getByRole('link').first();
    await expect(first).toBeVisible();
    const box = await first.boundingBox();
    expect(box, id).not.toBeNull();
    expect((box?.y ?? 0) + (box?.height ?? 0), `${id}: first answer's bottom edge`).toBeLessThanOrEqual(PHONE.height);
  }
  await context.close();
});

test('a step looks the same reached in place as loaded directly', async ({ page }) => {
  const look = async () => {
    const h = stepArea(page).getByRole('heading', { level: 1 });
    return {
      heading: await h.textContent(),
      size: await h.evaluate((el) => getComputedStyle(el).fontSize),
      top: Math.round((await h.boundingBox())?.y ?? -1),
      intro: await stepArea(page).getByRole('link', { name: 'See every question and outcome' }).count(),
    };
  };
  await page.goto('/wizard/');
  await ready(page);
  const startLoaded = await look();
  expect(startLoaded.intro).toBe(1);
  await stepArea(page).getByRole('link', { name: copy.questions[START]?.a['web']?.label ?? '', exact: true }).click();
  await expect(stepArea(page).getByRole('heading', { level: 1 })).toHaveText(headingOf('webSymptom', copy));
  await page.evaluate(() => scrollTo(0, 0));
  const inPlace = await look();
  await page.reload();
  await ready(page);
  expect(await look()).toEqual(inPlace);
  expect(inPlace.intro).toBe(0);
  // And back at the start in place, the start step is whole again, intro included.
  await stepArea(page).getByRole('link', { name: 'Start again' }).click();
  await expect(stepArea(page).getByRole('heading', { level: 1 })).toHaveText(headingOf(START, copy));
  await page.evaluate(() => scrollTo(0, 0));
  expect(await look()).toEqual(startLoaded);
});
