// The site chrome every page needs: the theme toggle and the site menu. One module rather than
// one per component, because each separate module costs its own request and gzip overhead on
// every page (≈ 280 B gzipped here), and both always load together.

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
// Below the desktop layout the menu is a small modal panel: it opens from the Menu button, keeps
// Tab inside itself, closes on Escape or Close and returns focus to the Menu button (WAI-ARIA
// dialog pattern). On wide screens the same element is the header's nav and search, so it is a
// dialog only while open.
class MobileNav extends HTMLElement {
  connectedCallback() {
    const button = this.querySelector<HTMLButtonElement>('[data-menu-button]');
    const panel = this.querySelector<HTMLElement>('#site-menu');
    const close = this.querySelector<HTMLButtonElement>('[data-menu-close]');
    if (!button || !panel || !close) return;
    let open = false;
    const setOpen = (value: boolean) => {
      open = value;
      panel.role = open ? 'dialog' : null;
      panel.ariaModal = open ? 'true' : null;
      panel.ariaLabel = open ? 'Site menu' : null;
      button.ariaExpanded = String(open); // the CSS shows the panel from this
      (open ? close : button).focus();
    };
    button.addEventListener('click', () => setOpen(!open));
    close.addEventListener('click', () => setOpen(false));
    panel.addEventListener('keydown', (e) => {
      if (!open) return;
      if (e.key === 'Escape') {
        e.preventDefault();
        setOpen(false);
      } else if (e.key === 'Tab') {
        // Close is the first stop; the last is the last one Tab can reach now (not the links in a
        // collapsed <details> of the guide's navigation).
        const last = [...panel.querySelectorAll<HTMLElement>('a[href], button, input, summary')].filter((el) => el.getClientRects().length > 0).pop();
        const [from, to] = e.shiftKey ? [close, last] : [last, close];
        if (document.activeElement === from) {
          e.preventDefault();
          to?.focus();
        }
      }
    });
  }
}
customElements.define('fix-mobile-nav', MobileNav);
