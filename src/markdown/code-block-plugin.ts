// Code blocks in articles keep their lines: a long command stays one line and the block scrolls
// sideways (a soft-wrapped command reads as two, and retyping it goes wrong). The scrolling box
// is the <code> inside <pre>, so the copy button (src/scripts/copy.ts), positioned in the <pre>,
// stays put while the code scrolls. A keyboard user must be able to scroll it too (WCAG 2.1.1,
// axe `scrollable-region-focusable`), so it is focusable and named. Done here, on the MDX tree,
// so every Markdown code block gets it without a component around it.
//
// Highlighting: none, for every block. Prism coloured only the blocks that named a language it
// knows (194 of 274), and its token spans and colours cost up to ~0.8 KB gzip of the 14 KB page
// budget on code-heavy pages; monochrome is one policy everywhere, in both themes and in print.
import type { Element } from 'hast';
import type { HastPluginDefinition } from 'satteri';

/** Accessible name of every code block's scrolling box. */
export const CODE_LABEL = 'Code';

/**
 * The code-block plugin: the `<code>` of every `<pre>` becomes a focusable, named group, and loses
 * the line break Markdown leaves at its end (the Copy button would copy it). A `<pre>` without a
 * `<code>` is left alone.
 * @returns the plugin for one MDX document
 */
export function codeBlockPlugin(): HastPluginDefinition {
  return {
    name: 'fix401-code-block',
    element: {
      filter: ['pre'],
      visit(pre, ctx) {
        const code = pre.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
        if (code === undefined) return;
        ctx.setProperty(code, 'tabIndex', 0);
        ctx.setProperty(code, 'role', 'group');
        ctx.setProperty(code, 'ariaLabel', CODE_LABEL);
        const last = code.children.at(-1);
        if (last?.type === 'text' && last.value.endsWith('\n')) ctx.replaceNode(last, { type: 'text', value: last.value.slice(0, -1) });
      },
    },
  };
}
