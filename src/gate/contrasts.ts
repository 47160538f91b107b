import { findingsPerCueMode } from '../analysis/findingsPerCueMode.js';
import { pooledScores } from '../analysis/probes.js';
import { findingPairs } from '../analysis/findings.js';
import { gradedScores } from '../analysis/careIntensity.js';
import type { Finding } from '../analysis/types.js';
import type { LoadedRun } from '../pipeline/loadRun.js';
import { readFindingsJson, readScores } from '../pipeline/runDir.js';
import type { AnalysisResults } from '../analysis/analyze.js';
import type { ScoreRecord } from '../score/types.js';
import { simultaneousLevel, type SimultaneousLevel } from '../analysis/simultaneous.js';
import { scoresWhere } from '../score/rows.js';
import { adjustPValues } from '../stats/adjust.js';
import { deriveSeed } from '../util/hash.js';
import type { GatedFinding } from './evaluate.js';

/** JSON has no Infinity or NaN: findings.json writes them as null (README: a null ratio is "the reference never errs"). */
type FindingJson = Omit<Finding, 'ratio' | 'ratioCi' | 'ratioCiSimultaneous' | 'simultaneousLevel' | 'p' | 'pAdjusted'> & {
  ratio: number | null;
  ratioCi: [number | null, number | null] | null;
  ratioCiSimultaneous?: [number | null, number | null] | null;
  simultaneousLevel?: number | null;
  p: number | null;
  pAdjusted: number | null;
};

/**
 * The run's error-amplification findings, as findings.json states them (the numbers the report shows), each with
 * its family's intervals at the analysis's alpha (absent from runs analysed before they were recorded).
 */
export function runFindings(run: LoadedRun): GatedFinding[] {
  return readFindingsJson<FindingJson>(run.dir)
    .filter((f) => f.endpoint === undefined || f.endpoint === 'error')
    .map(({ differenceCiSimultaneous, ratioCiSimultaneous, simultaneousLevel: level, simultaneousKind, familySize, ...f }) => ({
      ...f,
      domain: null,
      ratio: f.ratio ?? Infinity,
      ratioCi: infiniteEnds(f.ratioCi),
      p: f.p ?? NaN,
      pAdjusted: f.pAdjusted ?? NaN,
      ...recordedFamily({ differenceCiSimultaneous, ratioCiSimultaneous, simultaneousLevel: level, simultaneousKind, familySize }),
    }));
}

/** A family interval as results.json and findings.json record it, or nothing for results from before it was. */
function recordedFamily(
  f: Pick<FindingJson, 'differenceCiSimultaneous' | 'ratioCiSimultaneous' | 'simultaneousLevel' | 'simultaneousKind' | 'familySize'>,
): Pick<GatedFinding, 'family'> {
  if (typeof f.simultaneousLevel !== 'number') return {};
  return {
    family: {
      differenceCi: f.differenceCiSimultaneous ?? null,
      ratioCi: infiniteEnds(f.ratioCiSimultaneous),
      level: f.simultaneousLevel,
      kind: f.simultaneousKind,
      size: f.familySize,
    },
  };
}

/** A ratio interval read back from JSON, whose null ends were infinite. */
function infiniteEnds(ci: [number | null, number | null] | null | undefined): [number, number] | null {
  return ci ? [ci[0] ?? Infinity, ci[1] ?? Infinity] : null;
}

/**
 * Each error finding with its intervals at the level of the family its p-value was adjusted in, at the gate's alpha
 * (`simultaneousLevel`), recomputed from scores.jsonl with the same seeds and methods as its 95% intervals: per-domain
 * findings form one family per model and declared contrast across every gated domain (as `domainFindings` adjusts
 * them), whole-run findings one per model, contrast and cue mode (as the run's analysis does).
 * Care-intensity findings are returned unchanged.
 */
export function withFamilyIntervals(
  run: LoadedRun,
  scores: readonly ScoreRecord[],
  findings: readonly GatedFinding[],
  alpha: number,
  perDomain: boolean,
): GatedFinding[] {
  const errors = findings.filter((f) => f.measure === undefined);
  const familyOf = (f: GatedFinding) => JSON.stringify([f.model, f.contrast ?? null, ...(perDomain ? [] : [f.cues ?? null])]);
  const levels = new Map<string, SimultaneousLevel>();
  for (const key of new Set(errors.map(familyOf))) {
    const family = errors.filter((f) => familyOf(f) === key);
    levels.set(
      key,
      simultaneousLevel(
        family.map((f) => f.p),
        family.map((f) => f.pAdjusted),
        family[0]!.adjustment,
        alpha,
      ),
    );
  }
  const recomputed = new Map<string, Map<string, GatedFinding>>();
  const intervalsAt = (domain: string | null, level: number): Map<string, GatedFinding> => {
    const cacheKey = JSON.stringify([domain, level]);
    let byContrast = recomputed.get(cacheKey);
    if (!byContrast) {
      byContrast = new Map(analyseScores(run, scores, domain, level).map((f) => [contrastKey(f), f]));
      recomputed.set(cacheKey, byContrast);
    }
    return byContrast;
  };
  return findings.map((f) => {
    if (f.measure !== undefined) return f;
    const { level, kind, familySize } = levels.get(familyOf(f))!;
    const same = Number.isFinite(level) ? intervalsAt(f.domain, level).get(contrastKey(f)) : undefined;
    if (!same) return f;
    return { ...f, family: { differenceCi: same.differenceCi, ratioCi: same.ratioCi, level, kind, size: familySize } };
  });
}

