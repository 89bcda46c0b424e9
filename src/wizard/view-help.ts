// The escalation step's behaviour, loaded only when a visitor reaches it: pre-fills what the page can
// know (browser, OS, versions, date, time and time zone), builds the plain-text summary as they type,
// and offers Copy and Print. Nothing typed here is sent anywhere.
import { detect } from '../lib/ua.ts';

/**
 * @param step the step area containing the [data-help] form
 * @param root the wizard element (holds the setup selects)
 */
export function help(step: HTMLElement, root: HTMLElement): void {
  // Full detection (with versions) only here: the summary is the one place versions matter.
  const det = detect(navigator.userAgent, navigator.maxTouchPoints);
  const form = step.querySelector('[data-help]') as HTMLFormElement;
  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement;
  const out = step.querySelector('[data-summary]') as HTMLElement;
  const label = (set: 'browser' | 'os', version: string | undefined, id: string | undefined) => {
    const sel = root.querySelector<HTMLSelectElement>(`[data-env] [name=${set}]`);
    return sel?.value ? `${sel.selectedOptions[0]?.text} ${sel.value === id ? (version ?? '') : ''}`.trim() : '';
  };
  field('browser').value ||= label('browser', det.browserVersion, det.browser);
  field('os').value ||= label('os', det.osVersion, det.os);
  const now = new Date();
  const off = -now.getTimezoneOffset();
  const hhmm = `${String(Math.trunc(Math.abs(off) / 60)).padStart(2, '0')}:${String(Math.abs(off) % 60).padStart(2, '0')}`;
  field('when').value ||= `${now.toLocaleString()} (${Intl.DateTimeFormat().resolvedOptions().timeZone}, UTC${off < 0 ? '-' : '+'}${hhmm})`;

  const summary = (): string => {
    const val = (n: string) => field(n).value.trim() || '(not given)';
    const error = val('error');
    const text = [
      'HTTP 401 problem report',
      `What I see: ${[...step.querySelectorAll('nav li')].map((li) => li.textContent?.trim()).join(' › ')}`,
      'What I tried (none of it fixed it):',
      ...[...step.querySelectorAll<HTMLAnchorElement>('[data-tried] a')].map((a, i) => `  ${i + 1}. ${a.textContent} — ${a.href}`),
      `Browser or app: ${val('browser')}`,
      `Operating system: ${val('os')}`,
      `When: ${val('when')}`,
      `Address: ${val('url')}`,
      `Exact error: ${error}`,
      '(No passwords, tokens or keys are included.)',
    ].join('\n');
    // A last guard against pasting a secret into something meant to be shared.
    const secret = /\b(bearer|basic)\s+[\w.~+/=-]{12,}|eyJ[\w-]{8,}\.|(password|passwd|secret|token|api[_-]?key)\s*[=:]\s*\S/i.test(error);
    out.textContent = secret ? `Warning: the error text looks like it contains a password, token or key. Remove it before you share this.\n\n${text}` : text;
    return text;
  };
  form.addEventListener('input', summary);
  summary();

  const status = step.querySelector('[data-copied]') as HTMLElement;
  const copy = step.querySelector('[data-copy]') as HTMLButtonElement;
  const printButton = step.querySelector('[data-print]') as HTMLButtonElement;
  copy.hidden = printButton.hidden = false;
  printButton.addEventListener('click', () => print());
  copy.addEventListener('click', () => {
    navigator.clipboard.writeText(summary()).then(
      () => (status.textContent = 'Copied. Paste it into your message.'),
      () => (status.textContent = 'Copying is blocked here: select the summary and copy it by hand.'),
    );
  });
}
