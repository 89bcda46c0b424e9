// The site chrome every page needs: the theme toggle and the site menu's button. One module
// rather than one per component, because each separate module costs its own request and gzip
// overhead on every page (≈ 280 B gzipped here), and both always load together.

import siteMenuUrl from './site-menu.ts?worker&url';

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
