import { adjustPValues } from '../stats/adjust.js';
import type { ScoreList } from '../score/rows.js';
import { PERSPECTIVES, type Perspective, type Vignette } from '../template/types.js';
import { isWrong } from '../pairing/pairs.js';
import { binaryContrast, VignetteCounter, type BinaryTest, type IntervalMethod, type VignetteCounts } from './binary.js';
import type { AnalysisOptions } from './findings.js';
import { simultaneousLevel, type SimultaneousKind } from './simultaneous.js';

/**
 * One model's error rate when the same clinical cases are asked from two perspectives (patient, clinician, general
 * user), over the cases written in both (`case:` in the templates). Perspective compared on equal content: the
 * per-perspective breakdown of the spread analysis mixes perspective with what each perspective's cases are about.
 */
export interface CasePerspectiveComparison {
  model: string;
  /** Perspective B is compared against A (A is the earlier of patient, clinician, general). */
  perspectiveA: Perspective;
  perspectiveB: Perspective;
  /** Cases written in both perspectives with at least one usable pair. */
  nCases: number;
  /** Pairs (case × replicate) behind the rates. */
  nPairs: number;
  /** Error rate (wrong, refused or unparseable) of A's and B's reference variants over the same pairs. */
  rateA: number;
  rateB: number;
  /** rateB − rateA, with its interval (as for the findings: Newcombe, or Rao-Scott with several pairs per case). */
  difference: number;
  differenceCi: [number, number] | null;
  ciMethod: IntervalMethod;
  /** Paired test over cases: exact (or mid-p) McNemar with one pair per case, clustered McNemar with several. */
  test: BinaryTest;
  p: number;
  /** Adjusted over the model's perspective comparisons with the run's adjustment. */
  pAdjusted: number;
  significant: boolean;
  /** The difference's interval at the level of the model's family of comparisons (`simultaneousLevel`), same method. */
  differenceCiSimultaneous: [number, number] | null;
  simultaneousLevel: number;
  simultaneousKind: SimultaneousKind;
  familySize: number;
}

/**
 * Pairs each case's reference variants across perspectives (same model, same replicate) and tests the difference in
 * error rate per pair of perspectives. Only reference variants: demographic cues are the same (the reference) in both,
 * so the comparison is of the perspective alone. Probe vignettes are not in `scores` (pooled scores).
 */
export function analyzeCasePerspectives(
  scores: ScoreList,
  vignettes: readonly Vignette[],
  modelIds: readonly string[],
  options: AnalysisOptions,
): CasePerspectiveComparison[] {
  const caseOf = new Map(vignettes.flatMap((v) => (v.case === undefined ? [] : [[v.id, v.case] as const])));
  if (caseOf.size === 0) return [];
  // model -> case -> replicate -> perspective -> wrong?
  const cells = new Map<string, Map<string, Map<number, Map<Perspective, boolean>>>>();
  for (const s of scores) {
    if (s.kind !== 'reference') continue;
    const caseId = caseOf.get(s.vignetteId);
    const wrong = isWrong(s.outcome);
    if (caseId === undefined || wrong === null) continue;
    const byCase = cells.get(s.modelId) ?? new Map();
    cells.set(s.modelId, byCase);
    const byReplicate = byCase.get(caseId) ?? new Map();
    byCase.set(caseId, byReplicate);
    const byPerspective = byReplicate.get(s.replicate) ?? new Map();
    byReplicate.set(s.replicate, byPerspective);
    byPerspective.set(s.perspective, wrong);
  }
  const out: CasePerspectiveComparison[] = [];
  for (const model of modelIds) {
    const rows: Omit<CasePerspectiveComparison, FamilyFields>[] = [];
    const countsOf: VignetteCounts[][] = [];
    for (const [i, a] of PERSPECTIVES.entries())
      for (const b of PERSPECTIVES.slice(i + 1)) {
        const counter = new VignetteCounter();
        for (const [caseId, byReplicate] of cells.get(model) ?? [])
          for (const byPerspective of byReplicate.values()) {
            const wrongA = byPerspective.get(a);
            const wrongB = byPerspective.get(b);
            if (wrongA !== undefined && wrongB !== undefined) counter.add(caseId, wrongA, wrongB);
          }
        const counts = counter.sorted();
        if (counts.length === 0) continue;
        const stats = binaryContrast(counts, options);
        countsOf.push(counts);
        rows.push({
          model,
          perspectiveA: a,
          perspectiveB: b,
          nCases: stats.nVignettes,
          nPairs: stats.nPairs,
          rateA: stats.rateReference,
          rateB: stats.rateLevel,
          difference: stats.difference,
          differenceCi: stats.differenceCi,
          ciMethod: stats.ciMethod,
          test: stats.test,
          p: stats.p,
        });
      }
    const adjusted = adjustPValues(
      rows.map((r) => r.p),
      options.adjustment,
    );
    const family = simultaneousLevel(
      rows.map((r) => r.p),
      adjusted,
      options.adjustment,
      options.alpha,
    );
    rows.forEach((r, k) =>
      out.push({
        ...r,
        pAdjusted: adjusted[k]!,
        significant: adjusted[k]! < options.alpha,
        differenceCiSimultaneous: Number.isFinite(family.level)
          ? binaryContrast(countsOf[k]!, { ...options, confLevel: family.level }).differenceCi
          : null,
        simultaneousLevel: family.level,
        simultaneousKind: family.kind,
        familySize: family.familySize,
      }),
    );
  }
  return out;
}

/** What is known of a comparison only once its model's family is: the adjustment and the interval at its level. */
type FamilyFields = 'pAdjusted' | 'significant' | 'differenceCiSimultaneous' | 'simultaneousLevel' | 'simultaneousKind' | 'familySize';
