/**
 * `counterfair/stats`: the statistical functions the audit uses, one pure function per file, each checked against
 * SciPy and R reference values (../shared/reference/stats) to 1e-9 relative. Each function's doc comment gives
 * its formula, convention and reference. Inputs are checked first; a bad one throws an Error naming the function.
 */
export { ADJUST_METHODS, adjustPValues, type AdjustMethod } from './adjust.js';
export { binomialTest, type BinomialTestOptions, type BinomialTestResult } from './binomial-test.js';
export { bonettPriceRatio, type BonettPriceOptions } from './bonett-price-ratio.js';
export { bowker } from './bowker.js';
export { chiSquareHomogeneity } from './chi-square-homogeneity.js';
export { clopperPearsonInterval, type ClopperPearsonOptions } from './clopper-pearson.js';
export { clusterBootstrapSums, type ClusterSumsBootstrapOptions, type ClusterSumsInterval } from './cluster-bootstrap-sums.js';
export { clusterBootstrap, type ClusterBootstrapOptions, type ClusterBootstrapResult } from './cluster-bootstrap.js';
export { clusteredMcNemar } from './clustered-mcnemar.js';
export { cochransQ, type CochransQResult } from './cochrans-q.js';
export { cohensKappa, type CohensKappaOptions, type CohensKappaResult, type KappaWeights } from './cohens-kappa.js';
export {
  fixedEffectsRegression,
  type FixedEffectsInput,
  type FixedEffectsResult,
  type MatchedStratum,
} from './fixed-effects-regression.js';
export { fleissKappa } from './fleiss-kappa.js';
export { friedman, type FriedmanResult } from './friedman.js';
export { mantelHaenszel, type ChiSquareTest, type MantelHaenszelOptions, type MantelHaenszelResult } from './mantel-haenszel.js';
export { mcnemar, type McNemarCcConvention, type McNemarMethod, type McNemarOptions, type McNemarResult } from './mcnemar.js';
export { multipleTests, type MultipleTestsResult } from './multiple-tests.js';
export { newcombePairedDifference, type NewcombeOptions } from './newcombe-paired-difference.js';
export { pairedT, type PairedTOptions, type PairedTResult } from './paired-t.js';
export { raoScottPairedIntervals, type RaoScottPairedIntervals } from './rao-scott-paired-intervals.js';
export { riskRatio, type RiskRatioOptions, type RiskRatioResult } from './risk-ratio.js';
export { createRng, randomInt, type Rng } from './rng.js';
export { stuartMaxwell } from './stuart-maxwell.js';
export type {
  Alternative,
  ChiSquareTestResult,
  IntervalOptions,
  PairedClusterCounts,
  PairedDifferenceInterval,
  PairedTable,
  ProportionInterval,
} from './types.js';
export { waldPairedDifference } from './wald-paired-difference.js';
export { waldTest, type WaldTestResult } from './wald-test.js';
export { wilcoxonSignedRank, type WilcoxonMethod, type WilcoxonOptions, type WilcoxonResult, type WilcoxonZeroMethod } from './wilcoxon.js';
export { wilsonInterval, wilsonLimits } from './wilson.js';
