import type { Element, Root, RootContent } from 'hast';
import { h } from 'hastscript';
import { describe, expect, it } from 'vitest';
import { stepsPlugin } from '../../../src/markdown/steps-plugin.ts';
import { component, runPlugin } from './support.ts';

/** @returns the ids of every `li` in the tree, components included, in order ('' for an item without one) */
function itemIds(node: Root | RootContent): string[] {
  const own = node.type === 'element' && node.tagName === 'li' ? [String(node.properties['id'] ?? '')] : [];
  return [...own, ...('children' in node ? node.children.flatMap(itemIds) : [])];
}

const list = (...items: string[]) => h('ol', items.map((text) => h('li', text)));

describe('stepsPlugin', () => {
  it('anchors each step under the id prop and gives the list its role, leaving nested lists alone', () => {
    const ol = h('ol', [h('li', ['Open the menu', h('ul', [h('li', 'not a step')])]), h('li', 'Choose Settings')]);
    const tree = runPlugin(stepsPlugin(), h(null, [component('Steps', { id: 'clear' }, [ol])]));
    expect(itemIds(tree)).toEqual(['clear-1', '', 'clear-2']);
    expect(ol.properties['role']).toBe('list');
    expect((ol.children[0] as Element).children[1]).toMatchObject({ tagName: 'ul', properties: {} });
  });

  it('numbers unnamed groups steps1, steps2 … counting named ones, afresh for each page', () => {
    const page = () => h(null, [component('Steps', {}, [list('a')]), component('Steps', { id: 'x' }, [list('b')]), component('Steps', {}, [list('c', 'd')])]);
    const plugin = stepsPlugin();
    expect(itemIds(runPlugin(plugin, page()))).toEqual(['steps1-1', 'x-1', 'steps3-1', 'steps3-2']);
    expect(itemIds(runPlugin(stepsPlugin(), page()))[0]).toBe('steps1-1');
  });

  it('finds the list through a wrapper and numbers on across several lists; only ordered lists get the role', () => {
    const bullets = h('ul', [h('li', 'c')]);
    const tree = runPlugin(stepsPlugin(), h(null, [component('Steps', { id: 's' }, [h('p', 'First:'), component('Callout', {}, [list('a', 'b')]), bullets])]));
    expect(itemIds(tree)).toEqual(['s-1', 's-2', 's-3']);
    expect(bullets.properties['role']).toBeUndefined();
  });

  it('refuses a <Steps> without a list, naming it', () => {
    expect(() => runPlugin(stepsPlugin(), h(null, [component('Steps', { id: 'empty' }, [h('p', 'Do this, then that.')])]))).toThrow(
      '<Steps id="empty"> must wrap a Markdown ordered list',
    );
  });

  it('refuses an id written as an expression, which is unknown until the page renders', () => {
    const steps = component('Steps', {}, [list('a')]);
    steps.attributes.push({ type: 'mdxJsxAttribute', name: 'id', value: { type: 'mdxJsxAttributeValueExpression', value: 'name' } });
    expect(() => runPlugin(stepsPlugin(), h(null, [steps]))).toThrow('<Steps id={…}>: write id="…" as a plain string');
  });
});
