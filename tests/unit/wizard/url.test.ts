import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TAB_SETS } from '../../../src/lib/tabs.ts';
import { START } from '../../../src/wizard/machine.ts';
import { WIZARD } from '../../../src/wizard/wizard.ts';
import { decode, encode, pathOf, slugOf, stateOfPath, type Env } from '../../../src/wizard/url.ts';

const ids = [...WIZARD.steps.keys()];
const known = (set: keyof Env, id: string) => TAB_SETS[set].some((t) => t.id === id);
const dec = (url: string) => {
  const u = new URL(url, 'https://fix401.dev');
  return decode(WIZARD, u.pathname, u.search, known);
};

describe('wizard URLs', () => {
  it('give every state its own path', () => {
    const paths = ids.map(pathOf);
    expect(new Set(paths).size).toBe(ids.length);
    expect(pathOf(START)).toBe('/wizard/');
    for (const id of ids) expect(stateOfPath(WIZARD, pathOf(id)), id).toBe(id);
  });

  it('round-trip every state, with and without kept later answers and a setup', () => {
    const env: Env = { browser: 'firefox', os: 'windows', client: 'curl', server: 'nginx' };
    // Up to three later states per state, found by walking each state's ancestors once (asking
    // isAncestor for every pair would be quadratic in a machine of this size).
    const later = new Map<string, string[]>();
    for (const f of ids) {
      for (let a = WIZARD.parent.get(f)?.from; a !== undefined; a = WIZARD.parent.get(a)?.from) {
        const list = later.get(a) ?? [];
        if (list.length < 3) later.set(a, [...list, f]);
      }
    }
    for (const id of ids) {
      for (const furthest of [id, ...(later.get(id) ?? [])]) {
        if (furthest !== id) expect(WIZARD.isAncestor(id, furthest), `${id} → ${furthest}`).toBe(true);
        for (const e of [{}, env]) {
          const url = encode(WIZARD, { state: id, furthest, env: e });
          expect(dec(url), url).toEqual({ ok: true, state: id, furthest, env: e });
        }
      }
    }
  });

  it('carry the format version', () => {
    expect(encode(WIZARD, { state: 'webPrompt', furthest: 'webPrompt', env: {} })).toBe('/wizard/step/web-prompt/?v=2');
    expect(dec('/wizard/step/web-prompt/?v=1')).toMatchObject({ ok: false, reason: 'stale', state: START });
    expect(dec('/wizard/step/web-prompt/?v=0')).toMatchObject({ ok: false, reason: 'stale' });
    // A bare step path (typed by hand, or a shared link without the query) is still that step.
    expect(dec('/wizard/step/web-prompt/')).toMatchObject({ ok: true, state: 'webPrompt' });
  });

  it('send stale, mangled or hand-edited URLs to the start, with a reason', () => {
    for (const url of [
      '/wizard/step/no-such-step/?v=2',
      '/wizard/step/web-Prompt/?v=2',
      '/wizard/step/webprompt/?v=2',
      '/wizard/step/start/?v=2',
      '/wizard/step/web-prompt/?v=2&k=api-symptom', // kept answers must continue from here
      '/wizard/step/web-prompt/?v=2&k=nonsense',
      '/wizard/step/web-prompt/?v=2&browser=netscape',
      '/wizard/step/web-prompt/?v=2&os=%3Cscript%3E',
      '/guide/clear-cookies/?v=2',
    ]) {
      const d = dec(url);
      expect(d.ok, url).toBe(false);
      expect(d.state, url).toBe(START);
      expect(d.furthest, url).toBe(START);
    }
  });

  it('ignore query parameters they do not own (e.g. campaign tags)', () => {
    expect(dec('/wizard/step/web-prompt/?v=2&utm_source=mail')).toMatchObject({ ok: true, state: 'webPrompt' });
  });

  it('never throw, and decode anything they did not make to the start', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.string({ maxLength: 200 }), (path, search) => {
        const d = decode(WIZARD, path, search, known);
        if (d.ok) {
          expect(WIZARD.steps.has(d.state)).toBe(true);
          expect(WIZARD.isAncestor(d.state, d.furthest)).toBe(true);
        } else expect(d.state).toBe(START);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.constantFrom(...ids), fc.string({ maxLength: 40 }), (id, junk) => {
        const d = decode(WIZARD, `/wizard/step/${slugOf(id)}${junk}/`, `?v=2`, known);
        if (d.ok) expect(d.state === id || junk === '' || stateOfPath(WIZARD, `/wizard/step/${slugOf(id)}${junk}/`) === d.state).toBe(true);
        else expect(d.state).toBe(START);
      }),
      { numRuns: 1000 },
    );
  });
});
