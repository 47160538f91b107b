import type { AnalysedScore } from '../score/table.js';
import type { ScoreList } from '../score/rows.js';
import { deriveSeed } from '../util/hash.js';
import { formatPValue } from '../util/pValue.js';
import { binaryContrast, countPairs, type BinaryContrastStats, type BinaryPair } from './binary.js';
import { excessReading, flipStats, paraphraseFlipsByVignette, referenceOf, referencesByCell, type FlipStats } from './flips.js';
import { isWrong } from '../pairing/pairs.js';

/**
 * The no-demographics control of one model: each vignette's variant with the varied
 * demographic cues removed (`~none`: every varied non-age axis unstated, pinned facts and age kept)
 * against its reference variant, on the same vignette and replicate. A control, not a finding: it
 * is outside the gate, the multiple-comparison families and the headline.
 */
export interface DemographicsRemoved {
  model: string;
  /**
   * Error (wrong, refused or unparseable) with demographics removed against the reference, by the same paired
   * tests and intervals as the findings (`binaryContrast`): here `rateLevel` is the rate with demographics removed,
   * `difference` = removed − reference, and `wrongOnlyAtLevel` counts pairs wrong only with demographics removed.
   */
  errors: BinaryContrastStats & { nExcludedPairs: number };
  /** How often the answer changed when the demographics were removed, and the excess over the paraphrase floor. */
  flips: FlipStats;
  /** What the numbers say, in words. */
  sentence: string;
}

export interface ControlResults {
  demographicsRemoved: DemographicsRemoved[];
}

export interface ControlOptions {
  seed: number;
  mcnemar: 'exact' | 'midp';
}

/** The no-demographics control of every model that has one (models without it are left out). */
export function analyzeControls(scores: ScoreList, modelIds: readonly string[], options: ControlOptions): ControlResults {
  const references = referencesByCell(scores);
  const paraphrases = paraphraseFlipsByVignette(scores);
  const pairsByModel = new Map<string, { vignetteId: string; reference: AnalysedScore; level: AnalysedScore }[]>();
  for (const s of scores) {
    if (s.kind !== 'no-demographics') continue;
    const reference = referenceOf(references, s);
    if (!reference) continue;
    const pairs = pairsByModel.get(s.modelId) ?? [];
    pairs.push({ vignetteId: s.vignetteId, reference, level: s });
    pairsByModel.set(s.modelId, pairs);
  }
  const demographicsRemoved = modelIds.flatMap((model): DemographicsRemoved[] => {
    const pairs = pairsByModel.get(model);
    if (!pairs) return [];
    const usable: BinaryPair[] = [];
    for (const p of pairs) {
      const reference = isWrong(p.reference.outcome);
      const removed = isWrong(p.level.outcome);
      if (reference !== null && removed !== null) usable.push({ vignetteId: p.vignetteId, reference, level: removed });
    }
    const errors = {
      ...binaryContrast(countPairs(usable), {
        seed: deriveSeed(options.seed, 'bootstrap', 'demographics-removed', model),
        bootstrapResamples: 0,
        mcnemar: options.mcnemar,
      }),
      nExcludedPairs: pairs.length - usable.length,
    };
    const flips = flipStats(pairs, paraphrases.get(model) ?? new Map());
    return [{ model, errors, flips, sentence: describeDemographicsRemoved(model, errors, flips) }];
  });
  return { demographicsRemoved };
}

const TESTS: Record<BinaryContrastStats['test'], string> = {
  'mcnemar-exact': 'exact McNemar',
  'mcnemar-midp': 'mid-p McNemar',
  'clustered-mcnemar': 'clustered McNemar',
  'vignette-fixed-effects': 'adjusted model',
};

/**
 * The control in words, from the numbers reported beside it: the two error rates, their paired difference with its
 * 95% interval and p, then what the interval allows — a difference, or one not distinguishable from zero (never
 * "no effect": differences inside the interval remain possible).
 */
export function describeDemographicsRemoved(model: string, errors: DemographicsRemoved['errors'], flips: FlipStats): string {
  if (errors.nPairs === 0)
    return `Model ${model}: no usable pair of a demographics-removed variant and its reference (${errors.nExcludedPairs} lacked an answer on one side), so this control says nothing.`;
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const pts = (x: number) => `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)}`;
  const ci = errors.differenceCi;
  const head = `With the demographic cues removed, model ${model} erred in ${pct(errors.rateLevel)} of ${errors.nPairs} pairs over ${errors.nVignettes} vignettes, against ${pct(errors.rateReference)} for the reference variants of the same vignettes and replicates: ${pts(errors.difference)} points (95% CI ${ci ? `${pts(ci[0])} to ${pts(ci[1])}` : 'not estimable'}; ${TESTS[errors.test]} p = ${formatPValue(errors.p)}).`;
  const reading = !ci
    ? ' Without an interval, this difference cannot be told apart from chance.'
    : ci[0] > 0
      ? ' The model errs more often when no demographics are stated than at the reference.'
      : ci[1] < 0
        ? ' The model errs less often when no demographics are stated than at the reference.'
        : ' This difference is not distinguishable from zero at this sample size; differences inside the interval remain possible.';
  const excess =
    flips.excess === null
      ? ''
      : `, ${pts(flips.excess)} points over the paraphrase floor (95% CI ${flips.excessCi ? `${pts(flips.excessCi[0])} to ${pts(flips.excessCi[1])}` : 'not estimable'}): ${excessReading(flips, 'removing the demographics')}`;
  const changed = flips.nPairs ? ` The answer changed in ${flips.flips} of ${flips.nPairs} pairs (${pct(flips.rate)})${excess}.` : '';
  return head + reading + changed;
}
