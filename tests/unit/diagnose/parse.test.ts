import { describe, expect, it } from 'vitest';
import { parseCookieHeader, parseSetCookie, clearsCookie } from '../../../src/diagnose/parse/cookies.ts';
import { tokenOwner } from '../../../src/diagnose/atlas.ts';
import { decodeBasic, isMisspeltAuthorization, readAuthorization } from '../../../src/diagnose/parse/credentials.ts';
import { parseCurl } from '../../../src/diagnose/parse/curl.ts';
import { detectKind } from '../../../src/diagnose/parse/detect.ts';
import { parseHar } from '../../../src/diagnose/parse/har.ts';
import { parseHttp } from '../../../src/diagnose/parse/http.ts';
import { parseHttpie, stripAnsi } from '../../../src/diagnose/parse/httpie.ts';
import { parseInput, unwrapMarkdown } from '../../../src/diagnose/parse/index.ts';
import { decodeJwt, isoDate, span } from '../../../src/diagnose/parse/jwt.ts';
import type { Header } from '../../../src/diagnose/types.ts';
import { fixture, K } from './support.ts';

const h = (name: string, raw: string): Header => ({ name, value: raw.trim(), raw, line: 1 });

describe('raw HTTP', () => {
  it('reads a status line, headers, folded headers and the body', () => {
    const [ex] = parseHttp('HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Bearer realm="x",\r\n  error="invalid_token"\r\nContent-Type: application/json\r\n\r\n{"a":1}\r\n');
    expect(ex?.response?.status).toBe(401);
    expect(ex?.response?.reason).toBe('Unauthorized');
    expect(ex?.response?.headers[0]?.value).toBe('Bearer realm="x", error="invalid_token"');
    expect(ex?.response?.body.trim()).toBe('{"a":1}');
    expect(ex?.response?.bodyLine).toBe(6);
  });

  it('pairs requests with responses and skips 100 Continue', () => {
    const xs = parseHttp('GET /a HTTP/1.1\nHost: h\n\nHTTP/1.1 100 Continue\n\nHTTP/1.1 401 Unauthorized\nX: 1\n\nGET /b HTTP/1.1\nHost: h\n\nHTTP/2 200\n\n');
    expect(xs.map((x) => [x.request?.target, x.response?.status])).toEqual([['/a', 401], ['/b', 200]]);
    expect(xs[0]?.request?.url).toBe('http://h/a');
  });

  it('reads an HTTP/2 header block with pseudo-headers and Chrome’s General section', () => {
    expect(parseHttp(fixture('synthetic/devtools-h2-pseudo.txt'))[0]?.response?.status).toBe(401);
    const xs = parseHttp(fixture('synthetic/devtools-chrome-general.txt'));
    const ex = xs.find((x) => x.response);
    expect(ex?.response?.status).toBe(401);
    expect(xs.some((x) => x.request?.target === 'https://api.example.com/v1/me')).toBe(true);
  });

  it('reads Chrome’s header grid copied as text (name and value on separate lines, response first)', () => {
    const [ex, more] = parseHttp(fixture('synthetic/devtools-chrome-grid.txt'));
    expect(more).toBeUndefined();
    expect(ex?.request?.url).toBe('https://graph.microsoft.com/v1.0/me');
    expect(ex?.request?.headers.find((x) => x.name === 'authorization')?.value).toMatch(/^Bearer eyJ/);
    expect(ex?.response?.status).toBe(401);
    expect(ex?.response?.headers.find((x) => x.name === 'www-authenticate')?.value).toMatch(/^Bearer realm=""/);
  });

  it('reads DevTools copies with the value on the line after the name', () => {
    const [ex] = parseHttp('www-authenticate:\nBearer error="invalid_token"\ncontent-type:\napplication/json\n:status:\n401');
    expect(ex?.response?.headers.find((x) => x.name === 'www-authenticate')?.value).toBe('Bearer error="invalid_token"');
  });
});

