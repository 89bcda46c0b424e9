// One step of the wizard as an HTML string. The same function renders the static pages at build
// time and the in-place steps in the browser, so the two can never differ. Every control is a plain
// link to the next step's page (works with JavaScript off); `data-ev` / `data-n` tell the view which
// machine event(s) the link stands for when JavaScript is on.
import { START } from './machine.ts';
import { TREE, WIZARD, type Step } from './wizard.ts';
import { FIX_TABS, fixHref } from './outcomes.ts';
import { FAMILIES, type FamilyId, type FixSlug } from '../registry/registry.gen.ts';
import { FIX_STEPS } from '../registry/steps.gen.ts';
import { chooseTab } from '../lib/tab-choice.ts';
import { encode, type Env } from './url.ts';

const { steps: STEPS, parent: PARENT, audienceOf, pathTo, stepOf } = WIZARD;

/** Wording of the wizard (content/wizard/*.json), keyed by state id, fix slug and cause slug. */
export interface Copy {
  /** Question states: the question, an optional hint, and a label + short label per answer id. */
  questions: Record<string, { q: string; hint?: string; a: Record<string, { label: string; short: string }> }>;
  /** Fix page slugs: an action title and one sentence on what it does. */
  fixes: Record<string, { title: string; summary: string }>;
  /** Cause page slugs: a short label, one sentence on why it gives a 401, and its family. */
  causes: Record<string, { label: string; why: string; family: FamilyId }>;
}

