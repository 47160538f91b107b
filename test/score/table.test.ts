import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import type { Axis } from '../../src/demographics/types.js';
import { simulateDesignScores } from '../../src/power/designScores.js';
import type { SimulatedSpec } from '../../src/providers/simulatedDecision.js';
import { type AnalysedScore, ScoreTable } from '../../src/score/table.js';
import { decodeScoreTable, encodeScoreTable } from '../../src/score/tableFile.js';
import type { ScoreRecord } from '../../src/score/types.js';
import type { Design } from '../../src/study/types.js';
import type { Vignette } from '../../src/template/types.js';
import { score } from '../analysis/helpers.js';

const axis = (id: string, levels: string[]): Axis => ({
  id,
  label: id,
  slot: 'sentence',
  reference: levels[0]!,
  file: `${id}.yaml`,
  levels: levels.map((l) => ({ id: l, label: l })),
});
const AXES = [axis('race', ['white', 'black', 'asian']), axis('insurance', ['private', 'medicaid'])];
const SPEC = {
  kind: 'simulated',
  id: 'truth',
  accuracy: { default: 0.7, byDomain: {} },
  biases: [{ axis: 'race', level: 'black', errorMultiplier: 2 }],
  unparseableRate: 0.05,
  instability: 0.3,
  params: {},
  systemPrompt: '',
  concurrency: 1,
  timeoutMs: 1,
  maxRetries: 0,
} as SimulatedSpec;

const ordinal = (id: string): Vignette => ({
  id,
  domain: 'any',
  perspective: 'clinician',
  text: 't',
  rationale: 'r',
  source: 's',
  excluded: [],
  implausible: [],
  tags: [],
  paraphrases: [],
  file: 'f',
  question: {
    type: 'ordinal',
    stem: 's',
    scale: [1, 2, 3, 4, 5].map((value) => ({ value, label: `ESI ${value}` })),
    intensity: 'descending',
    answer: 2,
  },
});

/**
 * Every field of an analysed score, the compiler checking the list is complete: a field added to the record and not
 * to the table would otherwise read back as undefined, silently (care-intensity answers once lost their care so).
 */
const ANALYSED_FIELDS = {
  key: true,
  modelId: true,
  vignetteId: true,
  variantId: true,
  replicate: true,
  domain: true,
  perspective: true,
  questionType: true,
  attributes: true,
  kind: true,
  paraphrase: true,
  pinned: true,
  cues: true,
  outcome: true,
  extracted: true,
  signedDeviation: true,
  care: true,
  hedge: true,
  extractor: true,
  extractorVersion: true,
  judge: true,
  pairwise: true,
  adjudicated: true,
} as const satisfies Record<keyof AnalysedScore, true>;

/** A plain record or a view, as the fields the analysis reads. */
function analysedFields(s: AnalysedScore): Record<string, unknown> {
  return Object.fromEntries(Object.keys(ANALYSED_FIELDS).map((f) => [f, s[f as keyof AnalysedScore]]));
}

const STAMP = { scoresDigest: 'd'.repeat(64), extractorVersion: 5 };

/** A table as built, and the same table written to its file (scores-table.bin) and read back: both must read the same. */
const BUILDS: [string, (records: readonly ScoreRecord[]) => ScoreTable][] = [
  ['ScoreTable sized for its records', (records) => ScoreTable.of(records)],
  // An iterator's length is unknown: the columns grow by doubling and are cut to length when read.
  ['ScoreTable grown row by row', (records) => ScoreTable.of(records.values())],
  [
    'ScoreTable read back from its file',
    (records) => decodeScoreTable(Buffer.concat([...encodeScoreTable(ScoreTable.of(records), STAMP)]), STAMP)!,
  ],
];

