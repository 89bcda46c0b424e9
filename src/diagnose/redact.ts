// Masks secrets so evidence can be shown on screen and shared: Authorization and
// Proxy-Authorization values (the scheme stays), Cookie and Set-Cookie values (names and
// attributes stay), API-key headers and query parameters, tokens in JSON, user:password@ in URLs,
// known vendor key shapes, and JWT signatures (header and claims stay readable, the token unusable).
// Works line by line on text and structurally on HAR JSON. Linear-time patterns only.

import { KEY_HEADER_RE, KEY_PARAM_RE } from './parse/credentials.ts';

/** What replaces a secret. */
export const MASK = '[redacted]';

const SENSITIVE_HEADER = /^(?:proxy-)?authori[sz]ation$|^(?:set-)?cookie$|^x-amz-security-token$|^x-csrf-token$/i;
// "Name: value" at the start of a line, after curl's "> " / "< ", or inside curl's "[HTTP/2] [1] [name: value]".
const HEADER_LINE = /^([ \t]{0,8}(?:[<>] )?(?:\* \[HTTP\/[23]\] \[\d{1,9}\] \[)?)([!#$%&'*+.^_`|~0-9A-Za-z-]{1,100})([ \t]{0,8}:[ \t]{0,8})([^\]\r\n]*)/gm;
const JWT = /\b(eyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,})\.[A-Za-z0-9_-]{8,}/g;
const JSON_SECRET = /("(?:access_token|refresh_token|id_token|token|password|passwd|client_secret|secret|api_?key|apikey|private_key|session(?:_?id)?|authorization|cookie)"\s*:\s*")((?:[^"\\]|\\.){0,20000})"/gi;
const QUERY_SECRET = /([?&](?:access_token|accesstoken|token|api_?key|apikey|key|auth|jwt|id_token|client_secret|password|passwd|secret|sig|signature|x-amz-signature|x-amz-credential|x-amz-security-token|code)=)([^&#\s"'<>]+)/gi;
const USERINFO = /(\b[a-z][a-z0-9+.-]{1,20}:\/\/[^/?#@\s:]{1,200}:)([^/?#@\s]{1,200})@/gi;
const VENDOR = /\b(gh[pousr]_|github_pat_|glpat-|xox[abposr]-|sk_live_|sk_test_|rk_live_|rk_test_|sk-proj-|sk-svcacct-|sk-admin-|sk-ant-|AIza|ya29\.|npm_|hf_)[A-Za-z0-9_\-.]{8,}/g;
const AWS_KEY = /\b(AKIA|ASIA)[A-Z0-9]{16}\b/g;

/**
 * Masks a header value, keeping what is useful for diagnosis and safe to share.
 * @param name header name
 * @param value header value
 * @returns the masked value
 */
export function maskHeaderValue(name: string, value: string): string {
  const n = name.toLowerCase();
  if (n === 'authorization' || n === 'proxy-authorization' || n === 'authorisation') {
    const m = /^(\s*)(\S+)(\s+)(.*)$/.exec(value);
    if (!m) return value.trim() === '' ? value : MASK;
    const creds = m[4] ?? '';
    // Keep a JWT's header and claims (they explain the failure); drop the signature.
    const j = /^(eyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*)\.[A-Za-z0-9_-]*$/.exec(creds.trim());
    return `${m[1]}${m[2]}${m[3]}${j ? `${j[1]}.${MASK}` : MASK}`;
  }
  if (n === 'cookie') return value.split(';').map((p) => (p.includes('=') ? p.replace(/=(.*)$/s, `=${MASK}`) : p.trim() ? ` ${MASK}` : p)).join(';');
  if (n === 'set-cookie') return /^[^;]*=/.test(value) ? value.replace(/^([^=;]*)=([^;]*)/, `$1=${MASK}`) : value.replace(/^[^;]*/, MASK);
  return MASK;
}

/**
 * @param name a header name
 * @returns whether its value is a secret
 */
export function isSensitiveHeader(name: string): boolean {
  return SENSITIVE_HEADER.test(name) || (KEY_HEADER_RE.test(name) && !/^(?:x-)?csrf|^sec-/i.test(name));
}

/**
 * Masks secrets in text (one line or many). Header lines are found with a multi-line pattern and
 * the other patterns run once over the whole text: per-line loops cost seconds on 5 MB inputs.
 * @param text a line or a whole paste
 * @returns the text with secrets replaced by [redacted]
 */
export function redactLine(text: string): string {
  return text
    .replace(HEADER_LINE, (m: string, pre: string, name: string, sep: string, value: string) => (isSensitiveHeader(name) ? `${pre}${name}${sep}${maskHeaderValue(name, value)}` : m))
    .replace(JWT, `$1.${MASK}`)
    .replace(JSON_SECRET, (_m, a: string, v: string) => `${a}${v.startsWith('eyJ') ? v.replace(/^(eyJ[\w-]+\.[\w-]*)\.?.*$/, `$1.${MASK}`) : MASK}"`)
    .replace(QUERY_SECRET, `$1${MASK}`)
    .replace(USERINFO, `$1${MASK}@`)
    .replace(VENDOR, `$1${MASK}`)
    .replace(AWS_KEY, `$1${MASK}`);
}

/**
 * Masks secrets in pasted text. HAR files are masked structurally (every header, cookie, query
 * parameter and body), then re-serialised; anything else as text.
 * @param text the pasted text
 * @returns the redacted text, safe to share
 */
export function redact(text: string): string {
  const t = text.trimStart();
  if (t.startsWith('{') && /"log"\s*:/.test(t.slice(0, 4096))) {
    try {
      return JSON.stringify(redactHar(JSON.parse(text)), null, 2);
    } catch {
      // not valid JSON: fall back to text
    }
  }
  return redactLine(text);
}

type J = unknown;
function redactHar(v: J, key = ''): J {
  if (Array.isArray(v)) {
    // cookies[] in HAR: {name, value}
    if (key === 'cookies') return v.map((c: J) => (c && typeof c === 'object' ? { ...(c as object), value: MASK } : c));
    return v.map((x) => redactHar(x, key));
  }
  if (v && typeof v === 'object') {
    const o = v as Record<string, J>;
    if (typeof o['name'] === 'string' && typeof o['value'] === 'string') {
      const name = o['name'];
      if (key === 'headers' && isSensitiveHeader(name)) return { ...o, value: maskHeaderValue(name, o['value']) };
      if ((key === 'queryString' || key === 'params') && KEY_PARAM_RE.test(name)) return { ...o, value: MASK };
    }
    const out: Record<string, J> = {};
    for (const [k, x] of Object.entries(o)) {
      if (typeof x === 'string') out[k] = k === 'text' || k === 'url' || k === 'redirectURL' || k === 'value' ? redactLine(x) : x;
      else out[k] = redactHar(x, k);
    }
    // Request bodies (postData.text) may carry passwords in form encoding: mask sensitive fields.
    if (typeof out['text'] === 'string' && typeof out['mimeType'] === 'string' && /form-urlencoded/i.test(out['mimeType'])) {
      out['text'] = (out['text'] as string).replace(/((?:^|&)(?:password|passwd|client_secret|secret|token|refresh_token|code|assertion|api_?key)=)[^&]*/gi, `$1${MASK}`);
    }
    return out;
  }
  return v;
}
