// The header search's typeahead (markup in src/components/HeaderSearch.astro). Loaded by the site
// chrome on the first focus of a header search field, never at page load; it loads Pagefind at
// once, then suggests pages as the visitor types. WAI-ARIA combobox pattern (APG "list
// autocomplete"): the field keeps focus, arrow keys move aria-activedescendant through the
// options, Enter opens the active one (or the full search page), Escape closes the list.
// Running this module wires every header search field on the page (see the end).
import { loadPagefind } from '../lib/pagefind';
import { search, statusText, urlWithQuery, type Hit } from '../lib/search-core';
import { ensureSearchStyles } from '../lib/search-view';

/** Suggestions shown under the field (the search page shows the rest). */
const SUGGESTIONS = 6;
let instances = 0;

/**
 * Wires one header search field; every instance gets its own ids.
 * @param root the <fix-header-search> element
 */
function attach(root: HTMLElement): void {
  const form = root.querySelector('form');
  const input = root.querySelector<HTMLInputElement>('input');
  if (!form || !input) return;
  ensureSearchStyles();
  void loadPagefind().catch(() => undefined);

  const id = `hs${++instances}`;
  const list = document.createElement('ul');
  list.id = `${id}-list`;
  list.className = 'hs-pop';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', 'Suggestions');
  list.hidden = true;
  const status = document.createElement('p');
  status.className = 'sr-only';
  status.setAttribute('role', 'status');
  form.append(list, status);
  input.setAttribute('aria-controls', list.id);

  let options: HTMLLIElement[] = [];
  let active = -1;
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const setActive = (i: number) => {
    options[active]?.setAttribute('aria-selected', 'false');
    active = i;
    const option = options[i];
    if (option) {
      option.setAttribute('aria-selected', 'true');
      input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  };
  const open = (show: boolean) => {
    list.hidden = !show;
    input.setAttribute('aria-expanded', String(show));
    if (!show) setActive(-1);
  };
  const go = (href: string) => {
    open(false);
    location.assign(href);
  };
  const option = (i: number, href: string, label: string, kind?: string) => {
    const li = document.createElement('li');
    li.id = `${id}-o${i}`;
    li.setAttribute('role', 'option');
    li.setAttribute('aria-selected', 'false');
    li.dataset['href'] = href;
    if (kind) {
      const k = document.createElement('span');
      k.className = 'kind';
      k.textContent = kind;
      li.append(k, ' ');
    }
    li.append(label);
    return li;
  };
  const render = (q: string, total: number, hits: Hit[]) => {
    const all = urlWithQuery(new URL('/search/', location.href).href, q);
    options = hits.map((h, i) => option(i, h.href, h.title, h.kind));
    options.push(option(hits.length, all, total > hits.length ? `See all ${total} results for “${q}”` : `Search the guide for “${q}”`));
    list.replaceChildren(...options);
    active = -1;
    input.removeAttribute('aria-activedescendant');
    open(true);
    status.textContent = total === 0 ? `${statusText({ query: q, total }, 0)} Press Enter to search the guide.` : `${total} result${total === 1 ? '' : 's'}, ${hits.length} suggested. Use the arrow keys to choose.`;
  };

  const run = async () => {
    const q = input.value.trim();
    const mine = ++seq;
    if (!q) {
      open(false);
      status.textContent = '';
      return;
    }
    try {
      const outcome = await search(await loadPagefind(), q, SUGGESTIONS);
      const hits = await outcome.hits(0, SUGGESTIONS);
      if (mine === seq) render(outcome.query, outcome.total, hits);
    } catch {
      if (mine === seq) status.textContent = 'Search is unavailable right now. Press Enter to open the search page.';
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), 120);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (list.hidden) {
        if (options.length) open(true);
        else return;
      }
      const step = e.key === 'ArrowDown' ? 1 : -1;
      // Wraps through "no option" (-1), so the visitor can get back to the text they typed.
      setActive(((active + 1 + step + options.length + 1) % (options.length + 1)) - 1);
    } else if (e.key === 'Enter') {
      const href = options[active]?.dataset['href'];
      if (href && !list.hidden) {
        e.preventDefault();
        go(href);
      }
    } else if (e.key === 'Escape' && !list.hidden) {
      e.preventDefault();
      e.stopPropagation(); // inside the mobile menu, the first Escape closes only the list
      open(false);
    }
  });
  // Keep focus in the field while clicking an option; the click then opens it.
  list.addEventListener('mousedown', (e) => e.preventDefault());
  list.addEventListener('click', (e) => {
    const href = (e.target as Element).closest<HTMLElement>('[role=option]')?.dataset['href'];
    if (href) go(href);
  });
  root.addEventListener('focusout', (e) => {
    if (!root.contains(e.relatedTarget as Node | null)) open(false);
  });
  input.addEventListener('focus', () => {
    if (input.value.trim() && options.length) open(true);
  });
  // Typed before this module arrived: suggest for it now.
  if (input.value.trim()) void run();
}

for (const root of document.querySelectorAll<HTMLElement>('fix-header-search')) attach(root);