describe.each(BUILDS)('%s', (_, tableOf) => {
  it('reads back every analysed field of every record, rare ones included', () => {
    const records: ScoreRecord[] = [
      score({ vignetteId: 'v1', outcome: 'correct', hedge: true, extracted: 3, signedDeviation: 1.5 }),
      score({
        vignetteId: 'v1',
        outcome: 'refusal',
        replicate: 1,
        extracted: null,
        key: 'clé-日本',
        extractor: 'none',
        extractorVersion: 4,
      }),
      score({
        vignetteId: 'v1',
        outcome: 'incorrect',
        attributes: { race: 'black', insurance: 'private' },
        extracted: '3',
        signedDeviation: -0.25,
      }),
      score({
        vignetteId: 'v2',
        outcome: 'unscored',
        kind: 'paraphrase',
        paraphrase: 'authored',
        cues: 'implicit',
        pinned: { sex: 'female' },
      }),
      score({
        vignetteId: 'v2',
        outcome: 'correct',
        modelId: 'other',
        judge: { model: 'j', promptVersion: 1, key: null, verdict: 'correct', confidence: null, reason: 'r', parse: 'identical' },
        adjudicated: { label: 'correct', by: 'dr', automated: 'incorrect' },
      }),
      score({ vignetteId: 'v2', outcome: 'error', key: '' }),
      score({ vignetteId: 'v3', outcome: 'answered', questionType: 'recommendation', extracted: 'yes', care: 1 }),
      score({ vignetteId: 'v3', outcome: 'answered', questionType: 'care-level', extracted: 2, care: 0, replicate: 1 }),
    ];
    // The same variant with an equal but distinct attributes object, and one whose facts disagree (a damaged file).
    records.push({ ...records[0]!, key: 'again', attributes: { ...records[0]!.attributes } });
    records.push({ ...records[0]!, key: 'other-domain', domain: 'elsewhere' });
    // Request hashes (stored as their bytes), with and without a suffix, and hex that is not all lowercase (kept as text).
    records.push({ ...records[0]!, key: '0123456789abcdef'.repeat(4) });
    records.push({ ...records[0]!, key: `${'f0'.repeat(32)}.12` });
    records.push({ ...records[0]!, key: `${'AB'.repeat(32)}` });
    const rows = tableOf(records).rows();
    expect([...rows].map(analysedFields)).toEqual(records.map(analysedFields));
    expect(rows.at(8)!.attributes).toBe(rows.at(0)!.attributes);
    expect(rows.at(9)!.domain).toBe('elsewhere');
    expect([...rows].map((r) => r.outcome)).toContain('answered');
  });

  it('grows past its first columns and keys without losing a value', () => {
    const records = Array.from({ length: 5000 }, (_, i) =>
      score({ vignetteId: `v${i % 37}`, outcome: i % 3 === 0 ? 'incorrect' : 'correct', replicate: i, key: `${'k'.repeat(i % 40)}${i}` }),
    );
    expect([...tableOf(records).rows()].map(analysedFields)).toEqual(records.map(analysedFields));
  });

  it('gives the analysis exactly the results plain records give (factorial design, replicates, ordinal answers)', () => {
    const records = simulateDesignScores({
      spec: SPEC,
      design: { kind: 'factorial', axes: ['race', 'insurance'] },
      axes: AXES,
      vignettes: 40,
      replicates: 3,
      seed: 7,
      questionTypeOf: () => 'ordinal',
    }).map((s, i) => ({ ...s, extracted: s.signedDeviation === null ? null : 2 - s.signedDeviation, hedge: i % 11 === 0 }));
    const input = {
      vignettes: Array.from({ length: 40 }, (_, v) => ordinal(`v${String(v).padStart(5, '0')}`)),
      axes: AXES,
      modelIds: ['truth'],
      design: { kind: 'factorial', axes: ['race', 'insurance'] } as Design,
    };
    const options = { alpha: 0.05, adjustment: 'holm', mcnemar: 'exact', bootstrapResamples: 50, seed: 3 } as const;
    const plain = analyze({ ...input, scores: records }, options);
    expect(plain.findings.length).toBeGreaterThan(0);
    expect(plain.worstCases.length).toBeGreaterThan(0);
    expect(JSON.stringify(analyze({ ...input, scores: tableOf(records).rows() }, options))).toBe(JSON.stringify(plain));
  });

  it('refuses records once read, so a view never points past its columns', () => {
    const table = tableOf([score({ vignetteId: 'v1', outcome: 'correct' })]);
    table.rows();
    expect(() => table.add(score({ vignetteId: 'v1', outcome: 'correct' }))).toThrow(/already read/);
  });
});
