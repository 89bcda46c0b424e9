// WWW-Authenticate / Proxy-Authenticate parser following RFC 9110 §11.2 / §11.6.1:
//   challenge  = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
//   auth-param = token BWS "=" BWS ( token / quoted-string )
//   token68    = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
// A single left-to-right scan with no regular expressions: linear time on any input, and it never
// throws — what it cannot read it skips and reports in `malformed`.

/** One parsed challenge. */
export interface Challenge {
  /** Scheme as written ("Bearer"). */
  scheme: string;
  /** Lower-cased scheme for comparisons (schemes are case-insensitive, RFC 9110 §11.1). */
  schemeKey: string;
  /** Parameters keyed by lower-cased name (names are case-insensitive, §11.2); first one wins. */
  params: Record<string, string>;
  /** token68 form (Negotiate/NTLM continuation data), when used instead of parameters. */
  token68: string | undefined;
  /** Names given more than once (the RFC says each name must appear only once per challenge). */
  duplicates: string[];
  /** 1-based line of the header the challenge came from (0 for structures). */
  line: number;
  /** The header line text it came from, for evidence. */
  source: string;
}

/** Result of parsing one or more header values. */
export interface ChallengeParse {
  challenges: Challenge[];
  /** Human-readable notes on syntax errors; empty when the header was well-formed. */
  malformed: string[];
}

const isTchar = (c: number): boolean =>
  (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) ||
  c === 0x21 || (c >= 0x23 && c <= 0x27) || c === 0x2a || c === 0x2b || c === 0x2d || c === 0x2e ||
  c === 0x5e || c === 0x5f || c === 0x60 || c === 0x7c || c === 0x7e;
const isT68 = (c: number): boolean =>
  (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) ||
  c === 0x2d || c === 0x2e || c === 0x5f || c === 0x7e || c === 0x2b || c === 0x2f;
const isWs = (c: number): boolean => c === 0x20 || c === 0x09;

/**
 * Parses challenges from one or more WWW-Authenticate (or Proxy-Authenticate) header values.
 * Several challenges may share one header, and several headers add up (RFC 9110 §11.6.1).
 * @param headers the header values with the line each came from
 * @returns every challenge found, plus notes on anything malformed; never throws
 */
export function parseChallenges(headers: readonly { value: string; line: number; source?: string }[]): ChallengeParse {
  const out: ChallengeParse = { challenges: [], malformed: [] };
  for (const h of headers) parseOne(h.value.slice(0, 16384), h.line, h.source ?? h.value, out);
  return out;
}

function parseOne(s: string, line: number, source: string, out: ChallengeParse): void {
  const n = s.length;
  let i = 0;
  let current: Challenge | undefined;
  const skipWs = (): void => {
    while (i < n && isWs(s.charCodeAt(i))) i++;
  };
  const readToken = (): string => {
    const start = i;
    while (i < n && isTchar(s.charCodeAt(i))) i++;
    return s.slice(start, i);
  };
  const readQuoted = (): string => {
    // Opening quote already seen at s[i].
    i++;
    let v = '';
    while (i < n) {
      const ch = s[i] ?? '';
      if (ch === '\\' && i + 1 < n) {
        v += s[i + 1];
        i += 2;
        continue;
      }
      if (ch === '"') {
        i++;
        return v;
      }
      v += ch;
      i++;
    }
    out.malformed.push(`unterminated quoted string in "${source.slice(0, 80)}"`);
    return v;
  };
  const readValue = (): string => {
    skipWs();
    if (s[i] === '"') return readQuoted();
    const start = i;
    // Tolerate unquoted values with characters a token does not allow (common in the wild).
    while (i < n && s[i] !== ',' && !isWs(s.charCodeAt(i))) i++;
    const v = s.slice(start, i);
    for (let k = 0; k < v.length; k++) {
      if (!isTchar(v.charCodeAt(k))) {
        out.malformed.push(`parameter value "${v.slice(0, 40)}" should be quoted`);
        break;
      }
    }
    return v;
  };
  const addParam = (name: string, value: string): void => {
    if (!current) return;
    const key = name.toLowerCase();
    if (Object.hasOwn(current.params, key)) current.duplicates.push(key);
    else current.params[key] = value;
  };

  while (i < n) {
    skipWs();
    if (s[i] === ',') {
      i++;
      continue;
    }
    if (i >= n) break;
    const start = i;
    const tok = readToken();
    if (tok === '') {
      out.malformed.push(`unexpected "${s[i] ?? ''}" at position ${i + 1}`);
      i++;
      continue;
    }
    // Is this token a parameter name (followed by BWS "=" and a value) of the current challenge?
    let j = i;
    while (j < n && isWs(s.charCodeAt(j))) j++;
    if (current && s[j] === '=' && current.token68 === undefined) {
      // token68 ends with "=" padding; "abc=" then end/comma is token68, not a parameter.
      let k = j + 1;
      while (k < n && isWs(s.charCodeAt(k))) k++;
      const endsHere = k >= n || s[k] === ',' || s[k] === '=';
      if (!endsHere) {
        i = j + 1;
        addParam(tok, readValue());
        continue;
      }
    }
    // Otherwise it starts a new challenge: the token is the scheme.
    current = { scheme: tok, schemeKey: tok.toLowerCase(), params: {}, token68: undefined, duplicates: [], line, source };
    out.challenges.push(current);
    if (i < n && !isWs(s.charCodeAt(i)) && s[i] !== ',') {
      out.malformed.push(`scheme "${s.slice(start, i + 1).slice(0, 40)}" is followed by an unexpected character`);
    }
    skipWs();
    if (i >= n || s[i] === ',') continue;
    // token68 or the first auth-param?
    const t0 = i;
    while (i < n && isT68(s.charCodeAt(i))) i++;
    while (i < n && s[i] === '=') i++;
    let k = i;
    while (k < n && isWs(s.charCodeAt(k))) k++;
    // Followed by nothing (or a comma): token68, whatever its padding. A parameter needs a value.
    if (i > t0 && (k >= n || s[k] === ',')) {
      current.token68 = s.slice(t0, i);
      i = k;
      continue;
    }
    // It is an auth-param: rewind and read name = value.
    i = t0;
    const name = readToken();
    skipWs();
    if (name !== '' && s[i] === '=') {
      i++;
      addParam(name, readValue());
    } else {
      out.malformed.push(`could not read the parameters after "${current.scheme}"`);
      while (i < n && s[i] !== ',') i++;
    }
  }
}

/** Bearer error codes defined by RFC 6750 §3.1, with the status each should come with. */
export const BEARER_ERRORS: Record<string, number> = {
  invalid_request: 400,
  invalid_token: 401,
  insufficient_scope: 403,
};

/**
 * @param c a challenge
 * @returns a one-line readable summary, e.g. `Bearer: error=invalid_token, realm="api"`
 */
export function describeChallenge(c: Challenge): string {
  const parts = Object.entries(c.params).map(([k, v]) => `${k}="${v.length > 120 ? `${v.slice(0, 120)}…` : v}"`);
  if (c.token68 !== undefined) parts.push(`token68 (${c.token68.length} characters)`);
  return `${c.scheme}${parts.length ? ` — ${parts.join(', ')}` : ' (no parameters)'}`;
}
