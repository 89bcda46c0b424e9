import { describe, expect, it } from 'vitest';
import { CODE_LABEL, focusableCode } from '../../src/lib/code-block.ts';

describe('focusableCode', () => {
  it('makes the code of a block a focusable, named group and drops the trailing line break', () => {
    expect(focusableCode('<code class="language-sh">curl --version\n</code>')).toBe(
      `<code tabindex="0" role="group" aria-label="${CODE_LABEL}" class="language-sh">curl --version</code>`,
    );
  });

  it('keeps the lines and blank lines inside the block', () => {
    expect(focusableCode('<code>a\n\n  b\n</code>')).toBe(`<code tabindex="0" role="group" aria-label="${CODE_LABEL}">a\n\n  b</code>`);
  });

  it('leaves a <pre> without a <code> alone', () => {
    expect(focusableCode('plain text\n')).toBe('plain text\n');
  });
});
