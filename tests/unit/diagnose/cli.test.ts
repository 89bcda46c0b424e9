import { spawn } from 'node:child_process';
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
