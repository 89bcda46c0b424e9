// <fix-outcome>: on the per-fix outcome pages (/wizard/outcome/<fix>/, linked from the diagnoser),
// pre-selects the visitor's setup — from the URL's browser/os/client/server parameters if present,
// else from the user agent — and points the fix link and the first steps shown at the matching tab.
// No machine needed here.
import { detectIds } from '../lib/ua-ids.ts';
import type { TabSet } from './outcomes.ts';
import type { Env } from './url.ts';
import { showSteps } from './view-steps.ts';

class FixOutcome extends HTMLElement {
  connectedCallback() {
    const q = new URLSearchParams(location.search);
    const d = detectIds(navigator.userAgent, navigator.maxTouchPoints);
    const env: Env = { browser: d.browser, os: d.os };
    const selects = [...this.querySelectorAll<HTMLSelectElement>('[data-env] select')];
    const update = () => {
      // The link names the page's tab sets (data-tabs), so no fix table ships in this script.
      for (const a of this.querySelectorAll<HTMLAnchorElement>('a[data-fix]')) {
        const q = new URLSearchParams();
        for (const set of (a.dataset['tabs'] ?? '').split(' ') as TabSet[]) if (env[set]) q.set(set, env[set]);
        a.href = `${a.pathname}${q.size ? `?${q}` : ''}`;
      }
      showSteps(this, env);
    };
    for (const sel of selects) {
      const set = sel.name as TabSet;
      const wanted = q.get(set) ?? env[set];
      // Only ids the select offers are accepted: a hand-edited parameter cannot inject anything.
      sel.value = [...sel.options].some((o) => o.value === wanted) ? (wanted ?? '') : '';
      env[set] = sel.value || undefined;
      sel.addEventListener('change', () => {
        env[set] = sel.value || undefined;
        update();
      });
    }
    update();
  }
}

customElements.define('fix-outcome', FixOutcome);
