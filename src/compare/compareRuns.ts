import { basename } from 'node:path';
import type { Axis } from '../demographics/types.js';
import type { CueMode } from '../template/render.js';
import { eventValue, fitAdjusted, needsAdjustment } from '../analysis/adjusted.js';
import { pooledScores } from '../analysis/probes.js';
import { isWrong, pairContrasts, type ContrastPairs } from '../pairing/pairs.js';
import { adjustPValues } from '../stats/adjust.js';
import { deriveSeed, stableStringify } from '../util/hash.js';
import { InputError } from '../util/problems.js';
import { simultaneousLevel } from '../analysis/simultaneous.js';
import type { ScoreRecord } from '../score/types.js';
import { scoresWhere, type ScoreList } from '../score/rows.js';
import { accuracyChange } from './accuracyChange.js';
import { adjustedChange } from './adjustedChange.js';
import { changeIntervalAt, measureChange } from './disparityChange.js';
import { matchRuns } from './match.js';
import type { ScoredRun } from './scoredRun.js';
import { contrastLabel, describeChange, summarize } from './sentences.js';
import type { ComparisonOptions, ComparisonResults, ComparisonSide, DisparityChange, ModelComparison } from './types.js';

/** Label swaps per permutation test: p-values resolve to 1/10,000, far below any Holm threshold in practice. */
export const PERMUTATIONS = 9999;

export interface CompareRequest {
  runA: ScoredRun;
  /** Absent: compare two models inside `runA`. */
  runB?: ScoredRun;
  /** [model of A, model of B]; absent with two runs: every model id both runs have, each against itself. */
  models?: [string, string];
}

/**
 * Disparity in A, in B, and the change, for every axis level both sides can contrast, per model pair. One family
 * per model pair for the multiple-comparison adjustment (as findings use one family per model). Alpha, adjustment,
 * bootstrap resamples and the seed are run A's (the baseline's) analysis settings.
 */
export function compareRuns({ runA, runB, models }: CompareRequest): ComparisonResults {
  const other = runB ?? runA;
  const pairs = modelPairs(runA, other, models, runB === undefined);
  const match = runB ? matchRuns(runA, runB) : { sharedVariants: new Set(runA.variants.map((v) => v.variantId)), notes: [] };
  const { alpha, adjustment, bootstrapResamples } = runA.manifest.analysis;
  const options: ComparisonOptions = { alpha, adjustment, bootstrapResamples, permutations: PERMUTATIONS, seed: runA.manifest.study.seed };
  const notes = [...match.notes];
  const comparisons = pairs.flatMap(([modelA, modelB]) => {
    const settingsNote = runB ? modelSettingsNote(runA, runB, modelA, modelB) : undefined;
    if (settingsNote) notes.push(settingsNote);
    const contrastsA = contrastsOf(runA, modelA, match.sharedVariants);
    const contrastsB = contrastsOf(other, modelB, match.sharedVariants);
    // Runs that cross cue modes: each mode against the same mode (shared variant ids carry the mode).
    return cueModesOf(contrastsA).map((cues) => {
      const inMode = (c: ContrastPairs) => c.cues === cues;
      const models = compareModels(
        side('A', runA, modelA, cues),
        side('B', other, modelB, cues),
        contrastsA.filter(inMode),
        contrastsB.filter(inMode),
        runA.manifest.axes,
        options,
      );
      // Audit answers only (reference and demographic variants), as the report's subgroup accuracy counts them.
      const audited = (run: ScoredRun, model: string) =>
        scoresWhere(scoresOf(run, model, match.sharedVariants, cues), (s) => s.kind === 'reference' || s.kind === 'demographic');
      const accuracy = accuracyChange(audited(runA, modelA), audited(other, modelB), {
        bootstrapSeed: deriveSeed(options.seed, 'compare-accuracy', modelA, modelB, cues ?? ''),
        bootstrapResamples: options.bootstrapResamples,
      });
      const compared = { ...models, accuracy };
      return cues === undefined ? compared : { ...compared, cues };
    });
  });
  return { schema: 'counterfair.compare/1', options, notes, comparisons };
}

