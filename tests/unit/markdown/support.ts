// Test helpers for the hast plugins in src/markdown/. Sätteri runs a plugin's visitors over a tree
// it keeps in Rust and applies their edits afterwards; `runPlugin` does the same over a plain hast
// tree (built with hastscript), so the tests can build exactly the tree they mean and read the
// result as ordinary hast. The real engine is exercised in engine.test.ts.
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { HastPluginDefinition, HastVisitorContext, MdxJsxFlowElementHast } from 'satteri';

type Node = Root | RootContent;

/**
 * An MDX component in the tree, as the MDX parser writes `<Name prop="value">…</Name>` on its own lines.
 * @param name component name
 * @param props literal string props
 * @param children its content
 * @returns the `mdxJsxFlowElement` node
 */
export function component(name: string, props: Record<string, string>, children: ElementContent[] = []): MdxJsxFlowElementHast {
  return {
    type: 'mdxJsxFlowElement',
    name,
    attributes: Object.entries(props).map(([key, value]) => ({ type: 'mdxJsxAttribute' as const, name: key, value })),
    children,
  };
}

/**
 * @param node an MDX component
 * @param name a prop name
 * @returns the prop's literal value, or undefined
 */
export function prop(node: MdxJsxFlowElementHast, name: string): string | null | undefined {
  const attribute = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
  return attribute?.type === 'mdxJsxAttribute' && typeof attribute.value !== 'object' ? attribute.value : undefined;
}

/** @returns the concatenated text of every text node under `node` (the DOM's textContent) */
function textOf(node: Node): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map(textOf).join('') : '';
}

/** @returns every node of the tree, parents before children, in document order */
function* preorder(node: Node): Generator<Node> {
  yield node;
  if ('children' in node) for (const child of node.children) yield* preorder(child);
}

/** @returns the visitors of one kind, whether the plugin gave one or a list */
function visitors<V>(entry: V | V[] | undefined): V[] {
  return entry === undefined ? [] : Array.isArray(entry) ? entry : [entry];
}

/**
 * Runs a plugin over a tree, as Sätteri would: visitors see the tree as it was, matched by tag or
 * component name; their edits apply once all have run. The tree is changed in place.
 * @param plugin a plugin definition, e.g. `stepsPlugin()`
 * @param tree the tree to run it over
 * @returns the same tree, edited
 * @throws what a visitor throws (the way plugins refuse content)
 */
export function runPlugin<T extends Node>(plugin: HastPluginDefinition, tree: T): T {
  const edits: Array<() => void> = [];
  // Only what the plugins in src/markdown/ use; anything else fails loudly instead of doing nothing.
  const context = new Proxy(
    {
      setProperty(node: Node, key: string, value: unknown) {
        edits.push(() => {
          if (node.type === 'element') node.properties[key] = value as Element['properties'][string];
          else if (node.type === 'mdxJsxFlowElement') {
            node.attributes = node.attributes.filter((a) => a.type !== 'mdxJsxAttribute' || a.name !== key);
            node.attributes.push({ type: 'mdxJsxAttribute', name: key, value: String(value) });
          } else throw new Error(`setProperty on a ${node.type} node`);
        });
      },
      appendChild(node: Node, child: ElementContent) {
        edits.push(() => {
          if (!('children' in node)) throw new Error(`appendChild on a ${node.type} node`);
          node.children.push(child);
        });
      },
      replaceNode(node: Node, replacement: ElementContent) {
        edits.push(() => {
          const parent = [...preorder(tree)].find((p) => 'children' in p && (p.children as Node[]).includes(node));
          if (parent === undefined || !('children' in parent)) throw new Error('replaceNode on a node without a parent');
          (parent.children as Node[]).splice((parent.children as Node[]).indexOf(node), 1, replacement);
        });
      },
      textContent: textOf,
    },
    {
      get(target, key) {
        if (key in target) return target[key as keyof typeof target];
        throw new Error(`the test context has no ${String(key)}()`);
      },
    },
  ) as unknown as HastVisitorContext;
  const onElement = visitors(plugin.element);
  const onComponent = visitors(plugin.mdxJsxFlowElement);
  const returned = (result: unknown) => {
    if (result !== undefined) throw new Error('a visitor returned a node (a replacement): the test context does not apply those');
  };
  for (const node of preorder(tree)) {
    if (node.type === 'element') for (const v of onElement) if (v.filter.includes(node.tagName)) returned(v.visit(node, context));
    if (node.type === 'mdxJsxFlowElement') for (const v of onComponent) if (v.filter.includes(node.name ?? '')) returned(v.visit(node, context));
  }
  for (const edit of edits) edit();
  return tree;
}
