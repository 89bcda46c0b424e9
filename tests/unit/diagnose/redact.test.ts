import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MASK, redact, redactLine } from '../../../src/diagnose/redact.ts';
import { fixture } from './support.ts';

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSIsImV4cCI6MX0.c2lnbmF0dXJlLXNlY3JldC12YWx1ZQ';

describe('redaction', () => {
  it('masks Authorization but keeps the scheme, and keeps a JWT readable without its signature', () => {
    expect(redactLine('Authorization: Basic YWxpY2U6d29uZGVybGFuZA==')).toBe(`Authorization: Basic ${MASK}`);
    expect(redactLine('> Authorization: Bearer opaque-secret-token')).toBe(`> Authorization: Bearer ${MASK}`);
    expect(redactLine(`authorization: Bearer ${JWT}`)).toBe(`authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSIsImV4cCI6MX0.${MASK}`);
    expect(redactLine('Proxy-Authorization: Basic cHJveHk6cHc=')).toBe(`Proxy-Authorization: Basic ${MASK}`);
    expect(redactLine('Authorization: bare-token')).toBe(`Authorization: ${MASK}`);
  });
  it('masks cookie values but keeps names and attributes', () => {
    expect(redactLine('Cookie: sid=abc123; theme=dark')).toBe(`Cookie: sid=${MASK}; theme=${MASK}`);
    expect(redactLine('< Set-Cookie: sid=abc123; Path=/; HttpOnly')).toBe(`< Set-Cookie: sid=${MASK}; Path=/; HttpOnly`);
  });
  it('masks API-key headers, query parameters, URL passwords, vendor keys and JSON secrets', () => {
    expect(redactLine('X-API-Key: key-live-5b1d7e')).toBe(`X-API-Key: ${MASK}`);
    expect(redactLine('> GET /v1/me?access_token=abc&x=1 HTTP/1.1')).toBe(`> GET /v1/me?access_token=${MASK}&x=1 HTTP/1.1`);
    expect(redactLine('https://alice:hunter2@example.com/')).toBe(`https://alice:${MASK}@example.com/`);
    expect(redactLine('token was sk_live_51HxxxxxxxxxxxxxxxxxxY in the log')).toBe(`token was sk_live_${MASK} in the log`);
    expect(redactLine('{"access_token":"abc","refresh_token":"def","ok":true}')).toBe(`{"access_token":"${MASK}","refresh_token":"${MASK}","ok":true}`);
    expect(redactLine('* [HTTP/2] [1] [authorization: Bearer secret-xyz]')).toBe(`* [HTTP/2] [1] [authorization: Bearer ${MASK}]`);
  });
  it('leaves harmless lines alone', () => {
    for (const l of ['HTTP/1.1 401 Unauthorized', 'WWW-Authenticate: Bearer realm="api", error="invalid_token"', 'Content-Type: application/json', '* Connected to 127.0.0.1']) {
      expect(redactLine(l)).toBe(l);
    }
  });
  it('removes every secret from a real curl log, keeping line structure', () => {
    const log = fixture('captured/api-expired-jwt.txt');
    const out = redact(log);
    const sig = /Authorization: Bearer [\w-]+\.[\w-]+\.([\w-]+)/.exec(log)?.[1] ?? '';
    expect(sig.length).toBeGreaterThan(10);
    expect(out).not.toContain(sig);
    expect(out.split('\n').length).toBe(log.split('\n').length);
  });
  it('redacts HAR files structurally: headers, cookies, query strings, bodies', () => {
    const har = fixture('captured/har-expired-token.har');
    const out = redact(har);
    const parsed = JSON.parse(out) as { log: { entries: { request: { headers: { name: string; value: string }[] } }[] } };
    const auth = parsed.log.entries.flatMap((e) => e.request.headers).find((h) => h.name === 'Authorization');
    expect(auth?.value).toMatch(new RegExp(`^Bearer eyJ[\\w-]+\\.[\\w-]+\\.\\${MASK.slice(0, 1)}`));
    const sig = /"Authorization",\s*"value": "Bearer [\w-]+\.[\w-]+\.([\w-]+)"/.exec(har)?.[1] ?? /Bearer [\w-]+\.[\w-]+\.([\w-]+)/.exec(har)?.[1] ?? '';
    expect(sig.length).toBeGreaterThan(10);
    expect(out).not.toContain(sig);
    const withCookies = JSON.stringify({ log: { entries: [{ request: { url: 'https://a/?api_key=k1', headers: [{ name: 'Cookie', value: 's=1' }], cookies: [{ name: 's', value: '1' }], queryString: [{ name: 'api_key', value: 'k1' }], postData: { mimeType: 'application/x-www-form-urlencoded', text: 'user=a&password=p1' } }, response: { headers: [{ name: 'Set-Cookie', value: 's=2; Path=/' }] } }] } });
    const r = redact(withCookies);
    expect(r).not.toMatch(/"value": "1"|k1|p1|s=2/);
    expect(r).toContain('user=a');
  });
  it('no generated secret survives in a header line (property test)', () => {
    const secret = fc.stringMatching(/^[A-Za-z0-9_\-+/=.]{12,60}$/);
    // A cookie's name is not secret, so cookie lines always carry one; other headers any scheme.
    const header = fc.oneof(
      fc.tuple(fc.constantFrom('Authorization', 'authorization', 'Proxy-Authorization', 'X-API-Key', 'api-key', 'X-Auth-Token'), fc.constantFrom('', 'Bearer ', 'Basic ', 'Token ')),
      fc.tuple(fc.constantFrom('Cookie', 'cookie'), fc.constantFrom('sid=', 'a=1; session=')),
      fc.tuple(fc.constant('Set-Cookie'), fc.constant('sid=')),
    );
    fc.assert(fc.property(header, secret, fc.constantFrom('', '> ', '< '), ([n, s], v, pre) => {
      const out = redactLine(`${pre}${n}: ${s}${v}`);
      expect(out).not.toContain(v);
    }), { numRuns: 3000 });
  });
});
