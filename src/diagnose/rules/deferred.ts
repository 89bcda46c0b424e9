// The rule groups left out of the engine the diagnoser page loads at start (its 30 KB budget,
// ../shared/design.md §5), and the line each one starts from. Few pastes have that line, and
// without it the group finds nothing, so the page hands only such a paste to the whole engine
// (src/diagnose/analyse.ts) in a same-origin worker. The CLI, the evaluation and the tests always
// run every group.

/**
 * A header named after an auth scheme ("Bearer: <token>", a key typed into Postman's header list
 * instead of "Authorization"): no server reads a credential from it. ("Token:" is left out: some
 * APIs do name their header that.) Read by rules/written.ts; here because it starts that group.
 */
export const SCHEME_AS_HEADER = /^\s*(?:> )?(bearer|basic)[ \t]*:[ \t]*\S/i;

/**
 * A key or token header whose name has an underscore ("API_KEY: …", "X_Auth_Token: …"): nginx
 * counts such names invalid and drops them by default (underscores_in_headers off,
 * ignore_invalid_headers on), so behind nginx, Kong or ingress-nginx the server gets no key.
 * Read by rules/written.ts; here because it starts that group.
 */
export const UNDERSCORE_KEY_HEADER = /^\s*(?:> )?((?=[\w-]*_)[\w-]*(?:key|token|auth|secret)[\w-]*)[ \t]*:[ \t]*\S/i;

/**
 * The other lines rules/written.ts starts from: a "$" inside a word, an escaped or raw control
 * character, a shell's job line, a request line followed by a blank line.
 */
const WRITTEN_OTHER = /[A-Za-z0-9]\$[A-Za-z_]|\\u00(?!1b)[01][0-9a-f]|\\x(?!1b)[01][0-9a-f]|[\u0000-\u0008\u000b\u000c\u000e-\u001a\u001c-\u001f]|^\s*\[\d+\][+-]?\s+(?:\d+\s*$|Done\b|Exit\b)|^[ \t]*(?:> )?[A-Z][A-Z-]{1,19}[ \t]+\S+[ \t]+(?:HTTP|RTSP|SIP|ICAP)\/\d(?:\.\d)?[ \t]*\r?\n[ \t]*\r?\n/;

/** Each deferred group and what a paste must contain for it to find anything. */
export const DEFERRED_MARKERS = {
  /** Why a cookie was not stored or not sent (rules/cookies.ts): starts from a Set-Cookie line. */
  cookies: /set-cookie/i,
  /** Active Directory's reason for a failed LDAP bind (rules/directory.ts): its diagnostic text. */
  directory: /AcceptSecurityContext error/i,
  /** How the request was written down (rules/written.ts): any line that group starts from. */
  written: new RegExp([SCHEME_AS_HEADER, UNDERSCORE_KEY_HEADER, WRITTEN_OTHER].map((re) => re.source).join('|'), 'im'),
} as const;

/** The deferred groups a caller passes in, by name. */
export type DeferredRules<Group> = Partial<Record<keyof typeof DEFERRED_MARKERS, Group>>;

/**
 * @param text the paste
 * @returns whether a deferred rule group could find something in it (then the page runs the whole engine)
 */
export function needsDeferredRules(text: string): boolean {
  return Object.values(DEFERRED_MARKERS).some((re) => re.test(text));
}
