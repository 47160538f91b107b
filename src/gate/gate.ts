import type { AnalysisResults } from '../analysis/analyze.js';
import { loadRun, type LoadedRun } from '../pipeline/loadRun.js';
import { readResultsIfAnalysed, readScores } from '../pipeline/runDir.js';
import type { GateSettings } from '../study/types.js';
import { plural } from '../report/format.js';
import { describeSubset } from '../study/subset.js';
import { careFindings, contrastKey, domainFindings, equivalenceIntervals, runFindings, withFamilyIntervals } from './contrasts.js';
import { evaluateGate, type GatedFinding } from './evaluate.js';
import { contrastName } from './format.js';
import { readStudyGate } from './studySection.js';
import { resolveThresholds } from './thresholds.js';
import type { GateContrast, GateResult, GateThresholds } from './types.js';

/**
 * Judges a run against its thresholds (flags over the study's `gate:` section). A run that cannot support a verdict
 * is refused (exit 2), never passed: no contrast to judge, a contrast without usable pairs, one that lost more
 * than `maxLostPairs` of its pairs to missing answers (a dead endpoint leaves every pair excluded), or a model whose
 * data failed the run's data-quality check (results.json `dataQuality`: too many failed requests or unreadable
 * answers, or a stopped endpoint — a model answering nothing readable errs equally for everyone).
 */
export function gateRun(runDir: string, flags: GateSettings, studyFile?: string): GateResult {
  const run = loadRun(runDir);
  const study = readStudyGate(run.manifest, studyFile);
  const thresholds = resolveThresholds(flags, study, run);
  // Care-intensity recommendations are gated on the whole run in superiority mode (no per-domain or equivalence
  // intervals are computed for them yet).
  const results = readResultsIfAnalysed(run.dir);
  const careGated = thresholds.domains === null && thresholds.mode !== 'equivalence';
  const care = careGated ? careFindings(results, thresholds.alpha === run.manifest.analysis.alpha) : [];
  const inScope = (f: { axis: string }) => thresholds.axes === null || thresholds.axes.includes(f.axis);
  // Not gated is said out loud: a pass must not look as if it covered the care contrasts too.
  const careLeftOut = careGated ? 0 : careFindings(results, false).filter(inScope).length;
  const selected = [...errorFindings(run, thresholds), ...care].filter(inScope);
  const contrasts = evaluateGate(withEquivalenceIntervals(run, selected, thresholds), thresholds);
  const refusals = [...qualityRefusals(results, new Set(contrasts.map((c) => c.model))), ...refusalsOf(contrasts, thresholds)];
  const failed = contrasts.filter((c) => c.failed).length;
  return {
    schema: 'counterfair.gate/1',
    passed: refusals.length === 0 && failed === 0,
    refused: refusals.length > 0,
    refusals,
    runDir,
    thresholds: { ...thresholds, adjustment: run.manifest.analysis.adjustment, studyFile: study.file },
    notes: [
      ...(run.manifest.subset
        ? [
            `This run is a smoke-test subset of its study (${describeSubset(run.manifest.subset)}): a verdict on it does not stand for the study; gate a full run before deploying.`,
          ]
        : []),
      ...('unavailable' in study
        ? [`The study's gate: section was not read: ${study.unavailable}; the thresholds come from the flags.`]
        : []),
      ...ungatedNotes(results, inScope),
      ...(careLeftOut > 0
        ? [
            `${plural(careLeftOut, 'care-intensity contrast')} ${careLeftOut === 1 ? 'was' : 'were'} not checked: ${thresholds.mode === 'equivalence' ? 'equivalence mode' : '--domains'} does not gate care intensity yet; gate the whole run in superiority mode to check ${careLeftOut === 1 ? 'it' : 'them'}.`,
          ]
        : []),
    ],
    subset: run.manifest.subset ?? null,
    checked: contrasts.length,
    failed,
    inconclusive: contrasts.filter((c) => c.verdict === 'inconclusive').length,
    contrasts,
  };
}

/**
 * The error findings judged, each with its family's intervals at the gate's alpha: read from findings.json for the
 * whole run at the analysis's alpha, recomputed from the scores otherwise (per domain, another alpha). Equivalence
 * mode judges its own 1 − 2·alpha intervals (an intersection-union test needs no family level).
 */
