// Runs the diagnoser on the real-paste corpus and scores its top finding against the cause
// established in each source (protocol: docs/evaluation.md). Shared by the test and the report.
import { parseCurlCommand } from '../../src/diagnose/parse/command.ts';
import { parseHar } from '../../src/diagnose/parse/har.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPORA, type Split } from '../../scripts/eval/split.ts';
import { analyse } from '../../src/diagnose/analyse.ts';
import type { Confidence, InputKind } from '../../src/diagnose/types.ts';
import type { Knowledge } from '../../src/diagnose/atlas.ts';
import knowledge from '../../src/registry/knowledge.gen.json' with { type: 'json' };

const DIR = join(import.meta.dirname, '..', 'fixtures', 'diagnose', 'corpus');

/** One real paste (see tests/fixtures/diagnose/corpus/README.md). */
export interface PasteCase {
  id: string;
  file: string;
  source: string;
  kind: string;
  cause: string;
  accept: string[];
  /** The established cause in a few words, when no cause page addresses it (accept is then []). */
  unmapped?: string;
  /** "enough": an expert reading only the paste could name the cause. */
  evidence: 'enough' | 'thin';
  now?: string;
}

/** The outcome of one paste. */
export interface PasteScore {
  id: string;
  split: 'test' | 'dev';
  evidence: PasteCase['evidence'];
  /** The top finding's cause (undefined: no finding, or one without a cause). */
  top: string | undefined;
  confidence: Confidence | undefined;
  right: boolean;
}

/** @returns every paste of the corpus, from the index files the split covers (scripts/eval/split.ts) */
export function loadPastes(): PasteCase[] {
  const files = CORPORA.find((c) => c.name === 'diagnose')?.files ?? [];
  const root = join(import.meta.dirname, '..', '..');
  return files.filter((f) => existsSync(join(root, f))).flatMap((f) => JSON.parse(readFileSync(join(root, f), 'utf8')) as PasteCase[]);
}

/** The time the diagnoser is told it is: the case's own, else a fixed day (results must not drift with the calendar). */
const DEFAULT_NOW = Date.parse('2026-12-01T00:00:00Z');

/** @returns every paste scored */
export function evaluatePastes(): PasteScore[] {
  const split = JSON.parse(readFileSync(join(DIR, 'split.json'), 'utf8')) as Split;
  const test = new Set(split.test);
  return loadPastes().map((c) => {
    const text = readFileSync(join(DIR, c.file), 'utf8');
    // The kind is detected, as on the page: people do not tell the diagnoser what they pasted.
    // The command reader too, as the page loads it for a paste that holds a curl command.
    const r = analyse(text, { now: c.now ? Date.parse(c.now) : DEFAULT_NOW, kind: undefined as InputKind | undefined, knowledge: knowledge as Knowledge, readCommand: parseCurlCommand, readHar: parseHar });
    const f = r.findings[0];
    return { id: c.id, split: test.has(c.id) ? 'test' : 'dev', evidence: c.evidence, top: f?.cause, confidence: f?.confidence, right: !!f?.cause && c.accept.includes(f.cause) };
  });
}

/** Figures: top-1 right where the paste holds enough evidence, and the share right per confidence tier. */
export function pasteFigures(rows: readonly PasteScore[]) {
  const enough = rows.filter((r) => r.evidence === 'enough');
  const right = enough.filter((r) => r.right).length;
  const tiers = (['high', 'medium', 'low'] as const).map((t) => {
    const inTier = rows.filter((r) => r.confidence === t);
    return { tier: t, n: inTier.length, right: inTier.filter((r) => r.right).length };
  });
  return { n: rows.length, enough: enough.length, right, rightPct: enough.length ? Math.round((1000 * right) / enough.length) / 10 : 0, none: rows.filter((r) => r.top === undefined).length, tiers };
}
