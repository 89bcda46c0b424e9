// The wizard's tree (questions, answers, order, outcomes) as JSON, written from src/wizard/machine.ts
// at build time. The browser builds the very same machine from it with createWizard(), so the data
// travels as data instead of as JavaScript (it keeps the wizard's script within its budget).
import { TREE } from '../../wizard/machine';

/** @returns the tree as JSON */
export function GET(): Response {
  return new Response(JSON.stringify(TREE), { headers: { 'Content-Type': 'application/json' } });
}
