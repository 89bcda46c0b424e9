// Every rendered step agrees with the machine: each link goes where sending its event would go.
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { TAB_SETS } from '../../../src/lib/tabs.ts';
import { copy } from '../../../src/wizard/copy.ts';
import { START, type WizardEvent } from '../../../src/wizard/machine.ts';
import { WIZARD } from '../../../src/wizard/wizard.ts';
import { announce, firstSteps, headingOf, renderStep } from '../../../src/wizard/render.ts';
import { FIX_STEPS } from '../../../src/registry/steps.gen.ts';
import { treeHtml } from '../../../src/wizard/tree.ts';
import { decode, type Env } from '../../../src/wizard/url.ts';

const { machine } = WIZARD;
const known = (set: keyof Env, id: string) => TAB_SETS[set].some((t) => t.id === id);
const unescape = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/** The links a rendered step offers, with the event(s) they stand for. */
function links(html: string) {
  return [...html.matchAll(/<a class="[^"]*" href="([^"]+)" data-ev="([^"]+)"(?: data-n="(\d+)")?/g)].map((m) => ({
    href: unescape(m[1] ?? ''),
    event: m[2] ?? '',
    n: Number(m[3] ?? 1),
  }));
}

function check(state: string, furthest: string, env: Env) {
  const html = renderStep({ state, furthest, env }, copy);
  expect(html, state).toContain(`<h1 id="wz-h" tabindex="-1"`);
  expect(html, state).toContain(headingOf(state, copy).replace(/&/g, '&amp;').replace(/"/g, '&quot;'));
  expect(html, state).not.toMatch(/\sstyle=|<script/);
  expect(links(html).length, state).toBeGreaterThan(0);
  for (const link of links(html)) {
    const actor = createActor(machine, { snapshot: machine.resolveState({ value: state, context: { furthest } }) }).start();
    for (let i = 0; i < link.n; i++) actor.send({ type: link.event } as WizardEvent);
    const u = new URL(link.href, 'https://x');
    const d = decode(WIZARD, u.pathname, u.search, known);
    expect(d.ok, `${state}: ${link.href}`).toBe(true);
    expect(d.state, `${state} --${link.event}×${link.n}--> ${link.href}`).toBe(actor.getSnapshot().value);
    expect(d.furthest, `${state} --${link.event}`).toBe(actor.getSnapshot().context.furthest);
    expect(d.env).toEqual(env);
  }
  return html;
}

describe('renderStep', () => {
  // ~700 states, each rendered and every link decoded: seconds of work on a busy 2-core machine.
  it('renders every state, and every link goes where its event takes the machine', { timeout: 60_000 }, () => {
    for (const id of WIZARD.steps.keys()) check(id, id, {});
  });

  it('keeps later answers in the breadcrumb and marks the earlier answer after going back', () => {
    const html = check('webPrompt', 'webPromptCredsRight2', { browser: 'firefox', os: 'windows' });
    expect(html).toContain('(your earlier answer)');
    expect(html).toMatch(/data-ev="wizard\.forward"/);
    expect(html).toContain('aria-label="Kept answer: Right password, box comes back">Right password, box comes back</a>');
  });

  it('links the fix page with the visitor’s tabs, only for the tab sets the page has', () => {
    const html = check('webPromptCredsRight1', 'webPromptCredsRight1', { browser: 'firefox', os: 'windows', client: 'curl' });
    expect(html).toContain('href="/guide/clear-cached-credentials/?browser=firefox&amp;os=windows&amp;client=curl"');
    const cookies = renderStep({ state: 'webPrivateWorksNo1', furthest: 'webPrivateWorksNo1', env: { browser: 'safari-ios', os: 'ios' } }, copy);
    expect(cookies).toContain('href="/guide/clear-cookies/?browser=safari-ios"');
  });

  it('asks “Did this fix it?” on every outcome, and the escalation summary warns about secrets', () => {
    for (const [id, step] of WIZARD.steps) {
      const html = renderStep({ state: id, furthest: id, env: {} }, copy);
      if (step.kind === 'outcome') {
        expect(html, id).toContain('Did this fix it?');
        expect(html, id).toContain(`href="/guide/${step.fix}/"`);
      }
      if (step.kind === 'help') {
        expect(html, id).toContain('Never include passwords, tokens, API keys or cookies');
        for (const name of ['browser', 'os', 'when', 'url', 'error']) expect(html, id).toContain(`name="${name}"`);
        for (const [fix] of step.tries) expect(html, id).toContain(`href="/guide/${fix}/"`);
      }
    }
  });

  it('shows a notice when asked to, and announces it with the heading', () => {
    const v = { state: START, furthest: START, env: {}, notice: 'That link was incomplete.' };
    expect(renderStep(v, copy)).toContain('data-notice>That link was incomplete.</p>');
    expect(announce(v, copy)).toBe(`That link was incomplete. ${copy.questions['start']?.q}`);
  });
});

describe('firstSteps', () => {
  it('shows each outcome’s first steps as an ordered list under a heading, then “All steps (N)”', () => {
    for (const [id, step] of WIZARD.steps) {
      if (step.kind !== 'outcome') continue;
      const html = renderStep({ state: id, furthest: id, env: {} }, copy);
      expect(html, id).toMatch(/<h2[^>]*>First steps[^<]*<\/h2><div class="prose mt-2">(?:<p>.*?<\/p>)?<div class="steps"><ol role="list"><li>/);
      expect(html, id).toMatch(/>All steps \(\d+\)<\/a>/);
    }
  });

  it('marks the tab the fix page opens for the visitor (else its first), and links there', () => {
    const html = firstSteps('clear-cookies', { browser: 'firefox', os: 'windows' });
    const firefox = FIX_STEPS['clear-cookies'].panels.find((p) => p.tab?.id === 'firefox');
    expect(html.match(/data-on/g)).toHaveLength(1);
    expect(html).toContain('<div data-on data-tab="firefox"><h2 class="text-lg font-semibold">First steps for Firefox</h2>');
    expect(html).toContain(`<li>${firefox?.list.steps[0]}</li>`);
    expect(html).toContain(`href="/guide/clear-cookies/?browser=firefox" data-fix="clear-cookies" data-tabs="browser">All steps (${firefox?.list.n})</a>`);
    // A browser the page has no tab for: the page opens its first tab, and so does the outcome.
    expect(firstSteps('clear-cookies', { browser: 'opera' })).toMatch(/^<div class="mt-6" data-fix-steps data-set="browser"><div data-on data-tab="chrome">/);
    // Steps that are the same in every tab: one list, shown to everyone, without a tab name.
    expect(firstSteps('fix-authorization-header', { client: 'curl' })).toMatch(/^<div class="mt-6" data-fix-steps><div data-on><h2 class="text-lg font-semibold">First steps<\/h2>/);
  });
});

describe('the decision tree page', () => {
  it('lists every question and every outcome, generated from the machine', () => {
    const html = treeHtml(copy);
    for (const [id, step] of WIZARD.steps) {
      if (step.kind === 'question') expect(html, id).toContain(`href="/wizard/${id === START ? '' : `step/${id.replace(/[A-Z]|\d+/g, (m) => `-${m.toLowerCase()}`)}/`}?v=2"`);
      if (step.kind === 'outcome') expect(html, id).toContain(`href="/guide/${step.fix}/"`);
    }
  });
});
