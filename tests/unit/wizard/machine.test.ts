import { createActor, getNextSnapshot } from 'xstate';
import { beforeAll, describe, expect, it } from 'vitest';
import { SOLVED, START, createWizard, type WizardEvent } from '../../../src/wizard/machine.ts';
import { TREE, WIZARD } from '../../../src/wizard/wizard.ts';

const { machine, steps, parent, pathTo, spec } = WIZARD;
const ids = [...steps.keys()];

/** An actor resting in `state` with the given kept furthest state. */
function at(state: string, furthest = state) {
  return createActor(machine, { snapshot: machine.resolveState({ value: state, context: { furthest } }) }).start();
}
// Resolving a snapshot costs about a millisecond on a machine this size, a transition a tenth of
// that: each state is resolved once and every event is sent to that snapshot (pure, no actor).
const resolved = new Map<string, ReturnType<typeof machine.resolveState>>();
/** The snapshot resting in `state`, its kept furthest state being itself (resolved once). */
function snapshotAt(state: string) {
  let snap = resolved.get(state);
  if (!snap) resolved.set(state, (snap = machine.resolveState({ value: state, context: { furthest: state } })));
  return snap;
}
/** The snapshot after one event sent from `state`. */
function after(state: string, type: string) {
  return getNextSnapshot(machine, snapshotAt(state), { type } as WizardEvent);
}
// Resolving all ~1,800 snapshots takes seconds on the 2-core CI machine: done once, as setup with
// its own time limit, so the first test that walks the machine is not charged for it.
beforeAll(() => {
  for (const id of ids) snapshotAt(id);
}, 60_000);

/** Events a state reacts to, from its spec. */
const eventsOf = (id: string) => [...Object.keys(spec.states[id]?.on ?? {}), 'wizard.restart'];

