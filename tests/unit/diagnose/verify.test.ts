// Local JWT signature verification (src/diagnose/verify.ts) with real keys: every key pair and
// token here is generated in the test with WebCrypto, and the X.509 certificates are built in the
// test too (DER written by hand, signed with a WebCrypto RSA key) and checked by Node's own
// X509Certificate parser before we read them, so the certificate path runs on real certificates.
import { KeyObject, X509Certificate } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJwts, MAX_KEY, MAX_TOKEN, spkiFromCertificate, verifyEvidence, verifyHeadline, verifyJwt, type VerifyResult } from '../../../src/diagnose/verify.ts';

const { subtle } = globalThis.crypto;
const enc = new TextEncoder();
const b64u = (b: Uint8Array | ArrayBuffer | string) => Buffer.from(typeof b === 'string' ? b : new Uint8Array(b)).toString('base64url');
const pem = (label: string, der: Uint8Array | ArrayBuffer) => `-----BEGIN ${label}-----\n${(Buffer.from(new Uint8Array(der)).toString('base64').match(/.{1,64}/g) ?? []).join('\n')}\n-----END ${label}-----\n`;

type Alg = 'HS256' | 'HS384' | 'HS512' | 'RS256' | 'RS384' | 'RS512' | 'PS256' | 'PS384' | 'PS512' | 'ES256' | 'ES384' | 'ES512' | 'EdDSA';
const hashOf = (alg: string) => `SHA-${alg.slice(2) || '512'}`;
const CURVE: Record<string, string> = { ES256: 'P-256', ES384: 'P-384', ES512: 'P-521' };

/** Generation parameters for a key pair that signs with alg. */
function genParams(alg: Alg): RsaHashedKeyGenParams | EcKeyGenParams | Algorithm {
  if (alg.startsWith('RS')) return { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: hashOf(alg) };
  if (alg.startsWith('PS')) return { name: 'RSA-PSS', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: hashOf(alg) };
  if (alg.startsWith('ES')) return { name: 'ECDSA', namedCurve: CURVE[alg] ?? '' };
  return { name: 'Ed25519' };
}
function signParams(alg: Alg): Algorithm | RsaPssParams | EcdsaParams {
  if (alg.startsWith('RS')) return { name: 'RSASSA-PKCS1-v1_5' };
  if (alg.startsWith('PS')) return { name: 'RSA-PSS', saltLength: Number(alg.slice(2)) / 8 };
  if (alg.startsWith('ES')) return { name: 'ECDSA', hash: hashOf(alg) };
  return { name: 'Ed25519' };
}
const pairs = new Map<string, Promise<CryptoKeyPair>>();
/** A key pair for alg (cached per label so a test can ask for "another" key). */
function pair(alg: Alg, label = ''): Promise<CryptoKeyPair> {
  const k = `${alg}${label}`;
  let p = pairs.get(k);
  if (!p) {
    p = subtle.generateKey(genParams(alg), true, ['sign', 'verify']) as Promise<CryptoKeyPair>;
    pairs.set(k, p);
  }
  return p;
}

/** Signs a JWT with a private key (or an HMAC secret's bytes) exactly as JOSE libraries do. */
async function jwt(alg: string, key: CryptoKey | Uint8Array, header: Record<string, unknown> = {}, claims: Record<string, unknown> = { sub: 'user-1', exp: 2_000_000_000 }): Promise<string> {
  const input = `${b64u(JSON.stringify({ alg, typ: 'JWT', ...header }))}.${b64u(JSON.stringify(claims))}`;
  let sig: ArrayBuffer;
  if (key instanceof Uint8Array) {
    const k = await subtle.importKey('raw', new Uint8Array(key), { name: 'HMAC', hash: hashOf(alg) }, false, ['sign']);
    sig = await subtle.sign('HMAC', k, enc.encode(input));
  } else sig = await subtle.sign(signParams(alg as Alg), key, enc.encode(input));
  return `${input}.${b64u(sig)}`;
}

const publicJwk = async (k: CryptoKey, extra: Record<string, unknown> = {}) => JSON.stringify({ ...(await subtle.exportKey('jwk', k)), ...extra });
const spkiPem = async (k: CryptoKey) => pem('PUBLIC KEY', await subtle.exportKey('spki', k));

