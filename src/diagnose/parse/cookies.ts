// Cookie (RFC 6265 §5.4) and Set-Cookie (§5.2) headers: names, values and attributes, enough to
// find session cookies, JWTs kept in cookies, and cookies a 401 clears.

/** One cookie from a Cookie header. */
export interface CookiePair {
  name: string;
  value: string;
}

/** A parsed Set-Cookie header. */
export interface SetCookie {
  name: string;
  value: string;
  /** Attribute names lower-cased, values as written (flags map to ""). */
  attrs: Record<string, string>;
}

/**
 * @param header a Cookie header value ("a=1; b=2")
 * @returns the pairs, in order; malformed pieces are skipped
 */
export function parseCookieHeader(header: string): CookiePair[] {
  const out: CookiePair[] = [];
  for (const piece of header.slice(0, 65536).split(';')) {
    const eq = piece.indexOf('=');
    if (eq < 0 || piece.slice(0, eq).trim() === '') continue;
    out.push({ name: piece.slice(0, eq).trim(), value: piece.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1') });
  }
  return out;
}

/**
 * @param header a Set-Cookie header value
 * @returns the cookie and its attributes, or undefined when there is no name=value
 */
export function parseSetCookie(header: string): SetCookie | undefined {
  const [first = '', ...rest] = header.slice(0, 65536).split(';');
  const eq = first.indexOf('=');
  if (eq <= 0) return undefined;
  const attrs: Record<string, string> = {};
  for (const a of rest) {
    const i = a.indexOf('=');
    const k = (i < 0 ? a : a.slice(0, i)).trim().toLowerCase();
    if (k) attrs[k] = i < 0 ? '' : a.slice(i + 1).trim();
  }
  return { name: first.slice(0, eq).trim(), value: first.slice(eq + 1).trim(), attrs };
}

/**
 * Whether a Set-Cookie deletes the cookie: empty value with Max-Age ≤ 0 or an Expires in the past.
 * @param c a parsed Set-Cookie
 * @param nowMs the current time
 * @returns true when the server is clearing the cookie
 */
export function clearsCookie(c: SetCookie, nowMs: number): boolean {
  const maxAge = c.attrs['max-age'];
  if (maxAge !== undefined && /^-?\d+$/.test(maxAge) && Number(maxAge) <= 0) return true;
  const exp = c.attrs['expires'];
  if (exp !== undefined) {
    const t = Date.parse(exp);
    if (Number.isFinite(t) && t < nowMs) return true;
  }
  return false;
}

/** Cookie names that usually carry a login session. */
export const SESSION_COOKIE_RE = /sess|sid$|^sid|auth|token|login|jwt|connect\.sid|^\.aspnet|identity|remember/i;
