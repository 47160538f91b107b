import type { Axis } from '../demographics/types.js';
import { scoresWhere, type ScoreList } from '../score/rows.js';
import type { AnalysedScore } from '../score/table.js';
import { wilsonInterval } from '../stats/wilson.js';
import type { Probe, Vignette } from '../template/types.js';
import { formatPValue } from '../util/pValue.js';
import { binaryContrast, VignetteCounter, type BinaryTest, type IntervalMethod } from './binary.js';
import { isWrong, pairContrasts, pairsWhere } from '../pairing/pairs.js';

/**
 * The paired contrast of a targeted level with the reference over the same (vignette, replicate) pairs: error rates,
 * their difference with its interval, and the McNemar test on the discordant pairs.
 */
export interface ProbeContrast {
  nPairs: number;
  /** Pairs left out because one side had no answer (request error, unscored). */
  nExcludedPairs: number;
  rateReference: number;
  rateLevel: number;
  difference: number;
  differenceCi: [number, number] | null;
  ciMethod: IntervalMethod;
  test: BinaryTest;
  p: number;
  logP: number;
  /** Discordant pairs: wrong only at the level (b) and only at the reference (c). */
  wrongOnlyAtLevel: number;
  wrongOnlyAtReference: number;
}

/** One level of the probe axis for one model, on one probe or pooled over probes. */
export interface ProbeLevel {
  level: string;
  /** The myth is about this level (`probe.levels`); pooled: about it in at least one probe. */
  targeted: boolean;
  /** The vignettes counted in this row: the probe, or, pooled, the probes targeting the level (all probes for other levels). */
  vignetteIds: string[];
  /** Answers received and scored at this level (every replicate). */
  nAnswers: number;
  /** Requests at this level without a scored answer (request errors, unscored free text): not in `nAnswers`. */
  nNoAnswer: number;
  /** Answers against the key: `incorrect + refusals + unparseable` (the error endpoint). */
  errors: number;
  incorrect: number;
  refusals: number;
  unparseable: number;
  /** Ordinal and numeric questions: answers giving less care than the key (`null` for other question types). */
  lessCare: number | null;
  errorRate: number;
  /** Wilson score interval of `errorRate` at the analysis confidence level (`null` without answers). */
  errorRateCi: [number, number] | null;
  /** Targeted levels: the paired contrast with the reference; `null` for the reference and untargeted levels. */
  contrast: ProbeContrast | null;
}

/** A race-myth probe's result for one model: one probe vignette, or (`vignetteId` null) every probe of the axis pooled. */
export interface ProbeResult {
  model: string;
  /** The probe vignette; `null` for the row pooling every probe of `axis` for this model. */
  vignetteId: string | null;
  axis: string;
  reference: string;
  /** Levels the myth is about (pooled: the union over probes). */
  targetLevels: string[];
  /** The false belief the vignette states (pooled: null). */
  myth: string | null;
  /** False when the study does not vary the probe's axis: nothing was measured and `levels` is empty. */
  measured: boolean;
  levels: ProbeLevel[];
  sentence: string;
}

export interface ProbeOptions {
  mcnemar: 'exact' | 'midp';
  seed: number;
}

/** Probe intervals are 95 % whatever the study's `confLevel` (which the equivalence gate moves): the sentences say so. */
const CONF_LEVEL = 0.95;

/** The vignettes marked `probe:`, by id. */
export function probesById(vignettes: readonly Vignette[]): Map<string, Probe> {
  return new Map(vignettes.flatMap((v) => (v.probe ? [[v.id, v.probe] as const] : [])));
}

/** The scores of every vignette that is not a race-myth probe: what pooled findings, tests and shifts are made of. */
export function pooledScores<S extends AnalysedScore>(scores: ScoreList<S>, vignettes: readonly Vignette[]): ScoreList<S> {
  const probes = probesById(vignettes);
  return probes.size === 0 ? scores : scoresWhere(scores, (s) => !probes.has(s.vignetteId));
}

/**
 * Every probe vignette per model, and every probe pooled per model and axis, over the levels of the probe axis.
 *
 * Probes are fixed items, not a sample of vignettes: inference is conditional on them, and the pairs are (vignette,
 * replicate) — each its own cluster for `binaryContrast` — so with one pair per cluster the test is McNemar's
 * (exact unless the study asks for mid-p) with Newcombe's interval. This treats replicates as independent draws of
 * the model's answer, which they are only at a temperature above 0 (at 0 they repeat one answer, and the counts,
 * not the p-values, are what to read). Pooled rows of a targeted level count only the probes whose myth names it.
 */
