// <fix-wizard>: the DOM glue. Every step is already a static page whose answers are plain links;
// this element makes them work in place. It reads the machine's spec from /wizard/machine.json (what
// machine.ts compiles from its tree, sent as data rather than code), builds the machine at the
// visitor's first sign of intent, runs it in an actor, and turns each link click into the event(s)
// its data-ev names. The markup of the next step is the static page of that state
// (rendered at build time by Step.astro, prefetched as soon as a link to it is shown), so in-place
// and static steps cannot differ. After each change the URL is pushed, focus moves to the new
// heading and a live region announces it. Back/Forward and reload go through decode(), which falls
// back to the start with a notice on a stale or damaged URL.
import { createActor, type Actor } from 'xstate';
// The lean id-only detector keeps version parsing (src/lib/ua.ts) out of the up-front bundle; the
// escalation step, which shows versions, loads the full detect() with its own lazy chunk.
import { detectIds } from '../lib/ua-ids.ts';
import { createWizard, START, type Spec, type Wizard, type WizardEvent } from './machine.ts';
import { decode, encode, pathOf, stateOfPath, type Decoded, type Env } from './url.ts';
import { showSteps } from './view-steps.ts';

type Page = Promise<{ html: string; title: string } | undefined>;
type EnvKey = keyof Env;
/**
 * What a paint follows, which decides what happens to the history entry and to focus:
 * - `load`: the first paint, on a good URL. The entry is replaced (the URL may be normalised);
 *   focus stays where the visitor is, on a page they have just opened.
 * - `answer`: an answer link was followed. A new entry is pushed; focus moves to the question
 *   and the live region announces it.
 * - `refused`: a stale or damaged URL (on load or Back/Forward) fell back to the start. The entry
 *   is replaced by the start's URL; focus moves and the notice is announced with the question.
 * - `back`: Back/Forward to a good URL. The browser has already set the URL, so the entry is left
 *   alone; focus moves and the question is announced.
 */
type PaintCause = 'load' | 'answer' | 'refused' | 'back';

class FixWizard extends HTMLElement {
  private w!: Wizard;
  /** Where the visitor is: from the URL at load, then from the actor after each answer. */
  private pos!: { state: string; furthest: string };
  /** The machine's actor, started from `pos` when the visitor first answers (see send). */
  private actor: Actor<Wizard['machine']> | undefined;
  private env: Env = {};
  private notice: string | undefined;
  private readonly pages = new Map<string, Page>();
  private readonly det = detectIds(navigator.userAgent, navigator.maxTouchPoints);
  private readonly step = this.querySelector('[data-step]') as HTMLElement;
  private readonly selects = this.querySelectorAll<HTMLSelectElement>('[data-env] select');

  connectedCallback() {
    this.pages.set(location.pathname, Promise.resolve({ html: this.step.innerHTML, title: document.title }));
    // Until the machine has arrived, links simply navigate to the static pages.
    void fetch('/wizard/machine.json')
      .then((r) => r.json() as Promise<Spec>)
      .then((spec) => {
        this.w = createWizard(spec);
        const d = this.restore();
        this.env = { browser: this.det.browser, os: this.det.os, ...d.env };
        this.addEventListener('click', (e) => {
          const a = (e.target as Element).closest<HTMLAnchorElement>('a[data-ev]');
          if (!a || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey || e.button) return;
          e.preventDefault();
          // data-n repeats an event (Back along the breadcrumb); a kept answer names several.
          const events = (a.dataset['ev'] ?? '').split(' ');
          for (let n = Number(a.dataset['n'] ?? 1); n > 0; n--) this.send(events);
          void this.paint('answer');
        });
        // Build the machine at the first sign of intent (a pointer over the step, focus, a touch),
        // so neither the load nor the first answer waits for it.
        for (const type of ['pointerover', 'focusin', 'touchstart', 'keydown']) this.addEventListener(type, () => void this.w.machine, { once: true, passive: true });
        this.addEventListener('change', (e) => {
          const sel = e.target as HTMLSelectElement;
          this.env[sel.name as EnvKey] = sel.value || undefined;
          this.links();
          history.replaceState(null, '', this.url());
        });
        addEventListener('popstate', () => {
          const next = this.restore();
          this.env = { ...this.env, ...next.env };
          void this.paint(next.ok ? 'back' : 'refused');
        });
        return this.paint(d.ok ? 'load' : 'refused').then(() => this.setAttribute('data-ready', ''));
      });
  }

