/**
 * `npm run bench:templatize`: detection precision and recall per attribute and per corpus directory, round-trip
 * rate and false slots inside clinical terms, over every test/templatize/<dir>/cases.jsonl.
 * `--only dev,dev2` measures only the named directories, so tuning never reads a blind evaluation set
 * (test/templatize/corpus/) that someone else measures afterwards; `--summary` prints the figures alone, without a
 * case's surface or id, so a blind corpus is measured without being read.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadAxes } from '../src/demographics/load.js';
import { ATTRIBUTES, type CorpusScore, ratio, readGoldCorpus, scoreCorpus } from './templatizeScore.js';

const root = 'test/templatize';
const axes = loadAxes('demographics', []);
const dirs = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'cases.jsonl')))
  .map((d) => d.name)
  .sort();
if (dirs.length === 0) throw new Error(`no ${root}/<dir>/cases.jsonl found`);
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt === -1 ? undefined : (process.argv[onlyAt + 1] ?? '').split(',').filter((d) => d !== '');
if (only !== undefined) {
  const unknown = only.filter((d) => !dirs.includes(d));
  if (only.length === 0 || unknown.length > 0) {
    console.error(`--only needs a comma-separated list of ${root}/<dir> names among: ${dirs.join(', ')}`);
    process.exit(2);
  }
}

const summaryOnly = process.argv.includes('--summary');
const pct = (x: number | undefined) => (x === undefined ? '     -' : `${(100 * x).toFixed(1).padStart(5)}%`);
for (const dir of only ?? dirs) {
  const score: CorpusScore = scoreCorpus(readGoldCorpus(join(root, dir, 'cases.jsonl')), axes);
  console.log(`\n== ${dir}: ${score.cases} cases`);
  console.log('attribute   gold  detected  recall  precision');
  for (const a of ATTRIBUTES) {
    const s = score.byAttribute[a];
    console.log(
      `${a.padEnd(10)} ${String(s.gold).padStart(5)} ${String(s.detected).padStart(9)}  ${pct(ratio(s.found, s.gold))}  ${pct(ratio(s.correct, s.detected))}`,
    );
  }
  const all = ATTRIBUTES.filter((a) => a !== 'ambiguous').reduce(
    (t, a) => ({
      gold: t.gold + score.byAttribute[a].gold,
      found: t.found + score.byAttribute[a].found,
      detected: t.detected + score.byAttribute[a].detected,
      correct: t.correct + score.byAttribute[a].correct,
    }),
    { gold: 0, found: 0, detected: 0, correct: 0 },
  );
  console.log(
    `${'slots (all)'.padEnd(10)} ${String(all.gold).padStart(4)} ${String(all.detected).padStart(9)}  ${pct(ratio(all.found, all.gold))}  ${pct(ratio(all.correct, all.detected))}`,
  );
  console.log(
    `round trip: ${score.accepted}/${score.cases} cases accepted as templates (${pct(ratio(score.accepted, score.cases))}); each accepted one renders back byte for byte`,
  );
  console.log(
    `detections inside clinical terms (trap surfaces): ${score.falseInTerms.length}, of them slotted: ${score.falseInTerms.filter((f) => f.slotted).length}, in a template written: ${score.falseInTerms.filter((f) => f.written).length}`,
  );
  const unflagged = score.unflaggedInWritten;
  const byKind = ATTRIBUTES.map((a) => `${a} ${unflagged.missed.filter((m) => m.attribute === a).length}`).filter((t) => !t.endsWith(' 0'));
  console.log(
    `patient cues left as written in a template, neither slotted nor listed for review: ${unflagged.missed.length} of ${unflagged.gold} (${pct(ratio(unflagged.missed.length, unflagged.gold))})${byKind.length > 0 ? `: ${byKind.join(', ')}` : ''}`,
  );
  const reviewItems = score.outcomes.reduce((n, o) => n + o.review.length, 0);
  const writtenReview = score.outcomes.reduce((n, o) => n + (o.kind === 'template' ? o.review.length : 0), 0);
  console.log(
    `review items: ${reviewItems} (${(reviewItems / score.cases).toFixed(2)} per case; ${(writtenReview / Math.max(1, score.accepted)).toFixed(2)} per written template)`,
  );
  // --summary: the figures alone, so a blind corpus is measured without its cases reaching the person measuring it.
  if (summaryOnly) continue;
  for (const f of score.falseInTerms)
    console.log(
      `  ${f.id}: "${f.surface}" in "${f.term}"${f.written ? ' (slotted, template written)' : f.slotted ? ' (slotted, case left out)' : ' (listed for review, not slotted)'}`,
    );
  const left = score.outcomes.filter((o) => o.kind === 'rejected');
  for (const o of left) if (o.kind === 'rejected') console.log(`  left out ${o.case.id}: ${o.reason}`);
  for (const m of unflagged.missed) console.log(`  unflagged in a written template ${m.id}: ${m.attribute} "${m.surface}"`);
  for (const m of score.missed.slice(0, 40)) console.log(`  missed ${m.id}: ${m.attribute} "${m.surface}"`);
  for (const m of score.spurious.slice(0, 40)) console.log(`  not in gold ${m.id}: ${m.attribute} "${m.surface}"`);
}
