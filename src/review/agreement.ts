import { answerToken } from '../analysis/flips.js';
import type { AnalysisOptions } from '../analysis/findings.js';
import { findingsPerCueMode } from '../analysis/cueModes.js';
import { findingPairs } from '../analysis/findings.js';
import { pooledScores } from '../analysis/probes.js';
import type { Axis } from '../demographics/types.js';
import type { ScoreRecord } from '../score/types.js';
import type { CueMode } from '../template/render.js';
import type { Vignette } from '../template/types.js';
import { cohensKappa } from '../stats/cohensKappa.js';
import { PAIR_LABELS, RESPONSE_LABELS, type AdjudicationRecord } from './adjudications.js';

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
}

export interface AgreementAnalysis {
  axes: readonly Axis[];
  /** The run's vignettes: race-myth probes are left out of the findings compared, as in findings.json. */
  vignettes: readonly Vignette[];
  modelIds: readonly string[];
  options: AnalysisOptions;
}

/**
 * Agreement between automated scoring and the clinicians over every labelled response and pair (the latest label of
 * each), and how many findings change significance when the labels replace the automated outcomes. The automated
 * verdict of a pair is the pairwise judge's for free text, and whether the extracted answers differ otherwise.
 */
export function reviewAgreement(
  automated: readonly ScoreRecord[],
  adjudicated: readonly ScoreRecord[],
  records: readonly AdjudicationRecord[],
  analysis: AgreementAnalysis,
): ReviewAgreement {
  const byKey = new Map(automated.map((s) => [s.key, s]));
  const latest = new Map(records.map((r) => [r.target === 'response' ? r.responseKey : `${r.referenceKey}\u0000${r.levelKey}`, r]));
  const responsePairs: [string | null, string][] = [];
  const pairPairs: [string | null, string][] = [];
  for (const r of latest.values()) {
    if (r.target === 'response') responsePairs.push([byKey.get(r.responseKey)?.outcome ?? null, r.label]);
    else pairPairs.push([automatedPairVerdict(byKey.get(r.referenceKey), byKey.get(r.levelKey)), r.label]);
  }
  return {
    responses: agreementTable(RESPONSE_LABELS, responsePairs),
    pairs: agreementTable(PAIR_LABELS, pairPairs),
    findings: findingChanges(automated, adjudicated, analysis),
    reviewers: [...new Set([...latest.values()].map((r) => r.by))].sort(),
  };
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