function expectOk(r: VerifyResult, alg: string): void {
  expect(r, r.explanation).toMatchObject({ ok: true, alg });
  expect(r.reason).toBeUndefined();
  expect(r.explanation).toMatch(/signature is valid/);
}

// --- A minimal DER writer, to build real X.509 certificates in the test -----------------------
const der = (tag: number, ...content: Uint8Array[]): Uint8Array<ArrayBuffer> => {
  const body = Buffer.concat(content);
  const n = body.length;
  const len = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
  return new Uint8Array(Buffer.concat([Buffer.from([tag, ...len]), body]));
};
const seq = (...c: Uint8Array[]) => der(0x30, ...c);
const oid = (hex: string) => der(0x06, Buffer.from(hex, 'hex'));
const name = (cn: string) => seq(der(0x31, seq(oid('550403'), der(0x0c, Buffer.from(cn)))));
const SHA256_RSA = seq(oid('2a864886f70d01010b'), Buffer.from([0x05, 0x00]));

/**
 * Builds an X.509 v3 certificate for a subject public key, signed by an RSA issuer key.
 * @returns the DER bytes
 */
async function certificate(subjectKey: CryptoKey, issuerKey: CryptoKey, cn: string, issuer = cn): Promise<Uint8Array> {
  const spki = new Uint8Array(await subtle.exportKey('spki', subjectKey));
  const tbs = seq(
    der(0xa0, der(0x02, Buffer.from([2]))), // v3
    der(0x02, Buffer.from([0x01, 0x23, 0x45])),
    SHA256_RSA,
    name(issuer),
    seq(der(0x17, Buffer.from('250101000000Z')), der(0x17, Buffer.from('350101000000Z'))),
    name(cn),
    spki,
  );
  const sig = new Uint8Array(await subtle.sign('RSASSA-PKCS1-v1_5', issuerKey, tbs));
  return seq(tbs, SHA256_RSA, der(0x03, Buffer.from([0]), sig));
}

describe('every algorithm family verifies with a real key', () => {
  for (const alg of ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'] as const) {
    it(`${alg}: JWK, JWKS by kid and SPKI PEM`, async () => {
      const kp = await pair(alg);
      const token = await jwt(alg, kp.privateKey, { kid: `${alg}-key` });
      expectOk(await verifyJwt(token, await publicJwk(kp.publicKey)), alg);
      const other = await pair(alg, 'other');
      const set = JSON.stringify({ keys: [JSON.parse(await publicJwk(other.publicKey, { kid: 'old' })), JSON.parse(await publicJwk(kp.publicKey, { kid: `${alg}-key`, use: 'sig' }))] });
      const r = await verifyJwt(token, set);
      expectOk(r, alg);
      expect(r.kid).toBe(`${alg}-key`);
      expect(r.keyUsed).toMatch(new RegExp(`JWKS key 2 of 2 .*kid "${alg}-key"`));
      const p = await verifyJwt(token, await spkiPem(kp.publicKey));
      expectOk(p, alg);
      expect(p.keyUsed).toMatch(/^PEM public key \((RSA 2048-bit|EC P-(256|384|521)|Ed25519)\)$/);
    });
  }
  for (const alg of ['HS256', 'HS384', 'HS512'] as const) {
    it(`${alg}: the secret as text`, async () => {
      const token = await jwt(alg, enc.encode('correct horse battery staple'));
      const r = await verifyJwt(token, 'correct horse battery staple');
      expectOk(r, alg);
      expect(r.keyUsed).toBe('HMAC secret as text (28 bytes)');
    });
  }
  it('ES256 signatures are JOSE r||s, which is also what WebCrypto produces and expects', async () => {
    const kp = await pair('ES256');
    const token = await jwt('ES256', kp.privateKey);
    expect(Buffer.from(token.split('.')[2] ?? '', 'base64url')).toHaveLength(64);
    const es512 = await jwt('ES512', (await pair('ES512')).privateKey);
    expect(Buffer.from(es512.split('.')[2] ?? '', 'base64url')).toHaveLength(132);
  });
  it('a PKCS#1 "RSA PUBLIC KEY" PEM and an RSA key in a JWKS without kids also work', async () => {
    const kp = await pair('RS256');
    const token = await jwt('RS256', kp.privateKey);
    const pkcs1 = KeyObject.from(kp.publicKey).export({ type: 'pkcs1', format: 'pem' }).toString();
    expect(pkcs1).toMatch(/BEGIN RSA PUBLIC KEY/);
    expectOk(await verifyJwt(token, pkcs1), 'RS256');
    // No kid in the token: every compatible key is tried, keys of other types are skipped.
    const set = JSON.stringify({ keys: [JSON.parse(await publicJwk((await pair('ES256')).publicKey)), JSON.parse(await publicJwk((await pair('RS256', 'other')).publicKey)), JSON.parse(await publicJwk(kp.publicKey))] });
    const r = await verifyJwt(token, set);
    expectOk(r, 'RS256');
    expect(r.keyUsed).toMatch(/^JWKS key 3 of 3/);
  });
  it('a JWK holding the private part is read for its public part only', async () => {
    const kp = await pair('ES384');
    const token = await jwt('ES384', kp.privateKey);
    const r = await verifyJwt(token, JSON.stringify(await subtle.exportKey('jwk', kp.privateKey)));
    expectOk(r, 'ES384');
    expect(r.keyUsed).toMatch(/private key: only its public part is used/);
  });
  it('accepts "Bearer " and quotes around the token', async () => {
    const kp = await pair('RS256');
    const token = await jwt('RS256', kp.privateKey);
    expectOk(await verifyJwt(`Bearer ${token}\n`, await publicJwk(kp.publicKey)), 'RS256');
    expectOk(await verifyJwt(`"${token}"`, await publicJwk(kp.publicKey)), 'RS256');
  });
});

