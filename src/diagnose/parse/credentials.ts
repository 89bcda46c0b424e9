// What credentials a request carried, and what is wrong with their form: the Authorization header
// (RFC 9110 §11.6.2: `credentials = auth-scheme [ 1*SP ( token68 / #auth-param ) ]`), Basic's
// base64 of user-id ":" password (RFC 7617 §2), API-key headers and query parameters, cookies.

import type { Header, HttpRequest } from '../types.ts';

/** How an API key or token might be named in a header (besides Authorization). */
export const KEY_HEADER_RE = /^(?:x-)?(?:api[-_]?key|apikey|api[-_]?token|auth[-_]?token|access[-_]?token|token|auth|key|secret|private[-_]?token|goog-api-key|ocp-apim-subscription-key|functions-key|amz-security-token)$|api[-_]?key|[-_]token$/i;

/**
 * @param name a header name
 * @returns whether it carries an API key or token (not Authorization, not an anti-CSRF token)
 */
export function isKeyHeader(name: string): boolean {
  return KEY_HEADER_RE.test(name) && !/^(?:authorization|proxy-authorization|x-csrf-token|x-xsrf-token|csrf-token|x-request-token|sec-.*)$/i.test(name);
}

/**
 * @param name a header name
 * @returns whether it carries a credential: Authorization, Proxy-Authorization or a key header
 */
export function isCredentialHeader(name: string): boolean {
  return /^(?:proxy-)?authorization$/i.test(name) || isKeyHeader(name);
}
/** Query parameters that carry credentials. */
export const KEY_PARAM_RE = /^(?:access_token|accesstoken|token|api_?key|apikey|key|auth|jwt|id_token|client_secret|password|passwd|secret|sig|signature|x-amz-signature|x-amz-credential|code)$/i;

/** The Authorization header, read. */
export interface AuthInfo {
  header: Header;
  /** Scheme as written, "" when the value has no space (a bare token). */
  scheme: string;
  /** Everything after the scheme and its separating space(s). */
  credentials: string;
  /** Form problems found, each a short sentence, with a rule id. */
  problems: { id: string; text: string }[];
  /** For Basic: the decoded user-id (password never kept). */
  basicUser: string | undefined;
}

// Values people send by mistake when a variable was empty or never substituted. Runs of x, * or .
// are not among them: that is how people (and corpora) redact a token before pasting it, so the
// value cannot be judged, and saying it was sent that way would be wrong nearly every time.
const PLACEHOLDER_RE = /^(?:undefined|null|none|nil|false|true|nan|\[object object\]|<[^>]{0,60}>|\{\{[^}]{0,60}\}\}|\$\{?[A-Za-z_][A-Za-z0-9_]{0,60}\}?|%[A-Za-z_][A-Za-z0-9_]{0,60}%|your[-_ ]?(?:api[-_ ]?)?(?:token|key)[\w-]{0,30}|token|api[-_]?key|access[-_]?token)$/i;

/** The auth schemes people write, as a whole value: a header that holds only one sent no credential. */
const AUTH_SCHEME_WORD = /^(?:bearer|basic|token|digest|negotiate|ntlm|jwt|dpop|ssws|apikey|api-key)$/i;

/**
 * @param v a credential value
 * @returns whether it is an empty or placeholder value (`undefined`, `${TOKEN}`, `<token>`…)
 */
export function isPlaceholder(v: string): boolean {
  return v.trim() === '' || PLACEHOLDER_RE.test(v.trim());
}

/**
 * Reads an Authorization (or Proxy-Authorization) header and notes problems with its form.
 * @param header the header
 * @returns the scheme, credentials and problems
 */
