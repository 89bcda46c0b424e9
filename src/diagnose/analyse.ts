// The whole diagnoser, every rule group: what the CLI, the evaluation and the tests run, and what
// the page runs, as a worker, for a paste that a deferred group applies to (rules/deferred.ts). The
// page's start-up engine calls analyseWith() (report.ts) without those groups: the cookie rules
// (~2 KB), the directory rules (~0.7 KB) and the written-layout rules (~0.8 KB) find nothing without their marker line, and the 30 KB
// budget (../shared/design.md §5) has no room for them.
import type { Knowledge } from './atlas.ts';
import { analyseWith, type AnalyseOptions } from './report.ts';
import { cookieRules } from './rules/cookies.ts';
import { directoryRules } from './rules/directory.ts';
import { writtenRules } from './rules/written.ts';
import type { HarParse, HttpRequest, InputKind, Report } from './types.ts';

/**
 * Analyses pasted evidence with every rule.
 * @param input the pasted text (or a file's contents)
 * @param options a forced kind, a fixed clock, the knowledge data and the readers
 * @returns the ranked report; never throws
 */
export function analyse(input: string, options: Omit<AnalyseOptions, 'deferredRules'> = {}): Report {
  return analyseWith(input, { ...options, deferredRules: { cookies: cookieRules, directory: directoryRules, written: writtenRules } });
}

/** What the page asks this worker: a paste and what the page's readers read from it. */
export interface FullRequest {
  /** The run it belongs to (a newer paste supersedes it). */
  id: number;
  text: string;
  kind: InputKind | undefined;
  knowledge: Knowledge | undefined;
  /** The request the command reader read from a curl command in the paste. */
  request: HttpRequest | undefined;
  /** The HAR reader's exchanges, for a HAR file. */
  har: HarParse | undefined;
}

/** The worker's answer. */
export interface FullReply {
  id: number;
  report: Report;
}

// Run as a Web Worker (the page's `new Worker(new URL('…/analyse.ts', import.meta.url))`), like
// the readers: a dynamic import would add Vite's preload helper to the JS loaded at start.
// Nothing here runs in Node or in a page that imports it.
if ('WorkerGlobalScope' in globalThis) {
  addEventListener('message', ({ data: d }: MessageEvent<FullRequest>) => {
    const { request, har } = d;
    const report = analyse(String(d.text), { kind: d.kind, knowledge: d.knowledge, readCommand: request && (() => request), readHar: har && (() => har) });
    const reply: FullReply = { id: d.id, report };
    postMessage(reply);
  });
}
