// Local JWT signature verification (JWS compact form, RFC 7515; algorithms of RFC 7518 §3 and
// RFC 8037 / RFC 9864 for EdDSA) with the key a person pastes: a JWK, a JWKS, a PEM public key,
// a PEM certificate (or a JWK's x5c), or an HMAC secret. Pure: no DOM, no network — only the
// WebCrypto `crypto.subtle` of browsers and Node 24. Key URLs in the token (jku, x5u) and a JWKS
// `jwks_uri` are never fetched; `alg: none` is never "verified". Never throws: anything malformed
// comes back as a result with a reason and a plain explanation.
// The diagnoser page loads this module as a Web Worker, only once a key is given (see the end of
// this file); the CLI and the tests import it.
// Erasable TypeScript only: Node runs it directly for the CLI.

import { b64urlDecode, JWT_RE } from './parse/jwt.ts';

/** Why a token did not verify. */
export type VerifyReason =
  | 'bad-signature'
  | 'kid-not-found'
  | 'alg-mismatch'
  | 'key-type-mismatch'
  | 'unsupported-alg'
  | 'malformed-key'
  | 'malformed-token'
  | 'alg-none';

/** The answer of verifyJwt(). Plain data, printable as JSON. */
export interface VerifyResult {
  /** Whether the signature is valid for the key given. */
  ok: boolean;
  /** The token header's `alg`, when it could be read. */
  alg: string | undefined;
  /** The token header's `kid`, when it has one. */
  kid: string | undefined;
  /** Which key was used (or what was read from the key input), in words. Never the secret itself. */
  keyUsed: string;
  /** Set when ok is false. */
  reason?: VerifyReason | undefined;
  /** One or two plain sentences. */
  explanation: string;
}

/** Largest token we read (characters). */
export const MAX_TOKEN = 64 * 1024;
/** Largest key input we read (characters). */
export const MAX_KEY = 256 * 1024;
/** Most keys of a JWKS (or PEM blocks) we try. */
const MAX_KEYS = 50;

type Hash = 'SHA-256' | 'SHA-384' | 'SHA-512';
type Family = 'HS' | 'RS' | 'PS' | 'ES' | 'EdDSA';
interface AlgSpec {
  family: Family;
  hash: Hash;
  /** ECDSA curve, or the EdDSA curve a fully-specified alg names. */
  crv?: string;
  /** ECDSA: bytes of r (and of s). */
  size?: number;
}

const ALGS = new Map<string, AlgSpec>([
  ['HS256', { family: 'HS', hash: 'SHA-256' }],
  ['HS384', { family: 'HS', hash: 'SHA-384' }],
  ['HS512', { family: 'HS', hash: 'SHA-512' }],
  ['RS256', { family: 'RS', hash: 'SHA-256' }],
  ['RS384', { family: 'RS', hash: 'SHA-384' }],
  ['RS512', { family: 'RS', hash: 'SHA-512' }],
  ['PS256', { family: 'PS', hash: 'SHA-256' }],
  ['PS384', { family: 'PS', hash: 'SHA-384' }],
  ['PS512', { family: 'PS', hash: 'SHA-512' }],
  ['ES256', { family: 'ES', hash: 'SHA-256', crv: 'P-256', size: 32 }],
  ['ES384', { family: 'ES', hash: 'SHA-384', crv: 'P-384', size: 48 }],
  ['ES512', { family: 'ES', hash: 'SHA-512', crv: 'P-521', size: 66 }],
  ['EdDSA', { family: 'EdDSA', hash: 'SHA-512' }],
  ['Ed25519', { family: 'EdDSA', hash: 'SHA-512', crv: 'Ed25519' }],
]);

/** What each family needs, for messages. */
const NEEDS: Record<Family, string> = {
  HS: 'a shared HMAC secret',
  RS: 'an RSA public key',
  PS: 'an RSA public key',
  ES: 'an EC public key',
  EdDSA: 'an Ed25519 public key',
};

type Bytes = Uint8Array<ArrayBuffer>;

// ---------------------------------------------------------------------------------------------
// Bytes and base64

function bytesOf(bin: string): Bytes {
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * Decodes base64 or base64url (padding optional; no whitespace) to bytes.
 * @param s the text
 * @param urlOnly accept only the base64url alphabet (JWS parts)
 * @returns the bytes, or undefined when it is not base64
 */
function b64Bytes(s: string, urlOnly = false): Bytes | undefined {
  const t = s.replace(/={1,2}$/, '');
  if (!(urlOnly ? /^[A-Za-z0-9_-]*$/ : /^[A-Za-z0-9+/_-]*$/).test(t) || t.length % 4 === 1) return undefined;
  if (/[+/]/.test(t) && /[-_]/.test(t)) return undefined;
  try {
    return bytesOf(atob(t.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(t.length / 4) * 4, '=')));
  } catch {
    return undefined;
  }
}

const utf8 = (s: string): Bytes => {
  const e = new TextEncoder().encode(s);
  const out = new Uint8Array(e.length);
  out.set(e);
  return out;
};

const q = (s: string) => `"${s.length > 80 ? `${s.slice(0, 77)}…` : s}"`;

// ---------------------------------------------------------------------------------------------
// A minimal DER reader (X.509 certificates and SubjectPublicKeyInfo) and writer

interface Tlv {
  tag: number;
  /** offset of the tag byte */
  start: number;
  /** offset of the first content byte */
  body: number;
  /** offset just past the content */
  end: number;
}

/** Reads one DER element at pos, within limit. Definite lengths only (DER), up to 4 length bytes. */
function readTlv(b: Uint8Array, pos: number, limit: number): Tlv | undefined {
  if (pos + 2 > limit) return undefined;
  const tag = b[pos] ?? 0;
  if ((tag & 0x1f) === 0x1f) return undefined; // high tag numbers do not occur in what we read
  let len = b[pos + 1] ?? 0;
  let p = pos + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || p + n > limit) return undefined;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + (b[p++] ?? 0);
  }
  if (p + len > limit) return undefined;
  return { tag, start: pos, body: p, end: p + len };
}

