// Writes what a blind answerer gets for the wizard evaluation (see docs/evaluation.md): the current
// tree's questions as text (no outcomes, no causes) and the cases with only what the person knew —
// audience, setup, reported status and symptom. No source URL, no cause, no fix.
//
//   node scripts/eval/wizard-packet.ts OUT_DIR [PARTS]
// (OUT_DIR-key/answer-key.json maps the letters shown for "which message" answers back to ids.)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { QUESTION_COPY, TREE } from '../../src/registry/registry.gen.ts';
import { CORPORA } from './split.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const [out = '/tmp/wizard-packet', partsArg = '1'] = process.argv.slice(2);
mkdirSync(out, { recursive: true });

const lines: string[] = ['# The wizard\'s questions', '', 'Start at `start`. Each answer leads to another question or to the wizard\'s suggestions (the end of the questions).', ''];
// A service's "which message" question names its answers after causes: the packet shows them as
// letters instead, and the key to map the letters back is written beside the packet, not in it.
const key: Record<string, Record<string, string>> = {};
for (const [q, answers] of Object.entries(TREE.questions)) {
  const c = QUESTION_COPY[q];
  const neutral = TREE.messages.includes(q);
  lines.push(`## ${q}`, '', `**${c?.q ?? q}**`, ...(c?.hint ? ['', c.hint] : []), '');
  for (const [i, [a, to]] of Object.entries(answers).entries()) {
    const kind = TREE.pastes.includes(to) ? '→ asks the person to type or paste the error they see' : TREE.questions[to] ? `→ question \`${to}\`` : '→ suggestions';
    const shown = neutral ? String.fromCharCode(65 + i) : a;
    if (neutral) (key[q] ??= {})[shown] = a;
    lines.push(`- \`${shown}\`: ${c?.a[a]?.label ?? a}  ${kind}`);
  }
  lines.push('');
}
writeFileSync(join(out, 'tree.md'), lines.join('\n'));
mkdirSync(`${out}-key`, { recursive: true });
writeFileSync(join(`${out}-key`, 'answer-key.json'), `${JSON.stringify(key, null, 1)}\n`);

const wizard = CORPORA.find((c) => c.name === 'wizard');
const cases = (wizard?.files ?? []).flatMap((f) => JSON.parse(readFileSync(join(ROOT, f), 'utf8')) as Array<Record<string, unknown>>);
const stripped = cases.map((c) => ({ id: c['id'], audience: c['audience'], setup: c['setup'], status: c['status'], symptom: c['symptom'] }));
const parts = Number(partsArg);
for (let i = 0; i < parts; i++) {
  const mine = stripped.filter((_, j) => j % parts === i);
  writeFileSync(join(out, `cases-${i + 1}.json`), `${JSON.stringify(mine, null, 1)}\n`);
}
console.log(`wizard-packet: ${Object.keys(TREE.questions).length} questions, ${stripped.length} cases in ${parts} part(s) → ${out}`);