describe('curl -v', () => {
  it('reads requests, responses, info lines and the body from a real capture', () => {
    const c = parseCurl(fixture('captured/api-redirect-other-host.txt'));
    expect(c.exchanges.length).toBe(2);
    expect(c.exchanges[0]?.response?.status).toBe(301);
    expect(c.exchanges[1]?.request?.host).toMatch(/^localhost:/);
    expect(c.exchanges[1]?.response?.status).toBe(401);
    expect(c.info.some((l) => /Issue another request/.test(l.text))).toBe(true);
  });

  it('reads the second leg of a Digest exchange', () => {
    const c = parseCurl(fixture('captured/api-digest-wrong.txt'));
    expect(c.exchanges.length).toBe(2);
    expect(c.exchanges[1]?.request?.headers.some((x) => x.name === 'Authorization' && x.value.startsWith('Digest '))).toBe(true);
  });

  it('reads a 407 on CONNECT through a proxy', () => {
    const c = parseCurl(fixture('captured/proxy-407-connect.txt'));
    expect(c.exchanges[0]?.request?.method).toBe('CONNECT');
    expect(c.exchanges[0]?.response?.status).toBe(407);
  });

  it('strips --trace-time stamps', () => {
    const c = parseCurl('10:00:00.123456 > GET / HTTP/1.1\n10:00:00.123456 > Host: a\n10:00:00.123456 >\n10:00:00.200000 < HTTP/1.1 401 Unauthorized\n10:00:00.200000 <\n');
    expect(c.exchanges[0]?.response?.status).toBe(401);
  });
});

describe('HTTPie', () => {
  it('reads request and response, and strips colours', () => {
    const x = parseHttpie(stripAnsi('\u001b[34mGET\u001b[39m /x HTTP/1.1\nHost: a\nUser-Agent: HTTPie/3.2.4\n\n\n\nHTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer\n\nhttp: warning: HTTP 401 Unauthorized\n'));
    expect(x.exchanges[0]?.request?.method).toBe('GET');
    expect(x.exchanges[0]?.response?.status).toBe(401);
    expect(x.messages[0]?.text).toMatch(/^http: warning/);
  });
});

describe('HAR', () => {
  it('reads a Chromium HAR recorded against the fixture server', () => {
    const h2 = parseHar(fixture('captured/har-expired-token.har'));
    const failed = h2.exchanges.find((x) => x.response?.status === 401);
    expect(failed?.response?.headers.some((x) => /^www-authenticate$/i.test(x.name) && x.value.includes('invalid_token'))).toBe(true);
    expect(failed?.response?.body).toContain('The access token expired');
    expect(failed?.request?.headers.some((x) => x.name === 'Authorization')).toBe(true);
  });

  it('reports malformed or empty HAR files instead of throwing', () => {
    expect(parseHar('{"log": {"entries": [').warnings[0]).toMatch(/cut short/);
    expect(parseHar('{"log": {"entries": []}}').warnings[0]).toMatch(/no entries/);
    expect(parseHar('{"nope": 1}').warnings[0]).toMatch(/not a HAR/);
    expect(parseHar('{"log":{"entries":[null, 3, {"request": 5}, {"response": {"status": "x", "headers": "y"}}]}}').exchanges.length).toBe(1);
  });

  it('decodes base64 bodies and keeps failure text for requests that got no response', () => {
    const har = JSON.stringify({ log: { creator: { name: 'WebInspector' }, entries: [
      { request: { method: 'GET', url: 'https://a.example/x', headers: [] }, response: { status: 401, headers: [], content: { text: btoa('{"error":"expired_token"}'), encoding: 'base64' } } },
      { request: { method: 'GET', url: 'https://b.example/y', headers: [] }, response: { status: 0, headers: [], _error: 'net::ERR_FAILED' } },
    ] } });
    const p = parseHar(har);
    expect(p.creator).toBe('WebInspector');
    expect(p.exchanges[0]?.response?.body).toBe('{"error":"expired_token"}');
    expect(p.exchanges[1]?.response?.reason).toBe('net::ERR_FAILED');
  });
});