/** The elements inside a constructed element (at most 64). */
function children(b: Uint8Array, t: Tlv): Tlv[] | undefined {
  const out: Tlv[] = [];
  for (let p = t.body; p < t.end;) {
    const c = readTlv(b, p, t.end);
    if (!c || out.length >= 64) return undefined;
    out.push(c);
    p = c.end;
  }
  return out;
}

const hex = (b: Uint8Array, t: Tlv | undefined): string => (t ? Array.from(b.subarray(t.body, t.end), (x) => x.toString(16).padStart(2, '0')).join('') : '');

/** Encodes one DER element. */
function derOf(tag: number, content: Uint8Array): Bytes {
  const n = content.length;
  const len = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : n < 0x10000 ? [0x82, n >> 8, n & 0xff] : [0x83, n >> 16, (n >> 8) & 0xff, n & 0xff];
  const out = new Uint8Array(1 + len.length + n);
  out[0] = tag;
  out.set(len, 1);
  out.set(content, 1 + len.length);
  return out;
}

const concat = (...parts: Uint8Array[]): Bytes => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
};

const OID_RSA = '2a864886f70d010101';
const OID_RSA_PSS = '2a864886f70d01010a';
const OID_EC = '2a8648ce3d0201';
const OID_ED25519 = '2b6570';
const OID_ED448 = '2b6571';
const CURVES: Record<string, string> = { '2a8648ce3d030107': 'P-256', '2b81040022': 'P-384', '2b81040023': 'P-521', '2b8104000a': 'secp256k1' };
const OID_CN = '550403';

/** An SPKI for rsaEncryption around a PKCS#1 RSAPublicKey (the bit string's content). */
function rsaSpki(pkcs1: Uint8Array): Bytes {
  const algId = derOf(0x30, concat(derOf(0x06, Uint8Array.from([0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01])), Uint8Array.from([0x05, 0x00])));
  return derOf(0x30, concat(algId, derOf(0x03, concat(Uint8Array.from([0]), pkcs1))));
}

/** Bit length of a big-endian unsigned integer. */
function bitLength(b: Uint8Array): number {
  let i = 0;
  while (i < b.length && b[i] === 0) i++;
  if (i === b.length) return 0;
  return (b.length - i - 1) * 8 + (32 - Math.clz32(b[i] ?? 0));
}

/** A public key read from an SPKI. */
interface SpkiKey {
  kty: 'RSA' | 'EC' | 'OKP';
  crv: string | undefined;
  bits: number | undefined;
  /** DER to import (rewritten to rsaEncryption for an RSASSA-PSS key, which WebCrypto requires). */
  der: Bytes;
}

/**
 * Reads a SubjectPublicKeyInfo (RFC 5280 §4.1.2.7).
 * @param der the DER bytes
 * @returns the key type and the DER to import, or a plain-words problem
 */
function readSpki(der: Bytes): SpkiKey | string {
  const top = readTlv(der, 0, der.length);
  if (!top || top.tag !== 0x30 || top.end !== der.length) return 'it is not a DER SubjectPublicKeyInfo';
  const [algId, bits] = children(der, top) ?? [];
  if (!algId || algId.tag !== 0x30 || !bits || bits.tag !== 0x03) return 'it is not a DER SubjectPublicKeyInfo';
  const [oid, params] = children(der, algId) ?? [];
  if (!oid || oid.tag !== 0x06) return 'it is not a DER SubjectPublicKeyInfo';
  const o = hex(der, oid);
  const keyBytes = der.subarray(bits.body + 1, bits.end);
  if (o === OID_RSA || o === OID_RSA_PSS) {
    const seq = readTlv(keyBytes, 0, keyBytes.length);
    const n = seq && seq.tag === 0x30 ? children(keyBytes, seq)?.[0] : undefined;
    const size = n && n.tag === 0x02 ? bitLength(keyBytes.subarray(n.body, n.end)) : undefined;
    return { kty: 'RSA', crv: undefined, bits: size, der: o === OID_RSA ? der : rsaSpki(keyBytes) };
  }
  if (o === OID_EC) {
    const crv = params && params.tag === 0x06 ? CURVES[hex(der, params)] : undefined;
    return { kty: 'EC', crv: crv ?? 'an unnamed curve', bits: undefined, der };
  }
  if (o === OID_ED25519) return { kty: 'OKP', crv: 'Ed25519', bits: undefined, der };
  if (o === OID_ED448) return { kty: 'OKP', crv: 'Ed448', bits: undefined, der };
  return 'its key algorithm is not RSA, EC or Ed25519';
}

/** Reads a Name's first common name (CN), for describing a certificate. */
function commonName(b: Uint8Array, name: Tlv): string | undefined {
  for (const set of children(b, name) ?? []) {
    for (const atv of children(b, set) ?? []) {
      const [oid, value] = children(b, atv) ?? [];
      if (oid && value && oid.tag === 0x06 && hex(b, oid) === OID_CN && [0x0c, 0x13, 0x16, 0x14].includes(value.tag)) {
        return new TextDecoder().decode(b.subarray(value.body, Math.min(value.end, value.body + 200)));
      }
    }
  }
  return undefined;
}

/**
 * Extracts the SubjectPublicKeyInfo from an X.509 certificate (RFC 5280 §4.1).
 * @param der the certificate's DER bytes
 * @returns the SPKI's DER and the subject's common name, or undefined when it is not a certificate
 */
