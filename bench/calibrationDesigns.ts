/**
 * Calibration of the findings per design, on ground truth planted in the simulated model: one bias on one axis
 * level (race = black errs `MULTIPLIER` times as often); every other level carries none. For each design it prints
 *  - the type I error of every contrast on the unbiased axes (share with raw p ≤ 0.05; target 5% ± 1),
 *  - how often any unbiased contrast is significant after Holm (the family-wise false-finding rate; target ≤ 5%),
 *  - power for the planted level (significant after Holm),
 * for the analysis as it runs, and, beside it, for comparing each level variant with the vignette's all-reference
 * variant (the "marginal" pairs sampled and list designs used before: what held the other axes fixed nowhere).
 * Run: npm run bench:calibration:designs [-- STUDIES]
 */
import { binaryContrast, countPairs } from '../src/analysis/binary.js';
import { analyzeFindings } from '../src/analysis/findings.js';
import { isWrong, pairContrasts } from '../src/pairing/pairs.js';
import type { Axis } from '../src/demographics/types.js';
import { simulateDesignScores } from '../src/power/designScores.js';
import type { SimulatedSpec } from '../src/providers/simulatedDecision.js';
import type { Design } from '../src/study/types.js';
import { adjustPValues } from '../src/stats/adjust.js';
import { deriveSeed } from '../src/util/hash.js';

const STUDIES = Number(process.argv[2] ?? 1000);
const VIGNETTES = 110;
const BASELINE = 0.2;
const MULTIPLIER = 2;
const ALPHA = 0.05;

const axis = (id: string, levels: string[]): Axis => ({
  id,
  label: id,
  slot: 'sentence',
  reference: levels[0]!,
  file: `${id}.yaml`,
  levels: levels.map((l) => ({ id: l, label: l })),
});
const AXES: Axis[] = [
  axis('race', ['white', 'black', 'hispanic', 'asian']),
  axis('sex', ['male', 'female']),
  axis('age', ['45', '75']),
  axis('insurance', ['private', 'medicaid', 'medicare']),
  axis('language', ['english', 'spanish']),
];

const DESIGNS: [string, Design][] = [
  ['one-at-a-time', { kind: 'one-at-a-time' }],
  ['factorial (race × insurance)', { kind: 'factorial', axes: ['race', 'insurance'] }],
  ['sampled (n = 8)', { kind: 'sampled', n: 8 }],
  [
    'list (10 assignments, black with medicaid)',
    {
      kind: 'list',
      assignments: [
        { race: 'black', insurance: 'medicaid' },
        { race: 'black' },
        { insurance: 'medicaid', sex: 'female' },
        { race: 'hispanic', language: 'spanish' },
        { race: 'asian', age: '75' },
        { insurance: 'medicare', age: '75' },
        { sex: 'female', language: 'spanish' },
        { race: 'hispanic', sex: 'female', insurance: 'medicaid' },
        { age: '75' },
        { language: 'spanish', insurance: 'medicare' },
      ],
    },
  ],
];

function spec(): SimulatedSpec {
  return {
    kind: 'simulated',
    id: 'calibration',
    accuracy: { default: 1 - BASELINE, byDomain: {} },
    biases: [{ axis: 'race', level: 'black', errorMultiplier: MULTIPLIER }],
    unparseableRate: 0,
    instability: 0.3,
    params: {},
    systemPrompt: '',
    concurrency: 1,
    timeoutMs: 1,
    maxRetries: 0,
  } as SimulatedSpec;
}

interface Tally {
  nullContrasts: number;
  nullRejections: number;
  familyFalse: number;
  power: number;
  notEstimable: number;
}

const pct = (x: number) => `${(100 * x).toFixed(2)}%`.padStart(7);

