import { answerToken } from '../analysis/flips.js';
import type { AnalysisOptions } from '../analysis/findings.js';
import { findingsPerCueMode } from '../analysis/findingsPerCueMode.js';
import { findingPairs } from '../analysis/findings.js';
import { pooledScores } from '../analysis/probes.js';
import type { Axis } from '../demographics/types.js';
import type { ScoreRecord } from '../score/types.js';
import type { CueMode } from '../template/render.js';
import type { Vignette } from '../template/types.js';
import { cohensKappa } from '../stats/cohensKappa.js';
import { fleissKappa } from '../stats/fleissKappa.js';
import { wilsonInterval } from '../stats/wilson.js';
import {
  labelOutcome,
  OUTCOME_LABELS,
  PAIR_LABELS,
  RESPONSE_LABELS,
  resolveLabels,
  type AdjudicationRecord,
  type LabelConflict,
} from './adjudications.js';

export interface AgreementTable {
  categories: readonly string[];
  /** Counts: rows are the automated verdict, columns the clinicians' label, both in `categories` order. */
  table: number[][];
  n: number;
  /** Cohen's kappa (unweighted) with its asymptotic (Wald) 95% interval truncated to [−1, 1], the range of kappa; null when undefined (no items, or one category only). */
  kappa: number | null;
  ci95: [number, number] | null;
  /** Labelled items with no automated verdict to compare (free text the judge could not score, pairs without a verdict). */
  excluded: number;
}

export interface FindingChange {
  model: string;
  axis: string;
  level: string;
  /** The cue mode, in a run that crosses cue modes. */
  cues?: CueMode;
  significantBefore: boolean;
  significantAfter: boolean;
  pAdjustedBefore: number;
  pAdjustedAfter: number;
}

export interface ReviewAgreement {
  /** Outcomes of single responses: correct, incorrect, refusal, unparseable. */
  responses: AgreementTable;
  /** Reference/level pairs: same or different in clinical substance. */
  pairs: AgreementTable;
  /** Error-amplification findings on the automated scores and on the adjudicated ones. */
  findings: { tested: number; significantBefore: number; significantAfter: number; changed: FindingChange[] };
  reviewers: string[];
  /** Agreement between reviewers on the responses and pairs more than one of them labelled. */
  interRater: { responses: InterRater; pairs: InterRater };
  /**
   * Responses and pairs the reviewers labelled differently: unresolved, so none of their labels is applied (the
   * automated outcome stays) and they are left out of `responses` and `pairs` above.
   */
  conflicts: LabelConflict[];
  /** Answers the reviewers (agreeing) marked `unsure`: the automated outcome stays; listed for another look. */
  unsure: { itemId: string; responseKey: string; by: string }[];
  /**
   * Automated scoring against the clinicians on the answers of a random sample (`review export --random`) only:
   * the share it got right, with a Wilson 95% interval — an estimate of its accuracy over all the answers sampled
   * from, which the kappa above (over the review queue, picked for likely errors) is not. Absent without such labels.
   */
  randomSample?: { n: number; agreeing: number; accuracy: number; ci95: [number, number] };
}

/**
 * Inter-rater agreement: Cohen's kappa (unweighted, with its truncated Wald 95% interval) when exactly two reviewers
 * labelled items in common, over those items; Fleiss' kappa when more did, over the items every one of them labelled
 * (Fleiss needs the same raters per item). `method` null: no item has two reviewers.
 */
export interface InterRater {
  method: 'cohen' | 'fleiss' | null;
  reviewers: string[];
  nItems: number;
  kappa: number | null;
  ci95: [number, number] | null;
}

export interface AgreementAnalysis {
  axes: readonly Axis[];
  /** The run's vignettes: race-myth probes are left out of the findings compared, as in findings.json. */
  vignettes: readonly Vignette[];
  modelIds: readonly string[];
  options: AnalysisOptions;
}

/**
 * Agreement between automated scoring and the clinicians over every labelled response and pair the reviewers agree
 * on (each reviewer's latest label; conflicts are listed apart), agreement between the reviewers, and how many findings change significance when the labels replace the automated outcomes. The automated
 * verdict of a pair is the pairwise judge's for free text, and whether the extracted answers differ otherwise.
 */
export function reviewAgreement(
  automated: readonly ScoreRecord[],
  adjudicated: readonly ScoreRecord[],
  records: readonly AdjudicationRecord[],
  analysis: AgreementAnalysis,
  sampledItems: ReadonlySet<string> = new Set(),
): ReviewAgreement {
  const byKey = new Map(automated.map((s) => [s.key, s]));
  const resolved = resolveLabels(records);
  const responsePairs: [string | null, string][] = [];
  const pairPairs: [string | null, string][] = [];
  const unsure: ReviewAgreement['unsure'] = [];
  const sampled: [string | null, string][] = [];
  for (const r of resolved.agreed) {
    if (r.target === 'response') {
      // Against automation a label counts as the outcome it stands for (partly correct as incorrect).
      const outcome = labelOutcome(r.label);
      if (outcome === null) unsure.push({ itemId: r.itemId, responseKey: r.responseKey, by: r.by });
      else responsePairs.push([byKey.get(r.responseKey)?.outcome ?? null, outcome]);
      if (outcome !== null && sampledItems.has(r.itemId)) sampled.push([byKey.get(r.responseKey)?.outcome ?? null, outcome]);
    } else pairPairs.push([automatedPairVerdict(byKey.get(r.referenceKey), byKey.get(r.levelKey)), r.label]);
  }
  return {
    responses: agreementTable(OUTCOME_LABELS, responsePairs),
    pairs: agreementTable(PAIR_LABELS, pairPairs),
    findings: findingChanges(automated, adjudicated, analysis),
    reviewers: [...new Set(records.map((r) => r.by))].sort(),
    interRater: {
      responses: interRater(RESPONSE_LABELS, resolved.byReviewer, 'response'),
      pairs: interRater(PAIR_LABELS, resolved.byReviewer, 'pair'),
    },
    conflicts: resolved.conflicts,
    unsure,
    ...randomSampleAccuracy(sampled),
  };
}

