import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/analysis/types.js';
import type { AdjudicationRecord } from '../../src/review/adjudications.js';
import type { ReviewAgreement } from '../../src/review/agreement.js';
import type { ReviewKey } from '../../src/review/key.js';
import type { ScoreRecord } from '../../src/score/types.js';
import { cohensKappa } from '../../src/stats/cohensKappa.js';
import { runCli } from '../helpers/cli.js';
import { readJsonl } from '../../src/pipeline/runDir.js';
import { SIMULATED_MODEL, readCsv, readScores, runStudyCli } from './studyRun.js';

/** What a careful clinician says about a blinded answer of the simulated model. */
function clinicianLabel(answer: string): string {
  if (answer.startsWith('Follow the guideline') || /Answer: B$/.test(answer)) return 'correct';
  return 'incorrect';
}

const csvLine = (cells: string[]) => cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(',');

describe('review round trip: export, label as a reviewer would, import', () => {
  let runDir: string;
  let before: { scores: ScoreRecord[]; findings: Finding[] };
  let rows: Record<string, string>[];
  let key: ReviewKey;
  beforeAll(async () => {
    runDir = await runStudyCli([SIMULATED_MODEL], {
      id: 'judge',
      provider: 'simulated',
      accuracy: { default: 0.9, stroke: 0 },
      unparseable_rate: 0.2,
    });
    before = { scores: readScores(runDir), findings: JSON.parse(readFileSync(join(runDir, 'findings.json'), 'utf8')) as Finding[] };
    expect((await runCli(['review', 'export', runDir])).code).toBe(0);
    rows = readCsv(join(runDir, 'review', 'review.csv'));
    key = JSON.parse(readFileSync(join(runDir, 'review-key.json'), 'utf8')) as ReviewKey;
  });

  it('merges the labels, overrides the automated outcomes, and reports kappa and the findings that changed', async () => {
    expect(before.scores.some((s) => s.outcome === 'unscored')).toBe(true); // verdicts the judge garbled, to be settled by review
    const labelled = rows.slice(0, -2); // the reviewer leaves the last two items for later
    const filled = (row: Record<string, string>) => ({
      item_id: row.item_id!,
      label_a: clinicianLabel(row.answer_a!),
      label_b: row.item_type === 'pair' ? clinicianLabel(row.answer_b!) : '',
      label_pair: row.item_type === 'pair' ? (row.answer_a === row.answer_b ? 'same' : 'different') : '',
    });
    // Half come back as the CSV of the queue, half as the JSON review.html downloads.
    const half = Math.ceil(labelled.length / 2);
    const csvFile = join(runDir, 'labels.csv');
    writeFileSync(
      csvFile,
      [
        csvLine(['item_id', 'item_type', 'answer_a', 'label_a', 'label_b', 'label_pair', 'reviewer', 'reviewed_at', 'notes']),
        ...labelled.slice(0, half).map((row) => {
          const f = filled(row);
          return csvLine([
            f.item_id,
            row.item_type!,
            row.answer_a!,
            f.label_a,
            f.label_b,
            f.label_pair,
            'Dr Ada',
            '2026-11-23',
            'multi-line\nnote',
          ]);
        }),
        ...rows.slice(-2).map((row) => csvLine([row.item_id!, row.item_type!, row.answer_a!, '', '', '', '', '', ''])),
      ].join('\r\n'),
    );
    const jsonFile = join(runDir, 'labels.json');
    writeFileSync(
      jsonFile,
      JSON.stringify(
        {
          format: 'counterfair-review-labels',
          labels: labelled.slice(half).map((row) => ({ ...filled(row), reviewer: '', reviewed_at: '2026-11-24T09:00:00Z', notes: '' })),
        },
        null,
        2,
      ),
    );

    const first = await runCli(['review', 'import', runDir, csvFile]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/rows without labels skipped \(lines \d+, \d+\)/);
    const second = await runCli(['review', 'import', runDir, jsonFile, '--by', 'Dr Grace']);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/Agreement with automated scoring: answers kappa (-?\d\.\d\d \(95% CI|n\/a)/);

    const records = readJsonl<AdjudicationRecord>(join(runDir, 'adjudications.jsonl'));
    const expectedLabels = labelled.reduce((n, row) => n + (row.item_type === 'pair' ? 3 : 1), 0);
    expect(records).toHaveLength(expectedLabels);
    expect(new Set(records.map((r) => r.by))).toEqual(new Set(['Dr Ada', 'Dr Grace']));

    // Labels override the automated outcomes in the analysis; the automated outcome is kept beside the label.
    const after = readScores(runDir);
    const automated = new Map(before.scores.map((s) => [s.key, s]));
    const latest = new Map(records.map((r) => [r.target === 'response' ? r.responseKey : `${r.referenceKey}/${r.levelKey}`, r]));
    for (const r of [...latest.values()].filter((x) => x.target === 'response')) {
      for (const s of after.filter((x) => x.key === r.responseKey)) {
        expect(s.outcome).toBe(r.label);
        expect(s.adjudicated).toMatchObject({ label: r.label, by: r.by, automated: automated.get(s.key)!.outcome });
      }
    }
    expect(after.some((s) => s.adjudicated && s.adjudicated.automated !== s.outcome)).toBe(true);
    for (const r of records.filter((x) => x.target === 'pair')) {
      const note = after.find((s) => s.key === r.levelKey)!.pairwise?.find((n) => n.referenceKey === r.referenceKey);
      if (note) expect(note.adjudicated).toMatchObject({ label: r.label, by: r.by });
    }
    const findingsAfter = JSON.parse(readFileSync(join(runDir, 'findings.json'), 'utf8')) as Finding[];
    const excluded = (fs: Finding[]) => fs.reduce((n, f) => n + f.nExcludedPairs, 0);
    expect(excluded(findingsAfter)).toBeLessThan(excluded(before.findings)); // unscored answers now count

    // Agreement: the table is automated outcome x clinician label over the latest label of each response.
    const agreement = JSON.parse(readFileSync(join(runDir, 'review-agreement.json'), 'utf8')) as ReviewAgreement;
    const categories = ['correct', 'incorrect', 'refusal', 'unparseable'];
    const table = categories.map(() => categories.map(() => 0));
    let unscored = 0;
    for (const r of [...latest.values()].filter((x) => x.target === 'response')) {
      const row = categories.indexOf(automated.get(r.responseKey)!.outcome);
      if (row < 0) unscored++;
      else table[row]![categories.indexOf(r.label)]!++;
    }
    expect(agreement.responses.table).toEqual(table);
    expect(agreement.responses.excluded).toBe(unscored);
    expect(agreement.responses.n + unscored).toBe([...latest.values()].filter((x) => x.target === 'response').length);
    const kappa = cohensKappa(table);
    expect(agreement.responses.kappa).toBeCloseTo(kappa.kappa, 12);
    expect(agreement.responses.ci95![0]).toBeCloseTo(kappa.ciLow, 12);
    // the interval is truncated to kappa's range [−1, 1]
    expect(agreement.responses.ci95![1]).toBe(Math.min(1, cohensKappa(table, { interval: 'wald' }).ciHigh));
    expect(agreement.responses.kappa).toBeLessThan(1); // the clinician corrected the judge (always wrong on stroke)
    expect(agreement.pairs.n + agreement.pairs.excluded).toBe(records.filter((x) => x.target === 'pair').length);
    expect(agreement.reviewers).toEqual(['Dr Ada', 'Dr Grace']);
    expect(agreement.findings.tested).toBe(before.findings.length);
    expect(agreement.findings.significantBefore).toBe(before.findings.filter((f) => f.significant).length);
    expect(agreement.findings.significantAfter).toBe(findingsAfter.filter((f) => f.significant).length);
    const flipped = findingsAfter.filter(
      (f) => f.significant !== before.findings.find((b) => b.model === f.model && b.axis === f.axis && b.level === f.level)!.significant,
    );
    expect(agreement.findings.changed.map((c) => `${c.axis}=${c.level}`)).toEqual(flipped.map((f) => `${f.axis}=${f.level}`));

    // The labels stay applied when the run is analysed again, and the queue keeps its ids.
    expect((await runCli(['analyze', runDir])).code).toBe(0);
    expect(readScores(runDir)).toEqual(after);
    expect((await runCli(['review', 'export', runDir])).code).toBe(0);
    expect((JSON.parse(readFileSync(join(runDir, 'review-key.json'), 'utf8')) as ReviewKey).items.map((i) => i.id)).toEqual(
      key.items.map((i) => i.id),
    );
    expect(existsSync(join(runDir, 'review', 'review.html'))).toBe(true);
  });
});
