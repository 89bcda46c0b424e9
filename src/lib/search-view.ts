// DOM pieces both search UIs share. Their styles live in /search.css (public/), a stylesheet that
// is not render-blocking on article pages: it is added when search is first used, so the 14 KB
// first-flight budget pays nothing for a result list nobody has opened yet.
import type { Hit } from './search-core';
import { excerptNodes } from './search-ui';

/** Adds the search stylesheet to the page once (the search page links it in its head already). */
export function ensureSearchStyles(): void {
  if (document.querySelector('link[href="/search.css"]')) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = '/search.css';
  document.head.append(link);
}

/**
 * One result of the search page: the page type, the title as a link, the excerpt.
 * @param hit the result
 * @returns a list item
 */
export function hitItem(hit: Hit): HTMLLIElement {
  const li = document.createElement('li');
  li.className = 'hit';
  if (hit.kind) {
    const kind = document.createElement('span');
    kind.className = 'kind';
    kind.textContent = hit.kind;
    li.append(kind, ' ');
  }
  const a = document.createElement('a');
  a.className = 'link hit-title';
  a.href = hit.href;
  a.textContent = hit.title;
  const p = document.createElement('p');
  p.className = 'hit-excerpt';
  p.append(...excerptNodes(hit.excerpt));
  li.append(a, p);
  return li;
}

/**
 * A link element.
 * @param href where it goes
 * @param text its text
 * @returns the link, styled like every text link
 */
export function link(href: string, text: string): HTMLAnchorElement {
  const a = document.createElement('a');
  a.className = 'link';
  a.href = href;
  a.textContent = text;
  return a;
}
