// Model-based tests: paths generated from the wizard's own machine with xstate/graph, run in the
// real browser with JavaScript on (the actor drives the page in place; each transition is performed
// once, see `startAt` below) and, for a sample, off (every answer is a plain link to a static page).
// Each step asserts the visible question (or outcome) and, on outcomes, the fix link. With
// JavaScript on, each distinct rendering is also audited with axe once (see `renderingOf` below;
// wizard-a11y.spec.ts adds the dark theme, outcome pages and special views).
import { expect, test } from '@playwright/test';
import { createTestModel } from 'xstate/graph';
import { SOLVED } from '../../src/wizard/machine.ts';
import { TREE, WIZARD } from '../../src/wizard/wizard.ts';
import { pathOf } from '../../src/wizard/url.ts';
import { detect } from '../../src/lib/ua.ts';
import { copy } from '../../src/wizard/copy.ts';
import { axeViolations, expectClean } from './support/pages.ts';
import { sharedPage } from './support/shared.ts';
import { expectState, perform, ready } from './wizard-support.ts';

const model = createTestModel(WIZARD.machine, {
  // One vertex per state (not per state + kept answers): shortest paths then reach every state.
  serializeState: (s) => String(s.value),
  serializeTransition: () => '',
  // Restart only returns to the start: tested in wizard.spec.ts.
  filterEvents: (_s, e) => e.type !== 'wizard.restart',
});

// The outcomes below a service's "which message" question are one template filled from the same
// lists (each message's cause first, then the service's common causes, which its "none of these"
// answer offers in full). The browser walks and audits the "none of these" outcomes of every
// service; the message leaves come from the same compiler and renderer as every other outcome,
// which the unit tests check state by state (tests/unit/wizard), so walking each here would only
// repeat that at a few seconds a path.
const sameTemplate = new Set(
  TREE.messages.flatMap((q) =>
    Object.values(TREE.questions[q] ?? {})
      .slice(0, -1)
      .flatMap((leaf) => [...(TREE.leaves[leaf] ?? []).map((_, n) => `${leaf}${n + 1}`), `${leaf}Help`]),
  ),
);
const walked = (p: { steps: ReadonlyArray<{ state: { value: unknown } }> }) => !p.steps.some((s) => sameTemplate.has(String(s.state.value)));

// Shortest paths to every other state (their shared first answers are given once, see `startAt`),
// plus a bounded sample of simple paths that end with "Yes, it works now" after one or more "No"
// answers.
const shortest = model.getShortestPaths().filter(walked);
const simple = model
  .getSimplePaths({ toState: (s) => s.value === SOLVED })
  .filter(walked)
  .filter((p) => p.steps.some((s) => s.event.type === 'outcome.no'))
  .filter((_, i) => i % 20 === 0);

const paths = [...shortest.map((p) => ({ kind: 'shortest', p })), ...simple.map((p) => ({ kind: 'simple', p }))].map((x, i) => ({ ...x, i }));

// With JavaScript on, each transition is performed in place once, by the first path that takes it:
// a later path whose first answers were all given before starts at the deepest question they lead
// to, loaded from its static URL (the wizard takes over there, as it does for a visitor arriving
// from a link), instead of clicking through the same first questions again. The states it skips
// were asserted by the path that reached them first.
const transition = (p: (typeof paths)[number]['p'], k: number) => `${String(p.steps[k - 1]?.state.value)} ${p.steps[k]?.event.type}`;
const performed = new Set<string>();
const startAt = new Map<number, number>();
for (const { p, i } of paths) {
  let k = 0;
  while (k + 1 < p.steps.length - 1 && performed.has(transition(p, k + 1)) && WIZARD.stepOf(String(p.steps[k + 1]?.state.value)).kind === 'question') k++;
  startAt.set(i, k);
  for (let j = k + 1; j < p.steps.length; j++) performed.add(transition(p, j));
}

