import { ageLevel, unstatedLevel } from '../demographics/load.js';
import { patientName } from '../demographics/names.js';
import type { Axis, Level } from '../demographics/types.js';
import type { Study } from '../study/types.js';
import { cuesName, prepareTemplate, renderPrepared, type AxisValue, type CueMode, type PreparedTemplate } from '../template/render.js';
import type { Vignette } from '../template/types.js';
import { pinnedBy, variedAxes, withSentenceCues } from '../template/validate.js';
import { describeCombination, matchingCombination, type CombinationExclusion } from './combinations.js';
import { baseAssignment, pinnedValues } from './base.js';
import { cueField, cueVariantId } from './cueModes.js';
import { designAssignments, type Assignment } from './designs.js';
import { createFaker, drawFiller } from './filler.js';
import { paraphraseText, type ParaphraseSource } from './paraphrase.js';
import { perturbText } from './perturb.js';
import { renderQuestion } from './prompt.js';
import { deriveSeed } from '../util/hash.js';
import { createQuestionTypeRegistry, type QuestionTypeRegistry } from '../template/questions/registry.js';
import type { Variant, VariantKind } from './types.js';

/**
 * Expands every vignette into its matched set, one vignette at a time (a generator: a large study is never
 * held in memory). Deterministic: same study, seed and templates give the same variants in the same order.
 */
export function* expandStudy(
  study: Study,
  vignettes: Iterable<Vignette>,
  systemPrompt: string,
  questionTypes: QuestionTypeRegistry = createQuestionTypeRegistry(),
): Generator<Variant> {
  const faker = createFaker();
  for (const vignette of vignettes) yield* expandVignette(study, vignette, systemPrompt, faker, questionTypes);
}

/**
 * The matched set of one vignette: the design's assignments (reference first), then the controls the study
 * asks for (demographics removed; paraphrase controls at reference levels, authored rewordings first). Filler is drawn once and shared by all.
 */
export function expandVignette(
  study: Study,
  vignette: Vignette,
  systemPrompt: string,
  faker = createFaker(),
  questionTypes: QuestionTypeRegistry = createQuestionTypeRegistry(),
): Variant[] {
  const question = renderQuestion(vignette.question, questionTypes);
  const filler = drawFiller(faker, study.seed, vignette.id);
  const pinned = pinnedValues(vignette);
  const base = baseAssignment(study, vignette);
  const silentAxes = study.allAxes.filter((a) => a.slot === 'sentence' && !study.axes.some((s) => s.id === a.id)).map((a) => a.id);
  const build = (
    kind: VariantKind,
    variantId: string,
    levels: Assignment,
    text: PreparedTemplate,
    cues: CueMode,
    paraphrase?: ParaphraseSource,
  ): Variant => {
    const values =
      kind === 'no-demographics'
        ? demographicsRemoved(vignette, axisValues(study, vignette, levels), study.allAxes)
        : axisValues(study, vignette, levels);
    const attributes = Object.fromEntries(levels);
    const name =
      cuesName(cues) && !namesUnstated(study, values)
        ? patientName(faker, study.namePools, levelsOf(values), study.seed, vignette.id)
        : undefined;
    const rendered = perturbed(
      renderPrepared(text, { perspective: vignette.perspective, values, filler, silentAxes, cues, name }),
      values,
      study.seed,
      vignette.id,
    );
    return {
      vignetteId: vignette.id,
      variantId,
      kind,
      domain: vignette.domain,
      perspective: vignette.perspective,
      questionType: vignette.question.type,
      attributes: kind === 'no-demographics' ? {} : attributes,
      pinned,
      messages: [
        { role: 'system', content: systemPrompt },
        { role: 'user', content: `${rendered.text}\n\n${question}` },
      ],
      cueSpans: rendered.cueSpans,
      ...(paraphrase ? { paraphrase } : {}),
      ...cueField(cues, study.cueModes),
    };
  };
  const text = prepareTemplate(withSentenceCues(vignette.text, study.axes));
  // The reference never matches an implausible combination (refused at load), so it stays first in each cue mode.
  const assignments = plannedAssignments(study, vignette, base).filter(
    (levels) => !matchingCombination(study.implausible, vignette.domain, levels),
  );
  const variants = study.cueModes.flatMap((cues) =>
    assignments.map((levels, i) =>
      i === 0
        ? build('reference', cueVariantId(`${vignette.id}~ref`, cues, study.cueModes), levels, text, cues)
        : build('demographic', cueVariantId(`${vignette.id}~${changes(levels, base)}`, cues, study.cueModes), levels, text, cues),
    ),
  );
  // Controls are rendered once, in the first cue mode (the no-demographics control leaves every varied non-age axis unstated).
  const controlCues = study.cueModes[0]!;
  if (study.controls.noDemographics) variants.push(build('no-demographics', `${vignette.id}~none`, base, text, controlCues));
  for (let i = 1; i <= study.controls.paraphrases; i++) {
    const paraphrase = paraphraseText(vignette.text, vignette.paraphrases, i, study.seed, vignette.id);
    variants.push(
      build(
        'paraphrase',
        `${vignette.id}~paraphrase-${i}`,
        base,
        prepareTemplate(withSentenceCues(paraphrase.text, study.axes)),
        controlCues,
        paraphrase.source,
      ),
    );
  }
  return variants;
}

