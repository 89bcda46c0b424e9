// The single source of the HTTP headers we ship. scripts/headers.mjs renders it for nginx
// (deploy/nginx/security-headers.conf) and for Netlify / Cloudflare Pages (dist/_headers), and
// tests/unit/headers.test.ts fails if either drifts from this file.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The only inline script on the site: it sets the theme before first paint (no flash). */
export const themeInitSource = readFileSync(new URL('../src/scripts/theme-init.js', import.meta.url), 'utf8').trim();

/** @param {string} text @returns {string} a CSP source expression for this exact inline script */
export function cspHash(text) {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * Content-Security-Policy. Scripts: our own files plus the hash of the theme script — no
 * 'unsafe-inline'. 'wasm-unsafe-eval' is there because Pagefind's search index is WebAssembly.
 * The theme script writes `style.colorScheme` through the CSSOM, which CSP does not restrict.
 * No upgrade-insecure-requests: HSTS belongs to the TLS terminator, and the directive would
 * break plain-http loopback serving in the tests.
 */
export const csp = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${cspHash(themeInitSource)}`,
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers sent with every response. */
export const securityHeaders = {
  'Content-Security-Policy': csp,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

/**
 * Cache rules by path prefix, most specific first. Astro's /_astro/ files carry a content hash in
 * their names, so they can be cached for a year; everything else must revalidate so a deploy
 * shows up at once.
 */
export const cacheRules = [
  { prefix: '/_astro/', cacheControl: 'public, max-age=31536000, immutable' },
  { prefix: '/pagefind/', cacheControl: 'public, max-age=3600' },
  { prefix: '/', cacheControl: 'public, max-age=0, must-revalidate' },
];
