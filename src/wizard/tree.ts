// The decision tree's branches: one page per answer to the first question (src/pages/wizard/tree/),
// each rendered from the machine by TreeNode.astro, so each page stays within the page budget.
import { START } from './machine.ts';
import { WIZARD } from './wizard.ts';

/** @returns the first question's answers, each with the state it leads to: the tree's branches */
export function branches(): ReadonlyArray<{ answer: string; to: string }> {
  const s = WIZARD.stepOf(START);
  return s.kind === 'question' ? s.answers : [];
}
