import type { AdjustMethod } from '../stats/adjust.js';
import type { QualityThresholds, Study } from './types.js';

export const ADJUSTMENTS: readonly AdjustMethod[] = ['holm', 'bonferroni', 'bh', 'by'];
export const MCNEMAR_VARIANTS = ['exact', 'midp'] as const;

/** The analysis settings a study (or an import) gets when it says nothing. */
export const DEFAULT_ANALYSIS: Study['analysis'] = { alpha: 0.05, adjustment: 'holm', mcnemar: 'exact', bootstrapResamples: 2000 };

/** A model whose failed requests or unreadable answers exceed these shares is not concluded on. */
export const DEFAULT_QUALITY: QualityThresholds = { maxErrorRate: 0.2, maxUnparseableRate: 0.2 };
