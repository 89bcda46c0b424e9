// The wizard's wording for build-time rendering: the questions from content/wizard/tree.yaml, and
// each fix's label and summary and each cause's label and "why" from the pages' own front matter,
// all through the generated registry.
import { CAUSES, FIXES, QUESTION_COPY } from '../registry/registry.gen.ts';
import type { Copy } from './render.ts';

/** All wording, keyed by question state id, fix slug and cause slug. */
export const copy: Copy = {
  questions: QUESTION_COPY,
  fixes: Object.fromEntries(Object.entries(FIXES).map(([slug, f]) => [slug, { title: f.label, summary: f.summary }])),
  causes: CAUSES,
};
