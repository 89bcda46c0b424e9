// What one step of the wizard shows, as data: its heading, progress line, breadcrumb, answers and
// links, each link with the machine event(s) it stands for. The Astro components in
// src/components/wizard/ render it into the static page of every state; in the browser, view.ts
// swaps in those pages' steps, so there is one renderer. Every control is a plain link to the next
// step's page (works with JavaScript off); `data-ev` / `data-n` tell the view which machine
// event(s) the link stands for when JavaScript is on.
import { START } from './machine.ts';
import { TREE, WIZARD, type Step } from './wizard.ts';
import { FIX_TABS, fixHref } from './outcomes.ts';
import type { Copy } from './copy.ts';
import { FAMILIES, type CauseSlug, type FixSlug } from '../registry/registry.gen.ts';
import { FIX_STEPS } from '../registry/steps.gen.ts';
import { chooseTab } from '../lib/tab-choice.ts';
import { encode, type Env } from './url.ts';

const { steps: STEPS, parent: PARENT, audienceOf, pathTo, stepOf } = WIZARD;

/** Where a step is rendered for. */
export interface View {
  /** Current state id. */
  state: string;
  /** Furthest state on the current line of answers. */
  furthest: string;
  /** Visitor's setup, passed to fix links (empty on static pages). */
  env: Env;
  /** Short notice shown above the step, e.g. after a broken link. */
  notice?: string | undefined;
}

/** A link to another step, and the machine event it stands for. */
export interface StepLink {
  /** The step page's URL, with the line of answers and the visitor's setup. */
  href: string;
  /** The machine event the link stands for (`data-ev`); a kept later answer's link names the
   * events along the kept line, space-separated. */
  ev: string;
  /** How many times the event is sent (`data-n`; more than 1 for a jump along the breadcrumb). */
  n: number;
}

/**
 * @param v where the link is shown
 * @param to the state it leads to
 * @param ev the event that takes the machine there
 * @param n how many times the event is sent
 * @returns the link; the line of answers is kept when `to` lies on it (Back, kept answers)
 */
export function stepLink(v: View, to: string, ev: string, n = 1): StepLink {
  const furthest = ev === 'wizard.restart' || !WIZARD.isAncestor(to, v.furthest) ? to : v.furthest;
  return { href: encode(WIZARD, { state: to, furthest, env: v.env }), ev, n };
}

/** Most questions still to answer from a state, counting it (0 for outcomes). */
function questionsLeft(id: string): number {
  const s = STEPS.get(id);
  return s?.kind === 'question' ? 1 + Math.max(...s.answers.map((a) => questionsLeft(a.to))) : 0;
}

/**
 * @param from the state the event was sent in
 * @param event the event that left it
 * @param copy wording
 * @returns the short text for one answer in the breadcrumb
 */
export function answerLabel(from: string, event: string, copy: Copy): string {
  const step = stepOf(from);
  if (step.kind === 'outcome') return `Not fixed: ${copy.fixes[step.fix]?.title ?? step.fix}`;
  return copy.questions[from]?.a[event.slice('answer.'.length)]?.short ?? event;
}

/**
 * @param id a state id
 * @param copy wording
 * @returns the heading of the step
 */
export function headingOf(id: string, copy: Copy): string {
  const s = stepOf(id);
  if (s.kind === 'question') return copy.questions[id]?.q ?? id;
  if (s.kind === 'outcome') return `Try this: ${copy.fixes[s.fix]?.title ?? s.fix}`;
  if (s.kind === 'help') return 'Nothing worked yet: get help';
  if (s.kind === 'paste') return 'Type or paste what you see';
  return 'Glad it works again';
}

/**
 * @param id a state id
 * @returns the progress line above the heading, e.g. "Question 2 of up to 4"
 */
export function progressOf(id: string): string {
  const s = stepOf(id);
  const depth = pathTo(id).length;
  if (s.kind === 'question') return `Question ${depth} of up to ${depth - 1 + questionsLeft(s.id)}`;
  if (s.kind === 'outcome') return `Suggestion ${s.n} of ${s.of}`;
  if (s.kind === 'help') return 'Escalation summary';
  if (s.kind === 'paste') return 'In your own words';
  return 'Done';
}

/** One answer in the breadcrumb. */
export interface TrailItem {
  /** The answer's short text. */
  label: string;
  /** `back`: an earlier answer (a link back to its question); `here`: the question being asked
   * again; `kept`: a later answer kept after going back (a link forward to it). */
  kind: 'back' | 'here' | 'kept';
  /** The link, for `back` and `kept`. */
  link?: StepLink;
}

/**
 * @param v where the breadcrumb is shown
 * @param copy wording
 * @returns the answers given so far on the line to `v.furthest` (empty at its first question)
 */
