// Kept later answers, loaded only after a visitor goes back. The breadcrumb of the furthest step
// reached is re-labelled for the current position: earlier answers stay links back, the answer given
// here is marked, and the later ones become links forward; the answer chosen before is highlighted.
// Choosing a different answer then starts a new line (the machine's `advance` action decides).

/**
 * @param step the step area, already showing the current state's static markup
 * @param farHtml the static markup of the furthest step on the kept line
 * @param here how many answers lead to the current state
 * @param nextPath the page path of the state the kept line continues to
 */
export function kept(step: HTMLElement, farHtml: string, here: number, nextPath: string): void {
  const t = document.createElement('template');
  t.innerHTML = farHtml;
  const nav = t.content.querySelector('nav');
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
      a.setAttribute('aria-label', `Kept answer: ${a.textContent}`);
    }
  });
  const old = step.querySelector('nav');
  if (old) old.replaceWith(nav);
  else step.querySelector('[data-notice]')?.after(nav);
  const next = step.querySelector<HTMLElement>(`a[data-ev^="answer."][href^="${nextPath}"]`);
  if (next) {
    next.setAttribute('aria-current', 'true');
    next.classList.add('border-brand-700', 'dark:border-brand-300');
    next.insertAdjacentHTML('beforeend', ' <span class="text-sm font-normal">(your earlier answer)</span>');
  }
}