export function spkiFromCertificate(der: Uint8Array): { spki: Bytes; subject: string | undefined } | undefined {
  const cert = readTlv(der, 0, der.length);
  if (!cert || cert.tag !== 0x30) return undefined;
  const tbs = readTlv(der, cert.body, cert.end);
  if (!tbs || tbs.tag !== 0x30) return undefined;
  const f = children(der, tbs);
  if (!f) return undefined;
  const i = f[0]?.tag === 0xa0 ? 1 : 0; // [0] EXPLICIT version, absent for v1
  // serialNumber, signature, issuer, validity, subject, subjectPublicKeyInfo
  const [serial, sigAlg, issuer, validity, subject, spki] = f.slice(i, i + 6);
  if (serial?.tag !== 0x02 || sigAlg?.tag !== 0x30 || issuer?.tag !== 0x30 || validity?.tag !== 0x30 || subject?.tag !== 0x30 || spki?.tag !== 0x30) return undefined;
  const out = new Uint8Array(spki.end - spki.start);
  out.set(der.subarray(spki.start, spki.end));
  return { spki: out, subject: commonName(der, subject) };
}

/** Converts a DER ECDSA signature (SEQUENCE of two INTEGERs) to JOSE's r||s, when it is one. */
function derToJose(sig: Uint8Array, size: number): Bytes | undefined {
  const seq = readTlv(sig, 0, sig.length);
  if (!seq || seq.tag !== 0x30 || seq.end !== sig.length) return undefined;
  const [r, s] = children(sig, seq) ?? [];
  if (r?.tag !== 0x02 || s?.tag !== 0x02) return undefined;
  const out = new Uint8Array(size * 2);
  for (const [k, t] of [[0, r], [1, s]] as const) {
    let v = sig.subarray(t.body, t.end);
    while (v.length > size && v[0] === 0) v = v.subarray(1);
    if (v.length > size) return undefined;
    out.set(v, (k + 1) * size - v.length);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Reading the key input

interface PublicCand {
  type: 'public';
  kty: 'RSA' | 'EC' | 'OKP';
  crv: string | undefined;
  kid: string | undefined;
  alg: string | undefined;
  use: string | undefined;
  desc: string;
  jwk?: JsonWebKey;
  spki?: Bytes;
}
interface SecretCand {
  type: 'secret';
  bytes: Bytes;
  kid: string | undefined;
  alg: string | undefined;
  desc: string;
  /** how the secret was read: text, decoded, or a JWK's k */
  how: 'text' | 'trimmed' | 'base64url' | 'base64' | 'jwk';
}
type Cand = PublicCand | SecretCand;

interface KeyInput {
  cands: Cand[];
  /** a key set (JWKS), matched by kid */
  set: boolean;
  /** what was read, in words */
  desc: string;
  /** the key's PEM text, to recognise an HMAC keyed with it (algorithm confusion) */
  pemText?: string;
  /** keys skipped as unusable, with why */
  skipped: string[];
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function keyWords(kty: string, crv: string | undefined, bits: number | undefined, kid: string | undefined): string {
  const what = kty === 'RSA' ? `RSA${bits ? ` ${bits}-bit` : ''}` : kty === 'EC' ? `EC ${crv ?? ''}`.trim() : kty === 'OKP' ? `${crv ?? 'OKP'}` : kty;
  return kid !== undefined ? `${what}, kid ${q(kid)}` : what;
}

/** Public candidates from a certificate's DER. */
function fromCertificate(der: Bytes, label: string): PublicCand | string {
  const c = spkiFromCertificate(der);
  if (!c) return 'it is not an X.509 certificate';
  const k = readSpki(c.spki);
  if (typeof k === 'string') return `its public key could not be read (${k})`;
  return {
    type: 'public', kty: k.kty, crv: k.crv, kid: undefined, alg: undefined, use: undefined, spki: k.der,
    desc: `${label}${c.subject ? ` for CN=${c.subject}` : ''} (${keyWords(k.kty, k.crv, k.bits, undefined)} key)`,
  };
}

/** One JWK to a candidate (or why not). */
function fromJwk(j: Record<string, unknown>, label: string): Cand | string {
  const kty = str(j['kty']);
  const kid = str(j['kid']);
  const alg = str(j['alg']);
  const use = str(j['use']);
  const priv = j['d'] !== undefined ? ', a private key: only its public part is used' : '';
  const x5c = Array.isArray(j['x5c']) ? str(j['x5c'][0]) : undefined;
  const fromX5c = (): Cand | string => {
    const der = x5c ? b64Bytes(x5c.replace(/\s+/g, '')) : undefined;
    if (!der) return 'its x5c entry is not base64';
    const c = fromCertificate(der, `${label} x5c certificate`);
    return typeof c === 'string' ? `its x5c entry: ${c}` : { ...c, kid, alg, use, desc: `${c.desc}${kid !== undefined ? `, kid ${q(kid)}` : ''}` };
  };
  if (kty === 'RSA') {
    const n = str(j['n']);
    const e = str(j['e']);
    if (!n || !e) return x5c ? fromX5c() : 'the RSA JWK has no "n" and "e"';
    const nb = b64Bytes(n, true);
    if (!nb || !b64Bytes(e, true)) return 'its "n" or "e" is not base64url';
    return { type: 'public', kty, crv: undefined, kid, alg, use, jwk: { kty, n, e }, desc: `${label} (${keyWords(kty, undefined, bitLength(nb), kid)}${priv})` };
  }
  if (kty === 'EC') {
    const crv = str(j['crv']);
    const x = str(j['x']);
    const y = str(j['y']);
    if (!crv || !x || !y) return x5c ? fromX5c() : 'the EC JWK needs "crv", "x" and "y"';
    return { type: 'public', kty, crv, kid, alg, use, jwk: { kty, crv, x, y }, desc: `${label} (${keyWords(kty, crv, undefined, kid)}${priv})` };
  }
  if (kty === 'OKP') {
    const crv = str(j['crv']);
    const x = str(j['x']);
    if (!crv || !x) return x5c ? fromX5c() : 'the OKP JWK needs "crv" and "x"';
    return { type: 'public', kty, crv, kid, alg, use, jwk: { kty, crv, x }, desc: `${label} (${keyWords(kty, crv, undefined, kid)}${priv})` };
  }
  if (kty === 'oct') {
    const k = str(j['k']);
    const bytes = k !== undefined ? b64Bytes(k, true) : undefined;
    if (!bytes || bytes.length === 0) return 'the "oct" JWK has no base64url "k"';
    return { type: 'secret', bytes, kid, alg, how: 'jwk', desc: `${label} (HMAC secret, ${bytes.length} bytes${kid !== undefined ? `, kid ${q(kid)}` : ''})` };
  }
  if (kty === undefined && x5c) return fromX5c();
  return kty === undefined ? 'it has no "kty"' : `its kty ${q(kty)} is not one JWS uses (RSA, EC, OKP, oct)`;
}

const PEM_RE = /-----BEGIN ([A-Z0-9 ]{1,40})-----((?:[^-]|-(?!----))*)-----END \1-----/g;

function fromPem(text: string): KeyInput | string {
  const cands: Cand[] = [];
  const skipped: string[] = [];
  const blocks = [...text.matchAll(PEM_RE)].slice(0, MAX_KEYS);
  if (blocks.length === 0) return 'it has a "-----BEGIN" line but no matching "-----END" line';
  let certs = 0;
  blocks.forEach((m, i) => {
    const label = m[1] ?? '';
    const body = (m[2] ?? '').split(/\r?\n/).filter((l) => !l.includes(':')).join('').replace(/\s+/g, '');
    const der = b64Bytes(body);
    const n = blocks.length > 1 ? ` ${i + 1} of ${blocks.length}` : '';
    if (/PRIVATE KEY/.test(label)) {
      skipped.push(`block${n} is a private key (${label}): paste the public key or the certificate instead`);
      return;
    }
    if (!der) {
      skipped.push(`the ${label} block${n} is not base64`);
      return;
    }
    if (label === 'CERTIFICATE' || label === 'TRUSTED CERTIFICATE' || label === 'X509 CERTIFICATE') {
      certs++;
      const c = fromCertificate(der, `PEM certificate${n}`);
      if (typeof c === 'string') skipped.push(`the certificate${n}: ${c}`);
      else cands.push(c);
      return;
    }
    const spki = label === 'PUBLIC KEY' ? der : label === 'RSA PUBLIC KEY' ? rsaSpki(der) : undefined;
    if (!spki) {
      skipped.push(`a "${label}" block is not a public key or certificate`);
      return;
    }
    const k = readSpki(spki);
    if (typeof k === 'string') skipped.push(`the ${label} block${n}: ${k}`);
    else cands.push({ type: 'public', kty: k.kty, crv: k.crv, kid: undefined, alg: undefined, use: undefined, spki: k.der, desc: `PEM public key${n} (${keyWords(k.kty, k.crv, k.bits, undefined)})` });
  });
  const desc = certs > 1 ? `PEM certificate chain (${certs} certificates)` : cands[0]?.desc ?? 'PEM text';
  return { cands, set: false, desc, pemText: text, skipped };
}

/** A bare base64 DER (an x5c value or a PEM body without its lines): certificate or SPKI. */
function fromBareDer(text: string): KeyInput | undefined {
  const der = b64Bytes(text.replace(/\s+/g, ''));
  if (!der || der[0] !== 0x30 || der.length < 40) return undefined;
  const cert = fromCertificate(der, 'certificate (base64 DER)');
  if (typeof cert !== 'string') return { cands: [cert], set: false, desc: cert.desc, skipped: [] };
  const k = readSpki(der);
  if (typeof k === 'string') return undefined;
  const desc = `public key (base64 DER, ${keyWords(k.kty, k.crv, k.bits, undefined)})`;
  return { cands: [{ type: 'public', kty: k.kty, crv: k.crv, kid: undefined, alg: undefined, use: undefined, spki: k.der, desc }], set: false, desc, skipped: [] };
}

/** An HMAC secret as text, trimmed, and base64(url)-decoded when it reads as such. */
function fromSecret(text: string): KeyInput {
  const cands: SecretCand[] = [];
  const base = { type: 'secret' as const, kid: undefined, alg: undefined };
  const raw = utf8(text);
  if (raw.length > 0) cands.push({ ...base, bytes: raw, how: 'text', desc: `HMAC secret as text (${raw.length} bytes)` });
  const t = text.trim();
  if (t !== text && t !== '') {
    const b = utf8(t);
    cands.push({ ...base, bytes: b, how: 'trimmed', desc: `HMAC secret as text, surrounding whitespace removed (${b.length} bytes)` });
  }
  const d = t.length >= 4 ? b64Bytes(t) : undefined;
  if (d && d.length > 0) {
    const how = /[+/]/.test(t) ? 'base64' : 'base64url';
    cands.push({ ...base, bytes: d, how, desc: `HMAC secret, ${how}-decoded (${d.length} bytes)` });
  }
  return { cands, set: false, desc: cands[0]?.desc ?? 'an empty secret', skipped: [] };
}

/**
 * Reads what was pasted as a key.
 * @param key the key text
 * @param spec the token's algorithm (it decides how plain text is read)
 * @returns candidates, or a plain-words problem
 */
function readKey(key: string, spec: AlgSpec): KeyInput | string {
  const t = key.trim();
  if (t === '') return 'The key is empty.';
  if (t.startsWith('{') || t.startsWith('[')) {
    let v: unknown;
    try {
      v = JSON.parse(t);
    } catch {
      // A secret may begin with "{"; anything else that starts like JSON and does not parse is damage.
      if (spec.family === 'HS') return fromSecret(key);
      return 'The key starts like JSON (a JWK or JWKS) but is not valid JSON: it may have been cut short when copied.';
    }
    const list = Array.isArray(v) ? v : v !== null && typeof v === 'object' && Array.isArray((v as Record<string, unknown>)['keys']) ? ((v as Record<string, unknown>)['keys'] as unknown[]) : undefined;
    if (list) {
      const cands: Cand[] = [];
      const skipped: string[] = [];
      list.slice(0, MAX_KEYS).forEach((k, i) => {
        const label = `JWKS key ${i + 1} of ${list.length}`;
        if (k === null || typeof k !== 'object' || Array.isArray(k)) {
          skipped.push(`key ${i + 1} is not a JSON object`);
          return;
        }
        const c = fromJwk(k as Record<string, unknown>, label);
        if (typeof c === 'string') skipped.push(`key ${i + 1}: ${c}`);
        else cands.push(c);
      });
      if (list.length === 0) return 'The key set (JWKS) has no keys.';
      return { cands, set: true, desc: `JWKS with ${list.length} key${list.length === 1 ? '' : 's'}`, skipped };
    }
    if (v !== null && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o['jwks_uri'] === 'string') return 'This is a discovery document: it names the key set’s URL (jwks_uri) but holds no keys. Open that URL yourself and paste the JSON it returns (nothing here fetches it).';
      const c = fromJwk(o, 'JWK');
      if (typeof c === 'string') return `The JSON is not a usable JWK: ${c}.`;
      return { cands: [c], set: false, desc: c.desc, skipped: [] };
    }
    return 'The key is JSON but not a JWK (an object with "kty") or a JWKS (an object with "keys").';
  }
  if (t.includes('-----BEGIN')) {
    const p = fromPem(t);
    if (typeof p === 'string') return `The PEM text is damaged: ${p}.`;
    if (p.cands.length === 0) return `No public key could be read from the PEM text: ${p.skipped.join('; ')}.`;
    return p;
  }
  if (spec.family !== 'HS') {
    const der = fromBareDer(t);
    if (der) return der;
  }
  return fromSecret(key);
}

// ---------------------------------------------------------------------------------------------
// Verifying

type Outcome =
  | { kind: 'ok' }
  | { kind: 'ok-alg-label'; label: string }
  | { kind: 'der-signature' }
  | { kind: 'bad' }
  | { kind: 'wrong-type' }
  | { kind: 'wrong-alg'; why: string }
  | { kind: 'unusable'; why: string }
  | { kind: 'unsupported'; why: string };

interface Attempt {
  cand: Cand;
  out: Outcome;
}

function importParams(spec: AlgSpec, crv: string | undefined): RsaHashedImportParams | EcKeyImportParams | Algorithm {
  if (spec.family === 'RS') return { name: 'RSASSA-PKCS1-v1_5', hash: spec.hash };
  if (spec.family === 'PS') return { name: 'RSA-PSS', hash: spec.hash };
  if (spec.family === 'ES') return { name: 'ECDSA', namedCurve: crv ?? '' };
  return { name: crv ?? 'Ed25519' };
}

function verifyParams(spec: AlgSpec, crv: string | undefined): Algorithm | RsaPssParams | EcdsaParams {
  if (spec.family === 'RS') return { name: 'RSASSA-PKCS1-v1_5' };
  if (spec.family === 'PS') return { name: 'RSA-PSS', saltLength: Number(spec.hash.slice(4)) / 8 };
  if (spec.family === 'ES') return { name: 'ECDSA', hash: spec.hash };
  return { name: crv ?? 'Ed25519' };
}

const errName = (e: unknown) => (e instanceof Error ? e.name : '');

async function tryPublic(subtle: SubtleCrypto, c: PublicCand, alg: string, spec: AlgSpec, data: Bytes, sig: Bytes): Promise<Outcome> {
  const wantKty = spec.family === 'ES' ? 'EC' : spec.family === 'EdDSA' ? 'OKP' : 'RSA';
  if (spec.family === 'HS' || c.kty !== wantKty) return { kind: 'wrong-type' };
  if (c.use === 'enc') return { kind: 'wrong-alg', why: 'the key is marked for encryption (use "enc"), not for signatures' };
  if (spec.family === 'ES' && c.crv !== spec.crv) return { kind: 'wrong-alg', why: `${alg} uses curve ${spec.crv ?? ''}, but the key is on ${c.crv ?? 'another curve'}` };
  if (spec.family === 'EdDSA') {
    if (spec.crv && c.crv !== spec.crv) return { kind: 'wrong-alg', why: `${alg} needs an ${spec.crv} key, but the key is ${c.crv ?? 'another curve'}` };
    if (c.crv !== 'Ed25519') return { kind: 'unsupported', why: `${c.crv ?? 'this curve'} is not supported by WebCrypto here (only Ed25519 is)` };
  }
  let key: CryptoKey;
  try {
    const params = importParams(spec, c.crv);
    key = c.jwk ? await subtle.importKey('jwk', c.jwk, params, false, ['verify']) : await subtle.importKey('spki', c.spki ?? new Uint8Array(0), params, false, ['verify']);
  } catch (e) {
    if (errName(e) === 'NotSupportedError') return { kind: 'unsupported', why: `this ${typeof window === 'undefined' ? 'runtime' : 'browser'}’s WebCrypto does not support ${spec.family === 'EdDSA' ? 'Ed25519' : alg} keys` };
    return { kind: 'unusable', why: 'WebCrypto refused to import it (its numbers are not a valid public key)' };
  }
  const vp = verifyParams(spec, c.crv);
  let good = false;
  try {
    good = await subtle.verify(vp, key, sig, data);
  } catch {
    good = false;
  }
  if (!good && spec.family === 'ES' && spec.size && sig.length !== spec.size * 2) {
    const jose = derToJose(sig, spec.size);
    if (jose && (await subtle.verify(vp, key, jose, data).catch(() => false))) return { kind: 'der-signature' };
  }
  if (!good) return { kind: 'bad' };
  return c.alg !== undefined && !sameAlg(c.alg, alg) ? { kind: 'ok-alg-label', label: c.alg } : { kind: 'ok' };
}

/** A key's alg label fits the token's alg: equal, or EdDSA and its fully-specified Ed25519 (RFC 9864). */
const sameAlg = (keyAlg: string, alg: string) => keyAlg === alg || (/^(?:EdDSA|Ed25519)$/.test(keyAlg) && /^(?:EdDSA|Ed25519)$/.test(alg));

async function trySecret(subtle: SubtleCrypto, c: SecretCand, alg: string, spec: AlgSpec, data: Bytes, sig: Bytes): Promise<Outcome> {
  if (spec.family !== 'HS') return { kind: 'wrong-type' };
  let key: CryptoKey;
  try {
    key = await subtle.importKey('raw', c.bytes, { name: 'HMAC', hash: spec.hash }, false, ['verify']);
  } catch {
    return { kind: 'unusable', why: 'WebCrypto refused it as an HMAC key' };
  }
  const good = await subtle.verify('HMAC', key, sig, data).catch(() => false);
  if (!good) return { kind: 'bad' };
  return c.alg !== undefined && c.alg !== alg ? { kind: 'ok-alg-label', label: c.alg } : { kind: 'ok' };
}

/** Whether the signature is an HMAC keyed with the public key's own text: a forged, alg-confusion token. */
async function keyedWithPem(subtle: SubtleCrypto, pem: string, spec: AlgSpec, data: Bytes, sig: Bytes): Promise<boolean> {
  const t = pem.trim();
  for (const v of new Set([pem, t, `${t}\n`, t.replace(/\r\n/g, '\n'), `${t.replace(/\r\n/g, '\n')}\n`])) {
    try {
      const key = await subtle.importKey('raw', utf8(v), { name: 'HMAC', hash: spec.hash }, false, ['verify']);
      if (await subtle.verify('HMAC', key, sig, data)) return true;
    } catch {
      // try the next spelling
    }
  }
  return false;
}

interface TokenParts {
  header: Record<string, unknown>;
  alg: string | undefined;
  kid: string | undefined;
  data: Bytes;
  sig: Bytes;
}

/** Reads a compact JWS, or says why it cannot be read. */
function readToken(token: string): TokenParts | { alg: string | undefined; kid: string | undefined; why: string; none?: boolean } {
  const t = token.trim().replace(/^bearer\s+/i, '').replace(/^["']|["']$/g, '');
  const parts = t.split('.');
  const bad = (why: string, alg?: string, kid?: string) => ({ alg, kid, why });
  if (parts.length === 5) return bad('This is an encrypted token (JWE, five parts): it has no signature to check; it can only be decrypted with the recipient’s private key.');
  if (parts.length !== 3) return bad(`A signed JWT has three dot-separated parts; this has ${parts.length}, so it was probably cut short or is not a JWT.`);
  const [h = '', p = '', s = ''] = parts;
  const text = b64urlDecode(h);
  let header: unknown;
  try {
    header = text === undefined ? undefined : JSON.parse(text);
  } catch {
    header = undefined;
  }
  if (header === null || typeof header !== 'object' || Array.isArray(header)) return bad('The token’s header is not base64url-encoded JSON, so its algorithm cannot be read.');
  const hd = header as Record<string, unknown>;
  const alg = str(hd['alg']);
  const kid = str(hd['kid']);
  if (alg !== undefined && alg.toLowerCase() === 'none') return { alg, kid, why: '', none: true };
  if (hd['enc'] !== undefined) return bad('This is an encrypted token (JWE): it has no signature to check.', alg, kid);
  if (alg === undefined) return bad('The token’s header has no "alg", so there is no way to know how it was signed.', alg, kid);
  if (!/^[A-Za-z0-9_-]*$/.test(p)) return bad('The token’s payload is not base64url.', alg, kid);
  const sig = b64Bytes(s, true);
  if (!sig) return bad('The token’s signature part is not base64url: it may have been changed or cut when copied.', alg, kid);
  if (sig.length === 0) return bad('The token’s signature part is empty, so there is nothing to check.', alg, kid);
  return { header: hd, alg, kid, data: utf8(`${h}.${p}`), sig };
}

/** What a candidate is, in the plural, for messages. */
const HAVE: Record<Family, string> = { HS: 'HMAC secrets', RS: 'RSA keys', PS: 'RSA keys', ES: 'EC keys', EdDSA: 'Ed25519/OKP keys' };

const famOf = (c: Cand): Family => (c.type === 'secret' ? 'HS' : c.kty === 'RSA' ? 'RS' : c.kty === 'EC' ? 'ES' : 'EdDSA');

/**
 * Verifies a JWT's signature with a pasted key, locally (WebCrypto). Never fetches anything.
 * @param token the compact JWS (a "Bearer " prefix and quotes are tolerated); at most 64 KB
 * @param key a JWK, a JWKS, a PEM public key or certificate, or an HMAC secret; at most 256 KB
 * @returns the result; never throws
 */
export async function verifyJwt(token: string, key: string): Promise<VerifyResult> {
  let alg: string | undefined;
  let kid: string | undefined;
  let keyUsed = 'none';
  const fail = (reason: VerifyReason, explanation: string): VerifyResult => ({ ok: false, alg, kid, keyUsed, reason, explanation });
  try {
    if (typeof token !== 'string' || token.length > MAX_TOKEN) {
      return fail('malformed-token', `The token is longer than ${MAX_TOKEN / 1024} KB; real JWTs are a few KB at most, so this is not one token.`);
    }
    if (typeof key !== 'string' || key.length > MAX_KEY) {
      keyUsed = 'not read';
      return fail('malformed-key', `The key is longer than ${MAX_KEY / 1024} KB; a key, key set or certificate chain is far smaller, so it was not read.`);
    }
    const tok = readToken(token);
    alg = tok.alg;
    kid = tok.kid;
    if ('why' in tok) {
      if (tok.none) return fail('alg-none', 'The token’s header says alg "none": it carries no signature, so there is nothing to verify. A server must reject such a token.');
      return fail('malformed-token', tok.why);
    }
    const a = tok.alg ?? '';
    const spec = ALGS.get(a);
    if (!spec) {
      return fail('unsupported-alg', `The algorithm ${q(a)} is not one this checker verifies (HS256/384/512, RS256/384/512, PS256/384/512, ES256/384/512, EdDSA with Ed25519). ${/^(?:hs|rs|ps|es)\d+$/i.test(a) ? 'Algorithm names are case-sensitive: JOSE libraries reject this spelling.' : 'Check which algorithm the issuer is configured to use.'}`);
    }
    const subtle = globalThis.crypto?.subtle;
    if (!subtle) return fail('unsupported-alg', 'WebCrypto is not available here (browsers offer it only on https:// pages and localhost), so no signature can be checked.');

    const input = readKey(key, spec);
    if (typeof input === 'string') {
      keyUsed = 'not usable';
      return fail('malformed-key', input);
    }
    keyUsed = input.desc;
    const { data, sig } = tok;
    if (input.cands.length === 0) {
      return fail('malformed-key', `No usable key was found in what was pasted${input.skipped.length ? `: ${input.skipped.slice(0, 3).join('; ')}` : ''}.`);
    }

    // A key set is matched by kid, as servers do; without a kid (or kids in the set) every compatible key is tried.
    let pool = input.cands;
    let kidMissing = false;
    if (input.set && kid !== undefined) {
      const byKid = input.cands.filter((c) => c.kid === kid);
      if (byKid.length > 0) pool = byKid;
      else if (input.cands.some((c) => c.kid !== undefined)) kidMissing = true;
    }
    const attempts: Attempt[] = [];
    for (const c of pool) {
      const out = c.type === 'secret' ? await trySecret(subtle, c, a, spec, data, sig) : await tryPublic(subtle, c, a, spec, data, sig);
      attempts.push({ cand: c, out });
      if (out.kind === 'ok') break;
    }
    const find = (k: Outcome['kind']) => attempts.find((x) => x.out.kind === k);
    const ok = find('ok');

    if (kidMissing) {
      const kids = input.cands.map((c) => c.kid).filter((k): k is string => k !== undefined);
      keyUsed = `${input.desc}, none with kid ${q(kid ?? '')}`;
      const has = `(it has ${kids.slice(0, 5).map(q).join(', ')}${kids.length > 5 ? ', …' : ''})`;
      if (ok) return fail('kid-not-found', `The token’s kid ${q(kid ?? '')} is not in this key set ${has}, yet ${ok.cand.desc} verifies the signature. The issuer names this key by a different kid than the set lists, so servers that look keys up by kid reject the token.`);
      return fail('kid-not-found', `The token’s kid ${q(kid ?? '')} is not in this key set ${has}. The issuer may have rotated its keys and this copy of the JWKS (or the server’s cached copy) is stale, or the token comes from another issuer, tenant or environment.`);
    }
    if (ok) {
      keyUsed = ok.cand.desc;
      const r: VerifyResult = { ok: true, alg, kid, keyUsed, explanation: '' };
      if (ok.cand.type === 'secret' && (ok.cand.how === 'base64url' || ok.cand.how === 'base64')) {
        r.explanation = `The signature is valid with the secret ${ok.cand.how}-decoded, not with its text: the issuer uses the decoded bytes, so every server that checks this token must decode the secret the same way.`;
      } else if (ok.cand.type === 'secret' && ok.cand.how === 'trimmed') {
        r.explanation = 'The signature is valid once the whitespace around the secret is removed: check that no server reads the secret with a trailing newline or spaces.';
      } else {
        const kidNote = ok.cand.kid !== undefined && kid !== undefined && ok.cand.kid !== kid ? ` The key’s kid ${q(ok.cand.kid)} differs from the token’s ${q(kid)}: a server that looks keys up by kid will not find it.` : '';
        r.explanation = `The signature is valid: the token was signed with the private key or secret that matches this key.${kidNote || ' A valid signature is not the whole check: the server also checks exp, nbf, aud and iss.'}`;
      }
      return r;
    }
    const label = find('ok-alg-label');
    if (label && label.out.kind === 'ok-alg-label') {
      keyUsed = label.cand.desc;
      return fail('alg-mismatch', `The signature checks out with this key, but the key is marked alg ${q(label.out.label)} while the token says ${q(a)}. Libraries that honour the key’s "alg" reject the token: sign with ${label.out.label}, or fix the key’s "alg".`);
    }
    const der = find('der-signature');
    if (der) {
      keyUsed = der.cand.desc;
      return fail('bad-signature', `The key is right, but the signature is ASN.1 DER-encoded, as OpenSSL and some libraries output ECDSA signatures. JWS requires the raw r||s form (RFC 7518 §3.4), so servers reject it: the signer must convert it before building the token.`);
    }
    const bad = attempts.filter((x) => x.out.kind === 'bad');
    if (bad.length > 0) {
      const first = bad[0]?.cand;
      keyUsed = bad.length === 1 && first ? first.desc : `${input.desc} (${bad.length} compatible keys tried)`;
      if (spec.family === 'HS') {
        const decoded = bad.some((x) => x.cand.type === 'secret' && (x.cand.how === 'base64url' || x.cand.how === 'base64'));
        return fail('bad-signature', `The signature does not match this secret${decoded ? ', neither as text nor base64-decoded' : ' as text'}. The token was signed with another secret (another environment, or one since rotated), the two sides encode the secret differently, or the token was changed after signing.`);
      }
      const named = input.set && kid !== undefined ? `The key with the token’s kid ${q(kid)} is in the set, but the signature does not match it.` : bad.length > 1 ? `None of the ${bad.length} compatible keys matches the signature.` : 'The signature does not match this key.';
      return fail('bad-signature', `${named} The token was signed with another key or algorithm (another issuer or environment, or before a key rotation), or it was changed after signing.`);
    }
    const wrongAlg = find('wrong-alg');
    if (wrongAlg && wrongAlg.out.kind === 'wrong-alg') {
      keyUsed = wrongAlg.cand.desc;
      return fail('alg-mismatch', `The key cannot check a ${a} signature: ${wrongAlg.out.why}. The token was signed with a different key than this one.`);
    }
    const unusable = find('unusable');
    if (unusable && unusable.out.kind === 'unusable') {
      keyUsed = unusable.cand.desc;
      return fail('malformed-key', `The key could not be used: ${unusable.out.why}. It may have been damaged when copied.`);
    }
    const unsupported = find('unsupported');
    if (unsupported && unsupported.out.kind === 'unsupported') {
      keyUsed = unsupported.cand.desc;
      return fail('unsupported-alg', `The signature cannot be checked here: ${unsupported.out.why}.`);
    }
    // Every key was of the wrong type for the token's algorithm.
    if (spec.family === 'HS') {
      const forged = input.pemText !== undefined && (await keyedWithPem(subtle, input.pemText, spec, data, sig));
      if (forged) return fail('key-type-mismatch', `This token is forged: its ${a} signature is an HMAC keyed with the text of this public key, the "algorithm confusion" attack. A server must never accept an HS token against a public key; pin the algorithm it expects.`);
      return fail('key-type-mismatch', `The token says ${a} (a shared secret) but the key is a public key. Checking an HS token with a public key is the "algorithm confusion" attack: a server must never accept it, and must pin the algorithm it expects.`);
    }
    const fams = [...new Set(pool.map(famOf))];
    const have = input.set ? `the key set holds only ${fams.map((k) => HAVE[k]).join(' and ')}` : `the key is ${fams.map((k) => NEEDS[k].replace(' public key', ' key')).join(' or ')}`;
    return fail('key-type-mismatch', `The token says ${a}, which needs ${NEEDS[spec.family]}, but ${have}. Paste the issuer’s public key instead: its JWKS, a JWK, a PEM public key or its certificate.`);
  } catch (e) {
    return fail('malformed-key', `The key could not be used (${e instanceof Error ? e.message.slice(0, 120) : 'unknown error'}).`);
  }
}

/**
 * Finds signed JWTs in any text (a response, a log, a HAR): up to max distinct tokens whose
 * header decodes and is not a JWE.
 * @param text the evidence
 * @param max how many to return
 * @returns the tokens, in order of appearance
 */
export function findJwts(text: string, max = 5): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(new RegExp(JWT_RE.source, 'g'))) {
    const t = m[0];
    const parts = t.split('.');
    if (parts.length !== 3 || out.includes(t)) continue;
    const h = b64urlDecode(parts[0] ?? '');
    if (h === undefined || !/"alg"/.test(h) || /"enc"/.test(h)) continue;
    out.push(t);
    if (out.length >= max) break;
  }
  return out;
}

/**
 * Verifies the JWT(s) found in pasted evidence with one key: the first that verifies, else the
 * result for the first token found.
 * @param text the evidence
 * @param key the key text
 * @returns the result, or undefined when the text holds no signed JWT
 */
export async function verifyEvidence(text: string, key: string): Promise<VerifyResult | undefined> {
  const tokens = findJwts(text, 5);
  let first: VerifyResult | undefined;
  for (const t of tokens) {
    const r = await verifyJwt(t, key);
    if (r.ok) return r;
    first ??= r;
    if (r.reason === 'malformed-key') break; // the same key fails the same way for every token
  }
  return first;
}

/** Each reason in a few words (the CLI's and the page's headline). */
export const REASON_WORDS: Record<VerifyReason, string> = {
  'bad-signature': 'the signature does not match the key',
  'kid-not-found': 'the token’s key id (kid) is not in the key set',
  'alg-mismatch': 'the key is not for this algorithm',
  'key-type-mismatch': 'the key is the wrong kind for this algorithm',
  'unsupported-alg': 'this algorithm cannot be checked here',
  'malformed-key': 'the key could not be read',
  'malformed-token': 'the token could not be read',
  'alg-none': 'the token is unsigned (alg "none")',
};

/**
 * The one-line verdict for a result (the CLI prints it; the page shows it as text).
 * @param r the result
 * @returns e.g. 'Signature verified (RS256, kid "k1") with JWK (RSA 2048-bit).'
 */
export function verifyHeadline(r: VerifyResult): string {
  const what = [r.alg, r.kid !== undefined ? `kid ${q(r.kid)}` : ''].filter(Boolean).join(', ');
  if (r.ok) return `Signature verified${what ? ` (${what})` : ''} with ${r.keyUsed}.`;
  return `Signature NOT verified${what ? ` (${what})` : ''}: ${r.reason ? `${REASON_WORDS[r.reason]} (${r.reason})` : 'failed'}.`;
}

/** What the page posts to this module when it runs as a worker. */
export interface VerifyRequest {
  /** The page's run id, echoed so a late reply for older input can be dropped. */
  id: number;
  text: string;
  key: string;
}

/** What this module posts back when it runs as a worker. */
export interface VerifyReply {
  id: number;
  /** undefined when the text holds no signed JWT */
  result: VerifyResult | undefined;
  /** result?.ok */
  ok: boolean | undefined;
  /** What the page shows: the headline, then the explanation, then (on failure) how the key was read. */
  text: string;
}

/** The page's words when the evidence holds no signed JWT. */
export const NO_JWT = 'There is no signed JWT in the evidence to check this key against.';

/**
 * The result in the page's words: the headline line, the explanation, and on failure how the key was read.
 * @param r the result, or undefined when there was no token
 * @returns lines joined with newlines
 */
export function verifyText(r: VerifyResult | undefined): string {
  if (!r) return NO_JWT;
  return [verifyHeadline(r), r.explanation, r.ok ? '' : `Key read as: ${r.keyUsed}.`].filter(Boolean).join('\n');
}

// Run as a Web Worker (the page's `new Worker(new URL('…/verify.ts', import.meta.url))`): answer
// each request. Nothing here runs in Node or in a page that imports this module.
if ('WorkerGlobalScope' in globalThis) {
  addEventListener('message', (e: MessageEvent<VerifyRequest>) => {
    const { id, text, key } = e.data;
    void verifyEvidence(String(text), String(key)).then((result) => {
      const reply: VerifyReply = { id, result, ok: result?.ok, text: verifyText(result) };
      postMessage(reply);
    });
  });
}
