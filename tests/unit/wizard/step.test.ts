// Every rendered step agrees with the machine: each link goes where sending its event would go.
// The steps are rendered by the real components (Step.astro and its parts), through Astro's
// container, as the static pages are.
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { createActor } from 'xstate';
import { beforeAll, describe, expect, it } from 'vitest';
import Step from '../../../src/components/wizard/Step.astro';
import FirstSteps from '../../../src/components/wizard/FirstSteps.astro';
import TreeNode from '../../../src/components/wizard/TreeNode.astro';
import { TAB_SETS } from '../../../src/lib/tabs.ts';
import { copy } from '../../../src/wizard/copy.ts';
import { START, type WizardEvent } from '../../../src/wizard/machine.ts';
import { WIZARD } from '../../../src/wizard/wizard.ts';
import { firstStepsOf, headingOf, trailOf, type View } from '../../../src/wizard/step.ts';
import { FIX_STEPS } from '../../../src/registry/steps.gen.ts';
import type { FixSlug } from '../../../src/registry/registry.gen.ts';
import { decode, type Env } from '../../../src/wizard/url.ts';

const { machine } = WIZARD;
const known = (set: keyof Env, id: string) => TAB_SETS[set].some((t) => t.id === id);
const unescape = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'");
// Dev-mode rendering adds data-astro-source-* attributes; what a visitor gets has none.
const clean = (html: string) => html.replace(/ data-astro-source-(?:file|loc)="[^"]*"/g, '');

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});
const render = async (v: View) => clean(await container.renderToString(Step, { props: { ...v } }));
const renderSteps = async (fix: FixSlug, env: Env) => clean(await container.renderToString(FirstSteps, { props: { fix, env } }));

