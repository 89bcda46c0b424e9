// Shapes people paste that the parsers and the atlas must read (issue 10, capability 1): prompts
// that look like curl's "> " lines, a page's markup pasted on its own, a browser's "General" panel
// for a preflight, messages a terminal wrapped over several lines, and vendor codes that name
// their vendor. Inputs are written the way the tools print them.
import { describe, expect, it } from 'vitest';
import { parseInput } from '../../../src/diagnose/parse/index.ts';
import { analyse } from '../../../src/diagnose/analyse.ts';
import { matchAtlas, namesVendor } from '../../../src/diagnose/atlas.ts';
import { parseCurlCommand } from '../../../src/diagnose/parse/command.ts';
import { unencodedUserinfo } from '../../../src/diagnose/rules/echo.ts';
import { K, NOW } from './support.ts';

const top = (text: string) => analyse(text, { knowledge: K, now: NOW }).findings[0];

describe('shapes people paste', () => {
  it('reads "> Error!" prompts as text when the log has no request or response line', () => {
    const log = '$ deploy\n> Error! The specified token is not valid\n$ deploy ls\n> Error! The specified token is not valid\n';
    const p = parseInput(log);
    expect(p.kind).toBe('curl');
    expect(p.messages.map((m) => m.text)).toContain('> Error! The specified token is not valid');
    expect(top(log)?.rule).toBe('message-invalid');
  });

  it('keeps reading a real curl log as exchanges only', () => {
    const log = '> GET / HTTP/1.1\n> Host: a.example\n>\n< HTTP/1.1 401 Unauthorized\n< WWW-Authenticate: Basic realm="x"\n<\n';
    expect(parseInput(log).messages).toEqual([]);
  });

  it('finds a sign-in page in markup pasted on its own (meta refresh, SAML auto-post in a quoted string)', () => {
    const refresh = '<!DOCTYPE html>\n<html><head><meta http-equiv="refresh" content="0;url=\'https://app.example/admin/login\'" /><title>Redirecting</title></head><body>Redirecting</body></html>';
    expect(top(refresh)?.cause).toBe('login-page-instead-of-401');
    const saml = `'<html>\\n<body onload="document.forms[0].submit()">\\n<form method="POST" action="https://idp.example/sso/saml">\\n<input type="hidden" name="SAMLRequest" value="PHNhbWw="/>\\n</form></body></html>'`;
    expect(top(saml)?.cause).toBe('login-page-instead-of-401');
    expect(top('<html><body><h1>Welcome</h1><p>Nothing to sign in to.</p></body></html>')?.cause).not.toBe('login-page-instead-of-401');
  });

  it('reads an OPTIONS answered 401 in a browser’s General panel as the preflight', () => {
    const general = 'Request URL: https://api.example/v1/items\nRequest Method: OPTIONS\nStatus Code: 401 Unauthorized\nRemote Address: 203.0.113.5:443\nReferrer Policy: strict-origin-when-cross-origin\n';
    const f = top(general);
    expect(f?.rule).toBe('preflight-401');
    expect(f?.cause).toBe('cors-preflight-401');
    // With its headers shown and no Origin, an OPTIONS is not a preflight.
    const curl = '> OPTIONS /v1/items HTTP/1.1\n> Host: api.example\n> User-Agent: curl/8.11.0\n>\n< HTTP/1.1 401 Unauthorized\n< WWW-Authenticate: Bearer\n<\n';
    expect(analyse(curl, { knowledge: K, now: NOW }).findings.map((x) => x.rule)).not.toContain('preflight-401');
  });

  it('matches a vendor text that a terminal wrapped over two lines, pointing at the line it starts on', () => {
    const lines = [
      { text: 'ERROR    HTTPError: 403 Forbidden from https://upload.pypi.org/legacy/', line: 1 },
      { text: '         Username/Password authentication is no longer supported. Migrate to API', line: 2 },
      { text: '         Tokens or Trusted Publishers instead.', line: 3 },
    ];
    const hit = matchAtlas(lines, K.errors, K.services).find((h) => h.entry.service === 'pypi');
    expect(hit?.entry.cause).toBe('password-instead-of-token');
    expect(hit?.line.line).toBe(2);
  });

  it('treats a vendor-numbered code as naming its vendor', () => {
    expect(namesVendor({ code: 'AADSTS700016', cause: 'key-for-other-environment', means: 'x', service: 'microsoft-entra' })).toBe(true);
    expect(namesVendor({ code: 'invalid_auth', cause: 'missing-or-invalid-api-token', means: 'x', service: 'slack' })).toBe(false);
    const f = top("AADSTS700016: Application with identifier '00000000-0000-0000-0000-000000000000' was not found in the directory 'Contoso'. You may have sent your authentication request to the wrong tenant.");
    expect(f?.rule).toBe('atlas');
    expect(f?.cause).toBe('key-for-other-environment');
    expect(f?.confidence).toBe('high');
  });

  it('says a revoked OAuth token means signing in again, and a revoked key means a new key', () => {
    const oauth = top('{"code":"NotAuthorizedException","message":"Access Token has been revoked"}');
    expect(oauth?.cause).toBe('expired-session');
    expect(oauth?.detail).toMatch(/sign in again/i);
    expect(top('{"error":"This API key has been revoked"}')?.cause).toBe('missing-or-invalid-api-token');
  });

  it('reads the error written under a request that has no response (a request pasted with the message it got)', () => {
    const paste = 'GET /c/blob.jpg HTTP/1.1\nHost: acct.blob.core.windows.net\nAuthorization: SharedKey acct:<key>\nx-ms-date: Tue, 26 May 2015 17:35:00 GMT\n\nI get this error:\n\nServer failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.\n';
    expect(top(paste)?.cause).toBe('request-signature-mismatch');
    // With a response, only the response speaks: the request's own lines are not read as messages.
    expect(parseInput('GET / HTTP/1.1\nHost: a.example\n\nHTTP/1.1 401 Unauthorized\nWWW-Authenticate: Basic realm="x"\n\n').messages).toEqual([]);
  });

  it('does not read a decoded token’s numeric claims ("nbf": 1504804880) as a message about the clock', () => {
    const claims = 'Decoded JWT\n"aud": "00000002-0000-0000-c000-000000000000",\n"iat": 1504804880,\n"nbf": 1504804880,\n"exp": 1504808780,\n';
    expect(top(claims)?.cause).not.toBe('clock-skew');
    expect(top('error: token used before nbf')?.cause).toBe('clock-skew');
  });

  it('calls a non-GET or /api/ call redirected to a sign-in page a sign-in redirect, and leaves a page’s GET alone', () => {
    const post = '$ curl -s -D - -o /dev/null -X POST https://app.example/api/renew\nHTTP/2 302\nlocation: https://id.example/login?redirect=https://app.example/api/renew\n';
    expect(analyse(post, { knowledge: K, now: NOW, readCommand: parseCurlCommand }).findings[0]?.rule).toBe('redirect-to-login');
    const page = '> GET /dashboard HTTP/1.1\n> Host: app.example\n> User-Agent: curl/8.5.0\n>\n< HTTP/1.1 302 Found\n< Location: https://id.example/login\n<\n';
    expect(analyse(page, { knowledge: K, now: NOW }).findings.map((f) => f.rule)).not.toContain('redirect-to-login');
  });

  it('sees credentials in a URL that were encoded twice, or cut short by a “#”', () => {
    expect(unencodedUserinfo('https://user%2540example.com:REDACTED@gems.example.com/rake.gem')).toMatch(/encoded twice/);
    expect(unencodedUserinfo('http://user:p@ss#@proxy.example:3128')).toMatch(/not percent-encoded/);
    // A path's own "@" (a package version) after a single userinfo "@" is not a cut.
    expect(unencodedUserinfo('https://user:tok@registry.example/pkg@1.0')).toBeUndefined();
    expect(unencodedUserinfo('https://user%40example.com:pass@gems.example.com/')).toBeUndefined();
  });

  it('reads an OPTIONS tried by hand as the preflight when the server answers it with its CORS headers', () => {
    const log = (cors: string) => `> OPTIONS /api/v1/apikey HTTP/1.1\n> Host: hs.example\n> User-Agent: curl/8.4.0\n>\n< HTTP/1.1 401 Unauthorized\n< Content-Type: text/plain\n${cors}<\nUnauthorized\n`;
    expect(top(log('< Access-Control-Allow-Origin: *\n< Access-Control-Allow-Methods: GET, POST, OPTIONS\n'))?.rule).toBe('preflight-401');
    expect(top(log(''))?.rule).not.toBe('preflight-401');
  });

  it('sees a key echoed with the brackets of an example around it, as it sees one with quotes', () => {
    expect(top('openai.error.AuthenticationError: Incorrect API key provided: {sk-To3E*****************wdv}.')?.rule).toBe('credential-quoted');
    expect(top('openai.error.AuthenticationError: Incorrect API key provided: sk-To3E*****************wdv.')?.rule).not.toBe('credential-quoted');
  });

  it('takes a token written as x’s or asterisks for one the person redacted, not for a placeholder that was sent', () => {
    const sent = (value: string) => `GET /v1/albums/5 HTTP/1.1\nHost: api.example\nAuthorization: Bearer ${value}\n\nHTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer error="invalid_token", error_description="The access token expired"\n\n`;
    for (const redacted of ['xxxxxxxxxxxxxxxxxxxx', '********']) expect(analyse(sent(redacted), { knowledge: K, now: NOW }).findings.map((f) => f.rule)).not.toContain('auth-placeholder');
    expect(top(sent('xxxxxxxxxxxxxxxxxxxx'))?.cause).toBe('expired-oauth-token');
    expect(analyse(sent('undefined'), { knowledge: K, now: NOW }).findings.map((f) => f.rule)).toContain('auth-placeholder');
    // A redacted Basic value is not decoded, and a whole redacted header value is not "a token without a scheme".
    const rules = (header: string) => analyse(`GET /user HTTP/1.1\nHost: api.example\n${header}\n\nHTTP/1.1 401 Unauthorized\n\n`, { knowledge: K, now: NOW }).findings.map((f) => f.rule);
    expect(rules('Authorization: Basic xxxxxxxxxxxxxxxxxxxxxxxx')).not.toContain('auth-basic-no-colon');
    expect(rules('Authorization: xxxxx')).not.toContain('auth-no-scheme');
    expect(rules('Authorization: abcdef123456')).toContain('auth-no-scheme');
  });

  it('takes a request pasted with text saying it got 401 as a request that got 401 (a curl command sent without credentials)', () => {
    const paste = (out: string) => `curl -X GET 'https://registry.example/api/v2.0/projects' -H 'accept: application/json'\n${out}\n`;
    const rules = (out: string) => analyse(paste(out), { knowledge: K, now: NOW, readCommand: parseCurlCommand }).findings.map((f) => f.rule);
    expect(rules('{"errors":[{"code":"UNAUTHORIZED","message":"unauthorized"}]}')).toContain('no-credentials');
    expect(rules('{"errors":[{"code":"NOT_FOUND","message":"not found"}]}')).not.toContain('no-credentials');
  });
});
