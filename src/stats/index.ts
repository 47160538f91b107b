/**
 * `counterfair/stats`: the statistical functions the audit uses, one pure function per file, each checked against
 * SciPy and R reference values (../shared/reference/stats) to 1e-9 relative. Each function's doc comment gives
 * its formula, convention and reference. Inputs are checked first; a bad one throws an Error naming the function.
 */
export { ADJUST_METHODS, adjustPValues, type AdjustMethod } from './adjust.js';
export { binomialTest, type BinomialTestOptions, type BinomialTestResult } from './binomialTest.js';
export { bonettPriceRatio, type BonettPriceOptions } from './bonettPriceRatio.js';
export { bowker } from './bowker.js';
export { chiSquareHomogeneity } from './chiSquareHomogeneity.js';
export { clopperPearsonInterval, type ClopperPearsonOptions } from './clopperPearson.js';
export { clusterBootstrapSums, type ClusterSumsBootstrapOptions, type ClusterSumsInterval } from './clusterBootstrapSums.js';
export { clusterBootstrap, type ClusterBootstrapOptions, type ClusterBootstrapResult } from './clusterBootstrap.js';
export { clusteredMcNemar } from './clusteredMcnemar.js';
export { cochransQ, type CochransQResult } from './cochransQ.js';
export { cohensKappa, type CohensKappaOptions, type CohensKappaResult, type KappaWeights } from './cohensKappa.js';
export {
  fixedEffectsRegression,
  type FixedEffectsInput,
  type FixedEffectsResult,
  type MatchedStratum,
} from './fixedEffectsRegression.js';
export { fleissKappa } from './fleissKappa.js';
export { friedman, type FriedmanResult } from './friedman.js';
export { mantelHaenszel, type ChiSquareTest, type MantelHaenszelOptions, type MantelHaenszelResult } from './mantelHaenszel.js';
export { mcnemar, type McNemarCcConvention, type McNemarMethod, type McNemarOptions, type McNemarResult } from './mcnemar.js';
export { multipleTests, type MultipleTestsResult } from './multipleTests.js';
export { newcombePairedDifference, type NewcombeOptions } from './newcombePairedDifference.js';
export { pairedT, type PairedTOptions, type PairedTResult } from './pairedT.js';
export { raoScottPairedIntervals, type RaoScottPairedIntervals } from './raoScottPairedIntervals.js';
export { raoScottProportion, type ClusterCounts, type RaoScottProportion } from './raoScottProportion.js';
export { riskRatio, type RiskRatioOptions, type RiskRatioResult } from './riskRatio.js';
export { createRng, randomInt, type Rng } from './rng.js';
export { stuartMaxwell } from './stuartMaxwell.js';
export type {
  Alternative,
  ChiSquareTestResult,
  IntervalOptions,
  PairedClusterCounts,
  PairedDifferenceInterval,
  PairedTable,
  ProportionInterval,
} from './types.js';
export { waldPairedDifference } from './waldPairedDifference.js';
export { waldTest, type WaldTestResult } from './waldTest.js';
export { wilcoxonSignedRank, type WilcoxonMethod, type WilcoxonOptions, type WilcoxonResult, type WilcoxonZeroMethod } from './wilcoxon.js';
export { wilsonInterval, wilsonLimits } from './wilson.js';
