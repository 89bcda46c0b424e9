// Command-line diagnoser: the same core as the page. Reads a file argument or stdin, prints the
// findings, and exits 1 when it found a cause (so a CI step can fail on it), 0 when it found none,
// 2 on a usage or read error. Run as `curl -sv https://… 2>&1 | npx fix401-diagnose`.
// Erasable TypeScript only: Node 24 runs this file directly (type stripping), no build step.

import { readFileSync } from 'node:fs';
import { analyse, formatReport } from './report.ts';
import knowledge from '../registry/knowledge.gen.json' with { type: 'json' };
import { INPUT_KINDS, type InputKind } from './types.ts';

const USAGE = `Usage: fix401-diagnose [options] [file]
Reads curl -v output, an HTTP response, a HAR file, a JWT or an error message
(from the file, or from standard input) and names the likely cause of a 401/407.

  curl -sv https://api.example.com/ 2>&1 | npx fix401-diagnose
  npx fix401-diagnose trace.har

Options:
  --kind <k>        read the input as: ${INPUT_KINDS.join(', ')}
  --json            print the report as JSON
  --show-secrets    print evidence unmasked (masked by default)
  -h, --help        show this help

Exit status: 1 when a cause was found, 0 when none, 2 on errors.
`;

/** Streams the CLI writes to (injectable for tests). */
export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => Promise<string>;
  readFile: (path: string) => string;
  isStdinTty: boolean;
  now?: number | undefined;
}

/**
 * Runs the CLI.
 * @param argv arguments after the program name
 * @param io where to read and write
 * @returns the exit code
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let kind: InputKind | undefined;
  let json = false;
  let showSecrets = false;
  let file: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '-h' || a === '--help') {
      io.stdout(USAGE);
      return 0;
    } else if (a === '--json') json = true;
    else if (a === '--show-secrets') showSecrets = true;
    else if (a === '--kind' || a.startsWith('--kind=')) {
      const v = a.includes('=') ? a.slice(7) : argv[++i];
      if (!v || !(INPUT_KINDS as readonly string[]).includes(v)) {
        io.stderr(`fix401-diagnose: --kind must be one of ${INPUT_KINDS.join(', ')}\n`);
        return 2;
      }
      kind = v as InputKind;
    } else if (a === '-') file = undefined;
    else if (a.startsWith('-')) {
      io.stderr(`fix401-diagnose: unknown option ${a}\n${USAGE}`);
      return 2;
    } else file = a;
  }
  let input: string;
  try {
    if (file) input = io.readFile(file);
    else {
      if (io.isStdinTty) {
        io.stderr(USAGE);
        return 2;
      }
      input = await io.readStdin();
    }
  } catch (e) {
    io.stderr(`fix401-diagnose: cannot read ${file ?? 'standard input'}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  const report = analyse(input, { kind, now: io.now });
  io.stdout(json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report, { showSecrets, fixLabels: knowledge.fixes }));
  return report.findings.length > 0 ? 1 : 0;
}

/**
 * Runs the CLI against the real process (used by bin/fix401-diagnose.mjs).
 * @returns resolves when done; sets process.exitCode
 */
export async function run(): Promise<void> {
  process.exitCode = await main(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    readFile: (p) => readFileSync(p, 'utf8'),
    isStdinTty: process.stdin.isTTY === true,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
      return Buffer.concat(chunks).toString('utf8');
    },
  });
}