describe('wizard machine: shape', () => {
  it('has a sensible size', () => {
    expect(Object.keys(TREE.questions).length).toBeGreaterThanOrEqual(20);
    expect(Object.keys(TREE.leaves).length).toBeGreaterThanOrEqual(40);
    expect(machine.states[START]).toBeDefined();
  });

  it('reaches every state from the start by sending events', () => {
    const seen = new Set([START]);
    const queue = [START];
    while (queue.length > 0) {
      const s = queue.shift() ?? START;
      for (const type of eventsOf(s)) {
        const next = after(s, type).value as string;
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    expect([...seen].sort()).toEqual([...ids].sort());
  });

  it('has no dead end: every state has a way on (answers, yes/no) or, for help and solved, back or restart', () => {
    for (const id of ids) {
      const moves = eventsOf(id).filter((type) => after(id, type).value !== id);
      const kind = WIZARD.stepOf(id).kind;
      if (kind === 'question') expect(moves.filter((m) => m.startsWith('answer.')).length, id).toBeGreaterThanOrEqual(2);
      if (kind === 'outcome') expect(moves, id).toEqual(expect.arrayContaining(['outcome.yes', 'outcome.no']));
      if (kind === 'help') expect(moves, id).toEqual(expect.arrayContaining(['wizard.back', 'wizard.restart']));
      if (kind === 'solved') expect(moves, id).toContain('wizard.restart');
      expect(machine.states[id]?.type, id).not.toBe('final');
    }
  });

  it('is a tree: every state but the start and "solved" has exactly one parent', () => {
    const incoming = new Map<string, number>();
    for (const [, s] of Object.entries(spec.states)) {
      for (const [event, t] of Object.entries(s.on)) {
        if (!event.startsWith('answer.') && event !== 'outcome.no') continue;
        const target = Array.isArray(t) ? undefined : t.target;
        if (target) incoming.set(target, (incoming.get(target) ?? 0) + 1);
      }
    }
    for (const id of ids) {
      if (id === START || id === SOLVED) expect(incoming.get(id), id).toBeUndefined();
      else expect(incoming.get(id), id).toBe(1);
    }
  });

  it('asks at most 8 answers (questions plus "did not fix it") on any path, including to the escalation summary', () => {
    const longest = Math.max(...ids.map((id) => pathTo(id).length - 1));
    expect(longest).toBeLessThanOrEqual(8);
  });

  it('never suggests the same fix twice for one set of answers, and every leaf has a try', () => {
    for (const [leaf, tries] of Object.entries(TREE.leaves)) {
      expect(tries.length, leaf).toBeGreaterThan(0);
      expect(new Set(tries.map(([fix]) => fix)).size, leaf).toBe(tries.length);
    }
  });

  it('names the fix page and the cause in every outcome state', () => {
    for (const id of ids) {
      const step = WIZARD.stepOf(id);
      if (step.kind !== 'outcome') continue;
      expect(machine.states[id]?.meta, id).toEqual({ fix: step.fix, cause: step.cause });
    }
  });

  it('rebuilds the identical machine from its JSON spec (what the browser does)', () => {
    const again = createWizard(JSON.parse(JSON.stringify(spec)));
    expect(JSON.stringify(again.machine.definition)).toBe(JSON.stringify(machine.definition));
  });
});

describe('wizard machine: back, restart, forward', () => {
  it('Back goes to the parent question from every state that has one, and keeps the later answers', () => {
    for (const id of ids) {
      const p = parent.get(id);
      const next = after(id, 'wizard.back');
      expect(next.value, id).toBe(p?.from ?? id);
      expect(next.context.furthest, id).toBe(id);
    }
  });

  it('Restart goes to the first question and forgets every answer, from every state', () => {
    for (const id of ids) {
      const next = after(id, 'wizard.restart');
      expect(next.value).toBe(START);
      expect(next.context.furthest).toBe(START);
    }
  });

  it('keeps later answers after going back until an answer changes', () => {
    const actor = at(START);
    for (const type of ['answer.web', 'answer.prompt', 'answer.work', 'answer.office'] as const) actor.send({ type });
    expect(actor.getSnapshot().value).toBe('webPromptWorkOffice1');
    actor.send({ type: 'outcome.no' });
    const far = actor.getSnapshot().value as string;
    expect(far).toBe('webPromptWorkOffice2');
    // Jump back two answers (what the breadcrumb does): the line is kept.
    for (let i = 0; i < 2; i++) actor.send({ type: 'wizard.back' });
    expect(actor.getSnapshot().value).toBe('webPromptWork');
    expect(actor.getSnapshot().context.furthest).toBe(far);
    // The events along the kept line (what a kept answer's link sends) replay it…
    expect(WIZARD.eventsAlong('webPromptWork', far)).toEqual(['answer.office', 'outcome.no']);
    expect(WIZARD.eventsAlong('webPromptWorkRemote1', far)).toEqual([]);
    actor.send({ type: 'answer.office' });
    expect(actor.getSnapshot().value).toBe('webPromptWorkOffice1');
    // …giving the same answer again keeps them…
    expect(actor.getSnapshot().context.furthest).toBe(far);
    actor.send({ type: 'wizard.back' });
    // …and a different answer drops them.
    actor.send({ type: 'answer.remote' });
    expect(actor.getSnapshot().value).toBe('webPromptWorkRemote1');
    expect(actor.getSnapshot().context.furthest).toBe('webPromptWorkRemote1');
  });

  it('"Yes, it works" goes to the solved state from every outcome', () => {
    for (const id of ids.filter((i) => WIZARD.stepOf(i).kind === 'outcome')) expect(after(id, 'outcome.yes').value).toBe(SOLVED);
  });

  it('ignores events a state does not offer', () => {
    const actor = at(START);
    actor.send({ type: 'answer.nonsense' });
    actor.send({ type: 'outcome.no' });
    actor.send({ type: 'wizard.back' });
    expect(actor.getSnapshot().value).toBe(START);
  });
});

describe('machine file', () => {
  it('imports only xstate (no DOM, no network)', async () => {
    const { readFileSync } = await import('node:fs');
    const src = readFileSync(new URL('../../../src/wizard/machine.ts', import.meta.url), 'utf8');
    const imports = [...src.matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1]);
    expect(imports).toEqual(['xstate']);
    expect(src).not.toMatch(/\b(document|window|navigator|localStorage)\.|\bfetch\(|XMLHttpRequest/);
    expect(src).not.toMatch(/\binvoke\s*:|\bafter\s*:/);
  });
});