describe('HMAC secrets: text, base64url, JWK', () => {
  const bytes = new Uint8Array(Array.from({ length: 32 }, (_, i) => (i * 37 + 250) % 256)); // has bytes that are not UTF-8
  it('a secret used as its base64url-decoded bytes verifies, and says so', async () => {
    const token = await jwt('HS256', bytes);
    const r = await verifyJwt(token, b64u(bytes));
    expectOk(r, 'HS256');
    expect(r.keyUsed).toBe('HMAC secret, base64url-decoded (32 bytes)');
    expect(r.explanation).toMatch(/base64url-decoded, not with its text/);
    // Standard base64 spelling of the same bytes works too, and is named as such.
    const std = await verifyJwt(token, Buffer.from(bytes).toString('base64'));
    expect(std.ok).toBe(true);
    expect(std.keyUsed).toMatch(/base64(url)?-decoded \(32 bytes\)/);
  });
  it('a base64-looking secret used as text verifies as text (text is tried first)', async () => {
    const secret = b64u(bytes);
    const r = await verifyJwt(await jwt('HS256', enc.encode(secret)), secret);
    expectOk(r, 'HS256');
    expect(r.keyUsed).toBe('HMAC secret as text (43 bytes)');
  });
  it('a trailing newline (a key file) is forgiven and named', async () => {
    const r = await verifyJwt(await jwt('HS512', enc.encode('s3cr3t-value')), 's3cr3t-value\n');
    expectOk(r, 'HS512');
    expect(r.keyUsed).toMatch(/surrounding whitespace removed/);
  });
  it('an "oct" JWK', async () => {
    const r = await verifyJwt(await jwt('HS384', bytes, { kid: 'h1' }), JSON.stringify({ keys: [{ kty: 'oct', kid: 'h1', k: b64u(bytes) }] }));
    expectOk(r, 'HS384');
    expect(r.keyUsed).toMatch(/HMAC secret, 32 bytes, kid "h1"/);
  });
  it('the wrong secret fails with bad-signature and names the encoding question', async () => {
    const r = await verifyJwt(await jwt('HS256', enc.encode('the-real-secret')), 'not-the-secret');
    expect(r).toMatchObject({ ok: false, reason: 'bad-signature', alg: 'HS256' });
    expect(r.explanation).toMatch(/neither as text nor base64-decoded/);
  });
});

