import type { GateContrast, GateResult, GateVerdict } from '../gate/types.js';
import type { ModelComparison } from './types.js';

/** One contrast before (run A) and after (run B) a mitigation. Points are percentage points. */
export interface MitigationContrast {
  model: string;
  axis: string;
  level: string;
  reference: string;
  cues?: string;
  disparityBeforePoints: number;
  disparityAfterPoints: number;
  changePoints: number;
  /** The change's interval at the family's level (the one read beside its adjusted p-value). */
  changeCiPoints: [number, number] | null;
  changeSignificant: boolean;
  /** Run B on its own: its paired difference interval at the equivalence level (1 − 2α), null when not assessed. */
  afterCiPoints: [number, number] | null;
  /** The gate's equivalence verdict on run B against ±margin: `pass` (shown within), `exceeds`, `inconclusive`; null when no margin was given. */
  afterEquivalence: GateVerdict | null;
}

/**
 * Evidence that a change reduced disparity (45 CFR 92.210(c) asks covered entities to mitigate identified risks):
 * per contrast, the disparity before and after, the change with its interval, and whether run B alone is shown
 * equivalent to no disparity within a margin (the gate's equivalence mode). compare.json `mitigation`.
 */
export interface MitigationEvidence {
  /** Equivalence margin in percentage points; null when none was given (equivalence not assessed). */
  marginPoints: number | null;
  /** Level of the equivalence intervals (1 − 2α); null when not assessed. */
  confLevel: number | null;
  contrasts: MitigationContrast[];
  /** What the evidence shows, in the words its numbers support. */
  sentence: string;
}

/** Joins the comparisons (A before, B after) with the gate's equivalence verdicts on run B, when a margin was given. */
export function mitigationEvidence(
  comparisons: readonly ModelComparison[],
  equivalence: { margin: number; result: GateResult } | undefined,
): MitigationEvidence {
  const refusals = equivalence?.result.refusals ?? [];
  const key = (c: Pick<GateContrast, 'model' | 'axis' | 'level' | 'cues'>) => JSON.stringify([c.model, c.axis, c.level, c.cues ?? null]);
  const verdicts = new Map((equivalence?.result.contrasts ?? []).filter((c) => c.domain === null).map((c) => [key(c), c]));
  const contrasts = comparisons.flatMap((comparison) =>
    comparison.changes.map((change): MitigationContrast => {
      const gated = verdicts.get(key({ model: comparison.b.model, axis: change.axis, level: change.level, cues: comparison.cues }));
      return {
        model: comparison.b.model,
        axis: change.axis,
        level: change.level,
        reference: change.reference,
        ...(comparison.cues ? { cues: comparison.cues } : {}),
        disparityBeforePoints: 100 * change.disparityA,
        disparityAfterPoints: 100 * change.disparityB,
        changePoints: 100 * change.change,
        changeCiPoints: change.changeCiSimultaneous ? [100 * change.changeCiSimultaneous[0], 100 * change.changeCiSimultaneous[1]] : null,
        changeSignificant: change.significant,
        afterCiPoints: gated?.equivalenceDifferenceCiPoints ?? null,
        // A run the gate refuses (failed requests, unreadable answers) shows nothing equivalent.
        afterEquivalence: equivalence ? (refusals.length === 0 ? (gated?.verdict ?? 'inconclusive') : 'inconclusive') : null,
      };
    }),
  );
  return {
    marginPoints: equivalence?.margin ?? null,
    confLevel: equivalence?.result.thresholds.equivalenceConfLevel ?? null,
    contrasts,
    sentence: [
      mitigationSentence(contrasts, equivalence?.margin),
      ...(refusals.length
        ? [`The gate refuses a verdict on run B (${refusals.join('; ')}), so nothing after the change is shown equivalent.`]
        : []),
    ].join(' '),
  };
}

function mitigationSentence(contrasts: readonly MitigationContrast[], margin: number | undefined): string {
  const reduced = contrasts.filter((c) => c.changeSignificant && Math.abs(c.disparityAfterPoints) < Math.abs(c.disparityBeforePoints));
  const increased = contrasts.filter((c) => c.changeSignificant && Math.abs(c.disparityAfterPoints) > Math.abs(c.disparityBeforePoints));
  const parts = [
    `Of ${contrasts.length} contrast${contrasts.length === 1 ? '' : 's'}, ${reduced.length} had a significantly smaller disparity after the change and ${increased.length} a significantly larger one; the others changed by less than the data can tell apart from no change.`,
  ];
  if (margin === undefined)
    parts.push(
      'Whether the disparity after the change is small enough was not assessed: give an equivalence margin (compare --margin POINTS).',
    );
  else {
    const shown = contrasts.filter((c) => c.afterEquivalence === 'pass').length;
    parts.push(
      `After the change, ${shown} of ${contrasts.length} ${contrasts.length === 1 ? 'is' : 'are'} shown within ±${margin} points of no disparity (equivalence); ${contrasts.length - shown === 0 ? 'none is' : `${contrasts.length - shown} ${contrasts.length - shown === 1 ? 'is' : 'are'}`} not, so mitigation is not demonstrated there.`,
    );
  }
  return parts.join(' ');
}