console.log(
  `Design calibration: ${STUDIES} studies per design, ${VIGNETTES} vignettes, baseline error ${BASELINE}, one planted bias (race = black × ${MULTIPLIER}); alpha ${ALPHA}, Holm per model`,
);
console.log(
  `${'design'.padEnd(44)} ${'method'.padEnd(22)} ${'type I (null levels)'.padStart(18)} ${'any false (Holm)'.padStart(17)} ${'power (black)'.padStart(14)}`,
);
for (const [name, design] of DESIGNS) {
  const analysis: Tally = { nullContrasts: 0, nullRejections: 0, familyFalse: 0, power: 0, notEstimable: 0 };
  const midp: Tally = { nullContrasts: 0, nullRejections: 0, familyFalse: 0, power: 0, notEstimable: 0 };
  const marginal: Tally = { nullContrasts: 0, nullRejections: 0, familyFalse: 0, power: 0, notEstimable: 0 };
  const started = performance.now();
  for (let k = 0; k < STUDIES; k++) {
    const seed = deriveSeed(3, 'design-calibration', name, String(k));
    const scores = simulateDesignScores({ spec: spec(), design, axes: AXES, vignettes: VIGNETTES, replicates: 1, seed });
    const contrasts = pairContrasts(scores, AXES);
    const findings = analyzeFindings(contrasts, AXES, ['calibration'], 'error', {
      alpha: ALPHA,
      adjustment: 'holm',
      mcnemar: 'exact',
      seed,
      bootstrapResamples: 0,
    });
    tally(
      analysis,
      findings.map((f) => ({ axis: f.axis, level: f.level, p: f.p, significant: f.significant })),
    );
    const midpFindings =
      design.kind === 'one-at-a-time'
        ? analyzeFindings(contrasts, AXES, ['calibration'], 'error', {
            alpha: ALPHA,
            adjustment: 'holm',
            mcnemar: 'midp',
            seed,
            bootstrapResamples: 0,
          })
        : [];
    tally(
      midp,
      midpFindings.map((f) => ({ axis: f.axis, level: f.level, p: f.p, significant: f.significant })),
    );
    // Each level variant against the vignette's all-reference variant, as if every pair were exact.
    const raw = contrasts.map((c) => ({
      axis: c.axis,
      level: c.level,
      p: binaryContrast(
        countPairs(
          c.pairs.map((p) => ({ vignetteId: p.vignetteId, reference: isWrong(p.reference.outcome)!, level: isWrong(p.level.outcome)! })),
        ),
        { seed, bootstrapResamples: 0 },
      ).p,
    }));
    const holm = adjustPValues(
      raw.map((r) => r.p),
      'holm',
    );
    tally(
      marginal,
      raw.map((r, i) => ({ ...r, significant: holm[i]! < ALPHA })),
    );
  }
  const methods = [
    ['as analysed', analysis],
    ...(midp.nullContrasts ? [['as analysed, mid-p', midp] as const] : []),
    ['marginal pairs', marginal],
  ] as const;
  for (const [method, t] of methods) {
    const extra = t.notEstimable ? `  (${t.notEstimable} contrasts not estimable)` : '';
    console.log(
      `${name.padEnd(44)} ${method.padEnd(22)} ${pct(t.nullRejections / t.nullContrasts).padStart(18)} ${pct(t.familyFalse / STUDIES).padStart(17)} ${pct(t.power / STUDIES).padStart(14)}${extra}`,
    );
  }
  console.log(`${''.padEnd(44)} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

function tally(t: Tally, findings: readonly { axis: string; level: string; p: number; significant: boolean }[]): void {
  let anyFalse = false;
  for (const f of findings) {
    if (Number.isNaN(f.p)) t.notEstimable++;
    if (f.axis === 'race' && f.level === 'black') {
      if (f.significant) t.power++;
      continue;
    }
    t.nullContrasts++;
    if (f.p <= ALPHA) t.nullRejections++;
    if (f.significant) anyFalse = true;
  }
  if (anyFalse) t.familyFalse++;
}
