// <fix-wizard>: the DOM glue. Every step is already a static page whose answers are plain links;
// this element makes them work in place. It builds the machine from /wizard/tree.json (the same tree
// machine.ts holds, sent as data), runs it in an actor, and turns each link click into the event its
// data-ev names. The markup of the next step is the static page of that state (rendered at build time
// by renderStep, prefetched as soon as a link to it is shown), so in-place and static steps cannot
// differ. After each change the URL is pushed, focus moves to the new heading and a live region
// announces it. Back/Forward and reload go through decode(), which falls back to the start with a
// notice on a stale or damaged URL.
import { createActor, type Actor } from 'xstate';
import { detect } from '../lib/ua.ts';
import { createWizard, START, type Tree, type Wizard, type WizardEvent } from './machine.ts';
import { decode, encode, pathOf, stateOfPath, type Decoded, type Env } from './url.ts';

const NOTICE = {
  stale: 'That link came from an older version of the wizard, so it starts again here.',
  mangled: 'That link was incomplete or changed, so the wizard starts again here.',
};
type Page = { html: string; title: string } | undefined;
type EnvKey = keyof Env;

class FixWizard extends HTMLElement {
  private w!: Wizard;
  private actor!: Actor<Wizard['machine']>;
  private env: Env = {};
  private notice: string | undefined;
  private readonly pages = new Map<string, Promise<Page>>();
  private readonly det = detect(navigator.userAgent, navigator.maxTouchPoints);
  private readonly step = this.querySelector('[data-step]') as HTMLElement;

  connectedCallback() {
    this.pages.set(location.pathname, Promise.resolve({ html: this.step.innerHTML, title: document.title }));
    // Until the tree has arrived, links simply navigate to the static pages.
    void fetch('/wizard/tree.json')
      .then((r) => r.json() as Promise<Tree>)
      .then((tree) => {
        this.w = createWizard(tree);
        const d = this.decode();
        this.env = { browser: this.det.browser, os: this.det.os, ...d.env };
        this.restore(d);
        this.addEventListener('click', (e) => this.onClick(e));
        this.addEventListener('change', (e) => {
          const sel = e.target as HTMLSelectElement;
          if (!sel.closest('[data-env]')) return;
          this.env[sel.name as EnvKey] = sel.value || undefined;
          this.links();
          history.replaceState(null, '', this.url());
        });
        this.addEventListener('input', () => this.summarise());
        addEventListener('popstate', () => {
          const next = this.decode();
          this.env = { ...this.env, ...next.env };
          this.restore(next);
          void this.paint(next.ok ? 'focus' : 'replace-focus');
        });
        this.querySelector('[data-env]')?.removeAttribute('hidden');
        return this.paint(d.ok ? 'replace' : 'replace-focus');
      });
  }

  private decode(): Decoded {
    const selects = this.querySelectorAll<HTMLSelectElement>('[data-env] select');
    const known = (set: EnvKey, id: string) => [...selects].some((s) => s.name === set && [...s.options].some((o) => o.value === id && id));
    return decode(this.w, location.pathname, location.search, known);
  }

  /** Starts an actor at a decoded location (a refused URL yields the start, with a notice). */
  private restore(d: Decoded) {
    this.notice = d.ok ? undefined : NOTICE[d.reason];
    this.actor?.stop();
    const snapshot = this.w.machine.resolveState({ value: d.state, context: { furthest: d.furthest } });
    this.actor = createActor(this.w.machine, { snapshot }).start();
  }

  private where() {
    const s = this.actor.getSnapshot();
    return { state: s.value as string, furthest: s.context.furthest, env: this.env };
  }

  private url(): string {
    return encode(this.w, this.where());
  }

  /** The static page of a state, fetched once (and early: see prefetch in paint). */
  private page(state: string): Promise<Page> {
    const path = pathOf(state);
    let p = this.pages.get(path);
    if (!p) {
      p = fetch(path)
        .then((r) => (r.ok ? r.text() : Promise.reject(new Error(String(r.status)))))
        .then((t) => {
          const doc = new DOMParser().parseFromString(t, 'text/html');
          return { html: doc.querySelector('[data-step]')?.innerHTML ?? '', title: doc.title };
        })
        .catch(() => {
          this.pages.delete(path);
          return undefined;
        });
      this.pages.set(path, p);
    }
    return p;
  }