export function readAuthorization(header: Header): AuthInfo {
  const raw = header.raw;
  const v = header.value;
  const problems: AuthInfo['problems'] = [];
  const sp = v.search(/[ \t]/);
  const scheme = sp < 0 ? '' : v.slice(0, sp);
  const credentials = sp < 0 ? v : v.slice(sp).replace(/^[ \t]+/, '');
  let basicUser: string | undefined;

  // (After a lone scheme word the space is the separator of a value that is missing, not stray.)
  if (/^\s|\s$/.test(raw) && raw.trim() !== '' && !AUTH_SCHEME_WORD.test(raw.trim())) problems.push({ id: 'whitespace', text: 'the value has spaces or tabs before or after it' });
  if (sp >= 0 && /^[ \t]{2,}/.test(v.slice(sp))) problems.push({ id: 'whitespace', text: 'there is more than one space after the scheme' });
  // Quotes are normal inside auth-params (Digest's realm="…"); around a token68 they are part of the token.
  const params = /^[\w-]+[ \t]*=/.test(credentials);
  if (!params && (/^["']|["']$/.test(v) || /^["']|["']$/.test(credentials))) problems.push({ id: 'quotes', text: 'the value is wrapped in quotes, which are sent as part of it' });
  if (/[\u200B-\u200D\uFEFF\u00A0]/.test(raw)) problems.push({ id: 'whitespace', text: 'the value contains invisible characters (zero-width or non-breaking spaces)' });
  if (/%0[ad]|\\n|\\r/i.test(raw)) problems.push({ id: 'whitespace', text: 'the value contains an encoded line break (%0A, \\n)' });

  // Redacted before it was pasted (see PLACEHOLDER_RE): its form cannot be judged.
  const redacted = /^[x*.]{4,}$/i.test(credentials.trim());
  if (scheme === '') {
    if (isPlaceholder(v)) problems.push({ id: 'placeholder', text: `the value is "${v.slice(0, 40)}", not a credential` });
    // "Bearer " with nothing after it: the scheme is there, the credential is not (an empty variable).
    else if (AUTH_SCHEME_WORD.test(v.trim())) problems.push({ id: 'scheme-only', text: `only the scheme "${v.trim()}", with nothing after it` });
    else if (!redacted) problems.push({ id: 'no-scheme', text: 'a bare token without a scheme' });
  } else {
    if (/^bearer$/i.test(scheme) && /^bearer[ \t]/i.test(credentials)) problems.push({ id: 'double-scheme', text: 'the word "Bearer" appears twice' });
    else if (/^(?:basic|token|jwt|bearer)$/i.test(scheme) && /^(?:basic|token|jwt|bearer)[ \t]/i.test(credentials)) problems.push({ id: 'double-scheme', text: `two schemes: "${scheme} ${credentials.split(/[ \t]/)[0] ?? ''}"` });
    if (/^bearer:?$/i.test(scheme.replace(/:$/, '')) && scheme.endsWith(':')) problems.push({ id: 'scheme-colon', text: 'the scheme is followed by a colon ("Bearer: …")' });
    const placeholder = isPlaceholder(credentials.replace(/^["']|["']$/g, ''));
    if (placeholder) problems.push({ id: 'placeholder', text: `the credentials are "${credentials.slice(0, 40)}", not a real value: a variable was empty or never filled in` });
    if (/^basic$/i.test(scheme) && !redacted) {
      const b = decodeBasic(credentials.replace(/^["']|["']$/g, ''));
      basicUser = b.user;
      if (b.problem) problems.push({ id: b.problemId ?? 'basic', text: b.problem });
    }
    // ("<access token>" has a space because it is a placeholder, not a token.)
    if (/^bearer$/i.test(scheme) && !placeholder && /[ \t]/.test(credentials.trim()) && !/^bearer[ \t]/i.test(credentials)) {
      problems.push({ id: 'whitespace', text: 'the token contains a space' });
    }
  }
  return { header, scheme, credentials, problems, basicUser };
}

/**
 * Decodes Basic credentials (RFC 7617 §2): base64 of user-id ":" password, UTF-8 when the server
 * says charset="UTF-8", historically often ISO-8859-1.
 * @param b64 the token68 after "Basic "
 * @returns the user-id (never the password) and a problem, if any
 */
export function decodeBasic(b64: string): { user: string | undefined; problem: string | undefined; problemId: string | undefined } {
  const t = b64.trim();
  if (/^eyJ[\w-]+\.[\w-]+/.test(t)) return { user: undefined, problem: 'a JWT was sent with the Basic scheme', problemId: 'basic-jwt' };
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(t) || t.length % 4 === 1) {
    const plain = t.includes(':') && !/[+/=]/.test(t);
    return {
      user: plain ? t.slice(0, t.indexOf(':')) : undefined,
      problem: plain ? 'they are plain text, not base64' : 'the Basic credentials are not valid base64',
      problemId: 'basic-encoding',
    };
  }
  let bin: string;
  try {
    bin = atob(t.padEnd(Math.ceil(t.length / 4) * 4, '='));
  } catch {
    return { user: undefined, problem: 'the Basic credentials are not valid base64', problemId: 'basic-encoding' };
  }
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  let text: string;
  let utf8 = true;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    utf8 = false;
    text = bin; // ISO-8859-1: one byte, one code point
  }
  const colon = text.indexOf(':');
  if (colon < 0) {
    return { user: undefined, problem: 'they decode to text without a colon, so no "user:password"', problemId: 'basic-no-colon' };
  }
  const user = text.slice(0, colon);
  if (!utf8) {
    return { user, problem: 'they are not UTF-8 (ISO-8859-1?)', problemId: 'basic-charset' };
  }
  if (/[\r\n]$/.test(text)) return { user, problem: 'the password ends with a line break (echo without -n?)', problemId: 'basic-newline' };
  // "Og==": curl -u "$USER:$PASS" (or a client's user:password) built from variables that were never set.
  if (text === ':') return { user, problem: 'they decode to ":", an empty user name and password: the variables meant to fill them were empty', problemId: 'basic-empty' };
  return { user, problem: undefined, problemId: undefined };
}

/** Everything credential-like a request carried. */
export interface RequestCredentials {
  authorization: AuthInfo | undefined;
  proxyAuthorization: AuthInfo | undefined;
  /** Headers that look like API keys (X-API-Key…). */
  keyHeaders: Header[];
  /** Query parameters that look like credentials. */
  keyParams: { name: string; value: string }[];
  cookie: Header | undefined;
  /** user:pass@ in the URL. */
  urlUserinfo: boolean;
  /** Header names that look like a misspelt Authorization. */
  misspelt: Header[];
}

/**
 * Distance between two short strings (Levenshtein, bounded): used to spot "Authorisation",
 * "Autorization", "Authorizaton". Inputs are header names (≤ 100 chars), so O(n·m) is tiny.
 */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length] ?? 99;
}

/**
 * @param name a header name
 * @returns whether it looks like a misspelling of Authorization (or a near-miss such as "Authentication")
 */
export function isMisspeltAuthorization(name: string): boolean {
  const n = name.toLowerCase().replace(/^x-/, '');
  if (n === 'authorization' || n === 'proxy-authorization') return false;
  if (n === 'authentication' || n === 'authorisation' || n === 'auth-header' || n === 'bearer' || n === 'authorization-token') return true;
  return editDistance(n, 'authorization') <= 2 || editDistance(n, 'proxy-authorization') <= 2;
}

/**
 * Collects the credentials a request carried.
 * @param req the request
 * @returns what was sent, and where
 */
export function requestCredentials(req: HttpRequest): RequestCredentials {
  const hs = req.headers;
  const find = (n: string) => hs.find((h) => h.name.toLowerCase() === n);
  const a = find('authorization');
  const pa = find('proxy-authorization');
  const keyParams: RequestCredentials['keyParams'] = [];
  const q = req.target.indexOf('?');
  if (q >= 0) {
    for (const kv of req.target.slice(q + 1).split('#')[0]?.split('&') ?? []) {
      const eq = kv.indexOf('=');
      const name = decodeSafe(eq < 0 ? kv : kv.slice(0, eq));
      if (KEY_PARAM_RE.test(name) && !/^(?:code|sig|signature)$/i.test(name)) keyParams.push({ name, value: decodeSafe(eq < 0 ? '' : kv.slice(eq + 1)) });
    }
  }
  return {
    authorization: a ? readAuthorization(a) : undefined,
    proxyAuthorization: pa ? readAuthorization(pa) : undefined,
    keyHeaders: hs.filter((h) => isKeyHeader(h.name)),
    keyParams,
    cookie: find('cookie'),
    urlUserinfo: /^[a-z][a-z0-9+.-]*:\/\/[^/?#@]+@/i.test(req.url ?? req.target),
    misspelt: hs.filter((h) => isMisspeltAuthorization(h.name)),
  };
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}
