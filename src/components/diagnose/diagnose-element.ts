// <fix-diagnose>: DOM glue for the diagnoser page. Reads the textarea / file / drop, runs the pure
// core (src/diagnose/) in this page, and renders the report. Rules of the house:
//  - no network after load: the only request is the knowledge data (/diagnose/knowledge.json, same
//    origin), fetched once when the element starts, before any input; nothing else calls fetch,
//    XHR, WebSocket or sendBeacon, and no URL from the input is ever put into an href/src (links
//    point only at our own /guide/ and /wizard/ paths);
//  - pasted text reaches the DOM only through textContent / value, never innerHTML;
//  - secrets are masked on screen unless "Show secrets" is ticked;
//  - analysis is debounced while typing and yields to the browser before heavy runs;
//  - the optional key field: when it is filled and the evidence holds a JWT, the signature checker
//    (src/diagnose/verify.ts) is loaded — a same-origin script, only then — and checks it with
//    WebCrypto in this browser. It runs as a Web Worker rather than through import(): a dynamic
//    import makes Vite add its ~1 KB preload helper to the start-up JS, which the 30 KB budget of
//    the engine loaded at page start has no room for. The key never leaves the page either way;
//  - a curl command in the paste is read by src/diagnose/parse/command.ts, and a HAR file by
//    src/diagnose/parse/har.ts: same-origin workers, each loaded the first time a paste needs it,
//    for the same reason;
//  - the deferred rule groups (cookies, Active Directory binds) are not in the engine loaded at
//    start: a paste they apply to (src/diagnose/rules/deferred.ts) is analysed by the whole engine
//    (src/diagnose/analyse.ts) in a same-origin worker.

import type { CommandReply } from '../../diagnose/parse/command';
import { CURL_COMMAND, detectKind } from '../../diagnose/parse/detect';
import type { HarReply } from '../../diagnose/parse/har';
import { redact, redactLine } from '../../diagnose/redact';
import { needsDeferredRules } from '../../diagnose/rules/deferred';
import type { FullReply, FullRequest } from '../../diagnose/analyse';
import { analyseWith } from '../../diagnose/report';
import type { InputKind, RankedFinding, Report } from '../../diagnose/types';
import type { VerifyReply } from '../../diagnose/verify';
import type { Knowledge } from '../../diagnose/atlas';

const MAX_FILE = 50 * 1024 * 1024;
const DEBOUNCE_MS = 300;

/** Creates an element holding text (always via textContent). */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, text = ''): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.textContent = text;
  return e;
}

/** Only our own absolute paths become links (findings never carry input-derived URLs, but be sure). */
function safeHref(href: string): string {
  return /^\/(?:guide|wizard)\/[a-z0-9/?=&%-]*$/i.test(href) ? href : '/guide/';
}

class FixDiagnose extends HTMLElement {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private runId = 0;
  /** The signature checker (src/diagnose/verify.ts as a worker), loaded only once a key is given. */
  private worker: Worker | undefined;
  /** The curl command reader (src/diagnose/parse/command.ts as a worker), loaded when a paste first holds a command. */
  private commands: Worker | undefined;
  /** The HAR reader (src/diagnose/parse/har.ts as a worker), loaded when a paste or file first is a HAR. */
  private hars: Worker | undefined;
  /** The whole engine, cookie rules included (src/diagnose/analyse.ts), for pastes with a Set-Cookie line. */
  private full: Worker | undefined;
  /** The vendor error atlas; analysis waits for it (a failed fetch means analysing without it). */
  private knowledge: Promise<Knowledge | undefined> = fetch('/diagnose/knowledge.json')
    .then((r) => (r.ok ? (r.json() as Promise<Knowledge>) : undefined))
    .catch(() => undefined);

  private q<T extends Element>(sel: string): T {
    const e = this.querySelector<T>(sel);
    if (!e) throw new Error(`fix-diagnose: missing ${sel}`);
    return e;
  }