  private onClick(e: MouseEvent) {
    const t = e.target as Element;
    const a = t.closest<HTMLAnchorElement>('a[data-ev]');
    if (a && !e.ctrlKey && !e.metaKey && !e.shiftKey && !e.altKey && e.button === 0) {
      e.preventDefault();
      for (let n = Number(a.dataset['n'] ?? 1); n > 0; n--) this.actor.send({ type: a.dataset['ev'] } as WizardEvent);
      void this.paint('push');
    }
    if (t.closest('[data-print]')) print();
    if (t.closest('[data-copy]')) {
      const status = this.querySelector('[data-copied]') as HTMLElement;
      navigator.clipboard.writeText(this.summarise()).then(
        () => (status.textContent = 'Copied. Paste it into your message.'),
        () => (status.textContent = 'Copying is blocked here: select the summary and copy it by hand.'),
      );
    }
  }

  /**
   * Shows the current state: its static markup, then what only the browser knows (kept answers,
   * setup, notice). Syncs URL and title; the "focus" variants also move focus and announce.
   */
  private async paint(how: 'push' | 'replace' | 'focus' | 'replace-focus') {
    const { state, furthest } = this.where();
    const page = await this.page(state);
    if (!page) return location.assign(this.url()); // offline or gone: fall back to a normal page load
    const step = this.step;
    step.innerHTML = page.html;
    if (furthest !== state) await this.kept(state, furthest);
    const notice = step.querySelector<HTMLElement>('[data-notice]');
    if (notice && this.notice) {
      notice.textContent = this.notice;
      notice.hidden = false;
    }
    this.links();
    document.title = page.title;
    if (how === 'push') history.pushState(null, '', this.url());
    else if (how !== 'focus') history.replaceState(null, '', this.url());
    if (how !== 'replace') {
      (step.querySelector('#wz-h') as HTMLElement | null)?.focus();
      (this.querySelector('[data-live]') as HTMLElement).textContent = `${this.notice ?? ''} ${step.querySelector('#wz-h')?.textContent ?? ''}`.trim();
    }
    this.notice = undefined;
    if (step.querySelector('[data-help]')) this.fillHelp();
    // Prefetch every step a link here leads to, so the next answer paints without waiting.
    for (const a of step.querySelectorAll<HTMLAnchorElement>('a[data-ev]')) {
      const to = stateOfPath(this.w, a.pathname);
      if (to) void this.page(to);
    }
  }

  /**
   * After going back, the later answers stay: the breadcrumb shows them (as links forward) and the
   * question marks the answer given before. Built from the kept furthest step's own breadcrumb.
   */
  private async kept(state: string, furthest: string) {
    const far = await this.page(furthest);
    const t = document.createElement('template');
    t.innerHTML = far?.html ?? '';
    const nav = t.content.querySelector('nav');
    const line = this.w.pathTo(furthest);
    const here = this.w.pathTo(state).length - 1;
    if (!nav) return;
    nav.querySelectorAll('li').forEach((li, i) => {
      const a = li.querySelector('a') as HTMLAnchorElement;
      if (i < here) a.dataset['n'] = String(here - i);
      else if (i === here) {
        li.className = 'text-zinc-600 dark:text-zinc-400';
        li.innerHTML = `<span class="sr-only">Earlier answer here: </span>${a.innerHTML}`;
      } else {
        a.dataset['ev'] = 'wizard.forward';
        a.dataset['n'] = String(i - here);
        a.classList.add('opacity-80');
        a.insertAdjacentHTML('afterbegin', '<span class="sr-only">Kept answer: </span>');
      }
    });
    const old = this.step.querySelector('nav');
    if (old) old.replaceWith(nav);
    else this.step.querySelector('[data-notice]')?.after(nav);
    const next = this.step.querySelector<HTMLElement>(`a[data-ev^="answer."][href^="${pathOf(line[here + 1] ?? '')}"]`);
    if (next) {
      next.setAttribute('aria-current', 'true');
      next.classList.add('border-brand-700', 'dark:border-brand-300');
      next.insertAdjacentHTML('beforeend', ' <span class="text-sm font-normal">(your earlier answer)</span>');
    }
  }

