// The first steps of a fix page, read from its MDX for the wizard's outcomes: which list counts for
// which tab, how many steps and how long the list is, and what markup survives.
import { describe, expect, it } from 'vitest';
import { fixSteps, inlineHtml, safeHref, type FixSteps } from '../../src/registry/fix-steps.ts';
import { FIX_STEPS } from '../../src/registry/steps.gen.ts';
import { TAB_SETS } from '../../src/lib/tabs.ts';

const ORDER = {
  browser: [
    { id: 'chrome', label: 'Chrome' },
    { id: 'edge', label: 'Edge' },
    { id: 'firefox', label: 'Firefox' },
  ],
  os: [
    { id: 'windows', label: 'Windows' },
    { id: 'macos', label: 'macOS' },
  ],
};

/** A fix page body with the given "## Steps" section between two other sections. */
const page = (steps: string) => `---\ntitle: A fix\n---\n\n## When this helps\n\n- Always.\n\n## Steps\n\n${steps}\n\n## How to tell it worked\n\n1. Not a step.\n`;
const extract = (steps: string, slug = 'a-fix') => {
  const out = fixSteps(page(steps), slug, ORDER);
  if (typeof out === 'string') throw new Error(out);
  return out;
};

describe('fixSteps', () => {
  it('takes the first three steps of a list that comes before any tabs, the same for everyone', () => {
    const out = extract(`<Steps>\n\n1. One.\n2. Two.\n3. Three.\n4. Four.\n   - a sub-point\n   - another\n\n</Steps>\n\n<Tabs set="browser">\n<TabPanel id="chrome">\n<Steps>\n\n1. Chrome.\n\n</Steps>\n</TabPanel>\n</Tabs>`);
    expect(out).toEqual<FixSteps>({ panels: [{ list: { steps: ['One.', 'Two.', 'Three.'], n: 4 } }] });
  });

  it('gives each tab its own first steps, in the tab set’s order whatever the order written, with the label', () => {
    const out = extract(
      `<Tabs set="browser">\n<TabPanel id="firefox">\n<Steps>\n\n1. Fx one.\n2. Fx two.\n\n</Steps>\n</TabPanel>\n<TabPanel id="chrome">\n<Steps>\n\n1. Chrome one.\n\n</Steps>\n</TabPanel>\n</Tabs>`,
    );
    expect(out.set).toBe('browser');
    expect(out.panels.map((p) => p.tab)).toEqual([
      { id: 'chrome', label: 'Chrome' },
      { id: 'firefox', label: 'Firefox' },
    ]);
    expect(out.panels.map((p) => p.list)).toEqual([
      { steps: ['Chrome one.'], n: 1 },
      { steps: ['Fx one.', 'Fx two.'], n: 2 },
    ]);
  });

  it('counts only the list the steps come from: a second list is a separate choice, not steps 5 and 6', () => {
    const out = extract(
      `<Tabs set="browser">\n<TabPanel id="chrome">\n**Just this site:**\n\n<Steps>\n\n1. A.\n2. B.\n3. C.\n4. D.\n\n</Steps>\n\n**All sites:**\n\n<Steps>\n\n1. E.\n2. F.\n\n</Steps>\n</TabPanel>\n<TabPanel id="edge">\n<Steps>\n\n1. G.\n\n</Steps>\n</TabPanel>\n</Tabs>`,
    );
    expect(out.panels[0]?.list).toEqual({ lead: '<strong>Just this site:</strong>', steps: ['A.', 'B.', 'C.'], n: 4 });
  });

  it('keeps the line that introduces the list: the paragraph or sub-heading right before it, inside the tab or before the tabs', () => {
    const out = extract(`Turn **all** of them off:\n\n<Tabs set="browser">\n<TabPanel id="chrome">\n<Steps>\n\n1. Off.\n\n</Steps>\n</TabPanel>\n<TabPanel id="edge">\nFirst this:\n\n<Steps>\n\n1. Off too.\n\n</Steps>\n</TabPanel>\n</Tabs>`);
    expect(out.panels.map((p) => p.list.lead)).toEqual(['Turn <strong>all</strong> of them off:', 'First this:']);
    expect(extract(`### GitHub\n\n<Steps>\n\n1. Open settings.\n\n</Steps>`).panels[0]?.list.lead).toBe('GitHub');
    // A code block between a sentence and the list: the sentence introduced the code, not the list.
    expect(extract(`Run this:\n\n\`\`\`\nls\n\`\`\`\n\n<Steps>\n\n1. Then this.\n\n</Steps>`).panels[0]?.list.lead).toBeUndefined();
  });

  it('goes on after the tabs when the visitor’s tab has no list, and uses one entry when no tab changes anything', () => {
    const mixed = extract(
      `<Tabs set="browser">\n<TabPanel id="chrome">\nJust prose here.\n</TabPanel>\n<TabPanel id="firefox">\n<Steps>\n\n1. Firefox.\n\n</Steps>\n</TabPanel>\n</Tabs>\n\n<Steps>\n\n1. After.\n2. And.\n\n</Steps>`,
    );
    expect(mixed.panels.map((p) => [p.tab?.id, p.list.steps])).toEqual([
      ['chrome', ['After.', 'And.']],
      ['firefox', ['Firefox.']],
    ]);
    const code = extract(`<Tabs set="os">\n<TabPanel id="windows">\n\`\`\`\nw32tm /resync\n\`\`\`\n</TabPanel>\n<TabPanel id="macos">\nNothing.\n</TabPanel>\n</Tabs>\n\n<Steps>\n\n1. Only list.\n\n</Steps>`);
    expect(code).toEqual<FixSteps>({ panels: [{ list: { steps: ['Only list.'], n: 1 } }] });
  });

  it('ignores lists outside the Steps section and inside other components', () => {
    const out = extract(`<Callout type="note">\n1. Not a step.\n</Callout>\n\n<Steps>\n\n1. The step.\n\n</Steps>`);
    expect(out.panels[0]?.list.steps).toEqual(['The step.']);
  });

  it('says what is missing when a page has no steps to show', () => {
    expect(fixSteps('## When this helps\n\nAlways.\n', 'x', ORDER)).toMatch(/no "## Steps" section/);
    expect(fixSteps('## Steps\n\nJust do it.\n\n## How to tell it worked\n\n1. It works.\n', 'x', ORDER)).toMatch(/no numbered list/);
  });

  it('reads the words as the build does (smart punctuation), and a plain Markdown list counts too', () => {
    expect(extract(`1. Close the site's tabs -- then "reopen" it...`).panels[0]?.list.steps).toEqual(['Close the site’s tabs – then “reopen” it…']);
  });
});

