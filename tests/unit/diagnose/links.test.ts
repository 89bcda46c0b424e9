// Findings link to fix pages and cause pages by slug, and to wizard outcomes. Slugs are typed from
// the registry (a wrong one does not compile); a fix link may only carry the parameter of a tab
// set that page has, and a finding without its own fix links its cause's first fix.
import { describe, expect, it } from 'vitest';
import { clientFromUserAgent, fixHref, fixOf, serverFromHeaders, wizardHref } from '../../../src/diagnose/fixes.ts';
import { analyse } from '../../../src/diagnose/analyse.ts';
import { TAB_SETS } from '../../../src/lib/tabs.ts';
import { fixture, K, NOW } from './support.ts';
import { parseHar } from '../../../src/diagnose/parse/har.ts';

describe('slugs', () => {
  it('a fix link opens a tab only from a set that page has', () => {
    const who = { client: 'curl', server: 'nginx', browser: 'firefox', os: 'linux' };
    expect(fixHref('refresh-oauth-token', who, K)).toBe('/guide/refresh-oauth-token/?client=curl');
    expect(fixHref('send-correct-401', who, K)).toBe('/guide/send-correct-401/?server=nginx');
    expect(fixHref('fix-clock-skew', who, K)).toBe('/guide/fix-clock-skew/?os=linux');
    expect(fixHref('check-credentials', who, K)).toBe('/guide/check-credentials/?browser=firefox');
    expect(fixHref('contact-admin', who, K)).toBe('/guide/contact-admin/');
    expect(fixHref('refresh-oauth-token', { client: undefined, server: undefined, browser: undefined, os: undefined }, K)).toBe('/guide/refresh-oauth-token/');
    expect(wizardHref('refresh-oauth-token')).toBe('/wizard/outcome/refresh-oauth-token/');
    expect(fixOf('expired-oauth-token', undefined, K)).toBe('refresh-oauth-token');
    expect(fixOf('expired-oauth-token', 'fix-clock-skew', K)).toBe('fix-clock-skew');
    // Without the knowledge data a finding has no fix of its own to link: its cause page stands in.
    expect(fixOf('expired-oauth-token', undefined, undefined)).toBeUndefined();
    // (Message wordings are knowledge data too, so a structural finding shows it: a 401 without a challenge.)
    const bare = analyse('HTTP/1.1 401 Unauthorized\nContent-Length: 0\n\n', { now: NOW }).findings.find((f) => f.rule === 'missing-challenge');
    expect(bare?.fix).toBeUndefined();
    expect(bare?.fixHref).toBe('/guide/missing-challenge/');
  });

  it('detected client and server ids are real tab ids', () => {
    const clients = new Set<string>(TAB_SETS.client.map((t) => t.id));
    const servers = new Set<string>(TAB_SETS.server.map((t) => t.id));
    for (const ua of ['curl/8.11.0', 'HTTPie/3.2.4', 'PostmanRuntime/7.43.0', 'axios/1.7.9', 'python-requests/2.32.3', 'node', 'undici', 'Mozilla/5.0']) {
      expect(clients.has(clientFromUserAgent(ua) ?? ''), ua).toBe(true);
    }
    for (const s of ['nginx/1.27.3', 'Apache/2.4.62', 'Microsoft-IIS/10.0', 'Kestrel', 'uvicorn', 'gunicorn', 'Apache-Coyote/1.1']) {
      expect(servers.has(serverFromHeaders(s, '') ?? ''), s).toBe(true);
    }
    expect(serverFromHeaders('', 'Express')).toBe('express');
  });
});

describe('report links', () => {
  it('opens the curl tab for a curl log and the server tab for a server fault', () => {
    const r = analyse(fixture('captured/api-expired-jwt.txt'), { knowledge: K, now: NOW });
    expect(r.findings[0]?.fixHref).toBe('/guide/refresh-oauth-token/?client=curl');
    expect(r.findings[0]?.wizardHref).toBe('/wizard/outcome/refresh-oauth-token/');
    expect(r.findings[0]?.causeHref).toBe('/guide/expired-oauth-token/');
    const s = analyse('HTTP/1.1 401 Unauthorized\nServer: nginx/1.27.3\n\n', { knowledge: K, now: NOW });
    expect(s.findings.find((f) => f.rule === 'missing-challenge')?.fixHref).toBe('/guide/send-correct-401/?server=nginx');
  });
  it('leaves browser and OS tabs to the fix page, which picks the visitor’s own', () => {
    const r = analyse(fixture('captured/har-basic-page.har'), { knowledge: K, now: NOW, readHar: parseHar });
    expect(r.findings[0]?.fixHref).toBe('/guide/check-credentials/');
  });
});
