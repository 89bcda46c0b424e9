// <Faq> … </Faq> wraps an FAQ written as plain Markdown. Its FAQPage JSON-LD is worked out here,
// on the MDX tree, from the questions and answers the page shows (src/lib/faq.ts), and handed to
// the component as its `jsonLd` prop; Faq.astro only writes it out.
import type { HastPluginDefinition } from 'satteri';
import { faqEntries, faqPageJsonLd, jsonForScript } from '../lib/faq.ts';

/**
 * The FAQ plugin. It reads the heading ids, so it runs after Astro's heading-id plugin (see
 * ./plugins.ts).
 * @returns the plugin for one MDX document
 * @throws when a <Faq> is not a list of `## Question` headings each with an answer
 */
export function faqPlugin(): HastPluginDefinition {
  return {
    name: 'fix401-faq',
    mdxJsxFlowElement: {
      filter: ['Faq'],
      visit(node, ctx) {
        ctx.setProperty(node, 'jsonLd', jsonForScript(faqPageJsonLd(faqEntries(node.children))));
      },
    },
  };
}
