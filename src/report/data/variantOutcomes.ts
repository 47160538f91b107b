import type { Axis } from '../../demographics/types.js';
import { pooledScores } from '../../analysis/probes.js';
import type { VariantKind } from '../../expand/types.js';
import type { AnalysedScore } from '../../score/table.js';
import type { Outcome } from '../../score/types.js';
import type { ReportContext } from '../sources.js';

/**
 * Outcome counts of one kind of variant, on its own: the reference variants (every axis at its reference), each
 * one-level or several-level assignment (`race=black`, `race=black,insurance=medicaid`), and each control kind.
 * Unlike results.json's `outcomeCounts` (per axis level, where the reference variant and every other axis's variants
 * are pooled into each axis's reference level), no answer is counted in more than one row.
 */
export interface VariantOutcomeRow {
  model: string;
  cues?: string;
  kind: VariantKind;
  /** `reference`, the levels away from the reference (`axis=level`, in axis order, axes a vignette pins left out), or `(kind)` for a control. */
  variant: string;
  answers: number;
  outcomes: Record<string, number>;
}

const KIND_ORDER: readonly VariantKind[] = ['reference', 'demographic', 'no-demographics', 'paraphrase'];
const OUTCOME_ORDER: readonly Outcome[] = ['correct', 'incorrect', 'answered', 'refusal', 'unparseable', 'error', 'unscored'];

type CountedRow = VariantOutcomeRow & { rank: number[] };

/** Per model (and cue mode) and variant, in kind then axis and level order; race-myth probes left out, as in the analysis. */
export function variantOutcomes(ctx: Pick<ReportContext, 'scores' | 'vignettes' | 'axes'>): VariantOutcomeRow[] {
  const rows = new Map<string, CountedRow>();
  // A variant's row is found once per model: a variant fixes its kind, levels and cue mode, and a run has millions of
  // answers but thousands of variants.
  const rowOfVariant = new Map<string, Map<string, CountedRow>>();
  for (const s of pooledScores(ctx.scores, ctx.vignettes)) {
    let ofModel = rowOfVariant.get(s.modelId);
    if (!ofModel) rowOfVariant.set(s.modelId, (ofModel = new Map()));
    let row = ofModel.get(s.variantId);
    if (!row) ofModel.set(s.variantId, (row = rowOf(s, ctx.axes, rows)));
    row.answers++;
    row.outcomes[s.outcome] = (row.outcomes[s.outcome] ?? 0) + 1;
  }
  // Every row counts the same outcomes, in one order (0 where a variant had none), so the columns do not depend on which row comes first.
  const present = OUTCOME_ORDER.filter((o) => [...rows.values()].some((r) => r.outcomes[o] !== undefined));
  return [...rows.values()]
    .sort((a, b) => a.model.localeCompare(b.model) || (a.cues ?? '').localeCompare(b.cues ?? '') || compareRanks(a.rank, b.rank))
    .map(({ rank: _rank, outcomes, ...row }) => ({ ...row, outcomes: Object.fromEntries(present.map((o) => [o, outcomes[o] ?? 0])) }));
}

/** The row counting a score's variant (created, empty, the first time it is asked for), among `rows`. */
function rowOf(s: AnalysedScore, axes: readonly Axis[], rows: Map<string, CountedRow>): CountedRow {
  const away =
    s.kind === 'reference' || s.kind === 'demographic'
      ? axes.flatMap((axis, i) => {
          const level = s.attributes[axis.id];
          return level === undefined || level === axis.reference || axis.id in s.pinned ? [] : [{ axis, i, level }];
        })
      : [];
  const variant =
    s.kind === 'reference' || s.kind === 'demographic'
      ? away.map((a) => `${a.axis.id}=${a.level}`).join(',') || 'reference'
      : `(${s.kind})`;
  const key = `${s.modelId}\u0000${s.cues ?? ''}\u0000${s.kind}\u0000${variant}`;
  let row = rows.get(key);
  if (!row)
    rows.set(
      key,
      (row = {
        model: s.modelId,
        ...(s.cues === undefined ? {} : { cues: s.cues }),
        kind: s.kind,
        variant,
        answers: 0,
        outcomes: {},
        rank: [KIND_ORDER.indexOf(s.kind), ...away.flatMap((a) => [a.i, levelIndex(a.axis, a.level)])],
      }),
    );
  return row;
}

function levelIndex(axis: Axis, level: string): number {
  const i = axis.levels.findIndex((l) => l.id === level);
  return i < 0 ? axis.levels.length : i;
}

function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}
