// Which tab's first steps a suggested fix shows (markup: FirstSteps.astro). The static
// markup holds every tab's first steps and marks the fix page's default with data-on; this moves
// the mark to the tab the fix page will open for the visitor: theirs when the page has it, else
// the first (chooseTab's rule for a ?browser=… parameter; not imported, as sharing tab-choice.ts
// with the wizard would split it into a chunk of its own on every article page). Shared by the
// wizard (view.ts) and the per-fix outcome pages (outcome-view.ts); no request, so a step swapped
// in place shows the right steps at once.
import type { Env } from './url.ts';

/**
 * @param root an element holding outcome steps (the step area, or a fix outcome page)
 * @param env the visitor's setup
 */
export function showSteps(root: ParentNode, env: Env): void {
  for (const box of root.querySelectorAll<HTMLElement>('[data-fix-steps][data-set]')) {
    const panels = [...box.children] as HTMLElement[];
    const id = env[box.dataset['set'] as keyof Env];
    const on = panels.find((p) => p.dataset['tab'] === id) ?? panels[0];
    for (const p of panels) p.toggleAttribute('data-on', p === on);
  }
}
