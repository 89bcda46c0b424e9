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