describe('certificates (built in the test and checked by Node’s X509Certificate)', () => {
  it('a self-signed RSA certificate: the SPKI is extracted byte for byte and verifies RS256', async () => {
    const kp = await pair('RS256');
    const cert = await certificate(kp.publicKey, kp.privateKey, 'issuer.example.com');
    const x = new X509Certificate(Buffer.from(cert));
    expect(x.subject).toBe('CN=issuer.example.com');
    expect(x.verify(KeyObject.from(kp.publicKey))).toBe(true);
    // What Node reads as the certificate's key is the key we put in.
    expect(x.publicKey.export({ format: 'jwk' })).toEqual(JSON.parse(await publicJwk(kp.publicKey, { alg: undefined, ext: undefined, key_ops: undefined })));
    const got = spkiFromCertificate(cert);
    expect(got?.subject).toBe('issuer.example.com');
    expect(Buffer.from(got?.spki ?? [])).toEqual(Buffer.from(await subtle.exportKey('spki', kp.publicKey)));
    const token = await jwt('RS256', kp.privateKey);
    const r = await verifyJwt(token, pem('CERTIFICATE', cert));
    expectOk(r, 'RS256');
    expect(r.keyUsed).toBe('PEM certificate for CN=issuer.example.com (RSA 2048-bit key)');
  });
  it('an EC P-256 certificate signed by a CA, as a chain with the CA certificate, verifies ES256', async () => {
    const ca = await pair('RS256', 'ca');
    const leaf = await pair('ES256');
    const leafCert = await certificate(leaf.publicKey, ca.privateKey, 'api.example.com', 'Example CA');
    const caCert = await certificate(ca.publicKey, ca.privateKey, 'Example CA');
    expect(new X509Certificate(Buffer.from(leafCert)).verify(new X509Certificate(Buffer.from(caCert)).publicKey)).toBe(true);
    const token = await jwt('ES256', leaf.privateKey);
    const r = await verifyJwt(token, pem('CERTIFICATE', leafCert) + pem('CERTIFICATE', caCert));
    expectOk(r, 'ES256');
    expect(r.keyUsed).toBe('PEM certificate 1 of 2 for CN=api.example.com (EC P-256 key)');
  });
  it('a JWK with only x5c (no n/e) uses the certificate in x5c; a bare base64 certificate works too', async () => {
    const kp = await pair('PS256');
    // An RSA-PSS key exported as SPKI carries rsaEncryption: the certificate holds a plain RSA key.
    const ca = await pair('RS256', 'ca');
    const cert = await certificate(kp.publicKey, ca.privateKey, 'pss.example.com', 'Example CA');
    const token = await jwt('PS256', kp.privateKey, { kid: 'x1' });
    const r = await verifyJwt(token, JSON.stringify({ keys: [{ kty: 'RSA', kid: 'x1', use: 'sig', x5c: [Buffer.from(cert).toString('base64')] }] }));
    expectOk(r, 'PS256');
    expect(r.keyUsed).toMatch(/x5c certificate for CN=pss\.example\.com \(RSA 2048-bit key\), kid "x1"/);
    expectOk(await verifyJwt(token, Buffer.from(cert).toString('base64')), 'PS256');
  });
  it('a certificate for another key fails with bad-signature', async () => {
    const kp = await pair('RS256');
    const other = await pair('RS256', 'other');
    const cert = await certificate(other.publicKey, other.privateKey, 'other.example.com');
    const r = await verifyJwt(await jwt('RS256', kp.privateKey), pem('CERTIFICATE', cert));
    expect(r).toMatchObject({ ok: false, reason: 'bad-signature' });
  });
});

