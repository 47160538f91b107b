import { panelVerdict } from '../score/judge/panelRule.js';
import { clusterBootstrap } from '../stats/clusterBootstrap.js';
import { cohensKappa } from '../stats/cohensKappa.js';
import { fleissKappa } from '../stats/fleissKappa.js';
import { predictionPoweredMean, type PredictionPoweredMean } from '../stats/predictionPoweredMean.js';
import type { PanelRule } from '../study/types.js';

/** One free-text answer as a panel of judges saw it. */
export interface PanelItem {
  /** The response key. */
  key: string;
  /** Each judge's verdict, in the panel's order: true adequate, false inadequate, null no readable verdict. */
  verdicts: readonly (boolean | null)[];
  /** A clinician's adjudicated label, where one was imported (true adequate). */
  clinician?: boolean;
  /**
   * What the item is resampled with (its vignette): the answers to one vignette share a case, and identical answers
   * get identical prompts and verdicts, so they are not independent. Each item is its own cluster when absent.
   */
  cluster?: string;
}

/** One judge's verdicts over the panel's items. */
export interface JudgeVerdictCounts {
  judge: string;
  adequate: number;
  inadequate: number;
  /** No readable verdict. */
  unreadable: number;
  /** adequate / (adequate + inadequate); NaN when it read none. */
  adequateRate: number;
}

/** Cohen's kappa of two judges over the items both read, with its asymptotic (Wald, truncated) interval. */
export interface PairwiseJudgeKappa {
  judges: [string, string];
  n: number;
  kappa: number;
  ciLow: number;
  ciHigh: number;
}

export interface JudgePanelSummary {
  judges: string[];
  /** How the panel's label is formed (see `panelLabel`); undecided items get none. */
  rule: PanelRule;
  nItems: number;
  /** Items the panel did not decide (a tie, nothing readable, a unanimous rule missing a verdict): no label, left out of the rates. */
  nUnlabelled: number;
  perJudge: JudgeVerdictCounts[];
  /** Every pair of judges, in panel order. */
  pairwiseKappa: PairwiseJudgeKappa[];
  /** Items every judge gave a readable verdict: the ones Fleiss' kappa is computed on. */
  nComplete: number;
  /** Judge-to-judge agreement beyond chance; NaN with fewer than 2 complete items or no variation. */
  fleissKappa: number;
  /** Percentile bootstrap over items (each item a cluster), null when it cannot be computed. */
  fleissKappaCi: [number, number] | null;
  /** Share of panel-labelled items the panel calls adequate (the rule's correct rate): the judge-based rate, uncorrected. */
  adequateRate: number;
  /**
   * The adequate rate corrected with the clinician-adjudicated items (prediction-powered inference): null with
   * fewer than 2 adjudicated or 2 unadjudicated panel-labelled items. Valid when the adjudicated items are a random
   * sample of the judged ones (`review export --random`); the pipeline sets the review queue's labels aside.
   */
  corrected: PredictionPoweredMean | null;
  /** Panel-labelled items a clinician adjudicated as correct or incorrect (the PPI's labelled sample). */
  nAdjudicated: number;
  /**
   * Panel-labelled items a clinician adjudicated outside a random sample (added by the pipeline): the review queue's
   * picks (flips, worst cases, uncertain verdicts), or items no review key names. They are set aside (not in
   * `nAdjudicated`, not in `corrected`): a sample picked for the panel's likely errors biases the correction.
   */
  nAdjudicatedFromQueue?: number;
}

/** Below this, agreement is not called good: Landis & Koch (1977) call 0.41-0.60 moderate and below 0.40 fair or worse. */
export const GOOD_AGREEMENT = 0.6;
export const MODERATE_AGREEMENT = 0.4;

/** What the panel's agreement supports, read from the interval of Fleiss' kappa, never from the point estimate alone. */
export type PanelAgreement = 'unmeasured' | 'good' | 'moderate' | 'poor' | 'uncertain';

/**
 * The panel's agreement verdict: `good` only when the whole 95% interval of Fleiss' kappa is at or above
 * GOOD_AGREEMENT, `moderate` when it stays at or above MODERATE_AGREEMENT, `poor` when it lies wholly below
 * MODERATE_AGREEMENT, `uncertain` when it straddles it, `unmeasured` without an interval.
 */
export function panelAgreement(panel: Pick<JudgePanelSummary, 'fleissKappa' | 'fleissKappaCi'>): PanelAgreement {
  const ci = panel.fleissKappaCi;
  if (ci === null || !Number.isFinite(panel.fleissKappa)) return 'unmeasured';
  if (ci[0] >= GOOD_AGREEMENT) return 'good';
  if (ci[0] >= MODERATE_AGREEMENT) return 'moderate';
  return ci[1] < MODERATE_AGREEMENT ? 'poor' : 'uncertain';
}

