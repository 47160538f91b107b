import type { PanelRule } from '../../study/types.js';

/**
 * The panel's verdict from its judges' verdicts (null: a judge gave none that could be read), under the study's
 * rule (see `PanelRule`). `positive` is the verdict `unanimous-correct` requires of every judge (adequate, or for
 * pairwise verdicts `same`: a pair counts as unchanged only when every judge says so). Null means undecided: a tie,
 * nothing readable, or a unanimous rule missing a verdict. Never a silent pick.
 */
export function panelVerdict<V extends string>(verdicts: readonly (V | null)[], rule: PanelRule, positive: V): V | null {
  const readable = verdicts.filter((v): v is V => v !== null);
  switch (rule) {
    case 'majority': {
      const counts = new Map<V, number>();
      for (const v of readable) counts.set(v, (counts.get(v) ?? 0) + 1);
      for (const [verdict, n] of counts) if (2 * n > readable.length) return verdict;
      return null;
    }
    case 'unanimous-correct': {
      const negative = readable.find((v) => v !== positive);
      if (negative !== undefined) return negative;
      return readable.length === verdicts.length && readable.length > 0 ? positive : null;
    }
  }
}