/**
 * Every variant the design would render but an implausible combination of the study rules out: one entry per
 * vignette and rule, with the ids of the variants not rendered. Computed from the study alone, like the expansion.
 */
export function combinationExclusions(study: Study, vignettes: Iterable<Vignette>): CombinationExclusion[] {
  const out: CombinationExclusion[] = [];
  if (study.implausible.length === 0) return out;
  for (const vignette of vignettes) {
    const base = baseAssignment(study, vignette);
    const byRule = new Map<number, string[]>();
    for (const levels of plannedAssignments(study, vignette, base)) {
      const rule = matchingCombination(study.implausible, vignette.domain, levels);
      if (!rule) continue;
      const index = study.implausible.indexOf(rule);
      byRule.set(index, [
        ...(byRule.get(index) ?? []),
        ...study.cueModes.map((cues) => cueVariantId(`${vignette.id}~${changes(levels, base)}`, cues, study.cueModes)),
      ]);
    }
    for (const [index, variantIds] of [...byRule.entries()].sort(([a], [b]) => a - b)) {
      const { when, reason } = study.implausible[index]!;
      out.push({
        vignetteId: vignette.id,
        rule: index,
        axis: Object.keys(when).join(' × '),
        value: `not ${describeCombination(when)}`,
        reason,
        when,
        variantsNotRendered: variantIds.length,
        variantIds,
      });
    }
  }
  return out;
}

/** The design's assignments for a vignette, reference first, before implausible combinations are removed. */
function plannedAssignments(study: Study, vignette: Vignette, base: Assignment): Assignment[] {
  return designAssignments(study.design, variedAxes(vignette, study.axes, study.allAxes), base, study.seed, vignette.id);
}

/** "race=black,sex=female": the axes where an assignment leaves the base, in study axis order. */
function changes(levels: Assignment, base: Assignment): string {
  return [...levels.entries()]
    .filter(([axis, level]) => base.get(axis) !== level)
    .map(([axis, level]) => `${axis}=${level}`)
    .join(',');
}

/**
 * The demographics-removed control: every axis states nothing — those the vignette varies and those it leaves at the
 * reference (a race-myth probe varies race only) — while what it pins (a clinically relevant sex or age) and the
 * age, clinical information in every vignette, stay as the reference renders them.
 */
function demographicsRemoved(vignette: Vignette, values: readonly AxisValue[], allAxes: readonly Axis[]): AxisValue[] {
  return values.map((v) =>
    v.axis.slot === 'age' || pinnedBy(vignette, v.axis, allAxes) ? v : { axis: v.axis, level: unstatedLevel(v.axis) },
  );
}

/** A name signals the levels its pools choose by; when one of those states nothing, the patient is not named. */
function namesUnstated(study: Study, values: readonly AxisValue[]): boolean {
  const keyed = new Set([...study.namePools.first, ...study.namePools.last].flatMap((p) => Object.keys(p.match)));
  return values.some((v) => v.level.unstated && keyed.has(v.axis.id));
}

function levelsOf(values: readonly AxisValue[]): Record<string, string> {
  return Object.fromEntries(values.map((v) => [v.axis.id, v.level.id]));
}

/** Study axes at their assigned level, then axes the vignette pins but the study does not vary. */
function axisValues(study: Study, vignette: Vignette, levels: ReadonlyMap<string, string>): AxisValue[] {
  const values: AxisValue[] = study.axes
    .filter(
      (axis) => !(axis.slot === 'noun' && pinnedBy(vignette, axis, study.allAxes) && !vignette.excluded.some((e) => e.axis === axis.id)),
    )
    .map((axis) => ({ axis, level: findLevel(study, axis, levels.get(axis.id)!) }));
  for (const ex of vignette.excluded) {
    if (study.axes.some((a) => a.id === ex.axis)) continue;
    const axis = study.allAxes.find((a) => a.id === ex.axis)!;
    values.push({ axis, level: findLevel(study, axis, ex.value) });
  }
  return values;
}

/**
 * The rendered case as each perturbation level of the variant writes it (typos, register, dialect), seeded by the
 * vignette, axis and level only, so every variant with that level reads the same way and pairs stay matched.
 */
function perturbed(
  rendered: { text: string; cueSpans: [number, number][] },
  values: readonly AxisValue[],
  seed: number,
  vignetteId: string,
): { text: string; cueSpans: [number, number][] } {
  return values
    .filter((v) => v.axis.slot === 'perturbation' && v.level.perturb?.length)
    .reduce(
      (r, v) => perturbText(r.text, r.cueSpans, v.level.perturb!, deriveSeed(seed, 'perturb', vignetteId, v.axis.id, v.level.id)),
      rendered,
    );
}

/** A pinned value may be a level the study does not vary, so fall back to the full axis definition. */
function findLevel(study: Study, axis: Axis, id: string): Level {
  const level = axis.levels.find((l) => l.id === id) ?? study.allAxes.find((a) => a.id === axis.id)?.levels.find((l) => l.id === id);
  if (level) return level;
  if (axis.slot === 'age') return ageLevel(Number(id));
  throw new Error(`expand: level "${id}" of axis ${axis.id} was not validated`);
}