/**
 * The run's care-intensity recommendation findings (results.json `careIntensity`, yes/no kind): a level recommended
 * more care less (or more) often than its reference is a disparity in the same units as error amplification, so it
 * is gated by the same rule, marked `measure: 'more-care'`, with its family interval when results.json has it at the
 * gate's alpha. Care-level shifts (steps of a scale) have no threshold
 * in these units and are not gated. JSON nulls are read back as Infinity / NaN, as for findings.json.
 */
export function careFindings(results: AnalysisResults | undefined, atAnalysisAlpha: boolean): GatedFinding[] {
  return (results?.careIntensity ?? []).flatMap((f) => {
    if (f.kind !== 'recommendation') return [];
    const loose = f as unknown as FindingJson;
    return [
      {
        ...f,
        measure: 'more-care' as const,
        domain: null,
        ratio: loose.ratio ?? Infinity,
        ratioCi: infiniteEnds(loose.ratioCi),
        p: loose.p ?? NaN,
        pAdjusted: loose.pAdjusted ?? NaN,
        ...(atAnalysisAlpha ? recordedFamily(loose) : {}),
      },
    ];
  });
}

/**
 * Error amplification within each listed clinical domain, from scores.jsonl with the run's pairing, tests and
 * intervals (a domain's vignettes only). One adjustment family per model (and declared contrast family, adjusted as
 * declared) across every domain × axis level (× cue mode) gated,
 * so gating more domains does not raise the chance of a false failure. Bootstrap seeds are derived from the run
 * seed and the domain, so a domain's intervals do not depend on which other domains are listed.
 */
export function domainFindings(
  run: LoadedRun,
  domains: readonly string[],
  confLevel?: number,
  scores: readonly ScoreRecord[] = readScores(run.dir),
): GatedFinding[] {
  const { analysis, modelIds } = run.study;
  const gated = domains.flatMap((domain) => analyseScores(run, scores, domain, confLevel));
  const families = [...new Set(gated.map((f) => f.contrast))];
  for (const model of modelIds) {
    for (const contrast of families) {
      const family = gated.filter((f) => f.model === model && f.contrast === contrast);
      const adjusted = adjustPValues(
        family.map((f) => f.p),
        family[0]?.adjustment ?? analysis.adjustment,
      );
      family.forEach((f, i) => (f.pAdjusted = adjusted[i]!));
    }
  }
  return gated;
}

/** Intervals of one contrast at the equivalence level (1 − 2·alpha), keyed by `contrastKey`. */
export type EquivalenceIntervals = Map<string, Pick<GatedFinding, 'differenceCi' | 'ratioCi'>>;

/**
 * The error findings' intervals at `confLevel`, recomputed from scores.jsonl for the whole run or each listed domain
 * with the analysis's own seeds: the same bootstrap resamples (or the same Newcombe construction) as the 95%
 * intervals, so only the level differs.
 */
export function equivalenceIntervals(run: LoadedRun, domains: readonly string[] | null, confLevel: number): EquivalenceIntervals {
  const findings = domains ? domainFindings(run, domains, confLevel) : analyseScores(run, readScores(run.dir), null, confLevel);
  return new Map(findings.map((f) => [contrastKey(f), { differenceCi: f.differenceCi, ratioCi: f.ratioCi }]));
}

export function contrastKey(f: Pick<GatedFinding, 'model' | 'axis' | 'level' | 'domain' | 'cues' | 'contrast' | 'reference'>): string {
  return JSON.stringify([
    f.model,
    f.axis,
    f.level,
    f.domain,
    ...(f.cues ? [f.cues] : []),
    ...(f.contrast === undefined ? [] : [f.contrast, f.reference]),
  ]);
}

/**
 * The error findings of the whole run (domain null, the run's seed) or of one domain (a seed derived from it); in a
 * run that crosses cue modes, of each mode on its own (as the run's analysis does), tagged with it. Race-myth probes
 * are left out, as in findings.json.
 */
function analyseScores(
  run: LoadedRun,
  allScores: readonly ScoreRecord[],
  domain: string | null,
  confLevel: number | undefined,
): GatedFinding[] {
  const { axes } = run.manifest;
  const scores = gradedScores(pooledScores(allScores, run.vignettes), run.vignettes);
  const { analysis, modelIds } = run.study;
  const seed = analysis.bootstrapSeed ?? run.study.seed;
  const contrasts = findingPairs(domain === null ? scores : scoresWhere(scores, (s) => s.domain === domain), axes, analysis);
  const options = { ...analysis, seed: domain === null ? seed : deriveSeed(seed, 'gate-domain', domain), confLevel };
  return findingsPerCueMode(contrasts, axes, modelIds, 'error', options).map((f): GatedFinding => ({ ...f, domain }));
}