describe('failures name the cause', () => {
  it('the wrong key fails with bad-signature (RSA, EC, Ed25519)', async () => {
    for (const alg of ['RS256', 'ES256', 'EdDSA'] as const) {
      const token = await jwt(alg, (await pair(alg)).privateKey);
      const r = await verifyJwt(token, await publicJwk((await pair(alg, 'other')).publicKey));
      expect(r, alg).toMatchObject({ ok: false, reason: 'bad-signature', alg });
      expect(r.explanation).toMatch(/does not match this key.*another key or algorithm/);
    }
  });
  it('a changed payload fails with bad-signature', async () => {
    const kp = await pair('RS256');
    const [h, , s] = (await jwt('RS256', kp.privateKey)).split('.');
    const r = await verifyJwt(`${h}.${b64u(JSON.stringify({ sub: 'admin' }))}.${s}`, await publicJwk(kp.publicKey));
    expect(r.reason).toBe('bad-signature');
  });
  it('kid not in the JWKS: rotation, a stale cache or another issuer', async () => {
    const kp = await pair('RS256');
    const token = await jwt('RS256', kp.privateKey, { kid: 'key-2026' });
    const set = JSON.stringify({ keys: [JSON.parse(await publicJwk((await pair('RS256', 'other')).publicKey, { kid: 'key-2025' }))] });
    const r = await verifyJwt(token, set);
    expect(r).toMatchObject({ ok: false, reason: 'kid-not-found', kid: 'key-2026' });
    expect(r.explanation).toMatch(/"key-2026" is not in this key set \(it has "key-2025"\)/);
    expect(r.explanation).toMatch(/rotated.*stale.*another issuer/);
    // The right key filed under another kid: still kid-not-found, and it says the key itself matches.
    const relabelled = await verifyJwt(token, JSON.stringify({ keys: [JSON.parse(await publicJwk(kp.publicKey, { kid: 'key-2025' }))] }));
    expect(relabelled).toMatchObject({ ok: false, reason: 'kid-not-found' });
    expect(relabelled.explanation).toMatch(/verifies the signature/);
  });
  it('kid found but the signature fails: bad-signature that says the kid matched', async () => {
    const token = await jwt('ES256', (await pair('ES256')).privateKey, { kid: 'k' });
    const r = await verifyJwt(token, JSON.stringify({ keys: [JSON.parse(await publicJwk((await pair('ES256', 'other')).publicKey, { kid: 'k' }))] }));
    expect(r).toMatchObject({ ok: false, reason: 'bad-signature' });
    expect(r.explanation).toMatch(/key with the token’s kid "k" is in the set/);
  });
  it('alg none is never verified, whatever the spelling or the key', async () => {
    for (const alg of ['none', 'None', 'NONE']) {
      const t = `${b64u(JSON.stringify({ alg, typ: 'JWT' }))}.${b64u(JSON.stringify({ sub: 'admin' }))}.`;
      for (const key of ['', 'secret', JSON.stringify({ kty: 'oct', k: 'c2VjcmV0' })]) {
        const r = await verifyJwt(t, key);
        expect(r).toMatchObject({ ok: false, reason: 'alg-none', alg });
        const withSig = await verifyJwt(`${t}c2ln`, key);
        expect(withSig.ok).toBe(false);
        expect(withSig.reason).toBe('alg-none');
      }
    }
  });
  it('an HS token against a public key is algorithm confusion; a forged one is called forged', async () => {
    const kp = await pair('RS256');
    const keyPem = await spkiPem(kp.publicKey);
    const honest = await verifyJwt(await jwt('HS256', enc.encode('whatever')), keyPem);
    expect(honest).toMatchObject({ ok: false, reason: 'key-type-mismatch' });
    expect(honest.explanation).toMatch(/algorithm confusion.*must never accept/);
    const forged = await verifyJwt(await jwt('HS256', enc.encode(keyPem)), keyPem);
    expect(forged).toMatchObject({ ok: false, reason: 'key-type-mismatch' });
    expect(forged.explanation).toMatch(/forged/);
    const viaJwk = await verifyJwt(await jwt('HS256', enc.encode('x')), await publicJwk(kp.publicKey));
    expect(viaJwk.reason).toBe('key-type-mismatch');
  });
  it('key of the wrong type or curve, or labelled for another alg', async () => {
    const rs = await jwt('RS256', (await pair('RS256')).privateKey);
    const ecKey = await publicJwk((await pair('ES256')).publicKey);
    expect(await verifyJwt(rs, ecKey)).toMatchObject({ ok: false, reason: 'key-type-mismatch' });
    expect(await verifyJwt(rs, 'a-shared-secret')).toMatchObject({ ok: false, reason: 'key-type-mismatch' });
    const es256 = await jwt('ES256', (await pair('ES256')).privateKey);
    const p384 = await verifyJwt(es256, await publicJwk((await pair('ES384')).publicKey));
    expect(p384).toMatchObject({ ok: false, reason: 'alg-mismatch' });
    expect(p384.explanation).toMatch(/ES256 uses curve P-256, but the key is on P-384/);
    const labelled = await verifyJwt(await jwt('PS256', (await pair('PS256')).privateKey), await publicJwk((await pair('PS256')).publicKey, { alg: 'RS256' }));
    expect(labelled).toMatchObject({ ok: false, reason: 'alg-mismatch' });
    expect(labelled.explanation).toMatch(/checks out with this key, but the key is marked alg "RS256"/);
  });
  it('a DER-encoded ECDSA signature: the key is right, the encoding is not JOSE', async () => {
    const kp = await pair('ES256');
    const [h, p, s] = (await jwt('ES256', kp.privateKey)).split('.');
    const raw = Buffer.from(s ?? '', 'base64url');
    const int = (b: Buffer) => {
      let v = b;
      while (v.length > 1 && v[0] === 0) v = v.subarray(1);
      if ((v[0] ?? 0) & 0x80) v = Buffer.concat([Buffer.from([0]), v]);
      return der(0x02, v);
    };
    const derSig = seq(int(raw.subarray(0, 32)), int(raw.subarray(32)));
    const r = await verifyJwt(`${h}.${p}.${b64u(derSig)}`, await publicJwk(kp.publicKey));
    expect(r).toMatchObject({ ok: false, reason: 'bad-signature' });
    expect(r.explanation).toMatch(/DER-encoded.*r\|\|s/);
  });
  it('unsupported algorithms', async () => {
    const t = (alg: string) => `${b64u(JSON.stringify({ alg }))}.${b64u('{}')}.c2ln`;
    expect(await verifyJwt(t('ES256K'), 'x')).toMatchObject({ ok: false, reason: 'unsupported-alg' });
    const lower = await verifyJwt(t('rs256'), 'x');
    expect(lower.reason).toBe('unsupported-alg');
    expect(lower.explanation).toMatch(/case-sensitive/);
  });
  it('malformed tokens', async () => {
    const cases: [string, RegExp][] = [
      ['eyJhbGciOiJSUzI1NiJ9.e30', /three dot-separated parts; this has 2/],
      [`${b64u('{"alg":"RSA-OAEP","enc":"A256GCM"}')}.a.b.c.d`, /encrypted token/],
      ['bm90IGpzb24.e30.c2ln', /header is not base64url-encoded JSON/],
      [`${b64u('{"typ":"JWT"}')}.e30.c2ln`, /no "alg"/],
      [`${b64u('{"alg":"RS256"}')}.e30.c2!n`, /signature part is not base64url/],
      [`${b64u('{"alg":"RS256"}')}.e30.`, /signature part is empty/],
    ];
    for (const [token, why] of cases) {
      const r = await verifyJwt(token, 'k');
      expect(r, token).toMatchObject({ ok: false, reason: 'malformed-token' });
      expect(r.explanation).toMatch(why);
    }
  });
  it('malformed keys', async () => {
    const kp = await pair('RS256');
    const token = await jwt('RS256', kp.privateKey);
    const cases: [string, RegExp][] = [
      ['', /empty/],
      ['{"kty":"RSA","n":"abc', /not valid JSON/],
      ['{"kty":"RSA"}', /no "n" and "e"/],
      ['{"kty":"XYZ"}', /not one JWS uses/],
      ['{"keys":[]}', /no keys/],
      ['{"issuer":"https://id.example.com","jwks_uri":"https://id.example.com/jwks"}', /jwks_uri.*nothing here fetches it/],
      ['-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA', /no matching "-----END"/],
      ['-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n-----END PRIVATE KEY-----', /private key.*paste the public key/],
      ['-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----', /not a DER SubjectPublicKeyInfo/],
      ['-----BEGIN CERTIFICATE-----\nMAMCAQA=\n-----END CERTIFICATE-----', /not an X\.509 certificate/],
      [JSON.stringify({ kty: 'RSA', n: 'AQAB', e: 'AQAB' }), /could not be used|does not match/],
    ];
    for (const [key, why] of cases) {
      const r = await verifyJwt(token, key);
      expect(r.ok, key).toBe(false);
      expect(r.explanation, key).toMatch(why);
    }
    expect((await verifyJwt(token, '{"kty":"RSA","n":"abc')).reason).toBe('malformed-key');
  });
});