function errorFindings(run: LoadedRun, t: GateThresholds): GatedFinding[] {
  if (t.domains === null) {
    const findings = runFindings(run);
    const recorded = t.alpha === run.manifest.analysis.alpha && findings.every((f) => f.family);
    if (t.mode === 'equivalence' || recorded || findings.length === 0) return findings;
    return withFamilyIntervals(run, readScores(run.dir), findings, t.alpha, false);
  }
  // One read of scores.jsonl serves the per-domain findings and their family intervals.
  const scores = readScores(run.dir);
  const findings = domainFindings(run, t.domains, undefined, scores);
  return t.mode === 'equivalence' || findings.length === 0 ? findings : withFamilyIntervals(run, scores, findings, t.alpha, true);
}

/** In equivalence mode, each finding's 1 − 2·alpha intervals, recomputed from the run's scores. */
function withEquivalenceIntervals(run: LoadedRun, findings: GatedFinding[], t: GateThresholds): GatedFinding[] {
  if (t.equivalenceConfLevel === null || findings.length === 0) return findings;
  const intervals = equivalenceIntervals(run, t.domains, t.equivalenceConfLevel);
  return findings.map((f) => ({ ...f, equivalence: intervals.get(contrastKey(f)) }));
}

/** The judged models whose data failed the data-quality check the analysis recorded (none for runs analysed before it existed). */
function qualityRefusals(results: AnalysisResults | undefined, models: ReadonlySet<string>): string[] {
  const quality = results?.dataQuality;
  return (quality?.models ?? [])
    .filter((m) => !m.passed && models.has(m.model))
    .map(
      (m) =>
        `${m.model} failed the data-quality check (${m.problems.join('; ')}): its answers cannot show how it treats these patients; fix the cause and re-run with the same --out`,
    );
}

/** Why the run cannot support a verdict, one sentence each (empty: it can). */
function refusalsOf(contrasts: readonly GateContrast[], t: GateThresholds): string[] {
  if (contrasts.length === 0) {
    return [
      'no contrast to judge: no axis level has pairs in the selected axes and domains, so nothing was checked (a gate that checks nothing never passes)',
    ];
  }
  const name = contrastName;
  const lost = (c: GateContrast) => `${c.nExcludedPairs} of ${c.nPairs + c.nExcludedPairs}`;
  return contrasts.flatMap((c) => {
    if (c.nPairs === 0)
      return [
        `${name(c)} has no usable pair (${lost(c)} lost to request errors or unscored answers): nothing shows how the model treats these patients`,
      ];
    if (c.lostPairsShare > t.maxLostPairs) {
      return [
        `${name(c)} lost ${Math.round(100 * c.lostPairsShare)}% of its pairs (${lost(c)}) to request errors or unscored answers, more than the ${Math.round(100 * t.maxLostPairs * 10) / 10}% allowed (--max-lost-pairs ${t.maxLostPairs}): fix the failures and re-run with the same --out`,
      ];
    }
    return [];
  });
}

/**
 * Disparities measured in units the thresholds are not written in — care-level shifts (steps of a scale) and
 * diagnosis-rank shifts (places in a list) — and race-myth probes are never gated; a verdict says how many there
 * were (and how many were significant), so a pass does not read as covering them.
 */
function ungatedNotes(results: AnalysisResults | undefined, inScope: (f: { axis: string }) => boolean): string[] {
  const kinds = [
    { what: 'care-level shift', found: (results?.careIntensity ?? []).filter((f) => f.kind === 'care-level' && inScope(f)) },
    { what: 'diagnosis-rank', found: (results?.diagnosisRanks ?? []).filter(inScope) },
  ].filter((k) => k.found.length > 0);
  const probes = new Set((results?.probes ?? []).filter((p) => p.measured && p.vignetteId !== null && inScope(p)).map((p) => p.vignetteId));
  return [
    ...kinds.map(({ what, found }) => {
      const significant = found.filter((f) => f.significant).length;
      return `${plural(found.length, `${what} contrast`)} (${significant} significant) ${found.length === 1 ? 'is' : 'are'} not gated: the thresholds are in error-rate points and ratios, not in these units; read ${found.length === 1 ? 'it' : 'them'} in the report.`;
    }),
    // Probes vary race alone and are left out of every pooled result, findings included.
    ...(probes.size > 0
      ? [
          `${plural(probes.size, 'race-myth probe')} ${probes.size === 1 ? 'is' : 'are'} not gated: probes are reported on their own (the report's race-myth probes section), outside the findings the gate judges.`,
        ]
      : []),
  ];
}