/** The panel's label for one answer under `rule` (see `panelVerdict`): true adequate, false inadequate, null undecided. */
export function panelLabel(verdicts: readonly (boolean | null)[], rule: PanelRule = 'majority'): boolean | null {
  const verdict = panelVerdict(
    verdicts.map((v) => (v === null ? null : v ? 'adequate' : 'inadequate')),
    rule,
    'adequate',
  );
  return verdict === null ? null : verdict === 'adequate';
}

/**
 * Agreement of a panel of judges and the rate it measures. One judge is fragile (published judge-to-judge kappa
 * can be near 0.1), so the panel's agreement is reported (Fleiss' kappa over the items every judge read, with a
 * percentile bootstrap interval over items, resampled by vignette when items name one — Zapf et al., BMC Med Res Methodol 2016, recommend it for Fleiss'
 * kappa), its majority is the label, and where clinicians adjudicated some answers the judge-based adequate rate is
 * corrected by prediction-powered inference (Angelopoulos et al., Science 2023), reported beside the raw rate.
 */
export function summarizeJudgePanel(
  judges: readonly string[],
  items: readonly PanelItem[],
  options: { seed: number; rule?: PanelRule; bootstrapResamples?: number; confLevel?: number },
): JudgePanelSummary {
  const rule = options.rule ?? 'majority';
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
          clusters: clustersOf(complete, rows),
          statistic: (units) => fleissKappa(units),
          nResamples: options.bootstrapResamples ?? 2000,
          confLevel: options.confLevel,
          seed: options.seed,
        })
      : undefined;
  const labelled = items.flatMap((item) => {
    const label = panelLabel(item.verdicts, rule);
    return label === null ? [] : [{ item, label: label ? 1 : 0 }];
  });
  const adjudicated = labelled.filter((x) => x.item.clinician !== undefined);
  const others = labelled.filter((x) => x.item.clinician === undefined);
  return {
    judges: [...judges],
    rule,
    nItems: items.length,
    nUnlabelled: items.length - labelled.length,
    perJudge: judges.map((judge, j) =>
      verdictCounts(
        judge,
        items.map((item) => item.verdicts[j]!),
      ),
    ),
    pairwiseKappa: judges.flatMap((a, i) => judges.slice(i + 1).map((b, k) => pairKappa([a, b], items, i, i + 1 + k, options.confLevel))),
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
    nAdjudicated: adjudicated.length,
  };
}

/** The rows grouped by their items' clusters (an item without one is its own), in first-seen order. */
function clustersOf(items: readonly PanelItem[], rows: readonly number[][]): Map<string, number[][]> {
  const clusters = new Map<string, number[][]>();
  items.forEach((item, i) => {
    const id = item.cluster === undefined ? `item\u0000${String(i).padStart(8, '0')}` : `cluster\u0000${item.cluster}`;
    clusters.set(id, [...(clusters.get(id) ?? []), rows[i]!]);
  });
  return clusters;
}

function verdictCounts(judge: string, verdicts: readonly (boolean | null)[]): JudgeVerdictCounts {
  const adequate = verdicts.filter((v) => v === true).length;
  const inadequate = verdicts.filter((v) => v === false).length;
  return {
    judge,
    adequate,
    inadequate,
    unreadable: verdicts.length - adequate - inadequate,
    adequateRate: adequate / (adequate + inadequate),
  };
}

function pairKappa(judges: [string, string], items: readonly PanelItem[], a: number, b: number, confLevel?: number): PairwiseJudgeKappa {
  const table = [
    [0, 0],
    [0, 0],
  ];
  for (const { verdicts } of items) {
    const [x, y] = [verdicts[a], verdicts[b]];
    if (x !== null && x !== undefined && y !== null && y !== undefined) table[x ? 0 : 1]![y ? 0 : 1]!++;
  }
  const n = table.flat().reduce((s, c) => s + c, 0);
  if (n < 2) return { judges, n, kappa: NaN, ciLow: NaN, ciHigh: NaN };
  const k = cohensKappa(table, { confLevel });
  return { judges, n, kappa: k.kappa, ciLow: k.ciLow, ciHigh: k.ciHigh };
}

/** A panel's per-judge verdicts on one answer, as recorded (judge-verdicts.jsonl). */
export interface RecordedPanelVerdicts {
  key: string;
  vignetteId: string;
  verdicts: Record<string, 'adequate' | 'inadequate' | null>;
}

/**
 * The panel's items from recorded verdicts and clinician labels (response key -> true correct, false incorrect; labels
 * that are neither, such as refusal or unsure, are left out), in the recorded order.
 */
export function panelItems(
  judges: readonly string[],
  records: readonly RecordedPanelVerdicts[],
  clinician: ReadonlyMap<string, boolean>,
): PanelItem[] {
  return records.map((r) => {
    const label = clinician.get(r.key);
    const verdicts = judges.map((j) => (r.verdicts[j] === undefined || r.verdicts[j] === null ? null : r.verdicts[j] === 'adequate'));
    return { key: r.key, verdicts, cluster: r.vignetteId, ...(label === undefined ? {} : { clinician: label }) };
  });
}
