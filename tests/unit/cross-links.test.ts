import { describe, expect, it } from 'vitest';
import { crossLinkPlan } from '../../src/lib/cross-links.ts';

const base = { fixes: [], causes: [], related: [] };

describe('crossLinkPlan()', () => {
  it('gives a cause page its fixes, with descriptions, and no wizard link', () => {
    expect(crossLinkPlan({ ...base, type: 'cause', fixes: ['clear-cookies', 'sign-out-and-in'] })).toEqual([
      { id: 'fixes-for-this-cause', title: 'Fixes for this cause', slugs: ['clear-cookies', 'sign-out-and-in'], describe: true, wizard: false },
    ]);
  });

  it('gives fix and server pages their causes and the wizard', () => {
    for (const type of ['fix', 'server']) {
      const [block] = crossLinkPlan({ ...base, type, causes: ['expired-session'] });
      expect(block).toMatchObject({ id: 'causes-this-fixes', title: 'Causes this fixes', slugs: ['expired-session'], wizard: true });
    }
  });

  it('adds "See also" last, and only when related is set', () => {
    const plan = crossLinkPlan({ ...base, type: 'fix', causes: ['clock-skew'], related: ['bearer-tokens'] });
    expect(plan.map((b) => b.id)).toEqual(['causes-this-fixes', 'see-also']);
    expect(crossLinkPlan({ ...base, type: 'concept' })).toEqual([]);
    expect(crossLinkPlan({ ...base, type: 'method', related: ['what-is-401'] }).map((b) => b.title)).toEqual(['See also']);
  });
});
