// Code blocks in articles keep their lines: a long command stays one line and the block scrolls
// sideways (a soft-wrapped command reads as two, and retyping it goes wrong). The scrolling box
// is the <code> inside <pre>, so the copy button (src/scripts/copy.ts), positioned in the <pre>,
// stays put while the code scrolls. A keyboard user must be able to scroll it too (WCAG 2.1.1,
// axe `scrollable-region-focusable`), so it is focusable and named.
//
// Highlighting: none, for every block. Prism coloured only the blocks that named a language it
// knows (194 of 274), and its token spans and colours cost up to ~0.8 KB gzip of the 14 KB page
// budget on code-heavy pages; monochrome is one policy everywhere, in both themes and in print.

/** Accessible name of every code block's scrolling box. */
export const CODE_LABEL = 'Code';

/**
 * @param html the rendered inside of a Markdown `<pre>`: one `<code …>` element
 * @returns the same with that `<code>` made a focusable, named group and without the line break
 *   Markdown leaves before `</code>` (the Copy button would copy it); anything else is unchanged
 */
export function focusableCode(html: string): string {
  return html
    .replace(/^\s*<code\b/, `<code tabindex="0" role="group" aria-label="${CODE_LABEL}"`)
    .replace(/\n<\/code>(\s*)$/, '</code>$1');
}