// Walked states are also checked with axe, as the in-place wizard renders them, once per distinct
// rendering, in the first path that reaches it (decided here, so no two workers audit the same):
// every question and paste step; each fix's outcome once per audience (an outcome is that fix's
// summary and first steps, the cause's name and two buttons; the setup bar follows the audience);
// and the escalation summary once per family of its likeliest cause and audience (it differs
// otherwise only in the names of the fixes tried). wizard-a11y.spec.ts audits a sample of states
// in both themes.
const renderingOf = (id: string): string => {
  const step = WIZARD.stepOf(id);
  const audience = WIZARD.audienceOf(id) ?? '';
  if (step.kind === 'outcome') return `outcome ${step.fix} ${audience}`;
  if (step.kind === 'help') return `help ${copy.causes[step.tries[0]?.[1] ?? '']?.family ?? ''} ${audience}`;
  return id;
};
const auditIn = new Map<string, number>();
const rendered = new Set<string>();
for (const { p, i } of paths) {
  for (const s of p.steps.slice(startAt.get(i))) {
    const id = String(s.state.value);
    const rendering = renderingOf(id);
    if (rendered.has(rendering)) continue;
    rendered.add(rendering);
    auditIn.set(id, i);
  }
}

test('the generated paths visit every state of the machine, and each distinct rendering is audited once', () => {
  const seen = new Set(shortest.flatMap((p) => p.steps.map((s) => String(s.state.value))));
  expect(seen.size + sameTemplate.size).toBe(WIZARD.steps.size);
  // Every distinct rendering of a walked state is audited.
  expect(new Set([...auditIn.keys()].map(renderingOf)).size).toBe(new Set([...seen].map(renderingOf)).size);
  // Every service's "none of these" outcomes are walked and audited (or, where the tree asks one
  // more question after "none of these", that question).
  for (const m of TREE.messages) {
    const none = Object.values(TREE.questions[m] ?? {}).at(-1) ?? '';
    expect(seen.has(TREE.questions[none] ? none : `${none}1`), m).toBe(true);
  }
  expect(simple.length).toBeGreaterThanOrEqual(8);
});

// JavaScript on walks every path (from where it leaves the earlier ones, above); off, where each
// answer is a plain link to the same static page the in-page wizard swaps in, every tenth path from
// the start (a sample across all branches) keeps the suite within its time budget.
for (const js of [true, false]) {
  test.describe(`JavaScript ${js ? 'on' : 'off'}`, () => {
    for (const { kind, p, i } of js ? paths : paths.filter((_, i) => i % 10 === 0)) {
      test(`${kind}: ${p.description.replace(/\(\{.*?\}\)/g, '')}`, async ({ browser, baseURL }) => {
        const { page, problems } = await sharedPage(browser, baseURL, { javaScriptEnabled: js });
        const from = js ? (startAt.get(i) ?? 0) : 0;
        await page.goto(pathOf(String(p.steps[from]?.state.value)));
        // With JavaScript the fix links carry the detected browser and OS; without it, nothing.
        const ua = detect(await page.evaluate(() => navigator.userAgent).catch(() => ''));
        const env: Record<string, string> | undefined = js ? {} : undefined;
        if (env && ua.browser) env['browser'] = ua.browser;
        if (env && ua.os) env['os'] = ua.os;
        if (js) {
          await ready(page);
          // A marker that a full page load would wipe: proves every answer ran in place.
          await page.evaluate(() => ((window as unknown as { inPlace: boolean }).inPlace = true));
        }
        for (let k = from; k < p.steps.length; k++) {
          // The step's state is the state *after* its event; perform the event from the one before.
          if (k > from) await perform(page, String(p.steps[k - 1]?.state.value), String(p.steps[k]?.event.type));
          const id = String(p.steps[k]?.state.value);
          await expectState(page, id, env);
          await expect(page).toHaveURL((u) => u.pathname === pathOf(id));
          if (js && auditIn.get(id) === i) expect(await axeViolations(page, id)).toEqual([]);
        }
        if (js) expect(await page.evaluate(() => (window as unknown as { inPlace?: boolean }).inPlace)).toBe(true);
        expectClean(problems);
      });
    }
  });
}