describe('step markup', () => {
  const step = (md: string, slug = 'clear-cookies') => extract(`<Steps>\n\n1. ${md}\n\n</Steps>`, slug).panels[0]?.list.steps[0];

  it('keeps bold, emphasis, code and links', () => {
    expect(step('Open **Settings** → *Privacy*, run `ls -l`, see [the guide](/guide/what-is-401/).')).toBe(
      'Open <strong>Settings</strong> → <em>Privacy</em>, run <code>ls -l</code>, see <a href="/guide/what-is-401/">the guide</a>.',
    );
  });

  it('escapes everything else: angle brackets, ampersands and quotes in text and code', () => {
    expect(step('Send `Authorization: <scheme> "x" & y`, not a &lt;b&gt; tag.')).toBe('Send <code>Authorization: &lt;scheme&gt; &quot;x&quot; &amp; y</code>, not a &lt;b&gt; tag.');
  });

  it('turns an in-page link into a link to the fix page, keeps site and web addresses, and drops any other scheme', () => {
    expect(step('See [below](#all-sites).')).toBe('See <a href="/guide/clear-cookies/#all-sites">below</a>.');
    expect(step('Read [RFC 9110](https://www.rfc-editor.org/rfc/rfc9110).')).toBe('Read <a href="https://www.rfc-editor.org/rfc/rfc9110">RFC 9110</a>.');
    expect(step('Click [here](javascript:alert(1)).')).toBe('Click here.');
  });

  it('gives inline components their text only, and MDX expressions nothing', () => {
    expect(step('Press <Kbd class="x">Ctrl</Kbd> now{"!"}.')).toBe('Press Ctrl now.');
  });

  it('writes no attribute but a checked href: no style, no event handler, no script', () => {
    for (const steps of Object.values(FIX_STEPS)) {
      for (const { list } of steps.panels) {
        for (const html of [list.lead ?? '', ...list.steps]) {
          expect(html).not.toMatch(/<(?!\/?(?:strong|em|code|kbd|br|ul|ol|li|p)>|a href="(?:\/|https?:|mailto:)[^"]*">|\/a>)/);
          expect(html).not.toMatch(/\son\w+=|style=|<script/i);
        }
      }
    }
  });
});

describe('safeHref', () => {
  it.each([
    ['/guide/private-window/', '/guide/private-window/'],
    ['#steps', '/guide/f/#steps'],
    ['../other/', '/guide/other/'],
    ['https://example.com/a?b#c', 'https://example.com/a?b#c'],
    ['mailto:it@example.com', 'mailto:it@example.com'],
    ['javascript:alert(1)', undefined],
    ['data:text/html,x', undefined],
    ['//evil.example/x', 'https://evil.example/x'],
  ])('%s → %s', (href, want) => {
    expect(safeHref(href, '/guide/f/')).toBe(want);
  });
});

describe('inlineHtml', () => {
  it('collapses the soft line breaks of wrapped Markdown', () => {
    expect(inlineHtml([{ type: 'text', value: 'one\n  two' }], '/guide/f/')).toBe('one two');
  });
});

describe('the generated first steps (src/registry/steps.gen.ts)', () => {
  it('cover every fix page with 1–3 steps per tab, tabs of a real set in its order, and the default first', () => {
    for (const [fix, { set, panels }] of Object.entries(FIX_STEPS)) {
      expect(panels.length, fix).toBeGreaterThan(0);
      for (const { list } of panels) {
        expect(list.steps.length, fix).toBeGreaterThanOrEqual(1);
        expect(list.steps.length, fix).toBeLessThanOrEqual(Math.min(3, list.n));
      }
      if (set) {
        const order = TAB_SETS[set as keyof typeof TAB_SETS].map((t) => t.id as string);
        const ids = panels.map((p) => p.tab?.id ?? '');
        expect(ids, fix).toEqual(order.filter((id) => ids.includes(id)));
      } else expect(panels, fix).toHaveLength(1);
    }
  });

  it('give Firefox its own steps for clearing one site’s cookies', () => {
    const firefox = FIX_STEPS['clear-cookies'].panels.find((p) => p.tab?.id === 'firefox');
    expect(firefox?.list.lead).toBe('<strong>Just this site:</strong>');
    expect(firefox?.list.steps[0]).toMatch(/^Open <code>about:preferences#privacy<\/code>/);
    expect(firefox?.list.n).toBe(4);
  });
});
