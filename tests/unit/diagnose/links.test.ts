// Findings link to fix pages and cause pages by slug, and to wizard outcomes. Every slug must be in
// docs/content-plan.md (the slug registry), and a fix link may only carry the tab parameter of a
// tab set that page has.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CAUSE_SLUGS, clientFromUserAgent, FIX_PAGES, fixHref, serverFromHeaders, wizardHref } from '../../../src/diagnose/fixes.ts';
import { analyse } from '../../../src/diagnose/report.ts';
import { TAB_SETS } from '../../../src/lib/tabs.ts';
import { fixture, NOW } from './support.ts';

const plan = readFileSync(new URL('../../../docs/content-plan.md', import.meta.url), 'utf8');
/** slug → the tabs column of its table row (fix tables), or '' */
const rows = new Map<string, string>();
for (const m of plan.matchAll(/^\| ([a-z0-9-]+) \| ([^|]*)\|/gm)) rows.set(m[1] ?? '', (m[2] ?? '').trim());

const src = ['challenge', 'request', 'flow', 'jwt', 'messages', 'index']
  .map((f) => readFileSync(new URL(`../../../src/diagnose/rules/${f}.ts`, import.meta.url), 'utf8')).join('\n');

describe('slugs', () => {
  it('every fix page and cause the diagnoser knows is in docs/content-plan.md', () => {
    for (const s of [...Object.keys(FIX_PAGES), ...CAUSE_SLUGS]) expect(rows.has(s), s).toBe(true);
  });

  it('every slug a rule uses is a known fix page or cause', () => {
    const fixes = [...src.matchAll(/fix: '([a-z0-9-]+)'/g), ...src.matchAll(/fix: [\w.]+ \? '([a-z0-9-]+)' : '([a-z0-9-]+)'/g), ...src.matchAll(/f\.fix = '([a-z0-9-]+)'/g), ...src.matchAll(/m\((?:'[a-z0-9-]+'|undefined), '([a-z0-9-]+)'/g)].flatMap((m) => [m[1] ?? '', m[2] ?? '']).filter(Boolean);
    const causes = [...src.matchAll(/cause: '([a-z0-9-]+)'/g), ...src.matchAll(/f\.cause = '([a-z0-9-]+)'/g), ...src.matchAll(/m\('([a-z0-9-]+)', '/g), ...src.matchAll(/cause: [\w.]+ \? '([a-z0-9-]+)' : '([a-z0-9-]+)'/g)].flatMap((m) => [m[1] ?? '', m[2] ?? '']).filter(Boolean);
    expect(fixes.length).toBeGreaterThan(30);
    for (const f of fixes) expect(Object.keys(FIX_PAGES), `fix ${f}`).toContain(f);
    for (const c of causes) if (!Object.hasOwn(FIX_PAGES, c)) expect(CAUSE_SLUGS, `cause ${c}`).toContain(c);
  });

  it('a fix link opens a tab only from a set that page has', () => {
    for (const [slug, page] of Object.entries(FIX_PAGES)) {
      const tabs = rows.get(slug) ?? '';
      if (page.tabs) expect(tabs, slug).toContain(page.tabs);
    }
    const who = { client: 'curl', server: 'nginx', browser: 'firefox', os: 'linux' };
    expect(fixHref('refresh-oauth-token', who)).toBe('/guide/refresh-oauth-token/?client=curl');
    expect(fixHref('send-correct-401', who)).toBe('/guide/send-correct-401/?server=nginx');
    expect(fixHref('fix-clock-skew', who)).toBe('/guide/fix-clock-skew/?os=linux');
    expect(fixHref('check-credentials', who)).toBe('/guide/check-credentials/?browser=firefox');
    expect(fixHref('contact-admin', who)).toBe('/guide/contact-admin/');
    expect(fixHref('refresh-oauth-token', { client: undefined, server: undefined, browser: undefined, os: undefined })).toBe('/guide/refresh-oauth-token/');
    expect(wizardHref('refresh-oauth-token')).toBe('/wizard/outcome/refresh-oauth-token/');
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
    const r = analyse(fixture('captured/api-expired-jwt.txt'), { now: NOW });
    expect(r.findings[0]?.fixHref).toBe('/guide/refresh-oauth-token/?client=curl');
    expect(r.findings[0]?.wizardHref).toBe('/wizard/outcome/refresh-oauth-token/');
    expect(r.findings[0]?.causeHref).toBe('/guide/expired-oauth-token/');
    const s = analyse('HTTP/1.1 401 Unauthorized\nServer: nginx/1.27.3\n\n', { now: NOW });
    expect(s.findings.find((f) => f.rule === 'missing-challenge')?.fixHref).toBe('/guide/send-correct-401/?server=nginx');
  });
  it('uses the browser for browser fixes in a HAR', () => {
    const r = analyse(fixture('captured/har-basic-page.har'), { now: NOW });
    expect(r.findings[0]?.fixHref).toMatch(/^\/guide\/check-credentials\/\?browser=chrome$/);
  });
});
