import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, type CliIo } from '../../../src/diagnose/cli.ts';
import { fixture, FIXTURES, NOW } from './support.ts';

function io(stdin = '', tty = false): CliIo & { out: string; err: string } {
  const o = {
    out: '', err: '', isStdinTty: tty, now: NOW,
    stdout: (s: string) => { o.out += s; },
    stderr: (s: string) => { o.err += s; },
    readStdin: async () => stdin,
    readFile: (p: string) => fixture(p.replace(FIXTURES, '')),
  };
  return o;
}

describe('fix401-diagnose CLI (in process)', () => {
  it('exits 1 and prints the cause when it finds one', async () => {
    const x = io(fixture('captured/api-redirect-other-host.txt'));
    expect(await main([], x)).toBe(1);
    expect(x.out).toMatch(/1\. A redirect sent the request to localhost/);
    expect(x.out).toMatch(/keep-auth-on-redirect\/\?client=curl/);
  });
  it('exits 0 when nothing is wrong', async () => {
    const x = io(fixture('captured/api-ok.txt'));
    expect(await main([], x)).toBe(0);
    expect(x.out).toMatch(/No cause found/);
  });
  it('reads a file argument, --kind and --json', async () => {
    const x = io();
    expect(await main(['--json', '--kind', 'har', `${FIXTURES}captured/har-no-token.har`], x)).toBe(1);
    const report = JSON.parse(x.out) as { kind: string; findings: { rule: string }[] };
    expect(report.kind).toBe('har');
    expect(report.findings[0]?.rule).toBe('no-credentials');
  });
  it('says why a cookie was not stored, and Chrome’s name for the reason', async () => {
    const x = io();
    expect(await main([`${FIXTURES}synthetic/cookie-blocked-cross-site-lax.har`], x)).toBe(1);
    expect(x.out).toMatch(/1\. The browser will not store the cookie "sid" from api\.ledger-cloud\.example: it has no SameSite attribute \(so Lax, by default\)/);
    expect(x.out).toMatch(/Chrome's reason: samesite-unspecified-treated-as-lax/);
  });
  it('refuses bad options and a terminal on stdin with exit 2', async () => {
    expect(await main(['--kind', 'nope'], io())).toBe(2);
    expect(await main(['--bogus'], io())).toBe(2);
    const t = io('', true);
    expect(await main([], t)).toBe(2);
    expect(t.err).toMatch(/Usage/);
    const h = io();
    expect(await main(['--help'], h)).toBe(0);
    expect(h.out).toMatch(/curl -sv/);
  });
  it('reports an unreadable file with exit 2', async () => {
    const x = io();
    x.readFile = () => { throw new Error('ENOENT'); };
    expect(await main(['missing.txt'], x)).toBe(2);
    expect(x.err).toMatch(/cannot read missing\.txt/);
  });
});

describe('bin/fix401-diagnose.mjs (a real process, Node type stripping)', () => {
  const run = (args: string[], stdin: string) => new Promise<{ code: number | null; out: string }>((resolve) => {
    const p = spawn(process.execPath, [new URL('../../../bin/fix401-diagnose.mjs', import.meta.url).pathname, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    p.on('close', (code) => resolve({ code, out }));
    p.stdin.end(stdin);
  });
  it('diagnoses piped curl -v output', async () => {
    const r = await run([], fixture('captured/api-preflight.txt'));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/CORS preflight/);
  });
  it('exits 0 on a clean log', async () => {
    const r = await run([], fixture('captured/nginx-basic-ok.txt'));
    expect(r.code).toBe(0);
  });
});

describe('--key: local signature check of the JWT in the input', () => {
  const b64u = (b: ArrayBuffer | string) => Buffer.from(typeof b === 'string' ? b : new Uint8Array(b)).toString('base64url');
  const keys = async () => {
    const gen = () => crypto.subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, ['sign', 'verify']) as Promise<CryptoKeyPair>;
    const [kp, other] = [await gen(), await gen()];
    const input = `${b64u(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: 'k1' }))}.${b64u(JSON.stringify({ sub: 'u1', iat: NOW / 1000 - 60, exp: NOW / 1000 + 3600 }))}`;
    const sig = await crypto.subtle.sign('RSASSA-PKCS1-v1_5', kp.privateKey, new TextEncoder().encode(input));
    const jwks = (k: CryptoKey) => crypto.subtle.exportKey('jwk', k).then((j) => JSON.stringify({ keys: [{ ...j, kid: 'k1' }] }));
    return { token: `${input}.${b64u(sig)}`, good: await jwks(kp.publicKey), wrong: await jwks(other.publicKey) };
  };
  const withKey = (stdin: string, files: Record<string, string>) => {
    const x = io(stdin);
    x.readFile = (p) => {
      const f = files[p];
      if (f === undefined) throw new Error('ENOENT');
      return f;
    };
    return x;
  };

  it('prints "Signature verified" with the key used, and exits 0 when nothing else is wrong', async () => {
    const { token, good } = await keys();
    const x = withKey(`Authorization: Bearer ${token}\n`, { 'jwks.json': good });
    expect(await main(['--key', 'jwks.json'], x)).toBe(0);
    expect(x.out).toMatch(/Signature \(checked locally with jwks\.json\):\n {2}Signature verified \(RS256, kid "k1"\) with JWKS key 1 of 1 \(RSA 2048-bit, kid "k1"\)\./);
    expect(x.out).toMatch(/The signature is valid/);
  });
  it('puts the result under "verification" in --json, and exits 1 when the signature fails', async () => {
    const { token, good, wrong } = await keys();
    const ok = withKey(token, { k: good });
    expect(await main(['--json', '--key', 'k'], ok)).toBe(0);
    expect((JSON.parse(ok.out) as { verification: unknown }).verification).toMatchObject({ ok: true, alg: 'RS256', kid: 'k1' });
    const bad = withKey(token, { k: wrong });
    expect(await main(['--json', '--key', 'k'], bad)).toBe(1);
    const report = JSON.parse(bad.out) as { kind: string; verification: { ok: boolean; reason: string; explanation: string } };
    expect(report.kind).toBe('jwt');
    expect(report.verification).toMatchObject({ ok: false, reason: 'bad-signature' });
    expect(report.verification.explanation).toMatch(/does not match/);
    const text = withKey(token, { k: wrong });
    expect(await main(['--key', 'k'], text)).toBe(1);
    expect(text.out).toMatch(/Signature NOT verified \(RS256, kid "k1"\): the signature does not match the key \(bad-signature\)\./);
  });
  it('says when the input has no JWT, and without --key prints no verification at all', async () => {
    const { good } = await keys();
    const x = withKey(fixture('captured/api-ok.txt'), { k: good });
    expect(await main(['--key', 'k'], x)).toBe(0);
    expect(x.out).toMatch(/Signature: no signed JWT in the input to check k against\./);
    const j = withKey(fixture('captured/api-ok.txt'), { k: good });
    await main(['--json', '--key', 'k'], j);
    expect((JSON.parse(j.out) as { verification: unknown }).verification).toBeNull();
    const plain = io(fixture('captured/api-ok.txt'));
    await main(['--json'], plain);
    expect(JSON.parse(plain.out)).not.toHaveProperty('verification');
  });
  it('an unreadable key file is exit 2; --key without a value is a usage error', async () => {
    const x = withKey('eyJhbGciOiJIUzI1NiJ9.e30.c2ln', {});
    expect(await main(['--key', 'missing.pem'], x)).toBe(2);
    expect(x.err).toMatch(/cannot read the key missing\.pem/);
    expect(await main(['--key'], io())).toBe(2);
  });
  it('works in a real process (Node type stripping) with a key file on disk', async () => {
    const { token, good } = await keys();
    const dir = mkdtempSync(join(tmpdir(), 'fix401-key-'));
    try {
      writeFileSync(join(dir, 'jwks.json'), good);
      const out = await new Promise<{ code: number | null; out: string }>((resolve) => {
        const p = spawn(process.execPath, [new URL('../../../bin/fix401-diagnose.mjs', import.meta.url).pathname, '--json', '--key', join(dir, 'jwks.json')], { stdio: ['pipe', 'pipe', 'pipe'] });
        let o = '';
        p.stdout.on('data', (d: Buffer) => { o += d.toString(); });
        p.on('close', (code) => resolve({ code, out: o }));
        p.stdin.end(token);
      });
      expect((JSON.parse(out.out) as { verification: unknown }).verification).toMatchObject({ ok: true, kid: 'k1' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
