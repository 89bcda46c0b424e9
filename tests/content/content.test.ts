// The readers behind the integrity tests, on small fixtures: a parser that silently finds nothing
// would make every integrity test pass, so each reader is shown to find what it must.
import { describe, expect, it } from 'vitest';
import { h2s, list, splitFrontMatter, tabGroups, withoutCode } from './content.ts';

const mdx = `import Tabs from '../x';

## When this helps

\`\`\`sh
## not a heading: a shell comment
<Tabs set="os"><TabPanel id="windows">x</TabPanel></Tabs>
\`\`\`

## Steps ##

<Tabs set="browser">
<TabPanel id="chrome">
Open the menu.

\`\`\`sh
# a comment in a code block is fine
\`\`\`
</TabPanel>
<TabPanel id='firefox'>
### A heading in a panel
</TabPanel>
</Tabs>
`;

describe('MDX readers', () => {
  it('finds h2 headings but not lines in code blocks', () => {
    expect(h2s(mdx)).toEqual(['When this helps', 'Steps']);
  });

  it('blanks code blocks without moving anything', () => {
    expect(withoutCode(mdx)).toHaveLength(mdx.length);
    expect(withoutCode(mdx).split('\n')).toHaveLength(mdx.split('\n').length);
    expect(withoutCode(mdx)).not.toContain('shell comment');
  });

  it('finds tab groups with their panels and bodies, skipping code samples', () => {
    const groups = tabGroups(mdx);
    expect(groups.map((g) => [g.set, g.ids])).toEqual([['browser', ['chrome', 'firefox']]]);
    expect(groups[0]?.line).toBe(12);
    expect(groups[0]?.panels[0]?.body).toContain('# a comment in a code block is fine');
    expect(groups[0]?.panels[1]?.body).toContain('### A heading in a panel');
  });

  it('reads front matter with lists and nested maps', () => {
    const { data, body } = splitFrontMatter('---\ntitle: T\ncauses: [a, b]\nsources:\n  - title: RFC\n    url: https://x.dev\nreviewed: 2026-11-28\n---\nBody', 'f.mdx');
    expect(list(data['causes'])).toEqual(['a', 'b']);
    expect(data['sources']).toEqual([{ title: 'RFC', url: 'https://x.dev' }]);
    expect(data['reviewed']).toBeDefined();
    expect(body).toBe('Body');
    expect(() => splitFrontMatter('no front matter', 'g.mdx')).toThrow(/g\.mdx: no front matter/);
  });
});
