import type { Element } from 'hast';
import { h } from 'hastscript';
import { describe, expect, it } from 'vitest';
import { CODE_LABEL, codeBlockPlugin } from '../../../src/markdown/code-block-plugin.ts';
import { runPlugin } from './support.ts';

describe('codeBlockPlugin', () => {
  it('makes the code of a block a focusable, named group and drops the trailing line break', () => {
    const code = h('code', { className: ['language-sh'] }, 'curl --version\n');
    runPlugin(codeBlockPlugin(), h(null, [h('pre', [code])]));
    expect(code.properties).toEqual({ className: ['language-sh'], tabIndex: 0, role: 'group', ariaLabel: CODE_LABEL });
    expect(code.children).toEqual([{ type: 'text', value: 'curl --version' }]);
  });

  it('keeps the lines and blank lines inside the block', () => {
    const code = h('code', 'a\n\n  b\n');
    runPlugin(codeBlockPlugin(), h(null, [h('pre', [code])]));
    expect(code.children).toEqual([{ type: 'text', value: 'a\n\n  b' }]);
  });

  it('leaves a <pre> without a <code>, and code outside a <pre>, alone', () => {
    const pre = h('pre', 'plain text\n');
    const inline = h('code', 'x');
    runPlugin(codeBlockPlugin(), h(null, [pre, h('p', [inline])]));
    expect(pre).toEqual(h('pre', 'plain text\n'));
    expect((inline as Element).properties).toEqual({});
  });
});