export function analyzeProbes(
  scores: ScoreList,
  vignettes: readonly Vignette[],
  axes: readonly Axis[],
  modelIds: readonly string[],
  options: ProbeOptions,
): ProbeResult[] {
  const probes = probesById(vignettes);
  const probeScores = scoresWhere(scores, (s) => probes.has(s.vignetteId) && (s.kind === 'reference' || s.kind === 'demographic'));
  const contrasts = pairContrasts(probeScores, axes);
  const questionTypes = new Map(vignettes.map((v) => [v.id, v.question.type]));
  const results: ProbeResult[] = [];
  for (const modelId of modelIds) {
    const modelScores = scoresWhere(probeScores, (s) => s.modelId === modelId);
    for (const [vignetteId, probe] of probes) {
      const axis = axes.find((a) => a.id === probe.axis);
      const scored = scoresWhere(modelScores, (s) => s.vignetteId === vignetteId);
      const targets = (level: string) => (probe.levels.includes(level) ? [vignetteId] : []);
      const result = probeResult(
        modelId,
        vignetteId,
        probe.axis,
        axis,
        probe.levels,
        probe.myth,
        scored,
        contrasts,
        questionTypes,
        [vignetteId],
        targets,
        options,
      );
      results.push(result);
    }
    for (const axis of axes) {
      const ofAxis = [...probes].filter(([, p]) => p.axis === axis.id);
      if (ofAxis.length < 2) continue; // one probe: the pooled row would repeat it
      const ids = ofAxis.map(([id]) => id);
      const targetLevels = axis.levels.map((l) => l.id).filter((l) => ofAxis.some(([, p]) => p.levels.includes(l)));
      const targets = (level: string) => ofAxis.filter(([, p]) => p.levels.includes(level)).map(([id]) => id);
      const scored = scoresWhere(modelScores, (s) => ids.includes(s.vignetteId));
      results.push(probeResult(modelId, null, axis.id, axis, targetLevels, null, scored, contrasts, questionTypes, ids, targets, options));
    }
  }
  return results;
}

function probeResult(
  model: string,
  vignetteId: string | null,
  axisId: string,
  axis: Axis | undefined,
  targetLevels: string[],
  myth: string | null,
  scores: ScoreList,
  contrasts: ReturnType<typeof pairContrasts>,
  questionTypes: ReadonlyMap<string, string>,
  allIds: readonly string[],
  targets: (level: string) => string[],
  options: ProbeOptions,
): ProbeResult {
  const base = { model, vignetteId, axis: axisId, reference: axis?.reference ?? '', targetLevels, myth };
  if (!axis)
    return {
      ...base,
      measured: false,
      levels: [],
      sentence: `${probeName(vignetteId, axisId)} was not measured for model ${model}: the study does not vary ${axisId}.`,
    };
  const levels: ProbeLevel[] = [];
  for (const level of axis.levels) {
    const targetedBy = level.id === axis.reference ? [] : targets(level.id);
    const ids = targetedBy.length > 0 ? targetedBy : [...allIds];
    const atLevel = scoresWhere(scores, (s) => s.attributes[axis.id] === level.id && ids.includes(s.vignetteId));
    if (atLevel.length === 0) continue;
    const counts = levelCounts(atLevel, questionTypes);
    const group = contrasts.find((c) => c.modelId === model && c.axis === axis.id && c.level === level.id);
    const contrast =
      targetedBy.length > 0 && group
        ? pairedContrast(
            pairsWhere(group, (p) => ids.includes(p.vignetteId)),
            options,
          )
        : null;
    levels.push({ level: level.id, targeted: targetedBy.length > 0, vignetteIds: ids, ...counts, contrast });
  }
  const result: ProbeResult = { ...base, measured: true, levels, sentence: '' };
  result.sentence = describeProbe(result, axis, questionTypes);
  return result;
}

function levelCounts(
  scores: ScoreList,
  questionTypes: ReadonlyMap<string, string>,
): Omit<ProbeLevel, 'level' | 'targeted' | 'vignetteIds' | 'contrast'> {
  let nAnswers = 0;
  let incorrect = 0;
  let refusals = 0;
  let unparseable = 0;
  let lessCare = 0;
  let graded = true;
  for (const s of scores) {
    const type = questionTypes.get(s.vignetteId);
    graded &&= type === 'ordinal' || type === 'numeric';
    if (isWrong(s.outcome) === null) continue;
    nAnswers++;
    if (s.outcome === 'incorrect') incorrect++;
    if (s.outcome === 'refusal') refusals++;
    if (s.outcome === 'unparseable') unparseable++;
    if (s.signedDeviation !== null && s.signedDeviation < 0) lessCare++;
  }
  const errors = incorrect + refusals + unparseable;
  const ci = wilsonInterval(errors, nAnswers, { confLevel: CONF_LEVEL });
  return {
    nAnswers,
    nNoAnswer: scores.length - nAnswers,
    errors,
    incorrect,
    refusals,
    unparseable,
    lessCare: graded ? lessCare : null,
    errorRate: nAnswers ? errors / nAnswers : NaN,
    errorRateCi: nAnswers ? [ci.low, ci.high] : null,
  };
}