/** The attributes of an element's start tag. */
const attrs = (tag: string) => Object.fromEntries([...tag.matchAll(/\s([\w-]+)(?:="([^"]*)")?/g)].map((m) => [m[1], unescape(m[2] ?? '')]));

/** The links a rendered step offers, with the event(s) they stand for. */
function links(html: string) {
  return [...html.matchAll(/<a\s[^>]*>/g)]
    .map((m) => attrs(m[0]))
    .filter((a) => a['data-ev'])
    .map((a) => ({ href: a['href'] ?? '', event: a['data-ev'] ?? '', n: Number(a['data-n'] ?? 1) }));
}

async function check(state: string, furthest: string, env: Env) {
  const html = await render({ state, furthest, env });
  expect(html, state).toContain(`<h1 id="wz-h" tabindex="-1"`);
  expect(unescape(html), state).toContain(headingOf(state, copy));
  expect(html, state).not.toMatch(/\sstyle=|<script/);
  expect(links(html).length, state).toBeGreaterThan(0);
  for (const link of links(html)) {
    const actor = createActor(machine, { snapshot: machine.resolveState({ value: state, context: { furthest } }) }).start();
    for (let i = 0; i < link.n; i++) for (const type of link.event.split(' ')) actor.send({ type } as WizardEvent);
    const u = new URL(link.href, 'https://x');
    const d = decode(WIZARD, u.pathname, u.search, known);
    expect(d.ok, `${state}: ${link.href}`).toBe(true);
    expect(d.state, `${state} --${link.event}×${link.n}--> ${link.href}`).toBe(actor.getSnapshot().value);
    expect(d.furthest, `${state} --${link.event}`).toBe(actor.getSnapshot().context.furthest);
    expect(d.env).toEqual(env);
  }
  return html;
}
describe('Step.astro', () => {
  // ~1,900 states, each rendered and every link decoded: seconds of work on a busy 2-core machine.
  it('renders every state, and every link goes where its event takes the machine', { timeout: 120_000 }, async () => {
    for (const id of WIZARD.steps.keys()) await check(id, id, {});
  });

  it('keeps later answers in the breadcrumb and marks the earlier answer after going back', async () => {
    const html = await check('webPrompt', 'webPromptWorkOffice2', { browser: 'firefox', os: 'windows' });
    expect(html).toContain('(your earlier answer)');
    // The kept answers' links send the answers along the kept line again.
    expect(html).toContain('data-ev="answer.work" aria-label="Kept answer: Company computer in the office">Company computer in the office</a>');
    expect(html).toContain('data-ev="answer.work answer.office" aria-label="Kept answer: Not fixed: Fix intranet sign-in">');
    expect(html).toContain('an internal tool) <span class="text-sm font-normal">(your earlier answer)</span>');
    expect(trailOf({ state: 'webPrompt', furthest: 'webPromptWorkOffice2', env: {} }, copy).map((t) => t.kind)).toEqual(['back', 'back', 'here', 'kept', 'kept']);
  });

  it('links the fix page with the visitor’s tabs, only for the tab sets the page has', async () => {
    const html = await check('webPromptWorkOffice1', 'webPromptWorkOffice1', { browser: 'firefox', os: 'windows', client: 'curl' });
    expect(html).toContain('href="/guide/fix-intranet-sso/?browser=firefox&amp;os=windows"');
    const cookies = await render({ state: 'webPrivateWorksNo1', furthest: 'webPrivateWorksNo1', env: { browser: 'safari-ios', os: 'ios' } });
    expect(cookies).toContain('href="/guide/clear-cookies/?browser=safari-ios"');
  });

  it('asks “Did this fix it?” on every outcome, and the escalation summary warns about secrets', { timeout: 120_000 }, async () => {
    for (const [id, step] of WIZARD.steps) {
      if (step.kind !== 'outcome' && step.kind !== 'help') continue;
      const html = await render({ state: id, furthest: id, env: {} });
      if (step.kind === 'outcome') {
        expect(html, id).toContain('Did this fix it?');
        expect(html, id).toContain(`href="/guide/${step.fix}/"`);
        expect(html, id).toMatch(/<h2[^>]*>First steps[^<]*<\/h2><div class="prose mt-2">(?:<p>.*?<\/p>)?<div class="steps"><ol role="list"><li>/);
        expect(html, id).toMatch(/>All steps \(\d+\)<\/a>/);
      }
      if (step.kind === 'help') {
        expect(html, id).toContain('Never include passwords, tokens, API keys or cookies');
        for (const name of ['browser', 'os', 'when', 'url', 'error']) expect(html, id).toContain(`name="${name}"`);
        for (const [fix] of step.tries) expect(html, id).toContain(`href="/guide/${fix}/"`);
      }
    }
  });

  it('shows a notice only when asked to', async () => {
    expect(await render({ state: START, furthest: START, env: {}, notice: 'That link was incomplete.' })).toContain('data-notice>That link was incomplete.</p>');
    expect(await render({ state: START, furthest: START, env: {} })).toContain('data-notice hidden></p>');
  });
});

describe('FirstSteps.astro', () => {
  it('marks the tab the fix page opens for the visitor (else its first), and links there', async () => {
    const html = await renderSteps('clear-cookies', { browser: 'firefox', os: 'windows' });
    const firefox = FIX_STEPS['clear-cookies'].panels.find((p) => p.tab?.id === 'firefox');
    expect(html.match(/data-on/g)).toHaveLength(1);
    expect(html).toContain('<div data-on data-tab="firefox"><h2 class="text-lg font-semibold">First steps for Firefox</h2>');
    expect(html).toContain(`<li>${firefox?.list.steps[0]}</li>`);
    expect(html).toContain(`href="/guide/clear-cookies/?browser=firefox" data-fix="clear-cookies" data-tabs="browser">All steps (${firefox?.list.n})</a>`);
    // A browser the page has no tab for: the page opens its first tab, and so does the outcome.
    expect(await renderSteps('clear-cookies', { browser: 'opera' })).toMatch(/^<div class="mt-6" data-fix-steps data-set="browser"><div data-on data-tab="chrome">/);
    expect(firstStepsOf('clear-cookies', { browser: 'opera' }).panels.filter((p) => p.on).map((p) => p.tab?.id)).toEqual(['chrome']);
    // Steps that are the same in every tab: one list, shown to everyone, without a tab name.
    expect(await renderSteps('fix-authorization-header', { client: 'curl' })).toMatch(/^<div class="mt-6" data-fix-steps><div data-on><h2 class="text-lg font-semibold">First steps<\/h2>/);
  });
});

describe('the decision tree page', () => {
  it('lists every question and every outcome, generated from the machine', async () => {
    const html = clean(await container.renderToString(TreeNode, { props: { id: START } }));
    for (const [id, step] of WIZARD.steps) {
      if (step.kind === 'question') expect(html, id).toContain(`href="/wizard/${id === START ? '' : `step/${id.replace(/[A-Z]|\d+/g, (m) => `-${m.toLowerCase()}`)}/`}?v=2"`);
      if (step.kind === 'outcome') expect(html, id).toContain(`href="/guide/${step.fix}/"`);
    }
  });
});
