// What to paste next, keyed by id. Kept apart from report.ts (like FIX_LABELS) so the web page takes
// the wording from its own HTML (DiagnoseTool.astro renders it) instead of shipping it in its JS;
// the CLI prints it from here.

/** Hint text per hint id. */
export const HINTS = {
  'no-failure': 'There is no 401 or 407 in this: capture the request that failed.',
  curl: 'Paste the whole exchange: `curl -v https://… 2>&1` shows the request and the response with its WWW-Authenticate header.',
  har: 'From a browser: DevTools (F12) → Network, reproduce the error, right-click → “Save all as HAR”, and give that file to the diagnoser (drop it on the page, or pass its path to the CLI).',
  'add-request': 'Add the request too (`curl -v`) to check the credentials sent.',
  'add-response': 'Add the response too (status, WWW-Authenticate, body).',
  sanitised: 'Chrome’s default sanitised HAR leaves out Authorization and cookies; paste those request headers too.',
  'token-ok': 'The token looks fine by form and dates: paste the 401 response too.',
} as const;

/** A hint's id: a key of HINTS. */
export type HintId = keyof typeof HINTS;
