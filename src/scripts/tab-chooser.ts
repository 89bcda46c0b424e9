// The list behind "Change" under a guessed tab (markup in src/components/mdx/Tabs.astro): loaded by
// src/scripts/tabs.ts on the first press of a "Change" button, not with the page, because every
// article page pays for what tabs.ts loads up front (the 3 KB shared budget). Built the same way
// as the header search (`?worker&url`, see src/scripts/site-chrome.ts): a self-contained module
// that wires every "Change" button on the page when it runs (a bundle built this way keeps no
// exports), then tabs.ts presses the first one again.
//
// The list names the set's choices, so the alternatives are in view even where the tab row
// scrolls sideways. Picking one presses its tab (so it is selected everywhere and remembered, as a
// tab press is); Escape or "Change" again closes the list and returns focus to "Change".

const CHANGE = 'fix-tabs .tab-note > p > button';

/** Opens or closes one group's list. */
function toggle(button: HTMLButtonElement, open: boolean): void {
  const choices = button.closest('.tab-note')!.querySelector('ul')!;
  choices.hidden = !open;
  button.setAttribute('aria-expanded', String(open));
  if (!open) return;
  const tabs = [...button.closest('fix-tabs')!.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
  choices.replaceChildren(
    ...tabs.map((tab) => {
      const item = document.createElement('li');
      const option = item.appendChild(document.createElement('button'));
      option.type = 'button';
      option.textContent = tab.textContent;
      if (tab.getAttribute('aria-selected') === 'true') option.setAttribute('aria-current', 'true');
      option.onclick = () => {
        toggle(button, false);
        tab.click();
        tab.focus();
      };
      return item;
    }),
  );
  (choices.querySelector<HTMLElement>('[aria-current]') ?? choices.querySelector('button'))?.focus();
}

document.addEventListener('click', (e) => {
  const button = (e.target as Element).closest<HTMLButtonElement>(CHANGE);
  if (button) toggle(button, button.getAttribute('aria-expanded') !== 'true');
});
document.addEventListener('keydown', (e) => {
  const note = (e.target as Element).closest('fix-tabs .tab-note');
  const button = note?.querySelector<HTMLButtonElement>(':scope > p > button');
  if (e.key !== 'Escape' || !button || button.getAttribute('aria-expanded') !== 'true') return;
  toggle(button, false);
  button.focus();
});
