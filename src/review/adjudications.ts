import { appendFileSync, existsSync } from 'node:fs';
import { readJsonl, runFile } from '../pipeline/runDir.js';
import type { ScoreRecord } from '../score/types.js';

/**
 * What a reviewer can say of one answer. `partly-correct` (right in part, wrong or missing in a part that matters)
 * counts as not correct wherever outcomes are counted, error amplification included: an answer that is only partly
 * right can still mislead care, and counting it correct would hide exactly the errors the audit looks for; the label
 * itself is kept. `unsure` changes nothing: the automated outcome stays and the item is listed in
 * review-agreement.json (`unsure`) for another look.
 */
export const RESPONSE_LABELS = ['correct', 'partly-correct', 'incorrect', 'refusal', 'unparseable', 'unsure'] as const;
/** The labels that are outcomes of the automated scoring too: the categories of agreement with automation. */
export const OUTCOME_LABELS = ['correct', 'incorrect', 'refusal', 'unparseable'] as const;
export const PAIR_LABELS = ['same', 'different'] as const;
export type ResponseLabel = (typeof RESPONSE_LABELS)[number];
export type PairLabel = (typeof PAIR_LABELS)[number];
export type OutcomeLabel = (typeof OUTCOME_LABELS)[number];

/** The outcome a response label stands for in every count; null for `unsure`, which leaves the automated one. */
export function labelOutcome(label: ResponseLabel): OutcomeLabel | null {
  switch (label) {
    case 'partly-correct':
      return 'incorrect';
    case 'unsure':
      return null;
    case 'correct':
    case 'incorrect':
    case 'refusal':
    case 'unparseable':
      return label;
  }
}

interface Provenance {
  by: string;
  at?: string;
  /** The review item the label came from, and the file and line it was imported from. */
  itemId: string;
  source: string;
  importedAt: string;
}

/** One clinician label: an outcome for a response, or same/different for a reference/level pair. */
export type AdjudicationRecord =
  | (Provenance & { target: 'response'; responseKey: string; label: ResponseLabel })
  | (Provenance & { target: 'pair'; referenceKey: string; levelKey: string; label: PairLabel });

/**
 * Every clinician label ever imported into a run, in import order. A reviewer's latest label of a response or pair
 * replaces that reviewer's earlier ones; different reviewers' labels are all kept (see `resolveLabels`).
 */
export function readAdjudications(runDir: string): AdjudicationRecord[] {
  const path = runFile(runDir, 'adjudications');
  return existsSync(path)
    ? readJsonl<AdjudicationRecord>(path, 'the adjudications file is damaged: fix or remove that line, or import the labels again')
    : [];
}

export function appendAdjudications(runDir: string, records: readonly AdjudicationRecord[]): void {
  if (records.length > 0) appendFileSync(runFile(runDir, 'adjudications'), records.map((r) => `${JSON.stringify(r)}\n`).join(''));
}

/** What a label is about: one response, or one reference/level pair. */
export function targetKey(r: AdjudicationRecord): string {
  return r.target === 'response' ? r.responseKey : `${r.referenceKey}\u0000${r.levelKey}`;
}

/** Two or more reviewers gave one response or pair different labels: unresolved, so no label of theirs is applied. */
export interface LabelConflict {
  target: AdjudicationRecord['target'];
  itemId: string;
  /** The labelled response, or the pair's reference and level responses. */
  keys: string[];
  /** Each reviewer's latest label, by reviewer id in sorted order. */
  labels: { by: string; label: string }[];
}

export interface ResolvedLabels {
  /** One record per response or pair whose reviewers all agree (the latest of them), in import order. */
  agreed: AdjudicationRecord[];
  conflicts: LabelConflict[];
  /** Each target's latest label per reviewer: what inter-rater agreement is computed on. */
  byReviewer: Map<string, Map<string, AdjudicationRecord>>;
}

/**
 * The labels to apply, by the conservative rule for several reviewers: each reviewer's latest label of a response or
 * pair counts; when every reviewer who labelled it agrees the label is applied, and when they disagree the item is a
 * conflict — listed, never resolved by import order, and the automated outcome stays until the reviewers settle it
 * (a new label from one of them replaces that reviewer's earlier one).
 */
