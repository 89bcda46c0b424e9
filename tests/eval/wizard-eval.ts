// Replays the blind answers recorded for the real-case corpus through the current wizard tree and
// scores them (protocol: docs/evaluation.md). Shared by the scenario test and the report script.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXES, TREE } from '../../src/registry/registry.gen.ts';
import type { Split } from '../../scripts/eval/split.ts';
import type { Knowledge } from '../../src/diagnose/atlas.ts';
import { offeredCauses } from '../../src/diagnose/offer.ts';
import knowledge from '../../src/registry/knowledge.gen.json' with { type: 'json' };
import words from '../../src/registry/words.gen.json' with { type: 'json' };

/** A fixed clock for the paste step (the cases' texts hold no live tokens). */
const EVAL_NOW = Date.parse('2026-12-01T00:00:00Z');

const DIR = join(import.meta.dirname, '..', 'fixtures', 'wizard-corpus');

/** A real case, as collected (see tests/fixtures/wizard-corpus/README.md). */
export interface WizardCase {
  id: string;
  source: string;
  audience: 'web' | 'app' | 'api' | 'server';
  symptom: string;
  setup: string;
  status: string;
  cause: string;
  fix: string;
  /** Cause slugs whose page addresses the established cause ([] when none does). */
  accept: string[];
  unmapped?: string;
}

/** Blind answers: for each case id, the answer ids clicked in order, and (for a paste step) what was pasted. */
export interface Answers {
  /** How and when the answers were chosen. */
  note: string;
  answers: Record<string, string[]>;
  /** For paths that end at a "type or paste" step: what the person would type there. */
  pastes?: Record<string, string>;
}

/** The outcome of one case. */
export interface Scored {
  id: string;
  split: 'test' | 'dev';
  audience: WizardCase['audience'];
  /** Why the path could not be replayed, if it could not. */
  error?: string;
  /** Answers to the first suggestion. */
  answersToFirst: number;
  /** 1-based position of the first suggestion whose fix page resolves an accepted cause, within 8 answers; 0 = none. */
  hitAt: number;
  /** The same, stricter: the suggestion names an accepted cause itself. */
  causeAt: number;
}

/** Maximum answers (questions plus "No, next suggestion") before the right suggestion counts as reached. */
export const MAX_ANSWERS = 8;

export function loadCases(): WizardCase[] {
  return ['visitors.json', 'developers.json', 'operators.json'].flatMap((f) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as WizardCase[]);
}

export function loadSplit(): Split {
  return JSON.parse(readFileSync(join(DIR, 'split.json'), 'utf8')) as Split;
}

export function loadAnswers(file = 'answers.json'): Answers {
  return JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Answers;
}

/**
 * A suggestion addresses a case when its fix page resolves an accepted cause (the fix page lists
 * it) or it names an accepted cause itself.
 * @param c a case
 * @returns whether a (fix, cause) suggestion addresses it
 */
function resolverFor(c: WizardCase): (fix: string, cause: string) => boolean {
  const fixes = FIXES as Readonly<Record<string, { causes: readonly string[] }>>;
  return (fix, cause) => c.accept.includes(cause) || (fixes[fix]?.causes ?? []).some((x) => c.accept.includes(x));
}

/**
 * @param c a case
 * @param path the answer ids chosen blind
 * @param split which split the case is in
 * @returns how far the wizard got
 */