/** What to render. */
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

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`);

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

const link = (v: View, to: string, ev: string, n: number, cls: string, body: string, extra = '') =>
  `<a class="${cls}" href="${esc(encode(WIZARD, { state: to, furthest: ev === 'wizard.restart' || !WIZARD.isAncestor(to, v.furthest) ? to : v.furthest, env: v.env }))}" data-ev="${ev}"${n > 1 ? ` data-n="${n}"` : ''}${extra}>${body}</a>`;

/** Breadcrumb: the answers given so far (each a link back to its question) and any kept later ones. */
function trail(v: View, copy: Copy): string {
  const line = pathTo(v.furthest);
  const here = line.indexOf(v.state);
  if (line.length < 2 || here < 0) return '';
  const items = line.slice(1).map((id, i) => {
    const from = line[i] ?? START;
    const label = esc(answerLabel(from, PARENT.get(id)?.event ?? '', copy));
    // Each answer is a 24 px target with room around it (WCAG 2.2 2.5.8), however long the trail grows.
    if (i < here) return `<li>${link(v, from, 'wizard.back', here - i, 'link inline-block min-h-6 min-w-6 py-1', label)}</li>`;
    if (i === here) return `<li class="text-zinc-600 dark:text-zinc-400"><span class="sr-only">Earlier answer here: </span>${label}</li>`;
    return `<li>${link(v, from, 'wizard.forward', i - here, 'link inline-block min-h-6 min-w-6 py-1 opacity-80', label, ` aria-label="Kept answer: ${label}"`)}</li>`;
  });
  return `<nav aria-label="Your answers" class="mb-4 text-sm"><ol class="flex flex-wrap items-center gap-x-4 gap-y-2 [&>li+li]:before:me-3 [&>li+li]:before:content-['›']">${items.join('')}</ol></nav>`;
}

const P = 'mt-3 text-zinc-700 dark:text-zinc-300';

// What the wizard is, under the first question's answers (not above them: on a phone the first
// answer must be on the first screen). Part of the start step itself, so the start looks the same
// when loaded and when reached in place with Back or Start again.
const intro = () =>
  `<p class="mt-6 text-sm text-zinc-700 dark:text-zinc-300">A few plain questions, most often three or four, lead to the fix for your situation. If it does not work, the next likeliest one follows. <a class="link" href="/wizard/tree/">See every question and outcome</a>.</p>`;
const BTN = 'btn w-full justify-start text-left text-base';

/**
 * The likeliest causes for the answers that lead to a "type or paste" step (the tree's
 * `fallback`): under the form, with or without JavaScript, for when the text names no cause.
 */
function fallback(v: View, id: string, copy: Copy): string {
  const tries = TREE.pasteFallback[id] ?? [];
  if (tries.length === 0) return '';
  const items = tries.map(([fix, cause]) => `<li><a class="link font-medium" href="/guide/${cause}/">${esc(copy.causes[cause]?.label ?? cause)}</a>: <a class="link" href="${esc(fixHref(fix, v.env))}">${esc(copy.fixes[fix]?.title ?? fix)}</a></li>`);
  return `<h2 class="mt-8 text-lg font-semibold" id="wz-likely">Or start with the likeliest causes for what you answered</h2><ol class="mt-2 grid list-decimal gap-2 ps-6" aria-labelledby="wz-likely">${items.join('')}</ol>`;
}

function paste(v: View, id: string, copy: Copy): string {
  return (
    `<p class="${P}">Type the error message, or paste the status line, the response or the command output. It is read on this page only: nothing you type is sent anywhere.</p>` +
    `<form class="mt-5" data-paste data-audience="${esc(audienceOf(id) ?? '')}"><label class="block font-medium" for="wz-paste">What you see</label>` +
    `<textarea class="mt-1 w-full rounded-md border border-zinc-400 bg-transparent p-2 font-mono text-sm" id="wz-paste" name="paste" rows="6" spellcheck="false"></textarea>` +
    `<p class="mt-3" data-paste-go hidden><button type="submit" class="btn btn-primary">Find the likely cause</button></p></form>` +
    `<div class="mt-5" data-paste-out aria-live="polite"></div>` +
    `<p class="mt-4" data-paste-nojs>Reading the text needs JavaScript. Open the <a class="link" href="/diagnose/">diagnoser</a> in a browser with JavaScript on, or go back and pick the answer closest to what you see.</p>` +
    fallback(v, id, copy)
  );
}

function question(v: View, s: Extract<Step, { kind: 'question' }>, copy: Copy): string {
  const c = copy.questions[s.id];
  const kept = pathTo(v.furthest)[pathTo(v.state).length];
  const answers = s.answers.map((a) => {
    const mine = a.to === kept;
    const label = esc(c?.a[a.answer]?.label ?? a.answer) + (mine ? ' <span class="text-sm font-normal">(your earlier answer)</span>' : '');
    return `<li>${link(v, a.to, `answer.${a.answer}`, 1, mine ? `${BTN} border-brand-700 dark:border-brand-300` : BTN, label, mine ? ' aria-current="true"' : '')}</li>`;
  });
  return `${c?.hint ? `<p class="${P}">${esc(c.hint)}</p>` : ''}<ul class="mt-5 grid gap-2">${answers.join('')}</ul>`;
}

function outcome(v: View, s: Extract<Step, { kind: 'outcome' }>, copy: Copy): string {
  const fix = copy.fixes[s.fix];
  const cause = copy.causes[s.cause];
  const last = s.n === s.of;
  return (
    `<p class="${P}">${esc(fix?.summary ?? '')}</p>` +
    `<p class="${P}">Likely cause: <a class="link" href="/guide/${s.cause}/">${esc(cause?.label ?? s.cause)}</a>. ${esc(cause?.why ?? '')}</p>` +
    firstSteps(s.fix, v.env) +
    `<div role="group" aria-labelledby="wz-did" class="mt-6"><p id="wz-did" class="font-semibold">Did this fix it?</p><p class="mt-2 flex flex-wrap gap-2">` +
    link(v, 'solved', 'outcome.yes', 1, 'btn', 'Yes, it works now') +
    link(v, s.next, 'outcome.no', 1, 'btn', last ? 'No: get help with a summary' : 'No: show the next likeliest cause') +
    `</p></div>`
  );
}

/**
 * The first steps of a fix, from its page's "## Steps" section (src/registry/steps.gen.ts), and a
 * link to all of them. Where they differ by tab, every tab's are here, in the fix page's order;
 * `data-on` marks the one for `env` (the first when env names none), which is the only one shown
 * without JavaScript. With it, view-steps.ts moves `data-on` to the visitor's tab; all of them
 * share one grid cell (EnvBar.astro), so that never moves the page.
 * @param fix a fix page slug
 * @param env the visitor's setup
 * @returns the steps' HTML; the step text is safe HTML made by src/registry/fix-steps.ts
 */
export function firstSteps(fix: FixSlug, env: Env): string {
  const { set, panels } = FIX_STEPS[fix];
  const on = chooseTab(
    panels.map((p) => p.tab?.id ?? ''),
    { url: set ? env[set as keyof Env] : undefined },
  ).id;
  const panel = ({ tab, list }: (typeof panels)[number]) =>
    `<div${(tab?.id ?? '') === on ? ' data-on' : ''}${tab ? ` data-tab="${tab.id}"` : ''}>` +
    `<h2 class="text-lg font-semibold">First steps${tab ? ` for ${esc(tab.label)}` : ''}</h2>` +
    `<div class="prose mt-2">${list.lead ? `<p>${list.lead}</p>` : ''}<div class="steps"><ol role="list">${list.steps.map((s) => `<li>${s}</li>`).join('')}</ol></div></div>` +
    `<p class="mt-4"><a class="btn btn-primary text-base" href="${esc(fixHref(fix, env))}" data-fix="${fix}" data-tabs="${FIX_TABS[fix].join(' ')}">All steps (${list.n})</a></p></div>`;
  return `<div class="mt-6" data-fix-steps${set ? ` data-set="${set}"` : ''}>${panels.map(panel).join('')}</div>`;
}

function help(s: Extract<Step, { kind: 'help' }>, copy: Copy): string {
  // Who can help follows the likeliest cause's family (a proxy's 407 needs the network admin, not the site).
  const family = copy.causes[s.tries[0]?.[1] ?? '']?.family;
  const who = family ? FAMILIES[family].who : 'the people who run the site or service';
  const api = audienceOf(s.id) === 'api' || audienceOf(s.id) === 'server';
  const field = (name: string, label: string, hint = '') =>
    `<p><label class="block font-medium" for="wz-${name}">${label}</label>${hint ? `<span class="block text-sm text-zinc-600 dark:text-zinc-400" id="wz-${name}-hint">${hint}</span>` : ''}` +
    (name === 'error'
      ? `<textarea class="mt-1 w-full rounded-md border border-zinc-400 bg-transparent p-2" id="wz-error" name="error" rows="4" aria-describedby="wz-error-hint"></textarea>`
      : `<input class="mt-1 w-full rounded-md border border-zinc-400 bg-transparent p-2" id="wz-${name}" name="${name}"${hint ? ` aria-describedby="wz-${name}-hint"` : ''}>`) +
    `</p>`;
  const tried = s.tries.map(([fix]) => `<li><a class="link" href="/guide/${fix}/" data-fix="${fix}" data-tabs="${FIX_TABS[fix].join(' ')}">${esc(copy.fixes[fix]?.title ?? fix)}</a></li>`).join('');
  return (
    `<p class="${P}">The likeliest fixes did not work, so it is time to ask ${esc(who)}. Fill in what you can: the summary below gives them what they need to help quickly.</p>` +
    `<p class="mt-4 rounded-md border-s-4 border-amber-600 bg-amber-50 px-4 py-3 dark:bg-amber-950/40"><strong>Never include passwords, tokens, API keys or cookies</strong>, not even in the error text. Anyone who has them can sign in as you. Nothing you type here leaves this page unless you copy or print it.</p>` +
    `<h2 class="mt-6 text-lg font-semibold">What you tried</h2><ol class="mt-2 list-decimal ps-6" data-tried>${tried}</ol>` +
    `<form class="mt-6 grid gap-4" data-help>${api ? field('browser', 'HTTP client, tool or library, and its version', 'For example: curl 8.11, Python requests 2.32, git 2.47') : field('browser', 'Browser or app, and its version', 'For example: Firefox 157')}${field('os', 'Operating system and version', 'For example: Windows 11, Android 17')}${field('when', 'Date, time and time zone it happened')}${field('url', 'Address of the page or API (URL)', 'Remove anything secret from it, such as ?token=…')}${field('error', 'The exact error text', 'Copy it word for word. Remove passwords, tokens and keys.')}</form>` +
    `<h2 class="mt-6 text-lg font-semibold">Your summary</h2><pre class="mt-2 whitespace-pre-wrap rounded-md border border-zinc-300 p-3 text-sm dark:border-zinc-700" data-summary>To keep this, print the page (Ctrl+P, or ⌘+P on a Mac).</pre>` +
    `<p class="mt-3 flex flex-wrap items-center gap-2"><button type="button" class="btn" data-copy hidden>Copy summary</button><button type="button" class="btn" data-print hidden>Print</button><span role="status" data-copied></span></p>`
  );
}

/**
 * @param v what to render
 * @param copy wording
 * @returns the inner HTML of the step area: notice, breadcrumb, progress, heading, body, navigation
 */
export function renderStep(v: View, copy: Copy): string {
  const s = stepOf(v.state);
  const depth = pathTo(v.state).length;
  const progress =
    s.kind === 'question'
      ? `Question ${depth} of up to ${depth - 1 + questionsLeft(s.id)}`
      : s.kind === 'outcome'
        ? `Suggestion ${s.n} of ${s.of}`
        : s.kind === 'help'
          ? 'Escalation summary'
          : s.kind === 'paste'
            ? 'In your own words'
            : 'Done';
  const body = s.kind === 'question' ? question(v, s, copy) : s.kind === 'outcome' ? outcome(v, s, copy) : s.kind === 'help' ? help(s, copy) : s.kind === 'paste' ? paste(v, s.id, copy) : `<p class="${P}">Good. To keep it from coming back, see <a class="link" href="/guide/prevention/">how to prevent 401 errors</a>.</p>`;
  const parent = PARENT.get(v.state)?.from;
  const nav = [
    parent ? link(v, parent, 'wizard.back', 1, 'btn', '← Back') : '',
    v.state === START ? '' : link(v, START, 'wizard.restart', 1, 'btn', 'Start again'),
  ].join('');
  const sets = { web: 'browser os', app: 'os', api: 'client os', server: 'server' }[audienceOf(v.state) ?? 'web'];
  return (
    `<div data-sets="${sets}"><p class="mb-4 rounded-md border-s-4 border-sky-600 bg-sky-50 px-4 py-3 dark:bg-sky-950/40" data-notice${v.notice ? `>${esc(v.notice)}` : ' hidden>'}</p>` +
    trail(v, copy) +
    `<p class="text-sm font-medium text-zinc-600 dark:text-zinc-400">Troubleshooting wizard · ${progress}</p>` +
    `<h1 id="wz-h" tabindex="-1" class="mt-1 scroll-mt-48 text-2xl font-bold tracking-tight focus:outline-none sm:text-3xl">${esc(headingOf(v.state, copy))}</h1>` +
    body +
    (v.state === START ? intro() : '') +
    (nav ? `<p class="mt-8 flex flex-wrap gap-2 border-t border-zinc-200 pt-4 dark:border-zinc-800" data-nav>${nav}</p>` : '') +
    '</div>'
  );
}

/** @returns the sentence the aria-live region announces after a step change */
export function announce(v: View, copy: Copy): string {
  return `${v.notice ? `${v.notice} ` : ''}${headingOf(v.state, copy)}`;
}