describe('JWT', () => {
  const b = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  it('decodes header and claims without verifying', () => {
    const d = decodeJwt(`Bearer ${b({ alg: 'RS256', jku: 'https://evil.example/keys' })}.${b({ sub: 'a', exp: 1 })}.sig`);
    expect(d.header?.['jku']).toBe('https://evil.example/keys');
    expect(d.claims?.['sub']).toBe('a');
    expect(d.problems).toEqual([]);
  });
  it('says what is wrong with a damaged token and reads what it can', () => {
    expect(decodeJwt(`${b({ alg: 'HS256' })}.eyJzdWIi`).problems.join()).toMatch(/payload|3 dot-separated/);
    expect(decodeJwt('eyJ!!!.x.y').problems[0]).toMatch(/base64url/);
    expect(decodeJwt(`${b({ alg: 'RSA-OAEP', enc: 'A256GCM' })}.a.b.c.d`).problems[0]).toMatch(/encrypted/);
    expect(decodeJwt(`${b({ alg: 'RS256' })}.${b([1])}.s`).problems[0]).toMatch(/not a JSON object/);
  });
  it('formats dates and spans for people', () => {
    expect(isoDate(0.001 + 1795860000)).toMatch(/^2026-11-28 \d\d:\d\d:\d\d UTC$/);
    expect(span(30)).toBe('30 s');
    expect(span(-600)).toBe('10 min');
    expect(span(7500)).toBe('2 h 5 min');
    expect(span(86400 * 3)).toBe('3 days');
  });
});

describe('credentials', () => {
  it('finds form problems in Authorization', () => {
    const ids = (raw: string) => readAuthorization(h('Authorization', raw)).problems.map((p) => p.id);
    expect(ids('Bearer abc')).toEqual([]);
    expect(ids('Bearer Bearer abc')).toContain('double-scheme');
    expect(ids('Bearer: abc')).toContain('scheme-colon');
    expect(ids('Bearer "abc"')).toContain('quotes');
    expect(ids('Bearer  abc')).toContain('whitespace');
    expect(ids('Bearer abc\u200b')).toContain('whitespace');
    expect(ids('abc123')).toContain('no-scheme');
    expect(ids('Bearer undefined')).toContain('placeholder');
    expect(ids('Bearer ${TOKEN}')).toContain('placeholder');
    expect(ids('Bearer <your-token>')).toContain('placeholder');
    expect(ids('Digest username="a", realm="b", response="c"')).toEqual([]);
  });
  it('decodes Basic to the user name only, and checks UTF-8 and the colon', () => {
    expect(decodeBasic(btoa('alice:pw'))).toEqual({ user: 'alice', problem: undefined, problemId: undefined });
    expect(decodeBasic(Buffer.from('jörg:pässwörd', 'utf8').toString('base64')).problemId).toBeUndefined();
    expect(decodeBasic(Buffer.from('jörg:pässwörd', 'latin1').toString('base64')).problemId).toBe('basic-charset');
    expect(decodeBasic(btoa('token-only')).problemId).toBe('basic-no-colon');
    expect(decodeBasic('alice:pw').problemId).toBe('basic-encoding');
    expect(decodeBasic(btoa('alice:pw\n')).problemId).toBe('basic-newline');
    expect(decodeBasic('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.x').problemId).toBe('basic-jwt');
  });
  it('spots misspelt Authorization headers but not real ones', () => {
    for (const n of ['Authorisation', 'Autorization', 'Authorizaton', 'Authentication', 'Authorizations']) expect(isMisspeltAuthorization(n)).toBe(true);
    for (const n of ['Authorization', 'authorization', 'Proxy-Authorization', 'X-API-Key', 'Accept', 'Author']) expect(isMisspeltAuthorization(n)).toBe(false);
  });
  it('recognises vendor token shapes, from the service pages\' `tokens`', () => {
    expect(tokenOwner(`ghp_${'a'.repeat(36)}`, K)?.name).toBe('GitHub');
    expect(tokenOwner(` sk_test_4eC39HqLyjWDarjtT1zdp7dc `, K)?.name).toBe('Stripe');
    expect(tokenOwner('xoxb-123-456-abcdefghij', K)?.name).toBe('Slack');
    expect(tokenOwner('xoxb-123-456-abcdefghij', K)?.hosts.test('slack.com')).toBe(true);
    expect(tokenOwner('hello', K)).toBeUndefined();
    // Without the knowledge data (its fetch failed) nothing is named.
    expect(tokenOwner(`ghp_${'a'.repeat(36)}`, undefined)).toBeUndefined();
    // A pattern that does not compile is left out rather than thrown.
    expect(tokenOwner('abc', { ...K, tokens: [{ name: 'Broken', pattern: '^(abc$', hosts: 'x' }, { name: 'Fine', pattern: '^abc$', hosts: 'x' }] })?.name).toBe('Fine');
  });
});

