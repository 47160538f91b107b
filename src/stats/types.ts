/**
 * Shared result/option types of the paired tests (no runtime code).
 *
 * Conventions: `Alternative` follows SciPy/R naming — 'two-sided' (default
 * everywhere), 'less' (H1: effect < null) and 'greater' (H1: effect > null).
 * A `ChiSquareTestResult` carries the statistic, its χ² degrees of freedom and
 * the upper-tail p-value computed directly (never as 1 − cdf).
 *
 * Reference: Agresti A. (2013) Categorical Data Analysis, 3rd ed., ch. 1 & 11.
 *
 * @example
 * const r: ChiSquareTestResult = { statistic: 3.84, df: 1, pValue: 0.05 };
 */

export type Alternative = 'two-sided' | 'less' | 'greater';

export interface ChiSquareTestResult {
  statistic: number;
  df: number;
  pValue: number;
}

export interface ProportionInterval {
  estimate: number;
  low: number;
  high: number;
}

export interface IntervalOptions {
  /** Confidence level, default 0.95. */
  confLevel?: number;
  /** Two-sided interval (default) or a one-sided bound as in R / SciPy. */
  alternative?: Alternative;
}

/** Paired 2×2 table [[n11, n10], [n01, n00]] (rows x = 1/0, columns y = 1/0). */
export interface PairedTable {
  n11: number;
  n10: number;
  n01: number;
  n00: number;
}

export interface PairedDifferenceInterval {
  estimate: number;
  low: number;
  high: number;
  confLevel: number;
}

/** One cluster (a vignette) of matched pairs: its pairs, events on each side and the two kinds of discordant pair. */
export interface PairedClusterCounts {
  pairs: number;
  /** Pairs with the event on the y side (the reference). */
  referenceEvents: number;
  /** Pairs with the event on the x side (the level). */
  levelEvents: number;
  /** Discordant pairs with the event on the x side only (b). */
  levelOnly: number;
  /** Discordant pairs with the event on the y side only (c). */
  referenceOnly: number;
}