/** The cue modes of a side's contrasts, in order of appearance: [undefined] for a run with one mode. */
function cueModesOf(contrasts: readonly ContrastPairs[]): (CueMode | undefined)[] {
  const modes = [...new Set(contrasts.map((c) => c.cues))];
  return modes.length > 0 ? modes : [undefined];
}

/**
 * Disparity on side A, on side B and the change, for every axis level both sides' contrasts have: one family for
 * the multiple-comparison adjustment. The sides are any two sets of contrasts over the same vignettes (two runs,
 * two models, or two cue modes of one run), paired by vignette.
 */
export function compareModels(
  a: ComparisonSide,
  b: ComparisonSide,
  contrastsA: ContrastPairs[],
  contrastsB: ContrastPairs[],
  axes: readonly Axis[],
  options: ComparisonOptions,
): ModelComparison {
  const measured: Omit<
    DisparityChange,
    | 'pAdjusted'
    | 'significant'
    | 'lessDisparate'
    | 'sentence'
    | 'changeCiSimultaneous'
    | 'simultaneousLevel'
    | 'simultaneousKind'
    | 'familySize'
  >[] = [];
  const inputs: { inA: ContrastPairs; inB: ContrastPairs; bootstrapSeed: number }[] = [];
  const skipped: string[] = [];
  // Designs without exact partners: both runs in one model that holds the other axes fixed (see adjustedChange).
  const fit =
    needsAdjustment(contrastsA) || needsAdjustment(contrastsB)
      ? fitAdjusted([contrastsA, contrastsB], axes, eventValue(isWrong))
      : undefined;
  for (const axis of axes) {
    for (const { id: level } of axis.levels) {
      if (level === axis.reference) continue;
      const label = contrastLabel(axes, axis.id, level, axis.reference);
      const inA = contrastsA.find((c) => c.axis === axis.id && c.level === level);
      const inB = contrastsB.find((c) => c.axis === axis.id && c.level === level);
      if (!inA || !inB) {
        if (inA || inB) skipped.push(`${label}: pairs only in ${inA ? 'A' : 'B'}`);
        continue;
      }
      const ids = [a.model, b.model, axis.id, level];
      const bootstrapSeed = deriveSeed(options.seed, 'compare-bootstrap', ...ids);
      const change = fit
        ? adjustedChange(fit, axis.id, level, 0.95)
        : measureChange(inA, inB, {
            bootstrapSeed,
            permutationSeed: deriveSeed(options.seed, 'compare-permutation', ...ids),
            bootstrapResamples: options.bootstrapResamples,
            permutations: options.permutations,
          });
      if (!change) skipped.push(`${label}: no vignette has a usable pair in both A and B`);
      else {
        measured.push({ axis: axis.id, level, reference: axis.reference, ...change, adjustment: options.adjustment });
        inputs.push({ inA, inB, bootstrapSeed });
      }
    }
  }
  for (const c of contrastsB) {
    const axis = axes.find((x) => x.id === c.axis);
    if (!axis?.levels.some((l) => l.id === c.level))
      skipped.push(`${c.axis}: ${c.level}: pairs only in B (A's study has no such ${axis ? 'level' : 'axis'})`);
  }
  const adjusted = adjustPValues(
    measured.map((c) => c.p),
    options.adjustment,
  );
  const family = simultaneousLevel(
    measured.map((c) => c.p),
    adjusted,
    options.adjustment,
    options.alpha,
  );
  const changes = measured.map((c, i): DisparityChange => {
    const pAdjusted = adjusted[i]!;
    const significant = pAdjusted < options.alpha;
    const lessDisparate: DisparityChange['lessDisparate'] =
      !significant || Math.abs(c.disparityA) === Math.abs(c.disparityB)
        ? null
        : Math.abs(c.disparityB) < Math.abs(c.disparityA)
          ? 'B'
          : 'A';
    const { inA, inB, bootstrapSeed } = inputs[i]!;
    const changeCiSimultaneous = !Number.isFinite(family.level)
      ? null
      : fit
        ? (adjustedChange(fit, c.axis, c.level, family.level)?.changeCi ?? null)
        : changeIntervalAt(inA, inB, { bootstrapSeed, bootstrapResamples: options.bootstrapResamples }, family.level);
    const change = {
      ...c,
      changeCiSimultaneous,
      simultaneousLevel: family.level,
      simultaneousKind: family.kind,
      familySize: family.familySize,
      pAdjusted,
      significant,
      lessDisparate,
    };
    return { ...change, sentence: describeChange(change, a, b, axes, options.alpha) };
  });
  return { a, b, changes, summary: summarize(changes, a, b, axes, options.alpha), skipped };
}

