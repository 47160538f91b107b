import { appendFileSync, existsSync } from 'node:fs';
import { readJsonl, runFile } from '../pipeline/runDir.js';
import type { ScoreRecord } from '../score/types.js';

export const RESPONSE_LABELS = ['correct', 'incorrect', 'refusal', 'unparseable'] as const;
export const PAIR_LABELS = ['same', 'different'] as const;
export type ResponseLabel = (typeof RESPONSE_LABELS)[number];
export type PairLabel = (typeof PAIR_LABELS)[number];

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

/** Every clinician label ever imported into a run, in import order; the latest label of a response or pair wins. */
export function readAdjudications(runDir: string): AdjudicationRecord[] {
  const path = runFile(runDir, 'adjudications');
  return existsSync(path)
    ? readJsonl<AdjudicationRecord>(path, 'the adjudications file is damaged: fix or remove that line, or import the labels again')
    : [];
}

export function appendAdjudications(runDir: string, records: readonly AdjudicationRecord[]): void {
  if (records.length > 0) appendFileSync(runFile(runDir, 'adjudications'), records.map((r) => `${JSON.stringify(r)}\n`).join(''));
}

/**
 * Scores with clinician labels in place of automated ones: a response label sets `outcome` (the automated outcome is
 * kept in `adjudicated.automated`); a pair label is recorded on the level's pairwise verdict, where the analysis reads
 * it as the flip signal. Labels for pairs without a pairwise verdict (structured answers, whose flips are read from
 * the labelled outcomes) only count towards agreement.
 */
export function applyAdjudications(scores: readonly ScoreRecord[], records: readonly AdjudicationRecord[]): ScoreRecord[] {
  const responses = new Map<string, AdjudicationRecord>();
  const pairs = new Map<string, AdjudicationRecord>();
  for (const r of records) {
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
    if (!label) return withPairs;
    return {
      ...withPairs,
      outcome: label.label as ResponseLabel,
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
