// Shared helpers for the diagnoser tests: fixture manifests and a deterministic clock.
import knowledge from '../../../src/registry/knowledge.gen.json' with { type: 'json' };
import type { Knowledge } from '../../../src/diagnose/atlas.ts';
import { readFileSync } from 'node:fs';
import type { InputKind } from '../../../src/diagnose/types.ts';

/** Root of the diagnoser fixtures. */
export const FIXTURES = new URL('../../fixtures/diagnose/', import.meta.url).pathname;

/** One fixture from an index.json manifest. */
export interface FixtureCase {
  file: string;
  /** What the top finding must match (null: nothing may be found). */
  expect: { rule?: string; cause?: string; fix?: string } | null;
  note: string;
  source?: string;
  /** Capture time (captured/), or the clock to analyse with (synthetic/). */
  capturedAt?: number;
  now?: number;
  kind?: InputKind;
  /** dir/file */
  path: string;
}

/**
 * @param dir captured | documented | synthetic
 * @returns the cases in that folder's index.json
 */
export function cases(dir: 'captured' | 'documented' | 'synthetic'): FixtureCase[] {
  const list = JSON.parse(readFileSync(`${FIXTURES}${dir}/index.json`, 'utf8')) as Omit<FixtureCase, 'path'>[];
  return list.map((c) => ({ ...c, path: `${dir}/${c.file}` }));
}

/** @param path dir/file under the fixtures folder @returns its text */
export function fixture(path: string): string {
  return readFileSync(`${FIXTURES}${path}`, 'utf8');
}

/** A fixed "now" for tests that do not care about the clock: 2026-11-28 10:00 UTC. */
export const NOW = Date.UTC(2026, 10, 28, 10, 0, 0);

/** The knowledge data, as the page fetches it and the CLI imports it. */
export const K = knowledge as Knowledge;
