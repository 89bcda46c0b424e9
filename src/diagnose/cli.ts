// Command-line diagnoser: the same core as the page. Reads a file argument or stdin, prints the
// findings, and exits 1 when it found a cause (so a CI step can fail on it), 0 when it found none,
// 2 on a usage or read error. Run as `curl -sv https://… 2>&1 | npx fix401-diagnose`.
// Erasable TypeScript only: Node 24 runs this file directly (type stripping), no build step.

import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Knowledge } from './atlas.ts';
import { parseCurlCommand } from './parse/command.ts';
import { parseHar } from './parse/har.ts';
import { analyse } from './analyse.ts';
import { formatReport } from './report.ts';
import knowledge from '../registry/knowledge.gen.json' with { type: 'json' };
import { INPUT_KINDS, type InputKind } from './types.ts';
import { verifyEvidence, verifyHeadline, type VerifyResult } from './verify.ts';

const USAGE = `Usage: fix401-diagnose [options] [file]
Reads curl -v output, an HTTP response, a HAR file, a JWT or an error message
(from the file, or from standard input) and names the likely cause of a 401/407.

  curl -sv https://api.example.com/ 2>&1 | npx fix401-diagnose
  npx fix401-diagnose trace.har
  npx fix401-diagnose --key jwks.json token.txt

Options:
  --kind <k>        read the input as: ${INPUT_KINDS.join(', ')}
  --key <file>      check the signature of the JWT in the input with this key:
                    a JWK, a JWKS, a PEM public key or certificate, or an HMAC
                    secret (checked locally; key URLs in the token are never fetched)
  --json            print the report as JSON
  --show-secrets    print evidence unmasked (masked by default)
  -h, --help        show this help

Exit status: 1 when a cause was found (or, with --key, the signature did not
verify), 0 when none, 2 on errors.
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
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: { kind: { type: 'string' }, key: { type: 'string' }, json: { type: 'boolean' }, 'show-secrets': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (e) {
    io.stderr(`fix401-diagnose: ${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  if (values.kind !== undefined && !(INPUT_KINDS as readonly string[]).includes(values.kind)) {
    io.stderr(`fix401-diagnose: --kind must be one of ${INPUT_KINDS.join(', ')}\n`);
    return 2;
  }
  if (positionals.length > 1) {
    io.stderr(`fix401-diagnose: give one file at most\n${USAGE}`);
    return 2;
  }
  const kind = values.kind as InputKind | undefined;
  const json = values.json === true;
  const showSecrets = values['show-secrets'] === true;
  const file = positionals[0] === '-' ? undefined : positionals[0];
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
  let keyText: string | undefined;
  if (values.key !== undefined) {
    try {
      keyText = io.readFile(values.key);
    } catch (e) {
      io.stderr(`fix401-diagnose: cannot read the key ${values.key}: ${e instanceof Error ? e.message : String(e)}\n`);
      return 2;
    }
  }
  const report = analyse(input, { kind, now: io.now, knowledge: knowledge as Knowledge, readCommand: parseCurlCommand, readHar: parseHar });
  // With --key: the first signed JWT in the input that the key verifies, else the first one found.
  const verification: VerifyResult | undefined = keyText === undefined ? undefined : await verifyEvidence(input, keyText);
  if (json) {
    io.stdout(`${JSON.stringify(keyText === undefined ? report : { ...report, verification: verification ?? null }, null, 2)}\n`);
  } else {
    let out = formatReport(report, { showSecrets, fixLabels: knowledge.fixes });
    if (keyText !== undefined) {
      out += verification
        ? `\nSignature (checked locally with ${values.key}):\n  ${verifyHeadline(verification)}\n  ${verification.explanation}\n`
        : `\nSignature: no signed JWT in the input to check ${values.key} against.\n`;
    }
    io.stdout(out);
  }
  return report.findings.length > 0 || verification?.ok === false ? 1 : 0;
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
