// <Tabs set="browser"> … <TabPanel id="chrome">…</TabPanel> … </Tabs>: checks each group against its
// tab set and tells the components what only the whole group knows, when the page is compiled.
// Tabs gets `tabsId` (a prefix unique on the page) and `panels` (the panel ids written inside it,
// from which it draws the tab bar); each TabPanel gets the same `tabsId`, so its element id
// (`<tabsId>-<panel id>`) is one a link or search hit can land on.
import type { ElementContent } from 'hast';
import type { HastPluginDefinition, MdxJsxFlowElementHast } from 'satteri';
import { findTab, isTabSet, TAB_SETS } from '../lib/tabs.ts';
import { isComponent, literalProp } from './mdx-jsx.ts';

/**
 * @param nodes the children of a <Tabs>
 * @returns its <TabPanel>s, in document order, through any wrapper (but not inside another <Tabs>)
 */
function panelsIn(nodes: readonly ElementContent[]): MdxJsxFlowElementHast[] {
  return nodes.flatMap((node) => {
    if (isComponent(node, 'TabPanel')) return [node];
    if (isComponent(node, 'Tabs')) return [];
    return 'children' in node ? panelsIn(node.children) : [];
  });
}

/**
 * The Tabs plugin: numbers the page's <Tabs> groups `t1`, `t2` … and passes each group its panel
 * ids. Registered as a factory, so the numbering starts again for each page.
 * @returns the plugin for one MDX document
 * @throws on a group whose set is unknown, that has no panel, or whose panel is not in its set or
 *   appears twice
 */
export function tabsPlugin(): HastPluginDefinition {
  let count = 0;
  return {
    name: 'fix401-tabs',
    mdxJsxFlowElement: {
      filter: ['Tabs'],
      visit(node, ctx) {
        count += 1;
        const set = literalProp(node, 'set');
        if (!isTabSet(set)) throw new Error(`<Tabs set="${set ?? ''}">: set must be one of ${Object.keys(TAB_SETS).join(', ')}`);
        const panels = panelsIn(node.children);
        if (panels.length === 0) throw new Error(`<Tabs set="${set}"> has no <TabPanel> inside`);
        const ids = panels.map((panel) => literalProp(panel, 'id') ?? '');
        for (const [i, id] of ids.entries()) {
          if (!findTab(set, id)) throw new Error(`<TabPanel id="${id}"> is not in the "${set}" tab set`);
          if (ids.indexOf(id) !== i) throw new Error(`<Tabs set="${set}"> has two <TabPanel id="${id}">`);
        }
        const tabsId = `t${count}`;
        ctx.setProperty(node, 'tabsId', tabsId);
        ctx.setProperty(node, 'panels', ids.join(' '));
        for (const panel of panels) ctx.setProperty(panel, 'tabsId', tabsId);
      },
    },
  };
}
