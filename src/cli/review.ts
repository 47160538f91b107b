import { Command, InvalidArgumentError, Option } from 'commander';
import type { CliIO } from './program.js';

/** `counterfair review export|import`: the blinded clinician review queue out, adjudicated labels in. */
export function reviewCommand(io: CliIO): Command {
  const output = { writeOut: (s: string) => io.stdout.write(s), writeErr: (s: string) => io.stderr.write(s) };
  const exportQueue = new Command('export')
    .description(
      'write a blinded review queue (review.csv, review.html) of flips, worst cases, refusals, unreadable answers and uncertain judge verdicts; the key stays in the run directory',
    )
    .argument('<run-dir>', 'an analysed run directory')
    .option('--out <dir>', 'where review.csv and review.html go (default: <run-dir>/review, or <run-dir>/review-random with --random)')
    .option('--max <n>', 'at most this many items, the most important first', positiveInteger)
    .addOption(
      new Option(
        '--random <n>',
        'instead of the queue, a random sample of n single answers (judge-scored ones when there are any): the labels that may correct a judge-based rate',
      )
        .argParser(positiveInteger)
        .conflicts('max'),
    )
    .action(async (runDir: string, opts: { out?: string; max?: number; random?: number }) => {
      const { exportReview } = await import('../review/export.js');
      const summary = exportReview(runDir, { outDir: opts.out, max: opts.max, random: opts.random, clock: io.clock });
      if (summary.sampledFrom) {
        const { population, kind } = summary.sampledFrom;
        const fewer = summary.items < (opts.random ?? 0) ? ' (all of them: fewer than asked)' : '';
        io.stdout.write(
          `A random sample of ${summary.items} of the ${population} ${kind === 'judged' ? 'judge-scored' : 'scored'} answers${fewer} in ${summary.outDir}/review.html and review.csv\n`,
        );
      } else {
        const reasons = Object.entries(summary.byReason)
          .filter(([reason]) => reason !== 'random-sample')
          .map(([reason, n]) => `${n} ${reason}`)
          .join(', ');
        io.stdout.write(`${summary.items} items (${summary.pairs} pairs; ${reasons}) in ${summary.outDir}/review.html and review.csv\n`);
      }
      io.stdout.write(`Keep ${summary.keyFile} private: it says which side of each item is which.\n`);
    });
  const importLabels = new Command('import')
    .description(
      "merge a reviewer's labels (the CSV or JSON from the review queue); they override automated scores, and the run is re-analysed",
    )
    .argument('<run-dir>', 'the run directory the queue was exported from')
    .argument('<file>', 'labels: the filled-in review.csv, or the CSV/JSON downloaded from review.html')
    .option('--by <name>', 'reviewer for rows that do not name one')
    .action(async (runDir: string, file: string, opts: { by?: string }) => {
      const { importReview } = await import('../review/import.js');
      const { rows, labels, unlabelled, agreement } = await importReview(runDir, file, { reviewer: opts.by, clock: io.clock });
      const kappa = (t: { kappa: number | null; ci95: [number, number] | null }) =>
        t.kappa === null ? 'n/a' : `${t.kappa.toFixed(2)}${t.ci95 ? ` (95% CI ${t.ci95[0].toFixed(2)} to ${t.ci95[1].toFixed(2)})` : ''}`;
      io.stdout.write(
        `${labels} labels from ${rows} reviewed items merged${unlabelled.length ? `; ${unlabelled.length} rows without labels skipped (lines ${unlabelled.join(', ')})` : ''}.\n`,
      );
      io.stdout.write(
        `Agreement with automated scoring: answers kappa ${kappa(agreement.responses)} over ${agreement.responses.n}; pairs kappa ${kappa(agreement.pairs)} over ${agreement.pairs.n}.\n`,
      );
      const sample = agreement.randomSample;
      if (sample)
        io.stdout.write(
          `On the random sample: automated scoring matches the clinicians on ${sample.agreeing} of ${sample.n} answers, ${(100 * sample.accuracy).toFixed(1)}% (95% CI ${(100 * sample.ci95[0]).toFixed(1)}% to ${(100 * sample.ci95[1]).toFixed(1)}%): its estimated accuracy over the answers sampled from.\n`,
        );
      for (const [what, r] of [
        ['answers', agreement.interRater.responses],
        ['pairs', agreement.interRater.pairs],
      ] as const)
        if (r.method)
          io.stdout.write(
            `Agreement between reviewers (${r.reviewers.join(', ')}) on ${what}: ${r.method === 'cohen' ? "Cohen's" : "Fleiss'"} kappa ${kappa(r)} over ${r.nItems} labelled by ${r.method === 'cohen' ? 'both' : 'all'}.\n`,
          );
      const { conflicts } = agreement;
      if (conflicts.length)
        io.stdout.write(
          `WARNING: ${conflicts.length} ${conflicts.length === 1 ? 'answer or pair' : 'answers or pairs'} labelled differently by different reviewers (items ${[...new Set(conflicts.map((c) => c.itemId))].join(', ')}): unresolved, so the automated outcome stays for them; they are listed in review-agreement.json (conflicts). Settle them and import the agreed label.\n`,
        );
      io.stdout.write(
        `Significant findings: ${agreement.findings.significantBefore} before review, ${agreement.findings.significantAfter} after (${agreement.findings.changed.length} changed).\n`,
      );
    });
  for (const command of [exportQueue, importLabels]) command.exitOverride().configureOutput(output);
  return new Command('review')
    .description('clinician review: export a blinded queue, import adjudicated labels')
    .addCommand(exportQueue)
    .addCommand(importLabels);
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return n;
}