/** Each (vignette, replicate) pair is its own cluster: the exact (or mid-p) McNemar test and Newcombe's interval. */
function pairedContrast(pairs: ReturnType<typeof pairContrasts>[number]['pairs'], options: ProbeOptions): ProbeContrast {
  const counter = new VignetteCounter();
  let excluded = 0;
  for (const pair of pairs) {
    const reference = isWrong(pair.reference.outcome);
    const level = isWrong(pair.level.outcome);
    if (reference === null || level === null) excluded++;
    else counter.add(`${pair.vignetteId}#${pair.replicate}`, reference, level);
  }
  const stats = binaryContrast(counter.sorted(), {
    seed: options.seed,
    bootstrapResamples: 0,
    mcnemar: options.mcnemar,
    confLevel: CONF_LEVEL,
  });
  return {
    nPairs: stats.nPairs,
    nExcludedPairs: excluded,
    rateReference: stats.rateReference,
    rateLevel: stats.rateLevel,
    difference: stats.difference,
    differenceCi: stats.differenceCi,
    ciMethod: stats.ciMethod,
    test: stats.test,
    p: stats.p,
    logP: stats.logP,
    wrongOnlyAtLevel: stats.wrongOnlyAtLevel,
    wrongOnlyAtReference: stats.wrongOnlyAtReference,
  };
}

function probeName(vignetteId: string | null, axisId: string): string {
  return vignetteId === null ? `The ${axisId} probes pooled` : `Probe ${vignetteId}`;
}

/**
 * One sentence from the numbers in the row: per targeted level, answers against the key out of answers with the
 * Wilson interval, the reference's count, and the paired difference with its interval and p.
 */
function describeProbe(r: ProbeResult, axis: Axis, questionTypes: ReadonlyMap<string, string>): string {
  const label = (id: string) => axis.levels.find((l) => l.id === id)?.label ?? id;
  const pct = (x: number) => `${Math.round(100 * x)} %`;
  const reference = r.levels.find((l) => l.level === r.reference);
  const targeted = r.levels.filter((l) => l.targeted);
  const subject = `${r.vignetteId === null ? `On the ${r.axis} probes pooled` : `On probe ${r.vignetteId}`}, model ${r.model}`;
  if (!reference) return `${subject} has no answers at the reference (${label(r.reference)}); nothing was compared.`;
  if (targeted.length === 0)
    return `${subject}: nothing was compared — the levels the myth is about (${r.targetLevels.map(label).join(', ')}) have no answers here other than as the study's reference (${label(r.reference)}).`;
  const graded = r.vignetteId !== null && ['ordinal', 'numeric'].includes(questionTypes.get(r.vignetteId) ?? '');
  const clauses = targeted.map((l) => {
    const ci = l.errorRateCi ? `, 95 % CI ${pct(l.errorRateCi[0])}–${pct(l.errorRateCi[1])}` : '';
    const less = graded && l.lessCare !== null ? `, ${l.lessCare} of them less care than the key` : '';
    return `for ${label(l.level)} patients in ${l.errors} of ${l.nAnswers} answers (${l.nAnswers ? pct(l.errorRate) : 'no answers'}${ci}${less})${contrastWords(l.contrast)}`;
  });
  return `${subject} answered against the key ${clauses.join('; ')}; and for ${label(r.reference)} patients (the reference) in ${reference.errors} of ${reference.nAnswers}.`;
}

function contrastWords(c: ProbeContrast | null): string {
  if (!c || c.nPairs === 0) return ', with no usable pair against the reference';
  const points = (x: number) => `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)}`;
  const ci = c.differenceCi ? ` (95 % CI ${points(c.differenceCi[0])} to ${points(c.differenceCi[1])})` : '';
  const test = c.test === 'mcnemar-midp' ? 'mid-p McNemar' : 'exact McNemar';
  return `: ${points(c.difference)} points against the reference on the same ${c.nPairs} pairs${ci}, ${test} p = ${formatPValue(c.p)}`;
}
