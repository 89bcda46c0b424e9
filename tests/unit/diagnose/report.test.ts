import knowledge from '../../../src/registry/knowledge.gen.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../src/diagnose/analyse.ts';
import { confidenceOf, formatReport } from '../../../src/diagnose/report.ts';
import { HINTS } from '../../../src/diagnose/hints.ts';
import { fixture, NOW, K } from './support.ts';

describe('ranking and report', () => {
  it('a 401 that says nothing more is read by what the request sent, and links the fix for that', () => {
    const reply = '\nHTTP/1.1 401 Unauthorized\nContent-Length: 0\n';
    const top = (auth: string) => analyse(`GET /v1/items HTTP/1.1\nHost: api.example.com\n${auth}${reply}`, { knowledge: K, now: NOW }).findings.find((f) => f.rule === 'generic-401');
    expect(top('Authorization: Basic dXNlcjpwYXNz\n')?.cause).toBe('wrong-credentials');
    expect(top('Authorization: Digest username="ann", realm="api", nonce="1", uri="/v1/items", response="0a"\n')?.cause).toBe('wrong-credentials');
    expect(top('Authorization: Bearer 9f8e7d6c5b4a3f2e\n')?.cause).toBe('missing-or-invalid-api-token');
    // With only the response, what was sent is unknown: the general reading stays.
    expect(analyse(reply, { knowledge: K, now: NOW }).findings.find((f) => f.rule === 'generic-401')?.cause).toBe('missing-or-invalid-api-token');
  });

  it('buckets findings into confidence tiers by score, and by what their rule can know', () => {
    // Message findings carry their category's tier ceiling from the knowledge data.
    const c = (score: number, rule = 'missing-challenge') => confidenceOf({ rule, score, ceiling: K.messages?.categories[rule.replace(/^message-/, '')]?.tier });
    expect([c(90), c(75), c(74), c(50), c(49)]).toEqual(['high', 'high', 'medium', 'medium', 'low']);
    // A restatement of the failure is low whatever its score; a wording that fits several causes is at most medium.
    expect([c(90, 'message-invalid'), c(90, 'generic-401'), c(90, 'message-userpass'), c(40, 'message-userpass')]).toEqual(['low', 'low', 'medium', 'low']);
    expect([c(86, 'atlas'), c(74, 'atlas')]).toEqual(['high', 'medium']);
  });

  it('holds a vendor text marked as a client’s own report of a refusal to medium, and keeps others high', () => {
    // The paste names NuGet, so the entry counts as its service's (otherwise it is medium anyway).
    const paste = 'NuGet.targets(119,5): error : Response status code does not indicate success: 401 (Unauthorized).';
    const entry = { text: 'Response status code does not indicate success: 401 (Unauthorized)', cause: 'registry-auth-scope-mismatch', means: 'NuGet was refused; most often no credential is filed under this source’s name.', alone: true } as const;
    const top = (tier?: 'medium') => analyse(paste, { now: NOW, knowledge: { ...K, errors: { nuget: [{ ...entry, ...(tier ? { tier } : {}) }] } } }).findings.find((f) => f.rule === 'atlas');
    expect(top()?.confidence).toBe('high');
    expect(top('medium')?.confidence).toBe('medium');
    expect(top('medium')?.cause).toBe('registry-auth-scope-mismatch');
    // A text that only says the credential is invalid names no reason: compiled as medium at most.
    const generic = Object.values(K.errors).flat().filter((e) => e.cause === 'missing-or-invalid-api-token');
    expect(generic.length).toBeGreaterThan(10);
    expect(generic.filter((e) => e.tier !== 'medium' && e.tier !== 'low')).toEqual([]);
  });

  it('merges findings that name the same cause and ranks the specific over the umbrella', () => {
    const r = analyse(fixture('captured/api-expired-jwt.txt'), { knowledge: K, now: NOW });
    const top = r.findings[0];
    expect(top?.rule).toBe('jwt-expired');
    // The JWT claim, the Bearer error_description and the body all say "expired": one finding, more evidence.
    expect(r.findings.filter((f) => f.cause === 'expired-oauth-token')).toHaveLength(1);
    expect(top?.evidence.length).toBeGreaterThanOrEqual(2);
    const umbrella = r.findings.find((f) => f.rule === 'bearer-invalid-token');
    expect(umbrella === undefined || umbrella.score < (top?.score ?? 0) - 10).toBe(true);
  });

  it('says what to paste when nothing is found, and how to capture it', () => {
    const r = analyse('hello world', { knowledge: K, now: NOW });
    expect(r.findings).toEqual([]);
    expect(r.hints.map((h) => HINTS[h]).join(' ')).toMatch(/curl -v/);
    expect(r.hints.map((h) => HINTS[h]).join(' ')).toMatch(/HAR/);
    const ok = analyse(fixture('captured/api-ok.txt'), { knowledge: K, now: NOW });
    expect(ok.findings).toEqual([]);
    expect(HINTS[ok.hints[0] ?? 'curl']).toMatch(/no 401 or 407/i);
  });

  it('decodes JWT facts with readable dates and never claims verification', () => {
    const r = analyse(fixture('synthetic/jwt-valid.txt'), { knowledge: K, now: Date.UTC(2026, 10, 28, 10) });
    const jwt = r.facts.find((f) => f.label.startsWith('JWT'));
    expect(jwt?.lines.join('\n')).toMatch(/exp: 2026-11-28 10:50:00 UTC \(in 50 min\)/);
    expect(jwt?.lines.join('\n')).toMatch(/Microsoft Entra ID, tenant 72f988bf/);
    expect(jwt?.label).toMatch(/not verified/);
    expect(JSON.stringify(r)).not.toMatch(/\bverified\b(?! *\))(?<!not verified)/i);
  });

  it('shows jku/x5u key URLs as facts only', () => {
    const b = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const r = analyse(`${b({ alg: 'RS256', jku: 'https://attacker.example/jwks.json' })}.${b({ sub: 'a', exp: 4102444800 })}.c2ln`, { knowledge: K, now: NOW });
    expect(r.facts.flatMap((f) => f.lines).join('\n')).toMatch(/jku.*never fetched/);
  });

  it('flags a status mismatch: insufficient_scope on a 401', () => {
    const r = analyse(fixture('captured/api-insufficient-scope.txt'), { knowledge: K, now: NOW });
    expect(r.findings[0]?.detail).toMatch(/RFC 6750 §3\.1 says insufficient_scope goes with 403, not 401/);
  });

  it('renders text for the CLI with secrets masked unless asked', () => {
    const r = analyse(fixture('captured/api-expired-jwt.txt'), { knowledge: K, now: NOW });
    const text = formatReport(r, { fixLabels: knowledge.fixes });
    expect(text).toMatch(/^Read as: curl -v \/ -i output/);
    expect(text).toMatch(/1\. The token expired/);
    expect(text).toMatch(/Fix: Refresh OAuth tokens — https:\/\/fix401\.dev\/guide\/refresh-oauth-token\/\?client=curl/);
    const d = analyse(fixture('captured/api-double-bearer.txt'), { knowledge: K, now: NOW });
    expect(formatReport(d)).toContain('Authorization: Bearer [redacted]');
    expect(formatReport(d)).not.toContain('good-token-7f3a9c');
    expect(formatReport(d, { showSecrets: true })).toContain('Authorization: Bearer Bearer good-token-7f3a9c');
  });
});
