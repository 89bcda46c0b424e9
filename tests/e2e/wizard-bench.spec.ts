// Benchmark, not a timed assertion: how long from an answer's click to the next step being painted,
// over many answers along random paths through the wizard (JavaScript on). Measured in the page:
// the click event's timestamp; "swapped" when the step area's new content is in the DOM (script
// work: machine, markup, links, focus); "painted" at the first frame after that (a message posted
// from requestAnimationFrame runs right after that frame's paint). Reports median and p95 of both.
import { expect, test } from '@playwright/test';
import { ready, stepArea } from './wizard-support.ts';

test('answer → next step painted (benchmark)', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/wizard/');
  await ready(page);
  await page.evaluate(() => {
    const w = window as unknown as { t0: number; paints: number[]; swaps: number[] };
    w.paints = [];
    w.swaps = [];
    // Room for every step page's timing entry (the default buffer keeps 250).
    performance.setResourceTimingBufferSize(100_000);
    document.addEventListener('click', (e) => {
      if ((e.target as Element).closest('a[data-ev]')) w.t0 = performance.now();
    }, true);
    const area = document.querySelector('fix-wizard [data-step]') as HTMLElement;
    new MutationObserver(() => {
      const t0 = w.t0;
      w.swaps.push(performance.now() - t0);
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => w.paints.push(performance.now() - t0);
        ch.port2.postMessage(0);
      });
    }).observe(area, { childList: true });
  });

  let seed = 401;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const ANSWERS = 200;
  for (let i = 0; i < ANSWERS; i++) {
    // Let the prefetch of the steps the links lead to finish, as it does while a person reads the
    // question: wait until each link's page has a resource timing entry (added when it arrived),
    // or is the page that was loaded first (the wizard keeps that one from the start).
    await page.waitForFunction(() => {
      const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
      const arrived = new Set(entries.map((e) => new URL(e.name).pathname));
      return [...document.querySelectorAll<HTMLAnchorElement>('fix-wizard [data-step] a[data-ev]')].every((a) => arrived.has(a.pathname));
    });
    const links = stepArea(page).locator('a[data-ev^="answer."], a[data-ev="outcome.no"], a[data-ev="wizard.restart"]');
    const count = await links.count();
    const pick = links.nth(Math.floor(random() * count));
    const before = await page.evaluate(() => (window as unknown as { paints: number[] }).paints.length);
    await pick.click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { paints: number[] }).paints.length)).toBeGreaterThan(before);
  }
  const { paints, swaps } = await page.evaluate(() => {
    const w = window as unknown as { paints: number[]; swaps: number[] };
    return { paints: w.paints, swaps: w.swaps };
  });
  const stats = (xs: number[]) => {
    const sorted = [...xs].sort((a, b) => a - b);
    const at = (p: number) => (sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN).toFixed(1);
    return `median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`;
  };
  const report = `wizard, ${paints.length} answers: click → new step in the DOM ${stats(swaps)}; click → painted ${stats(paints)}`;
  console.log(report);
  test.info().annotations.push({ type: 'benchmark', description: report });
  expect(paints.length).toBe(ANSWERS);
});