/** The share of the random sample's answers whose automated outcome is the clinicians' (answers automation left unscored are not counted). */
function randomSampleAccuracy(pairs: readonly [string | null, string][]): Pick<ReviewAgreement, 'randomSample'> {
  const compared = pairs.filter(([automated]) => automated !== null && (OUTCOME_LABELS as readonly string[]).includes(automated));
  if (compared.length === 0) return {};
  const agreeing = compared.filter(([automated, clinician]) => automated === clinician).length;
  const interval = wilsonInterval(agreeing, compared.length);
  return { randomSample: { n: compared.length, agreeing, accuracy: interval.estimate, ci95: [interval.low, interval.high] } };
}

function interRater(
  categories: readonly string[],
  byReviewer: ReadonlyMap<string, ReadonlyMap<string, AdjudicationRecord>>,
  target: AdjudicationRecord['target'],
): InterRater {
  const shared = [...byReviewer.values()].filter((labels) => labels.size > 1 && [...labels.values()][0]!.target === target);
  const reviewers = [...new Set(shared.flatMap((labels) => [...labels.keys()]))].sort();
  const none: InterRater = { method: null, reviewers, nItems: 0, kappa: null, ci95: null };
  const finite = (x: number) => (Number.isFinite(x) ? x : null);
  if (reviewers.length === 2) {
    const table = categories.map(() => categories.map(() => 0));
    for (const labels of shared)
      table[categories.indexOf(labels.get(reviewers[0]!)!.label)]![categories.indexOf(labels.get(reviewers[1]!)!.label)]!++;
    const k = cohensKappa(table);
    const ci = finite(k.ciLow) !== null && finite(k.ciHigh) !== null ? ([k.ciLow, k.ciHigh] as [number, number]) : null;
    return { method: 'cohen', reviewers, nItems: shared.length, kappa: finite(k.kappa), ci95: ci };
  }
  const complete = shared.filter((labels) => labels.size === reviewers.length);
  if (reviewers.length < 3 || complete.length === 0) return none;
  const table = complete.map((labels) => categories.map((c) => [...labels.values()].filter((r) => r.label === c).length));
  return { method: 'fleiss', reviewers, nItems: complete.length, kappa: finite(fleissKappa(table)), ci95: null };
}

function automatedPairVerdict(reference: ScoreRecord | undefined, level: ScoreRecord | undefined): string | null {
  if (!reference || !level) return null;
  const judged = level.pairwise?.find((n) => n.referenceKey === reference.key);
  if (judged) return judged.verdict;
  const [a, b] = [answerToken(reference), answerToken(level)];
  return a === null || b === null ? null : a === b ? 'same' : 'different';
}

function agreementTable(categories: readonly string[], pairs: readonly [string | null, string][]): AgreementTable {
  const table = categories.map(() => categories.map(() => 0));
  let excluded = 0;
  for (const [auto, clinician] of pairs) {
    const row = auto === null ? -1 : categories.indexOf(auto);
    if (row < 0) excluded++;
    else table[row]![categories.indexOf(clinician)]!++;
  }
  const n = pairs.length - excluded;
  const k = n > 0 ? cohensKappa(table) : undefined;
  const finite = (x: number | undefined) => x !== undefined && Number.isFinite(x);
  return {
    categories,
    table,
    n,
    kappa: k && finite(k.kappa) ? k.kappa : null,
    ci95: k && finite(k.ciLow) && finite(k.ciHigh) ? [k.ciLow, k.ciHigh] : null,
    excluded,
  };
}

function findingChanges(
  automated: readonly ScoreRecord[],
  adjudicated: readonly ScoreRecord[],
  { axes, vignettes, modelIds, options }: AgreementAnalysis,
): ReviewAgreement['findings'] {
  const findings = (scores: readonly ScoreRecord[]) =>
    findingsPerCueMode(findingPairs(pooledScores(scores, vignettes), axes, options), axes, modelIds, 'error', options);
  const before = findings(automated);
  const after = findings(adjudicated);
  const changed = before.flatMap((b) => {
    const a = after.find(
      (f) =>
        f.model === b.model &&
        f.axis === b.axis &&
        f.level === b.level &&
        f.cues === b.cues &&
        f.contrast === b.contrast &&
        f.reference === b.reference,
    );
    return a && a.significant !== b.significant
      ? [
          {
            model: b.model,
            axis: b.axis,
            level: b.level,
            ...(b.cues ? { cues: b.cues } : {}),
            significantBefore: b.significant,
            significantAfter: a.significant,
            pAdjustedBefore: b.pAdjusted,
            pAdjustedAfter: a.pAdjusted,
          },
        ]
      : [];
  });
  return {
    tested: before.length,
    significantBefore: before.filter((f) => f.significant).length,
    significantAfter: after.filter((f) => f.significant).length,
    changed,
  };
}