describe('never throws, and refuses huge inputs quickly', () => {
  it('garbage token and key (property test) always resolve to a result', async () => {
    const kp = await pair('ES256');
    const good = await jwt('ES256', kp.privateKey);
    const goodKey = await publicJwk(kp.publicKey);
    const jsonish = fc.oneof(fc.string(), fc.json(), fc.constantFrom('{"keys":[{"kty":"EC"}]}', '{"kty":"EC","crv":"P-256","x":"AA","y":"AA"}', '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----', '{"keys":null}', '[1,2]', 'null', '{"kty":"oct","k":""}'));
    const tokenish = fc.oneof(fc.string(), fc.constant(good), fc.string().map((s) => `${good.slice(0, 30)}${s}`), fc.tuple(fc.json(), fc.string()).map(([h, s]) => `${b64u(h)}.${b64u('{}')}.${s}`));
    await fc.assert(
      fc.asyncProperty(tokenish, fc.oneof(jsonish, fc.constant(goodKey)), async (t, k) => {
        const r = await verifyJwt(t, k);
        expect(typeof r.ok).toBe('boolean');
        expect(typeof r.explanation).toBe('string');
        expect(typeof r.keyUsed).toBe('string');
        if (!r.ok) expect(r.reason).toBeTypeOf('string');
      }),
      { numRuns: 300 },
    );
  });
  it('random bytes as a certificate never throw', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (b) => {
      expect(() => spkiFromCertificate(b)).not.toThrow();
    }));
    // DER lengths that point past the end
    expect(spkiFromCertificate(Uint8Array.from([0x30, 0x84, 0xff, 0xff, 0xff, 0xff]))).toBeUndefined();
  });
  it('non-string inputs do not throw', async () => {
    expect((await verifyJwt(undefined as unknown as string, null as unknown as string)).ok).toBe(false);
  });
  it('5 MB token or key is refused at once', async () => {
    const kp = await pair('RS256');
    const token = await jwt('RS256', kp.privateKey);
    const huge = 'A'.repeat(5 * 1024 * 1024);
    let t0 = performance.now();
    const a = await verifyJwt(`eyJ${huge}.e30.c2ln`, 'k');
    expect(performance.now() - t0).toBeLessThan(50);
    expect(a).toMatchObject({ ok: false, reason: 'malformed-token' });
    expect(a.explanation).toMatch(/longer than 64 KB/);
    t0 = performance.now();
    const b = await verifyJwt(token, `{"keys":[${huge}]}`);
    expect(performance.now() - t0).toBeLessThan(50);
    expect(b).toMatchObject({ ok: false, reason: 'malformed-key' });
    expect(b.explanation).toMatch(/longer than 256 KB/);
    // Just under the limits is read, not refused for size.
    expect((await verifyJwt('x'.repeat(MAX_TOKEN), 'k')).explanation).not.toMatch(/longer than/);
    expect((await verifyJwt(token, ' '.repeat(MAX_KEY - 1) + 'k')).explanation).not.toMatch(/longer than/);
  });
  it('many PEM "BEGIN" lines without "END" are read quickly', async () => {
    const t0 = performance.now();
    const r = await verifyJwt(await jwt('RS256', (await pair('RS256')).privateKey), '-----BEGIN PUBLIC KEY-----\n'.repeat(9000));
    expect(performance.now() - t0).toBeLessThan(500);
    expect(r.reason).toBe('malformed-key');
  });
});

