import { h } from 'hastscript';
import { describe, expect, it } from 'vitest';
import { headingAnchor, headingAnchorsPlugin } from '../../../src/markdown/heading-anchors-plugin.ts';
import { runPlugin } from './support.ts';

describe('headingAnchorsPlugin', () => {
  it('ends h2–h4 with a self-link named after the heading text, markup included', () => {
    const h2 = h('h2', { id: 'send-the-cookie' }, ['Send the ', h('code', 'Cookie'), ' header & retry ']);
    const h4 = h('h4', { id: 'deep' }, 'Deep');
    runPlugin(headingAnchorsPlugin(), h(null, [h2, h('p', 'text'), h4]));
    expect(h2.children.at(-1)).toEqual(h('a', { className: ['heading-anchor'], href: '#send-the-cookie', ariaLabel: 'Link to section: Send the Cookie header & retry' }));
    expect(h4.children.at(-1)).toEqual(headingAnchor('deep', 'Deep'));
  });

  it('leaves other headings and headings without an id alone', () => {
    const others = [h('h1', { id: 'title' }, 'Title'), h('h5', { id: 'small' }, 'Small'), h('h3', 'No id')];
    runPlugin(headingAnchorsPlugin(), h(null, others));
    expect(others.map((heading) => heading.children.length)).toEqual([1, 1, 1]);
  });
});