  /** Goes where the URL says (a refused URL yields the start, with a notice). */
  private restore(): Decoded {
    // Setup ids are valid when the page's own select boxes offer them.
    const known = (set: EnvKey, id: string) => [...this.selects].some((s) => s.name === set && [...s.options].some((o) => o.value === id)) && !!id;
    const d = decode(this.w, location.pathname, location.search, known);
    this.notice = d.ok ? undefined : this.dataset[d.reason];
    this.pos = { state: d.state, furthest: d.furthest };
    this.actor = undefined; // the next answer starts one here
    return d;
  }

  /**
   * Sends events to the machine, starting its actor where the visitor is on first use.
   * @param types the events, in order
   */
  private send(types: readonly string[]): void {
    const m = this.w.machine;
    this.actor ??= createActor(m, { snapshot: m.resolveState({ value: this.pos.state, context: { furthest: this.pos.furthest } }) }).start();
    for (const type of types) this.actor.send({ type } as WizardEvent);
    const s = this.actor.getSnapshot();
    this.pos = { state: s.value as string, furthest: s.context.furthest };
  }

  private where() {
    return { ...this.pos, env: this.env };
  }

  private url(): string {
    return encode(this.w, this.where());
  }

  /** The static page of a state, fetched once (and early: see the prefetch in paint). */
  private page(state: string): Page {
    const path = pathOf(state);
    let p = this.pages.get(path);
    if (!p) {
      p = fetch(path)
        .then((r) => r.text())
        .then((t) => {
          const doc = new DOMParser().parseFromString(t, 'text/html');
          const html = doc.querySelector('[data-step]')?.innerHTML;
          return html ? { html, title: doc.title } : undefined;
        })
        .catch(() => undefined);
      p.then((v) => v ?? this.pages.delete(path));
      this.pages.set(path, p);
    }
    return p;
  }

  /**
   * Shows the current state: its static markup, then what only the browser knows (kept answers,
   * setup, notice), and syncs URL and title.
   * @param cause what led to this paint (see PaintCause)
   */
  private async paint(cause: PaintCause) {
    const { state, furthest } = this.where();
    const page = await this.page(state);
    if (!page) return location.assign(this.url()); // offline or gone: a normal page load instead
    const step = this.step;
    step.innerHTML = page.html;
    if (furthest !== state) {
      const far = await this.page(furthest);
      const here = this.w.pathTo(state).length - 1;
      const line = this.w.pathTo(furthest);
      (await import('./view-kept.ts')).kept(step, far?.html ?? '', here, pathOf(line[here + 1] ?? START), (i) => this.w.eventsAlong(state, line[i] ?? state));
    }
    const notice = step.querySelector('[data-notice]') as HTMLElement;
    notice.textContent = this.notice ?? '';
    notice.hidden = !this.notice;
    this.links();
    const h = step.querySelector('#wz-h') as HTMLElement;
    if (cause !== 'load') {
      h.focus();
      (this.querySelector('[data-live]') as HTMLElement).textContent = `${this.notice ?? ''} ${h.textContent}`;
    }
    this.notice = undefined;
    if (step.querySelector('[data-help]')) (await import('./view-help.ts')).help(step, this);
    // The "type or paste" step runs the diagnoser's core here, loaded only when this step shows.
    if (step.querySelector('[data-paste]')) (await import('./view-paste.ts')).paste(step, this.env);
    // After this frame is painted (history calls cost milliseconds in Chromium): the URL and title,
    // then a prefetch of every step a link here leads to, so the next answer paints without waiting.
    const url = this.url();
    return new Promise<void>((done) =>
      requestAnimationFrame(() =>
        setTimeout(() => {
          document.title = page.title;
          if (cause === 'answer') history.pushState(null, '', url);
          else if (cause !== 'back') history.replaceState(null, '', url);
          for (const a of step.querySelectorAll<HTMLAnchorElement>('a[data-ev]')) void this.page(stateOfPath(this.w, a.pathname) ?? START);
          done();
        }),
      ),
    );
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
      a.href = `${a.pathname}${q.size ? `?${q}` : ''}`;
    }
    showSteps(this.step, env);
    // Which of them show for this branch is CSS (:has on the step's data-sets), see Wizard.astro.
    for (const sel of this.selects) sel.value = env[sel.name as EnvKey] ?? '';
  }
}

customElements.define('fix-wizard', FixWizard);