export function trailOf(v: View, copy: Copy): TrailItem[] {
  const line = pathTo(v.furthest);
  const here = line.indexOf(v.state);
  if (line.length < 2 || here < 0) return [];
  return line.slice(1).map((id, i) => {
    const from = line[i] ?? START;
    const label = answerLabel(from, PARENT.get(id)?.event ?? '', copy);
    if (i < here) return { label, kind: 'back', link: stepLink(v, from, 'wizard.back', here - i) };
    if (i === here) return { label, kind: 'here' };
    // Forward along the kept line: the answers given there, sent again (each keeps the line).
    return { label, kind: 'kept', link: stepLink(v, from, WIZARD.eventsAlong(v.state, from).join(' ')) };
  });
}

/**
 * @param v where the step is shown
 * @returns Back (to the parent question) and Start again, where they apply
 */
export function navOf(v: View): Array<StepLink & { label: string }> {
  const parent = PARENT.get(v.state)?.from;
  return [
    ...(parent ? [{ ...stepLink(v, parent, 'wizard.back'), label: '← Back' }] : []),
    ...(v.state === START ? [] : [{ ...stepLink(v, START, 'wizard.restart'), label: 'Start again' }]),
  ];
}

/**
 * @param id a state id
 * @returns the tab sets the setup bar offers on its branch (`data-sets`)
 */
export function setsOf(id: string): string {
  return { web: 'browser os', app: 'os', api: 'client os', server: 'server' }[audienceOf(id) ?? 'web'];
}

/** An answer of a question step. */
export interface AnswerView {
  /** The answer's label. */
  label: string;
  /** Whether it is the answer given before going back (kept on the line). */
  mine: boolean;
  /** Where it leads. */
  link: StepLink;
}

/**
 * @param v where the question is shown
 * @param s the question
 * @param copy wording
 * @returns its answers in order
 */
export function answersOf(v: View, s: Extract<Step, { kind: 'question' }>, copy: Copy): AnswerView[] {
  const kept = pathTo(v.furthest)[pathTo(v.state).length];
  return s.answers.map((a) => ({
    label: copy.questions[s.id]?.a[a.answer]?.label ?? a.answer,
    mine: a.to === kept,
    link: stepLink(v, a.to, `answer.${a.answer}`),
  }));
}

/**
 * @param s an escalation step
 * @param copy wording
 * @returns who can help, from the likeliest cause's family (a proxy's 407 needs the network admin,
 *   not the site)
 */
export function whoCanHelp(s: Extract<Step, { kind: 'help' }>, copy: Copy): string {
  const family = copy.causes[s.tries[0]?.[1] ?? '']?.family;
  return family ? FAMILIES[family].who : 'the people who run the site or service';
}

/**
 * @param id a state id
 * @returns whether the visitor on its branch uses an API client (the summary asks for the tool)
 */
export function asksForClient(id: string): boolean {
  const a = audienceOf(id);
  return a === 'api' || a === 'server';
}

/**
 * @param id a "type or paste" state
 * @returns the likeliest tries for the answers that lead there (the tree's `fallback`): shown
 *   under the form, with or without JavaScript, for when the text names no cause
 */
export function pasteFallback(id: string): ReadonlyArray<readonly [FixSlug, CauseSlug]> {
  return TREE.pasteFallback[id] ?? [];
}

/** The first steps of a fix for one tab (or for all, where they do not differ). */
export interface StepsPanel {
  /** The tab, where the steps differ by tab. */
  tab?: { id: string; label: string } | undefined;
  /** Whether it is the panel shown for the visitor (`data-on`). */
  on: boolean;
  /** Safe HTML of the sentence before the steps, if any. */
  lead?: string | undefined;
  /** Safe HTML of each of the first steps. */
  steps: readonly string[];
  /** How many steps the fix page has for this tab. */
  n: number;
}

/**
 * The first steps of a fix, from its page's "## Steps" section (src/registry/steps.gen.ts), and a
 * link to all of them. Where they differ by tab, every tab's are here, in the fix page's order; the
 * one for `env` (the first when env names none) is marked `on`, the only one shown without
 * JavaScript. With it, view-steps.ts moves the mark to the visitor's tab.
 * @param fix a fix page slug
 * @param env the visitor's setup
 * @returns the tab set the steps differ by (if any), the panels, and the fix page link
 */
export function firstStepsOf(fix: FixSlug, env: Env): { set?: string | undefined; panels: StepsPanel[]; href: string; tabs: string } {
  const { set, panels } = FIX_STEPS[fix];
  const on = chooseTab(
    panels.map((p) => p.tab?.id ?? ''),
    { url: set ? env[set as keyof Env] : undefined },
  ).id;
  return {
    set,
    panels: panels.map(({ tab, list }) => ({ tab, on: (tab?.id ?? '') === on, lead: list.lead, steps: list.steps, n: list.n })),
    href: fixHref(fix, env),
    tabs: FIX_TABS[fix].join(' '),
  };
}
