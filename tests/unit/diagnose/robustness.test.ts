// Parsers never throw and never hang: fuzzed with fast-check, and fed 5 MB inputs of every kind,
// including pathological ones aimed at regular expressions.
import { parseCurlCommand } from '../../../src/diagnose/parse/command.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redact } from '../../../src/diagnose/redact.ts';
import { analyse } from '../../../src/diagnose/analyse.ts';
import { INPUT_KINDS } from '../../../src/diagnose/types.ts';
import { fixture, NOW, K } from './support.ts';

const MB5 = 5 * 1024 * 1024;
const fill = (unit: string) => unit.repeat(Math.ceil(MB5 / unit.length)).slice(0, MB5);

/** Fragments real inputs are made of, so the fuzzer reaches deep into the parsers. */
const piece = fc.constantFrom(
  'HTTP/1.1 401 Unauthorized', 'HTTP/2 407', '> GET / HTTP/1.1', '< HTTP/1.1 401 Unauthorized', '* Connected to x', '> ', '< ', '\n', '\r\n', ' ',
  'WWW-Authenticate: ', 'Proxy-Authenticate: ', 'Authorization: ', 'Bearer ', 'Basic ', 'Digest ', 'Negotiate ', 'realm="', 'error="invalid_token"', '"', '\\', ',', '=',
  'eyJhbGciOiJIUzI1NiJ9', '.', 'eyJ', 'Cookie: a=b; ', 'Host: h', ':status: 401', 'Status Code: 401', '{"log":{"entries":[', '{"request":', '{"response":{"status":401', ']}}', '{', '}', '[', ']',
  '"error":"expired"', 'token expired', 'Location: http://other/', 'HTTP/1.1 302 Found', 'OPTIONS /x HTTP/1.1', 'Access-Control-Request-Method: GET', '%0A', '\u200b', '\u0000', '😀',
);

describe('never throws', () => {
  it('on arbitrary text, in every kind (fast-check)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), fc.constantFrom(undefined, ...INPUT_KINDS), (s, kind) => {
      const r = analyse(s, { knowledge: K, readCommand: parseCurlCommand, kind, now: NOW });
      expect(Array.isArray(r.findings)).toBe(true);
      redact(s);
    }), { numRuns: 3000 });
  }, 60_000);

  it('on inputs assembled from HTTP, curl, HAR and JWT fragments (fast-check)', () => {
    fc.assert(fc.property(fc.array(piece, { maxLength: 80 }), fc.constantFrom(undefined, ...INPUT_KINDS), (parts, kind) => {
      const s = parts.join('');
      const r = analyse(s, { knowledge: K, readCommand: parseCurlCommand, kind, now: NOW });
      for (const f of r.findings) expect(f.score).toBeGreaterThanOrEqual(0);
      redact(s);
    }), { numRuns: 5000 });
  }, 60_000);

  it('on arbitrary JSON, read as HAR and as JSON (fast-check)', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 6 }), (v) => {
      const s = JSON.stringify({ log: { entries: [v, { request: v, response: v }] } });
      analyse(s, { knowledge: K, readCommand: parseCurlCommand, now: NOW });
      analyse(JSON.stringify(v) ?? 'null', { knowledge: K, readCommand: parseCurlCommand, kind: 'json', now: NOW });
      redact(s);
    }), { numRuns: 2000 });
  }, 60_000);

  it('on mutated real fixtures (fast-check: cut, duplicate, insert)', () => {
    const sources = ['captured/api-redirect-other-host.txt', 'captured/har-expired-token.har', 'captured/api-digest-wrong.txt', 'documented/azure-arm-wrong-issuer.txt'].map(fixture);
    fc.assert(fc.property(fc.nat({ max: sources.length - 1 }), fc.nat(), fc.nat(), fc.string({ maxLength: 20 }), (i, a, b, ins) => {
      const s = sources[i] ?? '';
      const x = a % (s.length + 1);
      const y = b % (s.length + 1);
      analyse(s.slice(0, x) + ins + s.slice(y), { knowledge: K, readCommand: parseCurlCommand, now: NOW });
    }), { numRuns: 600 });
  }, 30_000);
});

describe('never hangs: 5 MB inputs', () => {
  const cases: [string, string][] = [
    ['a 5 MB curl log', fill(`${fixture('captured/api-expired-jwt.txt')}\n`)],
    ['5 MB of one header line', `HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer ${fill('realm="x", ')}\n\n`],
    ['5 MB of quotes and backslashes in a challenge', `HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Basic realm="${fill('\\"')}\n`],
    ['5 MB of spaces', fill(' ')],
    ['5 MB of "eyJ" (JWT scanner)', fill('eyJ.')],
    ['5 MB without newlines', fill('Authorization: Bearer abc ')],
    ['5 MB of header-looking lines', fill('X-Header: value\n')],
    ['5 MB of unclosed JSON', `{"log":{"entries":[${fill('{"a":[')}`],
    ['5 MB of HTML tags', `HTTP/1.1 401 Unauthorized\n\n${fill('<div class="x">')}`],
    ['5 MB of "<" prefixed lines', fill('< \n')],
    // The message patterns' bounded gaps and disjunctions ("invalid … or …", "date … too old", "407").
    ['5 MB of one line of near-miss message words', fill('invalid or incorrect or time header date anonymous 407 response ')],
    ['5 MB of curl info lines before one request', `${fill('* Trying 10.0.0.1:443...\n')}> GET / HTTP/1.1\n> Host: h\n>\n< HTTP/1.1 401 Unauthorized\n`],
  ];
  for (const [name, input] of cases) {
    // A generous bound (the machine may be busy): catastrophic backtracking would take minutes, not seconds.
    it(`${name} is analysed and redacted within 10 s`, () => {
      const t0 = performance.now();
      const r = analyse(input, { knowledge: K, readCommand: parseCurlCommand, now: NOW });
      redact(input);
      const ms = performance.now() - t0;
      expect(r).toBeDefined();
      expect(ms).toBeLessThan(10_000);
    }, 20_000);
  }
});
