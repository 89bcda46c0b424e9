// Prints the evaluation figures for both splits (docs/evaluation.md): the wizard on the blind
// answers of the real-case corpus, the diagnoser on the real-paste corpus.
//   node scripts/eval/report.ts [wizard|diagnose] [--answers FILE] [--misses]
import { evaluate, evaluateTyped, figures, loadAnswers } from '../../tests/eval/wizard-eval.ts';
import { evaluatePastes, pasteFigures } from '../../tests/eval/diagnose-eval.ts';

const args = process.argv.slice(2);
const what = args.find((a) => a === 'wizard' || a === 'diagnose');
const answersFile = args[args.indexOf('--answers') + 1];
if (!what || what === 'wizard') {
  const rows = evaluate(args.includes('--answers') && answersFile ? loadAnswers(answersFile) : undefined);
  const bad = rows.filter((r) => r.error);
  for (const split of ['test', 'dev'] as const) {
    const mine = rows.filter((r) => r.split === split && !r.error);
    const f = figures(mine);
    console.log(`wizard ${split}: ${f.hit}/${f.n} reach a fix for the cause (${f.hitPct} %), ${f.first} at the first suggestion (${f.firstPct} %); naming the cause itself ${f.cause} (${f.causePct} %), first ${f.causeFirst} (${f.causeFirstPct} %); answers to first suggestion: median ${f.medianToFirst}, max ${f.maxToFirst}`);
    for (const aud of ['web', 'app', 'api', 'server'] as const) {
      const g = figures(mine.filter((r) => r.audience === aud));
      console.log(`  ${aud}: ${g.hit}/${g.n} (${g.hitPct} %), first ${g.first}`);
    }
  }
  const typed = evaluateTyped();
  for (const split of ['test', 'dev'] as const) {
    const mine = typed.filter((r) => r.split === split);
    const pct = (x: number) => Math.round((1000 * x) / (mine.length || 1)) / 10;
    const first = mine.filter((r) => r.at === 1).length;
    const any = mine.filter((r) => r.at > 0).length;
    console.log(`wizard ${split}, symptom typed at the "type or paste" step: first offer right ${first}/${mine.length} (${pct(first)} %), one of 3 right ${any} (${pct(any)} %)`);
  }
  if (bad.length) console.log(`wizard: ${bad.length} case(s) not replayable: ${bad.slice(0, 5).map((b) => `${b.id} (${b.error})`).join('; ')}`);
  if (args.includes('--misses')) for (const r of rows.filter((x) => x.split === 'dev' && x.hitAt === 0)) console.log(`  miss ${r.id}`);
}
if (!what || what === 'diagnose') {
  const rows = evaluatePastes();
  for (const split of ['test', 'dev'] as const) {
    const f = pasteFigures(rows.filter((r) => r.split === split));
    console.log(`diagnose ${split}: top-1 right ${f.right}/${f.enough} where the paste holds enough evidence (${f.rightPct} %); ${f.none}/${f.n} pastes without a cause-naming finding`);
    for (const t of f.tiers) console.log(`  ${t.tier}: ${t.right}/${t.n} right${t.n ? ` (${Math.round((100 * t.right) / t.n)} %)` : ''}`);
  }
  if (args.includes('--misses')) for (const r of rows.filter((x) => x.split === 'dev' && x.evidence === 'enough' && !x.right)) console.log(`  miss ${r.id}: top ${r.top ?? '—'}`);
}
