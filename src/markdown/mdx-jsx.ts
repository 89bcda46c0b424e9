// Reading author components (<Steps>, <Tabs>, <TabPanel>) in the MDX tree, for the hast plugins
// in this folder. In the tree a component is an `mdxJsxFlowElement` whose props are `attributes`.
import type { ElementContent } from 'hast';
import type { MdxJsxFlowElementHast } from 'satteri';

/**
 * Reads a prop written as a literal string, `<Tabs set="browser">`.
 * @param node the component in the MDX tree
 * @param name the prop's name
 * @returns the value, or undefined when the prop is absent
 * @throws when the prop is an expression (`set={x}`): its value is only known when the page renders,
 *   after the plugins have run
 */
export function literalProp(node: Readonly<MdxJsxFlowElementHast>, name: string): string | undefined {
  const attribute = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
  if (attribute === undefined || attribute.type !== 'mdxJsxAttribute') return undefined;
  if (typeof attribute.value === 'string') return attribute.value;
  throw new Error(`<${node.name ?? 'Fragment'} ${name}={…}>: write ${name}="…" as a plain string; it is read when the page is compiled`);
}

/**
 * @param node any node of the MDX tree
 * @param name a component name, e.g. "TabPanel"
 * @returns whether the node is that component, written as a block (`<TabPanel …>` on its own lines)
 */
export function isComponent(node: Readonly<ElementContent>, name: string): node is MdxJsxFlowElementHast {
  return node.type === 'mdxJsxFlowElement' && node.name === name;
}
