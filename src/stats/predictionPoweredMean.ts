/**
 * Prediction-powered inference for a mean (Angelopoulos et al. 2023): a rate measured by an automated labeller
 * (a judge panel) on every item, corrected with the items a human adjudicated.
 *
 * With predictions f̃_1..f̃_N on the N items without a human label, and on the n labelled items predictions f_i and
 * labels y_i (all in [0, 1] for a rate, or any real numbers):
 *   rectifier Δ̂ = (1/n) Σ (f_i − y_i),   θ̂_PP = (1/N) Σ f̃_j − Δ̂,
 *   se = √( s²(f̃)/N + s²(f − y)/n ),   CI = θ̂_PP ± z_{1−α/2} · se,
 * with s² the sample variance (denominator n − 1; the ppi_py package divides by n, a difference of order 1/n).
 * Valid when the labelled items are a random sample of the same population as the unlabelled ones; the
 * interval is asymptotic (normal), and is never wider than it needs to be for the labels alone when the
 * predictions are good (the better the labeller, the smaller s²(f − y)). The estimate can leave [0, 1].
 *
 * Reference: Angelopoulos A.N., Bates S., Fannjiang C., Jordan M.I., Zrnic T. (2023) Prediction-powered
 * inference. Science 382:669-674 (Algorithm 1, mean estimation).
 *
 * @example
 * predictionPoweredMean([{ prediction: 1, label: 1 }, { prediction: 1, label: 0 }], [1, 0, 1]).estimate; // 2/3 − 1/2
 */
import { normalQuantile } from './distributions.js';

export interface LabelledPrediction {
  prediction: number;
  label: number;
}

export interface PredictionPoweredMean {
  /** θ̂_PP: the mean prediction on the unlabelled items minus the rectifier. */
  estimate: number;
  low: number;
  high: number;
  standardError: number;
  /** Mean of the predictions on the unlabelled items: the uncorrected estimate. */
  predictedMean: number;
  /** Δ̂: mean of prediction − label on the labelled items (the labeller's bias). */
  rectifier: number;
  nLabelled: number;
  nUnlabelled: number;
}

export function predictionPoweredMean(
  labelled: readonly LabelledPrediction[],
  unlabelledPredictions: readonly number[],
  options: { confLevel?: number } = {},
): PredictionPoweredMean {
  const confLevel = options.confLevel ?? 0.95;
  if (!Array.isArray(labelled) || !Array.isArray(unlabelledPredictions))
    throw new Error(
      'predictionPoweredMean: labelled must be an array of {prediction, label} and unlabelledPredictions an array of numbers',
    );
  if (labelled.length < 2 || unlabelledPredictions.length < 2)
    throw new Error(
      `predictionPoweredMean: needs at least 2 labelled and 2 unlabelled items (got ${labelled.length} and ${unlabelledPredictions.length})`,
    );
  if (!(confLevel > 0 && confLevel < 1)) throw new Error(`predictionPoweredMean: confLevel must be in (0, 1) (got ${String(confLevel)})`);
  labelled.forEach((x, i) => {
    if (!Number.isFinite(x?.prediction) || !Number.isFinite(x?.label))
      throw new Error(`predictionPoweredMean: labelled[${i}] needs finite prediction and label`);
  });
  unlabelledPredictions.forEach((p, i) => {
    if (!Number.isFinite(p))
      throw new Error(`predictionPoweredMean: unlabelledPredictions[${i}] must be a finite number (got ${String(p)})`);
  });
  const predicted = meanAndVariance(unlabelledPredictions);
  const residual = meanAndVariance(labelled.map((x) => x.prediction - x.label));
  const standardError = Math.sqrt(predicted.variance / unlabelledPredictions.length + residual.variance / labelled.length);
  const estimate = predicted.mean - residual.mean;
  const z = normalQuantile(0.5 + confLevel / 2);
  return {
    estimate,
    low: estimate - z * standardError,
    high: estimate + z * standardError,
    standardError,
    predictedMean: predicted.mean,
    rectifier: residual.mean,
    nLabelled: labelled.length,
    nUnlabelled: unlabelledPredictions.length,
  };
}

/** Mean and sample variance (denominator n − 1), two-pass for accuracy. */
function meanAndVariance(values: readonly number[]): { mean: number; variance: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const squares = values.reduce((a, b) => a + (b - mean) ** 2, 0);
  return { mean, variance: squares / (values.length - 1) };
}
