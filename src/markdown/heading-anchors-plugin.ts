// Every h2–h4 of an article carries a self-link, appended here on the MDX tree: the link's name
// says where it goes ("Link to section: Steps"), read from the heading's text nodes. The `#` is
// drawn by CSS (.heading-anchor::after), not written as text, so it never leaks into the search
// index: result titles and excerpts read "Steps", not "Steps#". Headings outside MDX (the service
// pages' error table) use AnchoredHeading.astro, which writes the same markup.
import type { Element } from 'hast';
import type { HastPluginDefinition } from 'satteri';

/**
 * @param id the heading's id
 * @param text the heading's text
 * @returns the empty self-link that goes at the end of the heading
 */
export function headingAnchor(id: string, text: string): Element {
  return {
    type: 'element',
    tagName: 'a',
    properties: { className: ['heading-anchor'], href: `#${id}`, ariaLabel: `Link to section: ${text}` },
    children: [],
  };
}

/**
 * The heading-anchors plugin. It needs the heading ids, which Astro's own heading-id plugin sets
 * after all of ours: register that plugin before this one (see ./plugins.ts).
 * @returns the plugin for one MDX document
 */
export function headingAnchorsPlugin(): HastPluginDefinition {
  return {
    name: 'fix401-heading-anchors',
    element: {
      filter: ['h2', 'h3', 'h4'],
      visit(node, ctx) {
        const id = node.properties['id'];
        if (typeof id !== 'string') return;
        ctx.appendChild(node, headingAnchor(id, ctx.textContent(node).trim()));
      },
    },
  };
}
