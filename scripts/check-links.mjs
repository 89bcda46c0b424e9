// Link checker over dist/: every internal href/src must resolve to a file, and every #fragment
// to an element id on the target page. External links are listed, not fetched (no network here).
import { readFileSync } from 'node:fs';
import { fileForPath, htmlFiles, urlPathOf } from './lib/dist.mjs';

const files = htmlFiles();
/** @type {Map<string, Set<string>>} ids per file, read lazily */
const idCache = new Map();
/** @param {string} file */
function idsOf(file) {
  let ids = idCache.get(file);
  if (!ids) {
    ids = new Set([...readFileSync(file, 'utf8').matchAll(/\s(?:id|name)="([^"]+)"/g)].map((m) => decodeHtml(m[1] ?? '')));
    idCache.set(file, ids);
  }
  return ids;
}
/** @param {string} s */
function decodeHtml(s) {
  return s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

const broken = [];
let checked = 0;
let external = 0;
for (const file of files) {
  const html = readFileSync(file, 'utf8');
  const pagePath = urlPathOf(file);
  for (const m of html.matchAll(/\s(href|src)="([^"]*)"/g)) {
    const raw = decodeHtml(m[2] ?? '');
    if (/^(mailto:|tel:|data:|javascript:)/.test(raw)) continue;
    if (/^https?:\/\//.test(raw)) {
      external++;
      continue;
    }
    checked++;
    const url = new URL(raw, `http://local${pagePath}`);
    const target = url.pathname === pagePath && raw.startsWith('#') ? file : fileForPath(decodeURIComponent(url.pathname));
    if (!target) {
      broken.push(`${pagePath}: ${raw} → no such page`);
      continue;
    }
    const frag = decodeURIComponent(url.hash.slice(1));
    if (frag && target.endsWith('.html') && !idsOf(target).has(frag)) {
      broken.push(`${pagePath}: ${raw} → no element with id "${frag}"`);
    }
  }
}
console.log(`links: ${files.length} pages, ${checked} internal links checked, ${external} external links not fetched`);
if (broken.length > 0) {
  console.error(`links: ${broken.length} broken:\n  ${broken.join('\n  ')}`);
  process.exit(1);
}
