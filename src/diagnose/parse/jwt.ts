// JSON Web Tokens (RFC 7519 / JWS compact form, RFC 7515 §7.1): three base64url parts. We decode
// the header and claims *without verifying anything* — the signature needs the issuer's key, which
// we never fetch (jku / x5u are shown, not followed). A damaged token still yields what can be read.

/** What a JWT decodes to. */
export interface DecodedJwt {
  /** The token as found. */
  token: string;
  /** Parsed header, when it decodes. */
  header: Record<string, unknown> | undefined;
  /** Parsed claims, when they decode. */
  claims: Record<string, unknown> | undefined;
  /** Number of dot-separated parts (3 for JWS, 5 for JWE). */
  parts: number;
  /** What could not be read, in plain words. */
  problems: string[];
}

/** Finds candidate JWTs in text: eyJ… (base64url of `{"`) then two more dot-separated parts. */
export const JWT_RE = /eyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*\.?[A-Za-z0-9_-]*/g;

/**
 * Decodes base64url (padding optional) to a UTF-8 string.
 * @param s base64url text
 * @returns the decoded text, or undefined when it is not valid base64url or not UTF-8
 */
export function b64urlDecode(s: string): string | undefined {
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(s) || s.length % 4 === 1) return undefined;
  try {
    const b = atob(s.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(s.replace(/=+$/, '').length / 4) * 4, '='));
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(b, (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

function decodePart(part: string, name: string, problems: string[]): Record<string, unknown> | undefined {
  const text = b64urlDecode(part);
  if (text === undefined) {
    problems.push(`the ${name} is not valid base64url`);
    return undefined;
  }
  try {
    const v: unknown = JSON.parse(text);
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
    problems.push(`the ${name} is not a JSON object`);
  } catch {
    problems.push(`the ${name} is not valid JSON${text.length < 4 ? '' : ' (the token may have been cut short)'}`);
  }
  return undefined;
}

/**
 * Decodes a JWT without verifying it.
 * @param token the compact token (surrounding whitespace, quotes and a "Bearer " prefix are tolerated)
 * @returns header, claims and problems; never throws
 */
export function decodeJwt(token: string): DecodedJwt {
  const t = token.trim().replace(/^bearer\s+/i, '').replace(/^["']|["']$/g, '');
  const parts = t.split('.');
  const problems: string[] = [];
  if (parts.length === 5) {
    const header = decodePart(parts[0] ?? '', 'header', problems);
    problems.push('this is an encrypted token (JWE): its claims cannot be read without the key');
    return { token: t, header, claims: undefined, parts: 5, problems };
  }
  if (parts.length !== 3) problems.push(`a JWT has 3 dot-separated parts; this has ${parts.length}`);
  const header = decodePart(parts[0] ?? '', 'header', problems);
  const claims = parts.length >= 2 ? decodePart(parts[1] ?? '', 'payload', problems) : undefined;
  if (parts.length === 3 && (parts[2] ?? '') === '' && header && String(header['alg']).toLowerCase() !== 'none') {
    problems.push('the signature part is empty');
  }
  return { token: t, header, claims, parts: parts.length, problems };
}

/**
 * @param value any text
 * @returns whether it looks like a compact JWT (starts with eyJ and has dots)
 */
export function looksLikeJwt(value: string): boolean {
  return /^eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*(\.[A-Za-z0-9_-]*){1,3}$/.test(value.trim());
}

/**
 * @param v a claim value
 * @returns seconds since the epoch when the claim is a NumericDate (RFC 7519 §2), else undefined
 */
export function numericDate(v: unknown): number | undefined {
  const n = typeof v === 'string' && /^\d{1,12}(\.\d+)?$/.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) && n > 0 && n < 1e11 ? n : undefined;
}

/**
 * @param seconds a NumericDate
 * @returns an ISO-8601 UTC date, e.g. "2026-11-28 10:00:00 UTC"
 */
export function isoDate(seconds: number): string {
  return `${new Date(seconds * 1000).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/**
 * @param deltaSeconds positive or negative difference
 * @returns a short human span: "3 h 5 min", "40 s", "2 days"
 */
export function span(deltaSeconds: number): string {
  const s = Math.abs(Math.round(deltaSeconds));
  if (s < 90) return `${s} s`;
  if (s < 5400) return `${Math.round(s / 60)} min`;
  if (s < 172800) return `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min`;
  return `${Math.round(s / 86400)} days`;
}
