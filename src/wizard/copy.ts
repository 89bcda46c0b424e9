// The wizard's wording for build-time rendering: the questions from content/wizard/tree.yaml, and
// each fix's label and summary and each cause's label and "why" from the pages' own front matter,
// all through the generated registry.
import { CAUSES, FIXES, QUESTION_COPY, type FamilyId } from '../registry/registry.gen.ts';

/** Wording of the wizard, keyed by state id, fix slug and cause slug. */
export interface Copy {
  /** Question states: the question, an optional hint, and a label + short label per answer id. */
  questions: Record<string, { q: string; hint?: string; a: Record<string, { label: string; short: string }> }>;
  /** Fix page slugs: an action title and one sentence on what it does. */
  fixes: Record<string, { title: string; summary: string }>;
  /** Cause page slugs: a short label, one sentence on why it gives a 401, and its family. */
  causes: Record<string, { label: string; why: string; family: FamilyId }>;
}

/** All wording, keyed by question state id, fix slug and cause slug. */
export const copy: Copy = {
  questions: QUESTION_COPY,
  fixes: Object.fromEntries(Object.entries(FIXES).map(([slug, f]) => [slug, { title: f.label, summary: f.summary }])),
  causes: CAUSES,
};
