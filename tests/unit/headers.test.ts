import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csp, cspHash, securityHeaders, themeInitSource } from '../../deploy/headers.mjs';

describe('shipped headers', () => {
  it('the committed nginx include matches deploy/headers.mjs (no drift)', () => {
    expect(() => execFileSync(process.execPath, ['scripts/headers.mjs', '--check'], { stdio: 'pipe' })).not.toThrow();
    const conf = readFileSync('deploy/nginx/security-headers.conf', 'utf8');
    for (const [name, value] of Object.entries(securityHeaders)) {
      expect(conf).toContain(`add_header ${name} "${value}" always;`);
    }
  });

  it('allows the theme script by hash, never by unsafe-inline', () => {
    const scriptSrc = csp.split('; ').find((d) => d.startsWith('script-src')) ?? '';
    expect(scriptSrc).toContain(cspHash(themeInitSource));
    expect(scriptSrc).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('every nginx location re-includes the security headers', () => {
    const site = readFileSync('deploy/nginx/site.conf', 'utf8');
    const locations = site.split(/\n\s*location /).slice(1);
    expect(locations.length).toBeGreaterThan(2);
    for (const l of locations) expect(l).toContain('include security-headers.conf;');
  });
});
