// The fixed outline of each page type: the h2 headings (exact words, in this order) its body must
// have; more h2s may sit between or after them. Action first: a cause page leads with how to
// confirm and fix it (its quick fix is shown under the title), theory comes last.
import type { ArticleData } from './schema.ts';

/** Required h2 headings, in order, per page type; types not listed have a free outline. */
export const OUTLINES: Partial<Record<ArticleData['type'], readonly string[]>> = {
  cause: ['Symptoms', 'How to confirm it', 'How to fix it', 'Why it happens'],
  fix: ['When this helps', 'Steps', 'How to tell it worked', 'If it did not work'],
  server: ['When this helps', 'Steps', 'How to tell it worked', 'If it did not work'],
  service: ['How to fix it', 'How to tell it worked'],
  method: ['How it works', 'How it fails', 'Good practice'],
};

/**
 * Action first (design.md §6): on these page types the steps come right after a short "when this
 * helps". The content tests check, for every page of the type, that
 * - the body opens with the `first` h2 (at most `maxIntroWords` words before it), and `then` is
 *   the very next h2;
 * - everything before the `then` heading is at most `maxLeadWords` words: one or two sentences or
 *   a short list, with "what you lose", explanations and version notes after the steps;
 * - the text between the `then` heading and its first steps (tabs, a list, code) is at most
 *   `maxStepsIntroWords` words;
 * - no numbered list mixes a "this site" choice with an "all sites" one (an item after the first
 *   starting "All sites"): separate choices are separate lists.
 */
export const ACTION_FIRST: Partial<
  Record<ArticleData['type'], { first: string; then: string; maxIntroWords: number; maxLeadWords: number; maxStepsIntroWords: number }>
> = {
  fix: { first: 'When this helps', then: 'Steps', maxIntroWords: 40, maxLeadWords: 70, maxStepsIntroWords: 40 },
  server: { first: 'When this helps', then: 'Steps', maxIntroWords: 40, maxLeadWords: 70, maxStepsIntroWords: 40 },
};
