// The site chrome every page needs: the theme toggle and the site menu's button. One module
// rather than one per component, because each separate module costs its own request and gzip
// overhead on every page (≈ 280 B gzipped here), and both always load together.

import siteMenuUrl from './site-menu.ts?worker&url';

import headerSearchUrl from './header-search.ts?worker&url';

// ---- theme toggle (markup in src/components/ThemeToggle.astro)
type Choice = 'system' | 'light' | 'dark';
const ORDER: Choice[] = ['system', 'light', 'dark'];
const ICON: Record<Choice, string> = { system: '◐', light: '☀', dark: '☾' };

/** Reads the stored choice; anything unexpected counts as "system". */
function stored(): Choice {
  try {
    const v = localStorage.getItem('theme');
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    return 'system';
  }
}

function apply(choice: Choice) {
  const dark = choice === 'dark' || (choice === 'system' && matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.classList.toggle('dark', dark);
  document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
}

class ThemeToggle extends HTMLElement {
  connectedCallback() {
    const button = this.querySelector<HTMLButtonElement>('[data-theme-button]');
    if (!button) return;
    const render = (c: Choice) => {
      const label = this.querySelector('[data-theme-label]');
      const icon = this.querySelector('[data-theme-icon]');
      if (label) label.textContent = `Theme: ${c}`;
      if (icon) icon.textContent = ICON[c];
    };
    render(stored());
    button.addEventListener('click', () => {
      const next = ORDER[(ORDER.indexOf(stored()) + 1) % ORDER.length] ?? 'system';
      try {
        if (next === 'system') localStorage.removeItem('theme');
        else localStorage.setItem('theme', next);
      } catch {
        /* storage blocked: the theme still changes for this page */
      }
      apply(next);
      render(next);
    });
    // Follow the OS live while the choice is "system".
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
      if (stored() === 'system') apply('system');
    });
  }
}
customElements.define('fix-theme-toggle', ThemeToggle);

// ---- site menu (markup in src/components/SiteHeader.astro and MobileNav.astro)
// Below the desktop layout the menu is a panel the Menu button opens. Its dialog behaviour is in
// src/scripts/site-menu.ts, fetched on the first press: most visits never open the menu, and this
// module is paid for on every page (the diagnoser's budget has no room for it). It is built as a
// self-contained module whose URL Vite gives us (`?worker&url`): a plain import('./site-menu')
// would add Vite's module-preload helper (≈ 0.8 KB gzip) to this file.
class MobileNav extends HTMLElement {
  connectedCallback() {
    const button = this.querySelector('[data-menu-button]');
    // Once loaded, site-menu.ts opens the menu and handles the button itself; if it could not
    // load (offline), the next press tries again.
    const load = () => void import(/* @vite-ignore */ siteMenuUrl).catch(() => button?.addEventListener('click', load, { once: true }));
    button?.addEventListener('click', load, { once: true });
  }
}
customElements.define('fix-mobile-nav', MobileNav);

// ---- header search (markup in src/components/HeaderSearch.astro)
// Only a loader here: the typeahead (src/scripts/header-search.ts) and Pagefind load on the first
// focus of a field, so pages that nobody searches from pay a few hundred bytes, not kilobytes.
// The typeahead is built as one self-contained module whose URL Vite gives us (`?worker&url`: the
// bundling Vite does for workers, used here for a main-thread module). A plain import('./x')
// would make Vite add its module-preload helper (≈ 1 KB gzip) to this file, which every page
// loads up front; with a known URL, the import below is left as it is. The module wires every
// header search field on the page when it runs.
let typeahead: Promise<unknown> | undefined;
addEventListener('focusin', (e) => {
  if (e.target instanceof Element && e.target.closest('fix-header-search')) typeahead ??= import(/* @vite-ignore */ headerSearchUrl);
});

// "/" and Ctrl+K / ⌘+K focus the first visible search field (the page's own, or the header's),
// except while the visitor is typing in a field: then the keys are theirs.
addEventListener('keydown', (e) => {
  const slash = e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey;
  const k = e.key.toLowerCase() === 'k' && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey;
  if ((!slash && !k) || (e.target instanceof Element && e.target.closest('input, textarea, select, [contenteditable]'))) return;
  const field = [...document.querySelectorAll<HTMLInputElement>('input[type=search]')].find((f) => f.getClientRects().length > 0);
  if (!field) return;
  e.preventDefault();
  field.focus();
  field.select();
});
