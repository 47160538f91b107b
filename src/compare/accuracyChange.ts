import type { ScoreRecord } from '../score/types.js';
import type { ScoreList } from '../score/rows.js';
import { isWrong } from '../pairing/pairs.js';
import { clusterBootstrapSums } from '../stats/clusterBootstrapSums.js';
import type { AccuracyChange } from './types.js';

export interface AccuracyOptions {
  bootstrapSeed: number;
  bootstrapResamples: number;
}

/**
 * Overall accuracy of A's model and of B's model over the matched items, and the paired difference B − A.
 *
 * Matched items: (variant, replicate) of the given scores (the caller passes the audit's answers) answered with a scoreable outcome by both sides (request errors and unscored
 * answers count on neither, as in findings.json; wrong, refused and unparseable count as not correct). With n the
 * matched items, cA and cB the correct answers on each side, accuracy = c / n and difference = (cB − cA) / n.
 * Interval: cluster bootstrap over vignettes (both sides' answers to a drawn vignette taken together, since they
 * answered the same cases), percentile 95% with type-7 quantiles, seeded. Null when no item matches.
 */
export function accuracyChange(
  scoresA: ScoreList<ScoreRecord>,
  scoresB: ScoreList<ScoreRecord>,
  options: AccuracyOptions,
): AccuracyChange | null {
  const correctB = new Map<string, boolean>();
  for (const s of scoresB) {
    const wrong = isWrong(s.outcome);
    if (wrong !== null) correctB.set(itemKey(s), !wrong);
  }
  // Per vignette: [matched items, correct in A, correct in B].
  const sums = new Map<string, [number, number, number]>();
  for (const s of scoresA) {
    const wrong = isWrong(s.outcome);
    const inB = correctB.get(itemKey(s));
    if (wrong === null || inB === undefined) continue;
    const row = sums.get(s.vignetteId) ?? [0, 0, 0];
    row[0]++;
    if (!wrong) row[1]++;
    if (inB) row[2]++;
    sums.set(s.vignetteId, row);
  }
  if (sums.size === 0) return null;
  const rows = [...sums.keys()].sort().map((id) => sums.get(id)!);
  const [accuracyA, accuracyB, difference] = clusterBootstrapSums({
    sums: rows,
    statistics: [(t) => t[1]! / t[0]!, (t) => t[2]! / t[0]!, (t) => (t[2]! - t[1]!) / t[0]!],
    seed: options.bootstrapSeed,
    nResamples: options.bootstrapResamples,
  });
  const interval = (x: { ciLow: number; ciHigh: number }): [number, number] | null =>
    Number.isFinite(x.ciLow) && Number.isFinite(x.ciHigh) ? [x.ciLow, x.ciHigh] : null;
  return {
    nItems: rows.reduce((n, r) => n + r[0], 0),
    nVignettes: rows.length,
    accuracyA: accuracyA!.estimate,
    accuracyCiA: interval(accuracyA!),
    accuracyB: accuracyB!.estimate,
    accuracyCiB: interval(accuracyB!),
    difference: difference!.estimate,
    differenceCi: interval(difference!),
  };
}

function itemKey(s: ScoreRecord): string {
  return `${s.variantId}\u0000${s.replicate}`;
}