export function score(c: WizardCase, path: readonly string[] | undefined, split: 'test' | 'dev', pasted?: string): Scored {
  const base = { id: c.id, split, audience: c.audience, answersToFirst: 0, hitAt: 0, causeAt: 0 };
  const resolves = resolverFor(c);
  const at = (n: number, k: number) => (k >= 0 && n + k <= MAX_ANSWERS ? k + 1 : 0);
  if (!path) return { ...base, error: 'no recorded answers' };
  let state = 'start';
  for (const [i, a] of path.entries()) {
    const to = TREE.questions[state]?.[a];
    if (!to) return { ...base, error: `answer ${i + 1} "${a}" is not an answer of ${state}` };
    if ((TREE as { pastes?: readonly string[] }).pastes?.includes(to)) {
      if (i !== path.length - 1) return { ...base, error: `answers go on after the paste step ${to}` };
      if (pasted === undefined) return { ...base, error: `no pasted text recorded for the paste step ${to}` };
      const n = path.length + 1; // typing the text counts as one more answer
      // The step's audience is the first answer, as the page's form carries it.
      const found = offeredCauses(pasted, knowledge as Knowledge, words, 3, EVAL_NOW, path[0]).map((o) => [(knowledge as Knowledge).causes[o.cause]?.fix ?? '', o.cause] as const);
      // Then the step's fallback, the likeliest causes for the answers so far, minus those found.
      const fallback = (TREE.pasteFallback[to] ?? []).filter(([, x]) => !found.some(([, y]) => y === x));
      const offered = [...found, ...fallback];
      return { ...base, answersToFirst: n, hitAt: at(n, offered.findIndex(([f, x]) => resolves(f, x))), causeAt: at(n, offered.findIndex(([, x]) => c.accept.includes(x))) };
    }
    if (TREE.leaves[to]) {
      if (i !== path.length - 1) return { ...base, error: `answers go on after reaching the suggestions of ${to}` };
      const tries = TREE.leaves[to];
      const n = path.length;
      return { ...base, answersToFirst: n, hitAt: at(n, tries.findIndex(([f, x]) => resolves(f, x))), causeAt: at(n, tries.findIndex(([, x]) => c.accept.includes(x))) };
    }
    state = to;
  }
  return { ...base, error: `answers stop at question ${state}` };
}

/** Figures for a set of scored cases. */
export function figures(rows: readonly Scored[]) {
  const n = rows.length;
  const hit = rows.filter((r) => r.hitAt > 0).length;
  const first = rows.filter((r) => r.hitAt === 1).length;
  const cause = rows.filter((r) => r.causeAt > 0).length;
  const causeFirst = rows.filter((r) => r.causeAt === 1).length;
  const pct = (x: number) => (n ? Math.round((1000 * x) / n) / 10 : 0);
  const toFirst = rows.map((r) => r.answersToFirst).sort((a, b) => a - b);
  return { n, hit, first, hitPct: pct(hit), firstPct: pct(first), cause, causeFirst, causePct: pct(cause), causeFirstPct: pct(causeFirst), medianToFirst: toFirst[Math.floor(n / 2)] ?? 0, maxToFirst: toFirst.at(-1) ?? 0 };
}

/** @returns every case scored with the recorded answers */
export function evaluate(answers: Answers = loadAnswers()): Scored[] {
  const split = loadSplit();
  const test = new Set(split.test);
  return loadCases().map((c) => score(c, answers.answers[c.id], test.has(c.id) ? 'test' : 'dev', answers.pastes?.[c.id]));
}

/**
 * The "type or paste" step on its own: each case's symptom, as the person wrote it, typed at that
 * step. Not the wizard's figure (people answer questions first); it measures what the step offers
 * for a description in someone's own words.
 * @returns per case with accepted causes: the 1-based position of the first offered cause whose fix resolves one (0 = none of 3)
 */
export function evaluateTyped(): Array<{ id: string; split: 'test' | 'dev'; at: number }> {
  const split = loadSplit();
  const test = new Set(split.test);
  const k = knowledge as Knowledge;
  return loadCases()
    .filter((c) => c.accept.length > 0)
    .map((c) => {
      const resolves = resolverFor(c);
      const offered = offeredCauses(c.symptom, k, words, 3, EVAL_NOW, c.audience);
      return { id: c.id, split: test.has(c.id) ? ('test' as const) : ('dev' as const), at: offered.findIndex((o) => resolves(k.causes[o.cause]?.fix ?? '', o.cause)) + 1 };
    });
}
