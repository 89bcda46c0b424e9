import { h } from 'hastscript';
import { describe, expect, it } from 'vitest';
import { tabsPlugin } from '../../../src/markdown/tabs-plugin.ts';
import { component, prop, runPlugin } from './support.ts';

const panel = (id: string) => component('TabPanel', { id }, [h('p', `Steps for ${id}`)]);

describe('tabsPlugin', () => {
  it('numbers the groups of a page and passes each its panel ids, as written, and its prefix to every panel', () => {
    const first = component('Tabs', { set: 'browser' }, [panel('firefox'), panel('chrome')]);
    const second = component('Tabs', { set: 'client' }, [h('div', [panel('curl')])]);
    runPlugin(tabsPlugin(), h(null, [first, h('p', 'between'), second]));
    expect([prop(first, 'tabsId'), prop(first, 'panels')]).toEqual(['t1', 'firefox chrome']);
    expect(first.children.map((p) => p.type === 'mdxJsxFlowElement' && prop(p, 'tabsId'))).toEqual(['t1', 't1']);
    expect([prop(second, 'tabsId'), prop(second, 'panels')]).toEqual(['t2', 'curl']);
  });

  it('starts numbering again on the next page', () => {
    const group = component('Tabs', { set: 'os' }, [panel('windows')]);
    runPlugin(tabsPlugin(), h(null, [component('Tabs', { set: 'os' }, [panel('linux')])]));
    runPlugin(tabsPlugin(), h(null, [group]));
    expect(prop(group, 'tabsId')).toBe('t1');
  });

  it.each([
    ['an unknown set', component('Tabs', { set: 'phone' }, [panel('chrome')]), '<Tabs set="phone">: set must be one of browser, os, client, server'],
    ['no set', component('Tabs', {}, [panel('chrome')]), '<Tabs set="">: set must be one of'],
    ['no panel', component('Tabs', { set: 'os' }, [h('p', 'Nothing here')]), '<Tabs set="os"> has no <TabPanel> inside'],
    ['a panel of another set', component('Tabs', { set: 'os' }, [panel('windows'), panel('curl')]), '<TabPanel id="curl"> is not in the "os" tab set'],
    ['a panel twice', component('Tabs', { set: 'os' }, [panel('linux'), panel('linux')]), '<Tabs set="os"> has two <TabPanel id="linux">'],
  ])('refuses a group with %s', (_, group, message) => {
    expect(() => runPlugin(tabsPlugin(), h(null, [group]))).toThrow(message);
  });
});
