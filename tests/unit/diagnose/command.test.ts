// The curl command reader: what request a pasted command describes, and what the diagnoser then
// says about it.
import { describe, expect, it } from 'vitest';
import { parseCurlCommand, shellWords } from '../../../src/diagnose/parse/command.ts';
import { analyse } from '../../../src/diagnose/analyse.ts';
import { K } from './support.ts';

const NOW = Date.parse('2026-12-01T00:00:00Z');
const header = (text: string, name: string) => parseCurlCommand(text)?.headers.find((h) => h.name.toLowerCase() === name.toLowerCase());

describe('shellWords', () => {
  it('splits like a POSIX shell and expands nothing', () => {
    expect(shellWords(`-H 'Authorization: Bearer $TOKEN' -H "X-Key: a\\"b" plain\\ word`)).toEqual(['-H', 'Authorization: Bearer $TOKEN', '-H', 'X-Key: a"b', 'plain word']);
    expect(shellWords(`-d ''`)).toEqual(['-d', '']);
  });
});

describe('parseCurlCommand', () => {
  it('reads the method, the URL and the headers, across continuation lines and after a prompt', () => {
    const r = parseCurlCommand(`$ curl -X POST \\\n  -H 'Content-Type: application/json' \\\n  -H "Authorization: Bearer abc.def" \\\n  https://api.example.com/v1/items\n{"error":"nope"}`);
    expect(r).toMatchObject({ method: 'POST', url: 'https://api.example.com/v1/items', host: 'api.example.com', line: 1 });
    // What curl sends by itself comes first, on the command's line.
    expect(r?.headers.map((h) => [h.name, h.value, h.line])).toEqual([['Host', 'api.example.com', 1], ['User-Agent', 'curl', 1], ['Accept', '*/*', 1], ['Content-Type', 'application/json', 2], ['Authorization', 'Bearer abc.def', 3]]);
    expect(header('curl -A my-agent -H "Accept: text/html" https://x.test/', 'user-agent')?.value).toBe('my-agent');
    expect(parseCurlCommand('curl -H "Accept: text/html" https://x.test/')?.headers.filter((h) => h.name.toLowerCase() === 'accept').map((h) => h.value)).toEqual(['text/html']);
  });

  it('takes the method from -I, -G and a body, and a value attached to a short option', () => {
    expect(parseCurlCommand('curl -I https://x.test/')?.method).toBe('HEAD');
    expect(parseCurlCommand('curl -d a=1 https://x.test/')?.method).toBe('POST');
    expect(parseCurlCommand('curl -XDELETE https://x.test/a')?.method).toBe('DELETE');
    expect(parseCurlCommand('curl -o out.json https://x.test/a')?.url).toBe('https://x.test/a');
  });

  it('turns -u user:password into Basic (UTF-8) and --oauth2-bearer into Bearer', () => {
    expect(header('curl -u "jöe:pa ss" https://x.test/', 'authorization')?.value).toBe(`Basic ${Buffer.from('jöe:pa ss', 'utf8').toString('base64')}`);
    expect(header('curl --oauth2-bearer tok123 https://x.test/', 'authorization')?.value).toBe('Bearer tok123');
  });

  it('reads no request when curl answers the challenge itself or asks for the password', () => {
    // (else the request would look as if it carried no credentials at all)
    expect(parseCurlCommand('curl --digest -u joe:pw https://x.test/')).toBeUndefined();
    expect(parseCurlCommand('curl --negotiate -u : https://x.test/')).toBeUndefined();
    expect(parseCurlCommand('curl -u joe https://x.test/')).toBeUndefined();
    expect(parseCurlCommand('curl --digest https://x.test/')?.url).toBe('https://x.test/');
  });

  it('draws no conclusion when what was sent is not in the paste', () => {
    expect(parseCurlCommand('curl --netrc https://x.test/')).toBeUndefined();
    expect(parseCurlCommand('curl -H @headers.txt https://x.test/')).toBeUndefined();
    expect(parseCurlCommand('curl -K my.cfg')).toBeUndefined();
  });

  it('finds nothing in text without a curl command, and stays bounded on huge pastes', () => {
    expect(parseCurlCommand('GET / HTTP/1.1\nHost: x\n')).toBeUndefined();
    expect(parseCurlCommand('see the curl docs')).toBeUndefined();
    expect(parseCurlCommand(`curl https://x.test/ ${'-H "A: b" '.repeat(200_000)}`)?.url).toBe('https://x.test/');
  });
});

describe('a pasted curl command, analysed', () => {
  const run = (text: string) => analyse(text, { knowledge: K, now: NOW, readCommand: parseCurlCommand }).findings;

  it('is read for what it sent even without a response', () => {
    expect(run('curl https://api.example.com/items -H "Authorization: abc123def456"\nit does not work')[0]?.rule).toBe('auth-no-scheme');
    expect(run("curl -H 'Authorization: Bearer $TOKEN' https://api.example.com/items\n401")[0]?.cause).toBe('credential-value-mangled');
  });

  it('knows which variables the shell fills in: unquoted or in double quotes, not in single quotes', () => {
    const expanded = new Set<string>();
    shellWords(`-H "Authorization: Bearer $TOKEN" -H 'X-Key: $KEY' -u $USER:\${PASS} -d "a=\\$LITERAL"`, expanded);
    expect([...expanded].sort()).toEqual(['PASS', 'TOKEN', 'USER']);
    expect(parseCurlCommand('curl -H "Authorization: Bearer ${TOKEN}" https://x.test/')?.shellExpanded).toEqual(['TOKEN']);
    expect(parseCurlCommand("curl -H 'Authorization: Bearer $TOKEN' https://x.test/")?.shellExpanded).toBeUndefined();
    // So "$TOKEN" in double quotes is not reported as sent literally: the paste does not show its value.
    const findings = run('curl -H "Authorization: Bearer $TOKEN" https://api.example.com/items\n401');
    expect(findings.map((f) => f.rule)).not.toContain('auth-placeholder');
    expect(findings.find((f) => f.rule === 'auth-variable-expanded')?.confidence).toBe('low');
    // Nor are "${TOKEN}"'s brackets: the shell replaced them too.
    expect(run('curl -H "Authorization: Bearer ${TOKEN}" https://api.example.com/items\n401').map((f) => f.rule)).not.toContain('credential-templated');
    expect(run("curl -H 'Authorization: Bearer ${TOKEN}' https://api.example.com/items\n401").map((f) => f.rule)).toContain('credential-templated');
  });

  it('gives the response below it the request it describes', () => {
    const text = 'curl -i https://api.example.com/items\n\nHTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer realm="api"\nContent-Length: 0\n';
    // The command shows that no credentials were sent at all: a fact, not a reading of the challenge.
    expect(run(text)[0]?.rule).toBe('no-credentials');
    // Without the reader (a failed load) the command is only text, and the request is unknown.
    expect(analyse(text, { knowledge: K, now: NOW }).findings[0]?.rule).toBe('bearer-no-error');
  });

  it('does not replace a request the paste shows itself (curl -v)', () => {
    const log = 'curl -v https://api.example.com/items\n> GET /items HTTP/1.1\n> Host: api.example.com\n> Authorization: Bearer abc.def.ghi\n>\n< HTTP/1.1 401 Unauthorized\n< WWW-Authenticate: Bearer error="invalid_token"\n<\n';
    expect(run(log).map((f) => f.rule)).not.toContain('no-credentials');
  });
});
