// The wizard's "type or paste" step: what it offers for typed words (BM25 over the cause pages'
// words) and in what order it merges those with the diagnoser's findings.
import { describe, expect, it } from 'vitest';
import { causesByWords, offeredCauses, type CauseWords } from '../../../src/diagnose/offer.ts';
import knowledge from '../../../src/registry/knowledge.gen.json' with { type: 'json' };
import words from '../../../src/registry/words.gen.json' with { type: 'json' };
import type { Knowledge } from '../../../src/diagnose/atlas.ts';

// A made-up catalogue: "kerberos" is on one page only, "login" on every page; 30 filler pages
// with words of their own give the rare words the weight they have in a real catalogue.
const toy: CauseWords = {
  causes: {
    a: 'kerberos:3 ticket login spn',
    b: 'cookie:4 safari login session',
    c: 'cookie login expired session:2',
    d: 'token login expired:3 bearer',
    ...Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`filler${i}`, `login word${i} other${i}`])),
  },
};

describe('causesByWords', () => {
  it('ranks the page that shares the rarest words first', () => {
    expect(causesByWords('Safari drops my session cookie', toy)[0]?.cause).toBe('b');
    expect(causesByWords('no kerberos ticket on this laptop', toy).map((x) => x.cause)).toEqual(['a']);
  });

  it('offers nothing for one shared word, for words every page uses, or without the words file', () => {
    expect(causesByWords('kerberos', toy)).toEqual([]);
    expect(causesByWords('login login login', toy)).toEqual([]);
    expect(causesByWords('Safari drops my session cookie', undefined)).toEqual([]);
    expect(causesByWords('', toy)).toEqual([]);
  });

  it('counts a word a page repeats more (pages of equal length), with diminishing returns', () => {
    const pair = (x: string, y: string): CauseWords => ({ causes: { x, y, ...Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}`, `word${i} more${i} text${i} note${i}`])) } });
    const once = causesByWords('alpha beta gamma delta', pair('alpha beta gamma delta epsilon:2', 'alpha:3 beta gamma delta'));
    expect(once.map((r) => r.cause)).toEqual(['y', 'x']);
    const [y, x] = once.map((r) => r.score) as [number, number];
    expect(y / x).toBeLessThan(3);
  });

  it('offers only the pages for the asking audience, when the words file says whose they are', () => {
    const withAudiences: CauseWords = { ...toy, audiences: { a: ['server'], b: ['web'], c: ['web', 'app'] } };
    expect(causesByWords('Safari drops my session cookie', withAudiences, 'web').map((x) => x.cause)).toEqual(['b', 'c']);
    expect(causesByWords('Safari drops my session cookie', withAudiences, 'app').map((x) => x.cause)).toEqual(['c']);
    expect(causesByWords('no kerberos ticket on this laptop', withAudiences, 'web')).toEqual([]);
    // A page the file names no audience for, or no audience asked: everyone's.
    expect(causesByWords('token expired bearer login', withAudiences, 'web').map((x) => x.cause)).toContain('d');
    expect(causesByWords('no kerberos ticket on this laptop', withAudiences).map((x) => x.cause)).toEqual(['a']);
  });

  it('reads the real words file: every cause page has words, and a plain description finds its page', () => {
    for (const slug of Object.keys((knowledge as Knowledge).causes)) expect(words.causes[slug as keyof typeof words.causes], slug).toBeTruthy();
    for (const slug of Object.keys((knowledge as Knowledge).causes)) expect(words.audiences[slug as keyof typeof words.audiences]?.length, slug).toBeGreaterThan(0);
    const top = causesByWords('My phone clock is wrong and the time based codes from the authenticator are rejected', words).map((x) => x.cause);
    expect(top.slice(0, 3)).toContain('clock-skew');
  });
});

describe('offeredCauses', () => {
  it('puts a finding that names a cause before pages found by words, without repeats', () => {
    const out = offeredCauses('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="proxy"\r\n\r\n', knowledge as Knowledge, words, 3);
    expect(out[0]?.cause).toBe('proxy-auth-required');
    expect(new Set(out.map((o) => o.cause)).size).toBe(out.length);
  });

  it('offers at most max causes, and nothing for garbage', () => {
    expect(offeredCauses('cookie session expired token login safari kerberos', knowledge as Knowledge, words, 2).length).toBeLessThanOrEqual(2);
    expect(offeredCauses('xyzzy qwerty', knowledge as Knowledge, words, 3)).toEqual([]);
  });
});