describe('JWTs in evidence', () => {
  it('finds the signed tokens in a curl log and verifies the one the key matches', async () => {
    const kp = await pair('RS256');
    const idToken = await jwt('RS256', (await pair('RS256', 'other')).privateKey, { kid: 'a' });
    const access = await jwt('RS256', kp.privateKey, { kid: 'b' });
    const log = `> GET /v1/orders HTTP/1.1\n> Authorization: Bearer ${access}\n> Cookie: id=${idToken}\n< HTTP/1.1 401 Unauthorized\n`;
    expect(findJwts(log)).toEqual([access, idToken]);
    const r = await verifyEvidence(log.replace(access, 'x').replace('x', access), await publicJwk(kp.publicKey));
    expect(r?.ok).toBe(true);
    expect(r?.kid).toBe('b');
    expect(await verifyEvidence('no token here', 'k')).toBeUndefined();
    // A JWE is not a signed token.
    expect(findJwts(`${b64u('{"alg":"RSA-OAEP","enc":"A256GCM"}')}.aaaa.bbbb.cccc.dddd`)).toEqual([]);
  });
  it('the headline says verified or NOT verified, with the reason', async () => {
    const kp = await pair('ES256');
    const token = await jwt('ES256', kp.privateKey, { kid: 'k1' });
    expect(verifyHeadline(await verifyJwt(token, await publicJwk(kp.publicKey)))).toBe('Signature verified (ES256, kid "k1") with JWK (EC P-256).');
    expect(verifyHeadline(await verifyJwt(token, 'secret'))).toBe('Signature NOT verified (ES256, kid "k1"): the key is the wrong kind for this algorithm (key-type-mismatch).');
  });
});
