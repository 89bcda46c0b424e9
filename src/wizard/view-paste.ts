// The wizard's "type or paste what you see" step: runs the diagnoser's core and the error atlas on
// what the visitor typed, in this page, and offers the causes it finds (each with its cause page
// and the fix to open), with the way back to the questions kept by the step's own links. Loaded
// only when the step shows; the data are two same-origin files, the knowledge the diagnoser uses
// and the cause pages' words. Nothing typed leaves the page: the only requests are those files,
// made before any input.
import type { Knowledge } from '../diagnose/atlas.ts';
import { offeredCauses, type CauseWords } from '../diagnose/offer.ts';
import type { Env } from './url.ts';

/** Both data files, fetched once; a file that fails to load is left out (the step still answers). */
let data: Promise<[Knowledge | undefined, CauseWords | undefined]> | undefined;

const load = <T>(url: string): Promise<T | undefined> =>
  fetch(url)
    .then((r) => (r.ok ? (r.json() as Promise<T>) : undefined))
    .catch(() => undefined);

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text = '', cls = ''): HTMLElementTagNameMap[K] => {
  const e = document.createElement(tag);
  e.textContent = text;
  if (cls) e.className = cls;
  return e;
};

/**
 * Wires the paste form in a freshly painted step.
 * @param step the step container
 * @param env the visitor's setup, passed to the fix links
 */
export function paste(step: HTMLElement, env: Env): void {
  data ??= Promise.all([load<Knowledge>('/diagnose/knowledge.json'), load<CauseWords>('/wizard/words.json')]);
  const form = step.querySelector<HTMLFormElement>('[data-paste]');
  const out = step.querySelector<HTMLElement>('[data-paste-out]');
  if (!form || !out) return;
  step.querySelector('[data-paste-nojs]')?.remove();
  step.querySelector('[data-paste-go]')?.removeAttribute('hidden');
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = (form.elements.namedItem('paste') as HTMLTextAreaElement).value;
    void data?.then(([k, words]) => show(out, text, k, words, env, form.dataset['audience'] || undefined));
  });
}

function show(out: HTMLElement, text: string, k: Knowledge | undefined, words: CauseWords | undefined, env: Env, audience: string | undefined): void {
  out.replaceChildren();
  if (!text.trim()) {
    out.append(el('p', 'Type or paste something first.'));
    return;
  }
  const causes = offeredCauses(text, k, words, 3, undefined, audience);
  if (causes.length === 0) {
    const p = el('p', 'Nothing in this text points to a cause we know. Start with the likeliest causes below, go back and pick the answer closest to what you see, or paste the full response (status line and headers) into the ');
    const a = el('a', 'diagnoser', 'link');
    a.href = '/diagnose/';
    p.append(a, '.');
    out.append(p);
    return;
  }
  out.append(el('h2', causes.length === 1 ? 'The likely cause' : 'The likely causes, likeliest first', 'text-lg font-semibold'));
  const list = el('ol', '', 'mt-2 grid list-decimal gap-3 ps-6');
  for (const c of causes) {
    const li = el('li');
    const cause = el('a', k?.causes[c.cause]?.label ?? c.cause, 'link font-medium');
    cause.href = `/guide/${c.cause}/`;
    li.append(cause, el('span', ` — ${c.title}`));
    const fix = k?.causes[c.cause]?.fix;
    if (fix) {
      const q = new URLSearchParams();
      for (const set of k?.fixes[fix]?.tabs ?? []) {
        const id = env[set as keyof Env];
        if (id) q.set(set, id);
      }
      const p = el('p', '', 'mt-1');
      const a = el('a', `Open the steps: ${k?.fixes[fix]?.label ?? fix}`, 'btn');
      a.href = `/guide/${fix}/${q.size ? `?${q}` : ''}`;
      p.append(a);
      li.append(p);
    }
    list.append(li);
  }
  out.append(list);
}
