// Helpers shared by the scripts that read the built site (links, budgets).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Absolute path of dist/. */
export const DIST = new URL('../../dist/', import.meta.url).pathname;

/**
 * @param {string} dir folder to walk
 * @returns {string[]} every .html file below it
 */
export function htmlFiles(dir = DIST) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...htmlFiles(p));
    else if (name.endsWith('.html')) out.push(p);
  }
  return out;
}

/**
 * @param {string} file an .html file in dist
 * @returns {string} the URL path it is served at (/guide/x/ for guide/x/index.html)
 */
export function urlPathOf(file) {
  const rel = relative(DIST, file).split(sep).join('/');
  if (rel === 'index.html') return '/';
  if (rel.endsWith('/index.html')) return `/${rel.slice(0, -'index.html'.length)}`;
  return `/${rel}`;
}

/**
 * Resolves a URL path the way our nginx config does (try_files $uri $uri/index.html $uri.html).
 * @param {string} path decoded URL path
 * @returns {string | undefined} the file that would be served
 */
export function fileForPath(path) {
  const base = join(DIST, path);
  for (const p of [base, join(base, 'index.html'), `${base}.html`]) {
    if (existsSync(p) && statSync(p).isFile()) return p;
  }
  return undefined;
}
