// <Steps> wraps a Markdown ordered list and turns it into numbered steps, each with its own anchor
// (#<prefix>-1, #<prefix>-2 …) so a step can be linked to and a search hit can land on it.
// The ids are set here, on the MDX tree when the page is compiled: a list nested in a step is a
// child node there, not tags to count in rendered HTML. Steps.astro only draws the wrapper.
import type { Element, ElementContent } from 'hast';
import type { HastPluginDefinition } from 'satteri';
import { literalProp } from './mdx-jsx.ts';

/**
 * The lists written directly in <Steps> (through any wrapper), not the lists nested in a step.
 * @param nodes the children of <Steps> or of a wrapper inside it
 * @returns the outermost `ol`/`ul` elements, in document order
 */
function outermostLists(nodes: readonly ElementContent[]): Element[] {
  return nodes.flatMap((node) => {
    if (node.type === 'element' && (node.tagName === 'ol' || node.tagName === 'ul')) return [node];
    return 'children' in node ? outermostLists(node.children) : [];
  });
}

/**
 * The Steps plugin: gives each top-level item of every <Steps> an id, `<prefix>-<n>`, where the
 * prefix is the component's `id` prop or `steps<N>` for the N-th <Steps> of the page. Registered
 * as a factory, so the count starts again for each page.
 * @returns the plugin for one MDX document
 * @throws when a <Steps> holds no list items: it must wrap a Markdown list (1. … 2. …)
 */
export function stepsPlugin(): HastPluginDefinition {
  let count = 0;
  return {
    name: 'fix401-steps',
    mdxJsxFlowElement: {
      filter: ['Steps'],
      visit(node, ctx) {
        count += 1;
        const prefix = literalProp(node, 'id') ?? `steps${count}`;
        let n = 0;
        for (const list of outermostLists(node.children)) {
          // WebKit drops list semantics from a list styled `list-style: none` unless the role is explicit.
          if (list.tagName === 'ol') ctx.setProperty(list, 'role', 'list');
          for (const item of list.children) {
            if (item.type !== 'element' || item.tagName !== 'li') continue;
            n += 1;
            ctx.setProperty(item, 'id', `${prefix}-${n}`);
          }
        }
        if (n === 0) throw new Error(`<Steps id="${prefix}"> must wrap a Markdown ordered list (1. … 2. …)`);
      },
    },
  };
}