describe('cookies', () => {
  it('parses Cookie and Set-Cookie and spots a cleared cookie', () => {
    expect(parseCookieHeader('a=1; b="two"; junk; =x')).toEqual([{ name: 'a', value: '1' }, { name: 'b', value: 'two' }]);
    const c = parseSetCookie('sid=; Path=/; Max-Age=0; HttpOnly');
    expect(c?.attrs).toEqual({ path: '/', 'max-age': '0', httponly: '' });
    expect(clearsCookie(c!, Date.now())).toBe(true);
    expect(clearsCookie(parseSetCookie('sid=x; Expires=Thu, 01 Jan 1970 00:00:00 GMT')!, Date.now())).toBe(true);
    expect(clearsCookie(parseSetCookie('sid=x; Max-Age=3600')!, Date.now())).toBe(false);
    expect(parseSetCookie('novalue')).toBeUndefined();
  });
});

describe('input detection', () => {
  it.each([
    ['captured/api-expired-jwt.txt', 'curl'],
    ['captured/nginx-basic-curl-i.txt', 'http'],
    ['captured/har-ok.har', 'har'],
    ['synthetic/httpie-expired.txt', 'httpie'],
    ['synthetic/jwt-valid.txt', 'jwt'],
    ['synthetic/auth-header-bare.txt', 'auth-header'],
    ['synthetic/cookie-header.txt', 'cookie'],
    ['documented/slack-invalid-auth.json', 'json'],
    ['documented/chrome-cors-preflight-console.txt', 'text'],
    ['documented/github-git-password-removed.txt', 'text'],
    ['synthetic/devtools-h2-pseudo.txt', 'http'],
    ['synthetic/devtools-chrome-general.txt', 'http'],
  ] as const)('%s is read as %s', (path, kind) => {
    expect(detectKind(fixture(path))).toBe(kind);
  });

  it('honours a forced kind and falls back to text when it does not fit', () => {
    const p = parseInput('{"error":"invalid_token"}', 'har', undefined, parseHar);
    expect(p.kind).toBe('har');
    expect(p.detected).toBe('json');
    expect(p.warnings[0]).toMatch(/not a HAR/);
    expect(parseInput('not json {', 'json').warnings[0]).toMatch(/not valid JSON/);
  });

  it('reads a HAR only through the reader it is given (the page loads it as a worker, only for HARs)', () => {
    const har = fixture('captured/har-expired-token.har');
    expect(parseInput(har, undefined, undefined, parseHar).exchanges.length).toBeGreaterThan(0);
    const without = parseInput(har);
    expect(without.kind).toBe('har');
    expect(without.exchanges).toEqual([]);
    expect(without.warnings).toContain('This HAR file could not be read here.');
  });
});

describe('Markdown frames around a paste', () => {
  it('blanks fences and bold labels, keeps every other line where it was', () => {
    const paste = '**Response headers:**\n```http\nHTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer\n```\n__Note__\ntext with **bold** inside';
    const out = unwrapMarkdown(paste);
    expect(out.split('\n')).toEqual(['', '', 'HTTP/1.1 401 Unauthorized', 'WWW-Authenticate: Bearer', '', '', 'text with **bold** inside']);
    expect(unwrapMarkdown('HTTP/1.1 401 Unauthorized\n')).toBe('HTTP/1.1 401 Unauthorized\n');
  });

  it('lets a fenced DevTools copy parse as the exchange it is', () => {
    const paste = '**Request:**\n```\nRequest URL:https://api.example.com/v1/items\nRequest Method:OPTIONS\nStatus Code:401 Unauthorized\n```\n\n**Request headers:**\n```\nAccess-Control-Request-Method:POST\nOrigin:https://app.example.com\n```';
    const parsed = parseInput(paste);
    expect(parsed.exchanges.some((x) => x.response?.status === 401 && x.request?.method === 'OPTIONS')).toBe(true);
  });
});