function contrastsOf(run: ScoredRun, model: string, sharedVariants: ReadonlySet<string>): ContrastPairs[] {
  return pairContrasts(scoresOf(run, model, sharedVariants), run.manifest.axes);
}

/** A model's scores on the shared variants (probes left out, as in findings), in one cue mode when given. */
function scoresOf(run: ScoredRun, model: string, sharedVariants: ReadonlySet<string>, cues?: CueMode): ScoreList<ScoreRecord> {
  return scoresWhere(
    pooledScores(run.scores, run.vignettes),
    (s) => s.modelId === model && sharedVariants.has(s.variantId) && (cues === undefined || s.cues === cues),
  );
}

function side(which: 'A' | 'B', run: ScoredRun, model: string, cues?: CueMode): ComparisonSide {
  return {
    side: which,
    label: `${basename(run.dir)} · ${model}${cues ? ` · ${cues} cues` : ''}`,
    runDir: run.dir,
    model,
    study: { name: run.manifest.study.name, sha256: run.manifest.study.sha256 },
  };
}

/** The model pairs to compare; unknown models and runs with no model in common are bad input. */
function modelPairs(a: ScoredRun, b: ScoredRun, models: [string, string] | undefined, sameRun: boolean): [string, string][] {
  const idsA = a.study.modelIds;
  const idsB = b.study.modelIds;
  if (models) {
    const problems = [
      ...(idsA.includes(models[0])
        ? []
        : [{ file: a.dir, field: '--models', message: `model "${models[0]}" is not in this run (models: ${idsA.join(', ')})` }]),
      ...(idsB.includes(models[1])
        ? []
        : [{ file: b.dir, field: '--models', message: `model "${models[1]}" is not in this run (models: ${idsB.join(', ')})` }]),
    ];
    if (problems.length) throw new InputError(problems);
    return [models];
  }
  if (sameRun)
    throw new InputError([
      {
        file: a.dir,
        field: '--models',
        message: `is required to compare models inside one run: --models A,B (models in this run: ${idsA.join(', ')})`,
      },
    ]);
  const common = idsA.filter((id) => idsB.includes(id));
  if (common.length === 0) {
    throw new InputError([
      {
        file: b.dir,
        message: `no model id is in both runs (A: ${idsA.join(', ')}; B: ${idsB.join(', ')}); pass --models MODEL_OF_A,MODEL_OF_B to compare two different models`,
      },
    ]);
  }
  return common.map((id) => [id, id]);
}

/** Says which settings of a compared model differ between the runs (e.g. a new version, another temperature). */
function modelSettingsNote(a: ScoredRun, b: ScoredRun, modelA: string, modelB: string): string | undefined {
  const settings = (run: ScoredRun, id: string) => run.manifest.models.find((m) => String(m.id) === id) ?? {};
  const [sa, sb] = [settings(a, modelA), settings(b, modelB)];
  const differing = [...new Set([...Object.keys(sa), ...Object.keys(sb)])]
    .filter((key) => key !== 'id' && stableStringify(sa[key] ?? null) !== stableStringify(sb[key] ?? null))
    .sort()
    .map((key) => `${key} ${stableStringify(sa[key] ?? null)} → ${stableStringify(sb[key] ?? null)}`);
  return differing.length
    ? `Settings of model ${modelA === modelB ? modelA : `${modelA} (A) and ${modelB} (B)`} differ from A to B: ${differing.join('; ')}.`
    : undefined;
}
