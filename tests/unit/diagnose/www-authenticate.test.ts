import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeChallenge, parseChallenges } from '../../../src/diagnose/parse/www-authenticate.ts';

const one = (value: string) => parseChallenges([{ value, line: 1 }]);

describe('WWW-Authenticate parser (RFC 9110 §11)', () => {
  it('reads the RFC 9110 §11.6.1 example: two challenges in one header, escaped quotes', () => {
    const r = one('Basic realm="simple", Newauth realm="apps", type=1, title="Login to \\"apps\\""');
    expect(r.malformed).toEqual([]);
    expect(r.challenges.map((c) => c.scheme)).toEqual(['Basic', 'Newauth']);
    expect(r.challenges[0]?.params).toEqual({ realm: 'simple' });
    expect(r.challenges[1]?.params).toEqual({ realm: 'apps', type: '1', title: 'Login to "apps"' });
  });

  it('adds up challenges across several header lines', () => {
    const r = parseChallenges([{ value: 'Negotiate', line: 3 }, { value: 'NTLM', line: 4 }]);
    expect(r.challenges.map((c) => [c.schemeKey, c.line])).toEqual([['negotiate', 3], ['ntlm', 4]]);
  });

  it('reads token68 with and without padding, and a continuation after it', () => {
    expect(one('Negotiate YIIBxgYGKwYBBQUCoII=').challenges[0]?.token68).toBe('YIIBxgYGKwYBBQUCoII=');
    expect(one('NTLM TlRMTVNTUAACAAAA').challenges[0]?.token68).toBe('TlRMTVNTUAACAAAA');
    const r = one('Negotiate abc==, Basic realm="x"');
    expect(r.challenges.map((c) => c.scheme)).toEqual(['Negotiate', 'Basic']);
    expect(r.challenges[0]?.token68).toBe('abc==');
  });

  it('treats scheme and parameter names case-insensitively, values case-sensitively', () => {
    const c = one('bEaReR REALM="Api", Error="invalid_token"').challenges[0];
    expect(c?.schemeKey).toBe('bearer');
    expect(c?.params).toEqual({ realm: 'Api', error: 'invalid_token' });
  });

  it('accepts BWS around "=" and unquoted token values', () => {
    expect(one('Digest realm = "r", algorithm = SHA-256, qop="auth"').challenges[0]?.params).toEqual({ realm: 'r', algorithm: 'SHA-256', qop: 'auth' });
  });

  it('reads the RFC 6750 §3 Bearer example with error and description', () => {
    const c = one('Bearer realm="example", error="invalid_token", error_description="The access token expired"').challenges[0];
    expect(c?.params['error']).toBe('invalid_token');
    expect(c?.params['error_description']).toBe('The access token expired');
    expect(describeChallenge(c!)).toContain('error="invalid_token"');
  });

  it('flags duplicates and malformed input instead of throwing', () => {
    const d = one('Basic realm="a", realm="b"').challenges[0];
    expect(d?.params['realm']).toBe('a');
    expect(d?.duplicates).toEqual(['realm']);
    expect(one('Bearer realm="unterminated').malformed.length).toBeGreaterThan(0);
    expect(one('Bearer realm=not/a/token').malformed.length).toBeGreaterThan(0);
    expect(one('').challenges).toEqual([]);
    expect(one(',,,').challenges).toEqual([]);
  });

  it('never throws and always terminates on arbitrary input', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => {
      const r = one(s);
      expect(Array.isArray(r.challenges)).toBe(true);
    }), { numRuns: 2000 });
    fc.assert(fc.property(fc.array(fc.constantFrom('Bearer', ' ', ',', '=', '"', '\\', 'realm', 'a', '==', '\t', 'Basic'), { maxLength: 60 }), (parts) => {
      one(parts.join(''));
    }), { numRuns: 2000 });
  });

  it('is linear: a 1 MB header parses quickly', () => {
    const big = `Bearer ${'a="b", '.repeat(150_000)}`;
    const t0 = performance.now();
    const r = one(big);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(r.challenges.length).toBe(1);
  });
});
