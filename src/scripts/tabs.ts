// <fix-tabs>: progressive enhancement of src/components/mdx/Tabs.astro into the WAI-ARIA tabs
// pattern (https://www.w3.org/WAI/ARIA/apg/patterns/tabs/). The decisions live in
// src/lib/tab-choice.ts (unit-tested); this file is only DOM glue. It ships on every article page
// (with the copy buttons, src/layouts/ArticleLayout.astro) and counts against the 3 KB shared-JS
// budget, hence the terse style.
import { chooseTab, describeDetected, detectedFor, paramOf, withParam } from '../lib/tab-choice';
import { detectIds } from '../lib/ua-ids';
import chooserUrl from './tab-chooser.ts?worker&url';

let chooserLoaded: Promise<void> | undefined;

const KEY = 'tab:';
const ua = detectIds(navigator.userAgent, navigator.maxTouchPoints);

/** Storage can throw (blocked cookies): tabs must work without it. */
function store(set: string, id?: string): string | null {
  try {
    if (id) localStorage.setItem(KEY + set, id);
    return localStorage.getItem(KEY + set);
  } catch {
    return null;
  }
}

/** The element the #fragment points at, and the tab panel it sits in (if any). */
function target() {
  const el = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  return { el, panel: el?.closest<HTMLElement>('fix-tabs [data-tab-panel]') };
}

/**
 * Shows one panel in every group of a set. A visitor's own choice is remembered and always written
 * into the URL; a choice made by a link (#fragment, find-in-page) only opens the panel, and
 * touches the URL only to keep an existing ?set= parameter truthful.
 */
function pick(set: string, id: string, byUser: boolean, from?: HTMLElement) {
  // Groups above the one in use change height too: keep the clicked tab where it was on screen.
  const top = from?.getBoundingClientRect().top ?? 0;
  for (const g of document.querySelectorAll<FixTabs>(`fix-tabs[data-set="${set}"]`)) g.show(id, byUser);
  if (from) scrollBy(0, from.getBoundingClientRect().top - top);
  if (byUser) store(set, id);
  const param = paramOf(location.search, set);
  if (byUser || (param !== null && param !== id)) history.replaceState(history.state, '', withParam(location.href, set, id));
}

/**
 * Opens the panel the #fragment points into, then scrolls to the target: it was hidden when the
 * browser scrolled. Other targets are left alone (scroll anchoring keeps them in place).
 */
function openTarget() {
  const { el, panel } = target();
  if (!panel) return;
  pick(panel.closest<HTMLElement>('fix-tabs')!.dataset['set']!, panel.dataset['tabPanel']!, false);
  el!.scrollIntoView();
}

/**
 * On phones a tab bar is one row that scrolls sideways (src/styles/global.css sets it position:
 * relative there, so offsetLeft is measured from the bar): keep the selected tab in view, whether
 * selected on load or by a choice in another group of the set. A tab already in view is left
 * alone, so the bar does not jump under the visitor's finger.
 */
function reveal(tab: HTMLElement) {
  const bar = tab.parentElement!;
  if (tab.offsetLeft < bar.scrollLeft || tab.offsetLeft + tab.offsetWidth > bar.scrollLeft + bar.clientWidth) bar.scrollLeft = tab.offsetLeft - 16;
}

class FixTabs extends HTMLElement {
  tabs: HTMLButtonElement[] = [];
  panels: HTMLElement[] = [];

  connectedCallback() {
    const set = this.dataset['set']!;
    const list = this.firstElementChild as HTMLElement; // the tablist comes first (Tabs.astro)
    const note = this.querySelector<HTMLElement>('.tab-note');
    const tabs = (this.tabs = [...list.children] as HTMLButtonElement[]);
    for (const tab of tabs) {
      const id = tab.dataset['tab']!;
      const panel = this.querySelector<HTMLElement>(`[data-tab-panel="${id}"]`)!;
      this.panels.push(panel);
      tab.id = `${panel.id}-tab`;
      tab.setAttribute('aria-controls', panel.id);
      panel.setAttribute('role', 'tabpanel');
      panel.setAttribute('aria-labelledby', tab.id);
      (panel.firstElementChild as HTMLElement).hidden = true; // the label: the tab names the panel now
      // Find-in-page and text fragments reveal a hidden="until-found" panel: select it properly.
      panel.addEventListener('beforematch', () => pick(set, id, false));
      tab.onclick = () => pick(set, id, true, tab);
    }
    list.onkeydown = (e) => {
      const i = tabs.indexOf(e.target as HTMLButtonElement);
      const n = tabs.length;
      const to = ({ ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: n - 1 } as Record<string, number>)[e.key];
      if (to === undefined) return;
      e.preventDefault();
      const tab = tabs[(to + n) % n]!;
      tab.focus();
      pick(set, tab.dataset['tab']!, true, tab);
    };
    list.hidden = false;

    const { panel } = target();
    const url = paramOf(location.search, set);
    const choice = chooseTab(
      tabs.map((t) => t.dataset['tab']!),
      {
        hash: panel?.closest<HTMLElement>('fix-tabs')!.dataset['set'] === set ? panel.dataset['tabPanel'] : null,
        url,
        stored: store(set),
        detected: detectedFor(set, ua),
      },
    );
    this.show(choice.id, false);
    // A choice that came in a link (from the wizard, say) is the visitor's: remember it. An
    // unknown value was ignored: put the URL back in step with what is shown.
    if (choice.source === 'url') store(set, choice.id);
    if (url !== null && url !== choice.id) history.replaceState(history.state, '', withParam(location.href, set, choice.id));
    if (note && choice.source === 'detected') {
      note.querySelector('span')!.textContent = describeDetected(set, ua, this.current().textContent!) ?? '';
      this.chooser(note);
      note.hidden = false;
    }
  }

  /** The selected tab of this group. */
  current() {
    return this.tabs.find((t) => t.tabIndex === 0)!;
  }

  /** "Change" under a guessed tab opens the list of choices: src/scripts/tab-chooser.ts, loaded on first use. */
  chooser(note: HTMLElement) {
    const button = note.querySelector('button')!;
    // Once loaded, the module handles every press itself; this one it missed, so press again.
    button.addEventListener('click', () => void (chooserLoaded ??= import(/* @vite-ignore */ chooserUrl).then(() => button.click())));
  }

  /** Selects a tab in this group; an id this group lacks is ignored. */
  show(id: string, byUser: boolean) {
    if (!this.tabs.some((t) => t.dataset['tab'] === id)) return;
    this.tabs.forEach((tab, i) => {
      const on = tab.dataset['tab'] === id;
      tab.setAttribute('aria-selected', String(on));
      const panel = this.panels[i]!;
      // A hidden="until-found" panel keeps its box, so it would stay focusable: take it out of the tab order.
      tab.tabIndex = panel.tabIndex = on ? 0 : -1;
      if (on) {
        panel.removeAttribute('hidden');
        reveal(tab);
      }
      else panel.setAttribute('hidden', 'until-found');
    });
    // Once the visitor has chosen, "Detected: …" no longer explains the selection.
    if (byUser) this.querySelector<HTMLElement>('.tab-note')?.setAttribute('hidden', '');
  }
}

customElements.define('fix-tabs', FixTabs);
openTarget();
addEventListener('hashchange', openTarget);
