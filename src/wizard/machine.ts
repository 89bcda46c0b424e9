// The troubleshooting wizard as one XState machine: the single source of truth for the questions,
// their answers, the order they come in and the outcomes they lead to. Imports only xstate (no DOM,
// no network) so the same definition runs in the browser, at build time (static pages, the tree
// page) and in tests (unit and model-based).
//
// Shape: the questions form a *tree*. Every state has exactly one parent, so a state id alone
// determines the answers that led to it — which is what lets every step be a static page with a
// plain URL. Each answer path ends in a "leaf": an ordered list of tries (fix page + the cause it
// addresses), likeliest first. "Did this fix it? No" walks down that list; after the last try comes
// the escalation summary for that leaf.
//
// The tree itself is content (content/wizard/tree.yaml, with its wording), compiled into the typed
// registry by scripts/registry.ts; this module turns any tree into the machine, and
// src/wizard/wizard.ts builds the site's. Generic over the fix and cause slug types so callers
// keep the registry's types while this module imports only xstate.
import { assign, setup } from 'xstate';

/** The first question's answers: which audience the visitor is. */
export type Audience = 'web' | 'app' | 'api' | 'server';

/** A try on an outcome list: [fix page slug, cause page slug]. */
export type Try<F extends string = string, C extends string = string> = readonly [fix: F, cause: C];

/** The state a visitor reaches by answering "Yes" to "Did this fix it?". */
export const SOLVED = 'solved';
/** The first question. */
export const START = 'start';

/** The decision tree as plain data: what createWizard() builds the machine from. */
export interface Tree<F extends string = string, C extends string = string> {
  /** Question id → (answer id → next question id or leaf id), answers in display order. */
  questions: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Leaf id → tries, likeliest first. */
  leaves: Readonly<Record<string, readonly Try<F, C>[]>>;
  /** "Type or paste what you see" steps: the page offers causes from the pasted text, not from the tree. */
  pastes?: readonly string[];
}

/** What a state is, for the view and the static pages. */
export type StepInfo<F extends string = string, C extends string = string> =
  | { kind: 'question'; id: string; answers: ReadonlyArray<{ answer: string; to: string }> }
  | { kind: 'outcome'; id: string; leaf: string; n: number; of: number; fix: F; cause: C; next: string }
  | { kind: 'help'; id: string; leaf: string; tries: readonly Try<F, C>[] }
  | { kind: 'paste'; id: string }
  | { kind: 'solved'; id: string };

/** Machine context. */
export interface WizardContext {
  /**
   * The furthest state reached along the current line of answers. Going back keeps it, so the
   * later answers stay (and can be stepped through again by sending the same answers, which is
   * what a kept answer's link does) until an answer changes; then it becomes the new state.
   */
  furthest: string;
}

/** Events. Answers are `answer.<answer id>`; the rest are fixed. */
export type WizardEvent =
  | { type: `answer.${string}` }
  | { type: 'outcome.yes' }
  | { type: 'outcome.no' }
  | { type: 'wizard.back' }
  | { type: 'wizard.restart' };

type Transition = { target: string; actions?: { type: 'advance'; params: { to: string } } };

/**
 * The machine's states as plain, JSON-safe data: each state's transitions (and, for outcomes, the
 * fix and cause it names), plus each state's parent. compile() derives it from the tree; the browser
 * receives it as /wizard/machine.json, so it runs exactly this machine without shipping the tree
 * as code (that keeps the wizard's script within its size budget).
 */
export interface Spec<F extends string = string, C extends string = string> {
  /** State id → its transitions and meta. */
  states: Record<string, { meta?: { fix: F; cause: C }; on: Record<string, Transition> }>;
  /** State id → parent state id (the start has none). */
  parent: Record<string, string>;
}

/**
 * Derives every state from the tree: the questions, one outcome state per try, one escalation state
 * per leaf, and "solved".
 * @param tree questions and leaves
 * @returns the step list (for pages), each state's parent with the event that leads to it, and the spec
 */
