// The site menu's dialog behaviour (markup in src/components/SiteHeader.astro and MobileNav.astro),
// loaded by src/scripts/site-chrome.ts on the first press of the Menu button. Below the desktop
// layout the menu is a small modal panel: it keeps Tab inside itself, closes on Escape or Close
// and returns focus to the Menu button (WAI-ARIA dialog pattern). On wide screens the same element
// is the header's nav and search, so it is a dialog only while open.
// It is built as a self-contained bundle (see site-chrome.ts), which keeps no exports: it wires the
// page's one menu and opens it when it runs, which is once, on that first press.

function wire(): void {
  const button = document.querySelector<HTMLButtonElement>('fix-mobile-nav [data-menu-button]');
  const panel = document.querySelector<HTMLElement>('fix-mobile-nav #site-menu');
  const close = document.querySelector<HTMLButtonElement>('fix-mobile-nav [data-menu-close]');
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
  setOpen(true);
}

wire();
