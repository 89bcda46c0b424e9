// Kept later answers, loaded only after a visitor goes back. The breadcrumb of the furthest step
// reached is re-labelled for the current position: earlier answers stay links back, the answer given
// here is marked, and the later ones become links forward; the answer chosen before is highlighted.
// Choosing a different answer then starts a new line (the machine's `advance` action decides).

/**
 * @param step the step area, already showing the current state's static markup
 * @param farHtml the static markup of the furthest step on the kept line
 * @param here how many answers lead to the current state
 * @param nextPath the page path of the state the kept line continues to
 * @param eventsTo the events that lead from the current state to the i-th state of the kept line
 */
export function kept(step: HTMLElement, farHtml: string, here: number, nextPath: string, eventsTo: (i: number) => string[]): void {
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
      // Its link leads to the i-th state of the line: sending the answers given on the way there.
      a.dataset['ev'] = eventsTo(i).join(' ');
      delete a.dataset['n'];
      a.classList.add('opacity-80');
      a.setAttribute('aria-label', `Kept answer: ${a.textContent}`);
    }
  });
  const old = step.querySelector('nav');
  if (old) old.replaceWith(nav);
  else step.querySelector('[data-notice]')?.after(nav);
  // The answer buttons are the step's list (the breadcrumb is an ordered list whose kept links send
  // answers too).
  const next = step.querySelector<HTMLElement>(`ul a[data-ev^="answer."][href^="${nextPath}"]`);
  if (next) {
    next.setAttribute('aria-current', 'true');
    next.classList.add('border-brand-700', 'dark:border-brand-300');
    next.insertAdjacentHTML('beforeend', ' <span class="text-sm font-normal">(your earlier answer)</span>');
  }
}
