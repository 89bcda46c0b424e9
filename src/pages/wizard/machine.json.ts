// The wizard's machine spec (every state's transitions, the outcomes' fix and cause, each state's
// parent) as JSON, written from src/wizard/machine.ts at build time. The browser builds the very
// same machine from it with createWizard(), so the tree travels as data instead of as JavaScript.
import { WIZARD } from '../../wizard/wizard';

/** @returns the spec as JSON */
export function GET(): Response {
  return new Response(JSON.stringify(WIZARD.spec), { headers: { 'Content-Type': 'application/json' } });
}
