import { clusterBootstrap } from '../stats/clusterBootstrap.js';
import { fleissKappa } from '../stats/fleissKappa.js';
import { predictionPoweredMean, type PredictionPoweredMean } from '../stats/predictionPoweredMean.js';

/** One free-text answer as a panel of judges saw it. */
export interface PanelItem {
  /** The response key. */
  key: string;
  /** Each judge's verdict, in the panel's order: true adequate, false inadequate, null no readable verdict. */
  verdicts: readonly (boolean | null)[];
  /** A clinician's adjudicated label, where one was imported (true adequate). */
  clinician?: boolean;
}

export interface JudgePanelSummary {
  judges: string[];
  /** How the panel's label is formed (see `panelLabel`). */
  rule: 'majority, ties inadequate';
  nItems: number;
  /** Items with no readable verdict from any judge: no panel label, left out of the rates. */
  nUnlabelled: number;
  /** Items every judge gave a readable verdict: the ones Fleiss' kappa is computed on. */
  nComplete: number;
  /** Judge-to-judge agreement beyond chance; NaN with fewer than 2 complete items or no variation. */
  fleissKappa: number;
  /** Percentile bootstrap over items (each item a cluster), null when it cannot be computed. */
  fleissKappaCi: [number, number] | null;
  /** Share of panel-labelled items the panel calls adequate: the judge-based rate, uncorrected. */
  adequateRate: number;
  /**
   * The adequate rate corrected with the clinician-adjudicated items (prediction-powered inference): null with
   * fewer than 2 adjudicated or 2 unadjudicated panel-labelled items. Valid when the adjudicated items are a random
   * sample of the judged ones (a review queue that picks uncertain verdicts is not: say so beside it).
   */
  corrected: PredictionPoweredMean | null;
}

/**
 * The panel's label for one answer: adequate when a strict majority of the readable verdicts say so; a tie counts
 * as inadequate (an answer the panel cannot agree is adequate is not counted as adequate, and goes to review);
 * null when no judge gave a readable verdict.
 */
export function panelLabel(verdicts: readonly (boolean | null)[]): boolean | null {
  const readable = verdicts.filter((v): v is boolean => v !== null);
  if (readable.length === 0) return null;
  return 2 * readable.filter((v) => v).length > readable.length;
}

/**
 * Agreement of a panel of judges and the rate it measures. One judge is fragile (published judge-to-judge kappa
 * can be near 0.1), so the panel's agreement is reported (Fleiss' kappa over the items every judge read, with a
 * percentile bootstrap interval over items — Zapf et al., BMC Med Res Methodol 2016, recommend it for Fleiss'
 * kappa), its majority is the label, and where clinicians adjudicated some answers the judge-based adequate rate is
 * corrected by prediction-powered inference (Angelopoulos et al., Science 2023), reported beside the raw rate.
 */
export function summarizeJudgePanel(
  judges: readonly string[],
  items: readonly PanelItem[],
  options: { seed: number; bootstrapResamples?: number; confLevel?: number },
): JudgePanelSummary {
  if (judges.length < 2) throw new Error(`summarizeJudgePanel: a panel needs at least 2 judges (got ${judges.length})`);
  const bad = items.findIndex((item) => item.verdicts.length !== judges.length);
  if (bad !== -1)
    throw new Error(`summarizeJudgePanel: item ${items[bad]!.key} has ${items[bad]!.verdicts.length} verdicts for ${judges.length} judges`);
  const complete = items.filter((item) => item.verdicts.every((v) => v !== null));
  const rows = complete.map((item) => {
    const adequate = item.verdicts.filter((v) => v).length;
    return [adequate, judges.length - adequate];
  });
  const kappa = rows.length >= 2 ? fleissKappa(rows) : NaN;
  const interval =
    rows.length >= 2 && Number.isFinite(kappa)
      ? clusterBootstrap({
          clusters: new Map(rows.map((row, i) => [String(i).padStart(8, '0'), [row]])),
          statistic: (units) => fleissKappa(units),
          nResamples: options.bootstrapResamples ?? 2000,
          confLevel: options.confLevel,
          seed: options.seed,
        })
      : undefined;
  const labelled = items.flatMap((item) => {
    const label = panelLabel(item.verdicts);
    return label === null ? [] : [{ item, label: label ? 1 : 0 }];
  });
  const adjudicated = labelled.filter((x) => x.item.clinician !== undefined);
  const others = labelled.filter((x) => x.item.clinician === undefined);
  return {
    judges: [...judges],
    rule: 'majority, ties inadequate',
    nItems: items.length,
    nUnlabelled: items.length - labelled.length,
    nComplete: complete.length,
    fleissKappa: kappa,
    fleissKappaCi: interval && Number.isFinite(interval.ciLow) ? [interval.ciLow, interval.ciHigh] : null,
    adequateRate: labelled.length ? labelled.reduce((s, x) => s + x.label, 0) / labelled.length : NaN,
    corrected:
      adjudicated.length >= 2 && others.length >= 2
        ? predictionPoweredMean(
            adjudicated.map((x) => ({ prediction: x.label, label: x.item.clinician ? 1 : 0 })),
            others.map((x) => x.label),
            { confLevel: options.confLevel },
          )
        : null,
  };
}