export function compile<F extends string, C extends string>(tree: Tree<F, C>) {
  const steps = new Map<string, StepInfo<F, C>>();
  for (const [id, answers] of Object.entries(tree.questions)) {
    steps.set(id, {
      kind: 'question',
      id,
      answers: Object.entries(answers).map(([answer, to]) => ({ answer, to: tree.leaves[to] ? `${to}1` : to })),
    });
  }
  for (const [leaf, tries] of Object.entries(tree.leaves)) {
    tries.forEach(([fix, cause], i) => {
      const next = i + 1 < tries.length ? `${leaf}${i + 2}` : `${leaf}Help`;
      steps.set(`${leaf}${i + 1}`, { kind: 'outcome', id: `${leaf}${i + 1}`, leaf, n: i + 1, of: tries.length, fix, cause, next });
    });
    steps.set(`${leaf}Help`, { kind: 'help', id: `${leaf}Help`, leaf, tries });
  }
  for (const id of tree.pastes ?? []) steps.set(id, { kind: 'paste', id });
  steps.set(SOLVED, { kind: 'solved', id: SOLVED });

  // A tree: every state but the start (and "solved", reached from every outcome) has one parent.
  const parent = new Map<string, { from: string; event: string }>();
  const spec: Spec<F, C> = { states: {}, parent: {} };
  for (const step of steps.values()) {
    const children: Array<[event: string, to: string]> =
      step.kind === 'question' ? step.answers.map((a) => [`answer.${a.answer}`, a.to]) : step.kind === 'outcome' ? [['outcome.no', step.next]] : [];
    const on: Record<string, Transition> = {};
    for (const [event, to] of children) {
      parent.set(to, { from: step.id, event });
      spec.parent[to] = step.id;
      on[event] = { target: to, actions: { type: 'advance', params: { to } } };
    }
    // No "forward" event: a kept later answer is replayed by sending that answer again, whose
    // `advance` keeps the line (a guarded forward transition per child doubled the machine, and
    // building it is the wizard page's longest task).
    if (step.kind === 'outcome') on['outcome.yes'] = { target: SOLVED, actions: { type: 'advance', params: { to: SOLVED } } };
    spec.states[step.id] = step.kind === 'outcome' ? { meta: { fix: step.fix, cause: step.cause }, on } : { on };
  }
  for (const [id, { from }] of parent) spec.states[id]!.on['wizard.back'] = { target: from };
  return { steps: steps as ReadonlyMap<string, StepInfo<F, C>>, parent: parent as ReadonlyMap<string, { from: string; event: string }>, spec };
}

/**
 * Builds the XState machine from its spec, with the tree helpers its actions, the view and the URL
 * codec need. Back goes to the parent; answering again along the kept line keeps it; restart clears
 * everything. Neither invoke nor delayed transitions: the model-based tests need a pure machine.
 * @param spec from compile() (or /wizard/machine.json in the browser)
 * @returns the machine, the spec, and path helpers
 */
export function createWizard(spec: Spec) {
  /** @returns the states from the start down to `id`, inclusive; [] for ids outside the tree (solved, unknown) */
  const pathTo = (id: string): string[] => {
    const path: string[] = [];
    for (let s: string | undefined = id; s; s = spec.parent[s]) {
      if (path.length > 99 || !spec.states[s]) return []; // unknown or cyclic: never loop
      path.unshift(s);
    }
    return path[0] === START ? path : [];
  };
  /** @returns whether `ancestor` lies on the path from the start to `id` (a state is its own ancestor) */
  const isAncestor = (ancestor: string, id: string): boolean => pathTo(id).includes(ancestor);
  /**
   * @returns the events that lead from `from` down to `to` (an answer or "No" per step), in order:
   *   what a kept later answer's link sends; [] when `from` is not above `to`
   */
  const eventsAlong = (from: string, to: string): string[] => {
    const path = pathTo(to);
    const i = path.indexOf(from);
    if (i < 0) return [];
    return path.slice(i + 1).map((child, j) => {
      const on = spec.states[path[i + j] ?? '']?.on ?? {};
      return Object.keys(on).find((e) => e !== 'wizard.back' && on[e]?.target === child) ?? '';
    });
  };
  // Built on first use: building ~1,900 states is the wizard page's longest task, and the page
  // needs the tree helpers at load but the machine only once the visitor answers (view.ts).
  const build = () => setup({
    types: {
      context: {} as WizardContext,
      events: {} as WizardEvent,
    },
    actions: {
      /** Moving to `to`: keep the later answers if `to` is on them, else start a new line there. */
      advance: assign(({ context }, params: { to: string }) => ({ furthest: isAncestor(params.to, context.furthest) ? context.furthest : params.to })),
      reset: assign({ furthest: START }),
    },
  }).createMachine({
    id: 'wizard',
    initial: START,
    context: { furthest: START },
    on: { 'wizard.restart': { target: `.${START}`, actions: 'reset' } },
    states: spec.states,
  });
  let machine: ReturnType<typeof build> | undefined;
  return {
    /** The XState machine (built the first time it is read). */
    get machine() {
      return (machine ??= build());
    },
    spec,
    pathTo,
    isAncestor,
    eventsAlong,
  };
}

/** The machine and path helpers, as the browser builds them too. */
export type Wizard = ReturnType<typeof createWizard>;
