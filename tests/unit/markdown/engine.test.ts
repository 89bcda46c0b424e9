// The plugins as the build runs them: the registered list (src/markdown/plugins.ts) in Sätteri's
// MDX compiler, with Astro's attribute casing, rendered by a minimal JSX runtime that writes each
// component as a tag carrying the props it received. This is what the dist/ pages are made from,
// so it catches what the tree-level tests cannot: plugin order, and how edits reach the output.
import { evaluate } from 'satteri';
import { describe, expect, it } from 'vitest';
import { articleHastPlugins } from '../../../src/markdown/plugins.ts';

const Fragment = Symbol('Fragment');
interface JsxNode {
  type: unknown;
  props: Record<string, unknown>;
}
const jsx = (type: unknown, props: unknown): JsxNode => ({ type, props: props as Record<string, unknown> });
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** @returns the HTML of a JSX result; function components are called, other names written as tags */
function toHtml(node: unknown): string {
  if (node === null || node === undefined || node === false) return '';
  if (typeof node === 'string') return escape(node);
  if (Array.isArray(node)) return node.map(toHtml).join('');
  const { type, props } = node as JsxNode;
  if (type === Fragment) return toHtml(props['children']);
  if (typeof type === 'function') return toHtml(type(props));
  const attributes = Object.entries(props)
    .filter(([name]) => name !== 'children')
    .map(([name, value]) => ` ${name}="${escape(String(value))}"`)
    .join('');
  return `<${String(type)}${attributes}>${toHtml(props['children'])}</${String(type)}>`;
}

/**
 * @param mdx an article body
 * @returns its HTML, with the author components written as tags (`<Tabs set="…" tabsId="…">`)
 */
function render(mdx: string): string {
  const module = evaluate(mdx, { jsx, jsxs: jsx, Fragment, hastPlugins: articleHastPlugins, elementAttributeNameCase: 'html' });
  if (module instanceof Promise) throw new Error('the plugins are synchronous; evaluate should be too');
  const components = Object.fromEntries(['Steps', 'Tabs', 'TabPanel', 'Faq'].map((name) => [name, (props: Record<string, unknown>) => jsx(name, props)]));
  return toHtml((module['default'] as (props: unknown) => unknown)({ components })).replace(/\n/g, '');
}

describe('the article plugins in the MDX compiler', () => {
  it('anchors headings at the ids Astro gives them, duplicates included', () => {
    expect(render('## Send the `Cookie` & retry\n\n### Steps\n\n### Steps\n')).toBe(
      '<h2 id="send-the-cookie--retry">Send the <code>Cookie</code> &amp; retry<a class="heading-anchor" href="#send-the-cookie--retry" aria-label="Link to section: Send the Cookie &amp; retry"></a></h2>' +
        '<h3 id="steps">Steps<a class="heading-anchor" href="#steps" aria-label="Link to section: Steps"></a></h3>' +
        '<h3 id="steps-1">Steps<a class="heading-anchor" href="#steps-1" aria-label="Link to section: Steps"></a></h3>',
    );
  });

  it('gives steps their anchors and tab groups their ids and panels', () => {
    const html = render('<Steps>\n1. One\n2. Two\n</Steps>\n\n<Tabs set="os">\n<TabPanel id="linux">\nL\n</TabPanel>\n<TabPanel id="windows">\nW\n</TabPanel>\n</Tabs>\n');
    expect(html).toBe(
      '<Steps><ol role="list"><li id="steps1-1">One</li><li id="steps1-2">Two</li></ol></Steps>' +
        '<Tabs set="os" tabsId="t1" panels="linux windows"><TabPanel id="linux" tabsId="t1"><p>L</p></TabPanel><TabPanel id="windows" tabsId="t1"><p>W</p></TabPanel></Tabs>',
    );
  });

  it('makes code blocks keyboard-scrollable without their last line break, and gives <Faq> its JSON-LD from the ids Astro gives', () => {
    expect(render('```sh\ncurl -v https://x\n```\n')).toBe('<pre><code class="language-sh" tabindex="0" role="group" aria-label="Code">curl -v https://x</code></pre>');
    const faq = render('<Faq>\n## Why `401`?\n\nNo *valid* credentials.\n</Faq>\n');
    const ld = JSON.parse(/jsonLd="([^"]*)"/.exec(faq)?.[1]?.replace(/&quot;/g, '"').replace(/&amp;/g, '&') ?? 'null');
    expect(ld.mainEntity).toEqual([{ '@type': 'Question', name: 'Why 401?', acceptedAnswer: { '@type': 'Answer', text: 'No valid credentials.' } }]);
    expect(faq).toContain('<h2 id="why-401">');
  });

  it('stops the compile on content a plugin refuses', () => {
    expect(() => render('<Steps>\nJust a paragraph.\n</Steps>\n')).toThrow('<Steps id="steps1"> must wrap a Markdown ordered list');
  });
});
