// The wizard's wording from content/wizard/, for build-time rendering and for the copy.json file the
// browser loads (the view fetches it instead of bundling it, to keep the page's JavaScript small).
import causes from '../../content/wizard/causes.json' with { type: 'json' };
import fixes from '../../content/wizard/fixes.json' with { type: 'json' };
import questions from '../../content/wizard/questions.json' with { type: 'json' };
import type { Copy } from './render.ts';

/** All wording, keyed by question state id, fix slug and cause slug. The unit tests check every key. */
export const copy: Copy = { questions, fixes, causes };
