// State <-> URL. Every step has its own path (/wizard/step/<slug>/), which is also a static page,
// so a step works with JavaScript off and survives reload, Back/Forward and sharing. Because the
// questions form a tree, the path alone fixes the answers given; the query adds what the path
// cannot: the format version (v), later answers kept after going back (k) and the visitor's setup
// (browser, os, client, server — the same names the fix pages read).
//
// decode() never throws: anything stale, unknown or malformed comes back as { ok: false } with the
// start state, and the view shows a short notice.
import { START, type Wizard } from './machine.ts';

/** Version of the URL format and of the tree it encodes. Bump when state ids change meaning. */
export const URL_VERSION = '2';

/** The visitor's setup as tab ids (src/lib/tabs.ts), by tab set name. */
export type Env = { [K in 'browser' | 'os' | 'client' | 'server']?: string | undefined };
const ENV_KEYS = ['browser', 'os', 'client', 'server'] as const;

/** Where the wizard stands, as far as the URL is concerned. */
export interface WizardLocation {
  /** Current state id. */
  state: string;
  /** Furthest state on the current line of answers (== state when nothing later is kept). */
  furthest: string;
  /** The visitor's setup. */
  env: Env;
}

/** Result of decoding a URL: a location, or the start plus why the URL was refused. */
export type Decoded = ({ ok: true } & WizardLocation) | ({ ok: false; reason: 'stale' | 'mangled' } & WizardLocation);

/** @param id a state id (camelCase, digits) @returns its URL slug, e.g. webPromptCached1 → web-prompt-cached-1 */
export function slugOf(id: string): string {
  return id.replace(/[A-Z]|\d+/g, (m) => `-${m.toLowerCase()}`);
}

/** @param id a state id @returns the path of its page: /wizard/ for the start, else /wizard/step/<slug>/ */
export function pathOf(id: string): string {
  return id === START ? '/wizard/' : `/wizard/step/${slugOf(id)}/`;
}

/**
 * @param w the wizard
 * @param pathname a URL path
 * @returns the state whose page that is, or undefined
 */
export function stateOfPath(w: Wizard, pathname: string): string | undefined {
  if (/^\/wizard\/?$/.test(pathname)) return START;
  const slug = /^\/wizard\/step\/([a-z][a-z0-9-]*)\/?$/.exec(pathname)?.[1] ?? '';
  const id = slug.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()).replace(/-(\d)/g, '$1');
  // Only an exact round trip counts, so "web-Prompt" or "webprompt" cannot alias a real step.
  return id !== START && w.spec.states[id] && slugOf(id) === slug ? id : undefined;
}

/**
 * @param w the wizard
 * @param loc where the wizard stands
 * @returns the URL (path and query) for it; links and history entries use this
 */
export function encode(w: Wizard, loc: WizardLocation): string {
  const q = new URLSearchParams({ v: URL_VERSION });
  if (loc.furthest !== loc.state && w.spec.states[loc.furthest]) q.set('k', slugOf(loc.furthest));
  for (const key of ENV_KEYS) {
    const id = loc.env[key];
    if (id) q.set(key, id);
  }
  return `${pathOf(loc.state)}?${q}`;
}

/**
 * @param w the wizard
 * @param pathname location.pathname
 * @param search location.search
 * @param known whether an id belongs to a tab set (the view asks its own select boxes; tests ask TAB_SETS)
 * @returns the location it names, or the start with a reason when it is stale or malformed
 */
export function decode(w: Wizard, pathname: string, search: string, known: (set: keyof Env, id: string) => boolean): Decoded {
  const fail = (reason: 'stale' | 'mangled'): Decoded => ({ ok: false, reason, state: START, furthest: START, env: {} });
  const q = new URLSearchParams(search.slice(0, 2000));
  const v = q.get('v');
  if (v !== null && v !== URL_VERSION) return fail('stale');
  const state = stateOfPath(w, pathname);
  if (state === undefined) return fail('mangled');
  let furthest = state;
  const k = q.get('k');
  if (k !== null) {
    const kept = stateOfPath(w, `/wizard/step/${k}/`);
    if (kept === undefined || kept === START || !w.isAncestor(state, kept)) return fail('mangled');
    furthest = kept;
  }
  const env: Env = {};
  for (const key of ENV_KEYS) {
    const id = q.get(key);
    if (id === null) continue;
    if (!known(key, id)) return fail('mangled');
    env[key] = id;
  }
  return { ok: true, state, furthest, env };
}
