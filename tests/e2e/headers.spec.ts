import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { expect, test } from '@playwright/test';

// The headers we ship, as served by deploy/nginx/site.conf, and the _headers file for other hosts.
test('HTML pages carry a strict CSP and the other security headers', async ({ request }) => {
  for (const path of ['/', '/guide/what-is-401/', '/wizard/', '/diagnose/', '/search/']) {
    const res = await request.get(path);
    const h = res.headers();
    const csp = h['content-security-policy'] ?? '';
    const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
    expect(scriptSrc, path).not.toContain('unsafe-inline');
    expect(scriptSrc, path).not.toMatch(/'unsafe-eval'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(h['permissions-policy']).toContain('camera=()');
    expect(h['cache-control']).toContain('max-age=0');

    // Every inline script on the page must be allowed by its hash.
    const html = await res.text();
    for (const m of html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*application\/ld\+json)[^>]*>([\s\S]*?)<\/script>/g)) {
      const hash = `'sha256-${createHash('sha256').update(m[1] ?? '').digest('base64')}'`;
      expect(scriptSrc, `inline script on ${path}`).toContain(hash);
    }
  }
});

test('hashed assets are cached for a year, immutable', async ({ request }) => {
  const html = await (await request.get('/')).text();
  const asset = html.match(/\/_astro\/[^"]+\.css/)?.[0];
  expect(asset).toBeTruthy();
  const res = await request.get(asset ?? '');
  expect(res.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(res.headers()['content-security-policy']).toBeTruthy();
});

test('the _headers file for Netlify / Cloudflare Pages sends the same CSP as nginx', async ({ request }) => {
  const served = (await request.get('/')).headers()['content-security-policy'];
  const file = readFileSync(new URL('../../dist/_headers', import.meta.url), 'utf8');
  expect(file).toContain(`Content-Security-Policy: ${served}`);
  expect(file).toMatch(/\/_astro\/\*\n\s+Cache-Control: public, max-age=31536000, immutable/);
});