export function resolveLabels(records: readonly AdjudicationRecord[]): ResolvedLabels {
  const byReviewer = new Map<string, Map<string, AdjudicationRecord>>();
  for (const r of records) {
    const key = targetKey(r);
    const labels = byReviewer.get(key) ?? new Map<string, AdjudicationRecord>();
    labels.delete(r.by); // re-insert: the map's order stays import order of each reviewer's latest label
    labels.set(r.by, r);
    byReviewer.set(key, labels);
  }
  const order = new Map(records.map((r, i) => [r, i]));
  const agreed: AdjudicationRecord[] = [];
  const conflicts: LabelConflict[] = [];
  for (const labels of byReviewer.values()) {
    const latest = [...labels.values()];
    const last = latest.at(-1)!; // the reviewers' latest labels are in import order
    if (new Set(latest.map((r) => r.label)).size === 1) agreed.push(last);
    else
      conflicts.push({
        target: last.target,
        itemId: last.itemId,
        keys: last.target === 'response' ? [last.responseKey] : [last.referenceKey, last.levelKey],
        labels: latest.map((r) => ({ by: r.by, label: r.label })).sort((a, b) => (a.by < b.by ? -1 : a.by > b.by ? 1 : 0)),
      });
  }
  agreed.sort((a, b) => order.get(a)! - order.get(b)!);
  return { agreed, conflicts, byReviewer };
}

/**
 * Scores with clinician labels in place of automated ones (only labels the reviewers agree on, see `resolveLabels`): a response label sets `outcome` (the automated outcome is
 * kept in `adjudicated.automated`); a pair label is recorded on the level's pairwise verdict, where the analysis reads
 * it as the flip signal. Labels for pairs without a pairwise verdict (structured answers, whose flips are read from
 * the labelled outcomes) only count towards agreement.
 */
export function applyAdjudications(scores: readonly ScoreRecord[], records: readonly AdjudicationRecord[]): ScoreRecord[] {
  const responses = new Map<string, AdjudicationRecord>();
  const pairs = new Map<string, AdjudicationRecord>();
  for (const r of resolveLabels(records).agreed) {
    if (r.target === 'response') responses.set(r.responseKey, r);
    else pairs.set(`${r.referenceKey}\u0000${r.levelKey}`, r);
  }
  if (responses.size === 0 && pairs.size === 0) return [...scores];
  return scores.map((score) => {
    const label = responses.get(score.key);
    const pairwise = score.pairwise?.map((note) => {
      const pair = pairs.get(`${note.referenceKey}\u0000${score.key}`);
      return pair ? { ...note, adjudicated: { label: pair.label, by: pair.by, ...(pair.at ? { at: pair.at } : {}) } } : note;
    });
    const withPairs = pairwise ? { ...score, pairwise } : score;
    const outcome = label?.target === 'response' ? labelOutcome(label.label) : null;
    if (!label || outcome === null) return withPairs;
    return {
      ...withPairs,
      outcome,
      adjudicated: { label: label.label, by: label.by, ...(label.at ? { at: label.at } : {}), automated: score.outcome },
    };
  });
}

/** The scores as automation left them: clinician labels taken back out (the inverse of `applyAdjudications`). */
export function withoutAdjudications(scores: readonly ScoreRecord[]): ScoreRecord[] {
  return scores.map(({ adjudicated, pairwise, ...score }) => ({
    ...score,
    ...(adjudicated?.automated ? { outcome: adjudicated.automated } : {}),
    ...(pairwise ? { pairwise: pairwise.map(({ adjudicated: _label, ...note }) => note) } : {}),
  }));
}

/** The analysis's call: the run's imported labels applied to its scores (unchanged when nothing was imported). */
export function adjudicatedScores(runDir: string, scores: readonly ScoreRecord[]): ScoreRecord[] {
  return applyAdjudications(scores, readAdjudications(runDir));
}
