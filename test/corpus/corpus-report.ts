import { loadCorpus, matches, runPassage, scoreCorpus, type PassageResult } from './corpus-score.ts';

/**
 * `npm run corpus [-- --split dev|holdout] [--id ID] [--batch LETTER] [--facts]`: the corpus
 * scores, and for each passage what was raised against what the gold expects. Holdout passages
 * are shown by their scores only, unless one is asked for by id. `--batch g` scores the passages
 * `g-*` alone: a new batch's first run, before any reading is changed for it.
 */
const args = process.argv.slice(2);
const split = args.includes('--split') ? args[args.indexOf('--split') + 1] : undefined;
const id = args.includes('--id') ? args[args.indexOf('--id') + 1] : undefined;
const batch = args.includes('--batch') ? args[args.indexOf('--batch') + 1] : undefined;
const showFacts = args.includes('--facts');

const results = loadCorpus().filter((p) => (!split || p.split === split) && (!id || p.id === id) && (!batch || p.id.startsWith(`${batch}-`))).map(runPassage);
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

for (const r of results) {
  if (r.passage.split === 'holdout' && !id) continue;
  printPassage(r);
}
for (const [name, part] of [['dev', results.filter((r) => r.passage.split === 'dev')], ['holdout', results.filter((r) => r.passage.split === 'holdout')], ['all', results]] as const) {
  if (part.length === 0) continue;
  const s = scoreCorpus(part);
  console.log(`${name}: ${s.passages} passages | error precision ${pct(s.errorPrecision)} (${s.trueErrors}/${s.errorFlags}) | recall ${pct(s.recall)} (${s.found}/${s.expectedFlags})`
    + ` | clean without error ${pct(s.cleanShare)} (${s.cleanWithoutError}/${s.cleanPassages}) | facts found ${s.factsFound}/${s.goldFacts}`
    + ` | scope ${pct(s.scopeAccuracy)} role ${pct(s.roleAccuracy)} certainty ${pct(s.certaintyAccuracy)}`);
}

function printPassage(r: PassageResult): void {
  console.log(`\n## ${r.passage.id} (${r.passage.unit.level}, ${r.passage.gold.clean ? 'clean' : `${r.passage.gold.flags.length} expected`})`);
  for (const e of r.expected) console.log(`  ${e.raised ? 'FOUND' : 'MISSED'} [${e.gold.severity}] ${e.gold.numbers.join(', ')}: ${e.gold.why}`);
  for (const f of r.flags.filter((x) => x.severity !== 'info')) {
    const matched = r.passage.gold.flags.some((g) => matches(f, g));
    console.log(`  raised ${f.severity}${matched ? '' : ' (unexpected)'} ${f.ruleId}: ${f.message.vi}`);
  }
  if (!showFacts) return;
  for (const x of r.readings) {
    const f = x.found;
    const marks = f ? [x.scopeRight ? '' : `scope ${JSON.stringify(f.scope)}≠${x.gold.scope}`, x.roleRight ? '' : `role ${f.role}≠${x.gold.role}`, x.certaintyRight ? '' : `certainty ${f.certainty}≠${x.gold.certainty}`].filter(Boolean).join('; ') : 'NOT FOUND';
    if (marks) console.log(`    ${x.gold.value} «${x.gold.quote}»: ${marks}`);
  }
}