  connectedCallback(): void {
    const form = this.q<HTMLFormElement>('[data-dx-form]');
    const input = this.q<HTMLTextAreaElement>('[data-dx-input]');
    const kind = this.q<HTMLSelectElement>('[data-dx-kind]');
    const file = this.q<HTMLInputElement>('[data-dx-file]');
    const drop = this.q<HTMLElement>('[data-dx-drop]');
    const show = this.q<HTMLInputElement>('[data-dx-show]');

    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.schedule(0);
    });
    // Typing in the evidence or the key field (the menu and checkbox handlers below then reschedule at
    // once; a picked file is read first, then analysed).
    form.addEventListener('input', (e) => e.target !== file && this.schedule(DEBOUNCE_MS));
    kind.addEventListener('change', () => this.schedule(0));
    show.addEventListener('change', () => this.schedule(0));
    file.addEventListener('change', () => {
      const f = file.files?.[0];
      if (f) void this.load(f);
    });
    drop.addEventListener('dragover', (e) => {
      e.preventDefault();
      drop.classList.add('border-brand-600');
    });
    drop.addEventListener('dragleave', () => drop.classList.remove('border-brand-600'));
    drop.addEventListener('drop', (e) => {
      e.preventDefault();
      drop.classList.remove('border-brand-600');
      const f = e.dataTransfer?.files?.[0];
      if (f) void this.load(f);
    });
    this.q<HTMLButtonElement>('[data-dx-clear]').addEventListener('click', () => {
      input.value = ''; // the key stays, to check the next token against
      file.value = '';
      kind.value = 'auto';
      this.q<HTMLElement>('[data-dx-copybox]').hidden = true;
      this.schedule(0);
      input.focus();
    });
    this.q<HTMLButtonElement>('[data-dx-copy]').addEventListener('click', () => void this.copyRedacted());
    if (input.value.trim()) this.schedule(0); // e.g. restored by the browser on back/forward
  }

  /** Reads a picked or dropped file as text into the textarea. */
  private async load(f: File): Promise<void> {
    const status = this.q<HTMLElement>('[data-dx-status]');
    if (f.size > MAX_FILE) {
      status.textContent = (this.dataset['toobig'] ?? '').replace('{mb}', (f.size / 1048576).toFixed(1)); // the limit is MAX_FILE
      return;
    }
    status.textContent = (this.dataset['reading'] ?? '').replace('{name}', f.name);
    const text = await f.text();
    this.q<HTMLTextAreaElement>('[data-dx-input]').value = text;
    this.q<HTMLSelectElement>('[data-dx-kind]').value = 'auto';
    this.schedule(0);
  }

  /** Debounces analysis; large inputs get a status line painted before the work starts. */
  private schedule(delay: number): void {
    clearTimeout(this.timer);
    const id = ++this.runId;
    this.timer = setTimeout(() => {
      const text = this.q<HTMLTextAreaElement>('[data-dx-input]').value;
      if (text.length > 200_000) {
        this.q<HTMLElement>('[data-dx-status]').textContent = this.dataset['busy'] ?? '';
        // Let the status paint (two frames), then do the work.
        requestAnimationFrame(() => setTimeout(() => this.run(id, text), 0));
      } else this.run(id, text);
    }, delay);
  }

  private async run(id: number, text: string): Promise<void> {
    const knowledge = await this.knowledge;
    if (id !== this.runId) return; // superseded by newer input
    const status = this.q<HTMLElement>('[data-dx-status]');
    const detected = this.q<HTMLElement>('[data-dx-detected]');
    this.verify(id, text);
    if (text.trim() === '') {
      this.render(undefined);
      detected.textContent = '';
      status.textContent = this.dataset['start'] ?? '';
      return;
    }
    const select = this.q<HTMLSelectElement>('[data-dx-kind]');
    // The menu's options (rendered from INPUT_KINDS / KIND_LABELS) double as the label table.
    const label = (k: string) => select.querySelector(`option[value="${k}"]`)?.textContent ?? k;
    const kind = select.value === 'auto' ? undefined : (select.value as InputKind);
    const request = CURL_COMMAND.test(text)
      ? await this.ask('commands', () => new Worker(new URL('../../diagnose/parse/command.ts', import.meta.url), { type: 'module' }), { id, text }, (d: CommandReply) => d.request)
      : undefined;
    const har = (kind ?? detectKind(text)) === 'har'
      ? await this.ask('hars', () => new Worker(new URL('../../diagnose/parse/har.ts', import.meta.url), { type: 'module' }), { id, text }, (d: HarReply) => d.har)
      : undefined;
    if (id !== this.runId) return; // superseded while a reader worked
    const t0 = performance.now();
    // The deferred rules start from a line few pastes have, so only such a paste needs them; the
    // rest is analysed here, and so is that one if the worker cannot load (without those checks).
    const full = needsDeferredRules(text)
      ? await this.ask('full', () => new Worker(new URL('../../diagnose/analyse.ts', import.meta.url), { type: 'module' }), { id, text, kind, knowledge, request, har } satisfies FullRequest, (d: FullReply) => d.report)
      : undefined;
    if (id !== this.runId) return;
    const report = full ?? analyseWith(text, { kind, knowledge, readCommand: request && (() => request), readHar: har && (() => har) });
    const ms = Math.round(performance.now() - t0);
    detected.textContent = kind
      ? (this.dataset['chosen'] ?? '').replace('{kind}', label(report.kind)).replace('{detected}', label(report.detected))
      : (this.dataset['detected'] ?? '').replace('{detected}', label(report.detected)).replace('{exchanges}', report.exchanges ? `, ${report.exchanges} exchange${report.exchanges === 1 ? '' : 's'}` : '').replace('{ms}', String(ms));
    this.render(report);
    const top = report.findings[0];
    status.textContent = top
      ? `${report.findings.length} finding${report.findings.length === 1 ? '' : 's'}. Most likely: ${top.title}`
      : this.dataset['none'] ?? '';
  }

  /**
   * Checks the signature of the JWT in the evidence with the pasted key, when both are there, in a
   * Web Worker built from src/diagnose/verify.ts (created on first use; replies carry the run id).
   * The worker finds the token and words the result (a headline line, then why); this shows it.
   */
  private verify(id: number, text: string): void {
    const box = this.q<HTMLElement>('[data-dx-verify]');
    const key = this.q<HTMLTextAreaElement>('[data-dx-key]').value;
    // JWTs start with "eyJ": without one (or without a key) the checker is not even loaded.
    box.hidden = !key.trim() || !text.includes('eyJ');
    if (box.hidden) return;
    // Until the reply: "checking…", which also says what to do if the checker never loads.
    const words = this.fill(box, 'v', this.dataset['vwait'] ?? '');
    const w = (this.worker ??= new Worker(new URL('../../diagnose/verify.ts', import.meta.url), { type: 'module' }));
    w.onmessage = ({ data }: MessageEvent<VerifyReply>) => data.id === this.runId && (words.textContent = data.text); // else superseded
    w.postMessage({ id, text, key });
  }

  /**
   * Runs one of the page's workers on the paste (created on first use): the curl command reader
   * (the request a command describes), the HAR reader, or the whole engine. A worker that fails to
   * load answers "nothing": the paste is then read as it would be without it.
   * @param slot which worker
   * @param start creates its worker (a literal URL each, so the bundler builds each worker)
   * @param message what to send it: the run it belongs to, the paste, and what else it needs
   * @param answer what to take from the worker's reply
   * @returns what the reader read, or undefined
   */
  private ask<M extends { id: number; text: string }, D extends { id: number }, R>(slot: 'commands' | 'hars' | 'full', start: () => Worker, message: M, answer: (data: D) => R): Promise<R | undefined> {
    const w = (this[slot] ??= start());
    return new Promise((resolve) => {
      w.onmessage = ({ data }: MessageEvent<D>) => data.id === message.id && resolve(answer(data)); // else superseded
      // A worker that failed to load is dropped (the next paste tries again), so nothing waits on it.
      w.onerror = () => ((this[slot] = undefined), resolve(undefined));
      w.postMessage(message);
    });
  }

  private mask(s: string): string {
    return this.q<HTMLInputElement>('[data-dx-show]').checked ? s : redactLine(s);
  }

  private render(report: Report | undefined): void {
    const facts = this.q<HTMLDetailsElement>('[data-dx-facts]');
    this.q('[data-dx-findings]').replaceChildren(...(report?.findings ?? []).map((f, i) => this.finding(f, i)));
    this.q('[data-dx-hints]').replaceChildren(...[...(report?.warnings ?? []), ...(report?.hints ?? []).map((h) => this.querySelector(`[data-dx-hinttext] [data-h="${h}"]`)?.textContent ?? h)].map((h) => el('li', h)));
    const items = (report?.facts ?? []).map((f) => {
      const row = this.clone('[data-dx-fact-tpl]');
      this.fill(row, 'label', f.label);
      this.fill(row, 'lines', f.lines.map((l) => this.mask(l)).join('\n'));
      return row;
    });
    this.q('[data-dx-factlist]').replaceChildren(...items);
    facts.hidden = items.length === 0;
    // A pasted token is the point: show what it decodes to without a click.
    if (report && /^(?:jwt|auth-header|cookie)$/.test(report.kind)) facts.open = true;
  }

  /** Clones a <template>'s content (markup and classes live in DiagnoseTool.astro). */
  private clone(sel: string): DocumentFragment {
    return this.q<HTMLTemplateElement>(sel).content.cloneNode(true) as DocumentFragment;
  }

  /** Sets the text of a [data-f=name] slot; returns it. */
  private fill(root: ParentNode, name: string, text: string): HTMLElement {
    const e = root.querySelector<HTMLElement>(`[data-f=${name}]`) ?? el('span');
    e.textContent = text;
    return e;
  }

  private link(root: ParentNode, name: string, href: string | undefined): void {
    const a = root.querySelector<HTMLAnchorElement>(`[data-f=${name}]`);
    if (!a) return;
    if (href) a.href = safeHref(href);
    else a.remove();
  }

  private finding(f: RankedFinding, i: number): DocumentFragment {
    const card = this.clone('[data-dx-finding-tpl]');
    this.fill(card, 'title', `${i + 1}. ${f.title}`);
    this.fill(card, 'conf', this.dataset[`conf${f.confidence}`] ?? '').dataset['c'] = f.confidence; // colours: data-[c=…] classes in the template
    this.fill(card, 'detail', f.detail ?? '');
    const box = card.querySelector('[data-f=evidence]');
    for (const e of f.evidence) {
      const row = this.clone('[data-dx-ev-tpl]');
      this.fill(row, 'where', e.line ? `line ${e.line}` : e.where ?? 'read');
      this.fill(row, 'text', this.mask(e.text).slice(0, 2000));
      box?.append(row);
    }
    if (f.evidence.length === 0) card.querySelector('figure')?.remove();
    this.fill(card, 'fix', `Fix: ${this.querySelector(`[data-dx-labels] [data-s="${f.fix}"]`)?.textContent ?? f.fix}`);
    this.link(card, 'fix', f.fixHref);
    this.link(card, 'wizard', f.wizardHref);
    this.link(card, 'cause', f.causeHref);
    return card;
  }

  private async copyRedacted(): Promise<void> {
    const text = this.q<HTMLTextAreaElement>('[data-dx-input]').value;
    const status = this.q<HTMLElement>('[data-dx-status]');
    const box = this.q<HTMLElement>('[data-dx-copybox]');
    const out = redact(text);
    try {
      await navigator.clipboard.writeText(out);
      box.hidden = true;
      status.textContent = this.dataset['copied'] ?? '';
    } catch {
      this.q<HTMLTextAreaElement>('[data-dx-redacted]').value = out;
      box.hidden = false;
      status.textContent = this.dataset['noclip'] ?? '';
    }
  }
}

if (!customElements.get('fix-diagnose')) customElements.define('fix-diagnose', FixDiagnose);