  /** Points every link at its step with the kept answers and setup, and fix links at the right tab. */
  private links() {
    const { furthest, env } = this.where();
    for (const a of this.step.querySelectorAll<HTMLAnchorElement>('a[data-ev]')) {
      const to = stateOfPath(this.w, a.pathname) ?? START;
      const keep = a.dataset['ev'] !== 'wizard.restart' && this.w.isAncestor(to, furthest);
      a.href = encode(this.w, { state: to, furthest: keep ? furthest : to, env });
    }
    for (const a of this.step.querySelectorAll<HTMLAnchorElement>('a[data-fix]')) {
      const q = new URLSearchParams();
      for (const set of (a.dataset['tabs'] ?? '').split(' ') as EnvKey[]) if (env[set]) q.set(set, env[set]);
      a.search = q.toString();
    }
    const sets = this.step.querySelector<HTMLElement>('[data-sets]')?.dataset['sets'] ?? '';
    this.querySelectorAll<HTMLSelectElement>('[data-env] select').forEach((sel) => {
      sel.value = env[sel.name as EnvKey] ?? '';
      (sel.parentElement as HTMLElement).hidden = !sets.includes(sel.name);
    });
  }

  /** Pre-fills the escalation form with what the page can know, then builds the summary. */
  private fillHelp() {
    const f = this.field;
    const label = (set: EnvKey, v?: string) => {
      const sel = this.querySelector<HTMLSelectElement>(`[data-env] [name=${set}]`);
      return sel?.value ? `${sel.selectedOptions[0]?.text} ${v ?? ''}`.trim() : '';
    };
    const d = this.det;
    f('browser').value ||= label('browser', d.browser === this.env.browser ? d.browserVersion : '');
    f('os').value ||= label('os', d.os === this.env.os ? d.osVersion : '');
    const now = new Date();
    const off = -now.getTimezoneOffset();
    const hhmm = `${String(Math.trunc(Math.abs(off) / 60)).padStart(2, '0')}:${String(Math.abs(off) % 60).padStart(2, '0')}`;
    f('when').value ||= `${now.toLocaleString()} (${Intl.DateTimeFormat().resolvedOptions().timeZone}, UTC${off < 0 ? '-' : '+'}${hhmm})`;
    this.querySelectorAll('[data-copy],[data-print]').forEach((b) => b.removeAttribute('hidden'));
    this.summarise();
  }

  private field = (name: string) => this.querySelector(`[data-help] [name=${name}]`) as HTMLInputElement;

  /** @returns the escalation summary as plain text (and shows it in the page) */
  private summarise(): string {
    const out = this.querySelector('[data-summary]');
    if (!out) return '';
    const text = (sel: string) => [...this.step.querySelectorAll(sel)].map((el) => el.textContent?.trim() ?? '');
    const val = (n: string) => this.field(n).value.trim() || '(not given)';
    const error = val('error');
    const lines = [
      'HTTP 401 problem report',
      `What I see: ${text('nav li').join(' › ')}`,
      'What I tried (none of it fixed it):',
      ...[...this.step.querySelectorAll<HTMLAnchorElement>('[data-tried] a')].map((a, i) => `  ${i + 1}. ${a.textContent} — ${a.href}`),
      `Browser or app: ${val('browser')}`,
      `Operating system: ${val('os')}`,
      `When: ${val('when')}`,
      `Address: ${val('url')}`,
      `Exact error: ${error}`,
      '(No passwords, tokens or keys are included.)',
    ].join('\n');
    const secret = /\b(bearer|basic)\s+[\w.~+/=-]{12,}|eyJ[\w-]{8,}\.|(password|passwd|secret|token|api[_-]?key)\s*[=:]\s*\S/i.test(error);
    out.textContent = secret ? `Warning: the error text looks like it contains a password, token or key. Remove it before you share this.\n\n${lines}` : lines;
    return lines;
  }
}

customElements.define('fix-wizard', FixWizard);
