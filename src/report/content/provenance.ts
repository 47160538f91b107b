import { cuesName, type CueMode } from '../../template/render.js';
import type { Axis, Level, Perturbation } from '../../demographics/types.js';
import { importRecord } from '../../import/manifest.js';
import type { ReportContext } from '../sources.js';
import { pairCounts } from '../../pairing/pairs.js';

/**
 * Claims about how the variants and the correct answers came about, worded from the run's provenance: variants
 * counterfair rendered itself from one case text and the cue text in demographics/, or answers supplied by someone
 * else and imported (the manifest's `import` section), which counterfair can describe but not vouch for.
 */
export type Provenance = { kind: 'constructed' } | { kind: 'supplied'; file: string };

export function provenance(ctx: Pick<ReportContext, 'manifest'>): Provenance {
  const record = importRecord(ctx.manifest);
  return record ? { kind: 'supplied', file: record.file } : { kind: 'constructed' };
}

/** The cue text a level puts into a case (third person, "the patient" for the pronouns), or undefined when the axis has none. */
export function cueText(axis: Axis, level: Level): string | undefined {
  switch (axis.slot) {
    case 'sentence':
      return level.sentence ? resolvePlaceholders(level.sentence.third) : undefined;
    case 'descriptor':
      return level.descriptor ? `the word "${level.descriptor}" in the patient's description` : undefined;
    case 'noun':
      return level.noun
        ? `the noun "${level.noun}"${level.pronouns ? ` with the pronouns ${level.pronouns.they}/${level.pronouns.them}` : ''}`
        : undefined;
    case 'age':
      return level.years !== undefined ? `the age ${level.years} years` : undefined;
    case 'perturbation':
      return level.perturb?.length ? `the whole case rewritten: ${level.perturb.map(describePerturbation).join(', then ')}` : undefined;
  }
}

function describePerturbation(p: Perturbation): string {
  switch (p.kind) {
    case 'typos':
      return `typos in ${Math.round(100 * p.rate)}% of everyday words`;
    case 'lowercase':
      return 'all lower case (numbers, units and abbreviations kept)';
    case 'spacing':
      return `irregular spacing (${Math.round(100 * p.rate)}% of spaces doubled)`;
    case 'rules':
      return `the ${p.table} rule table (${p.rules.length} rules)`;
  }
}

const PLACEHOLDERS: Record<string, string> = {
  They: 'The patient',
  they: 'the patient',
  Their: "The patient's",
  their: "the patient's",
  them: 'the patient',
  has: 'has',
  is: 'is',
  s: 's',
};

/** "{{They}} {{is}} insured through Medicaid." -> "The patient is insured through Medicaid." */
function resolvePlaceholders(text: string): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => PLACEHOLDERS[name] ?? `<${name}>`);
}

/**
 * What differs between a level's variants and the reference's, for a sentence about one contrast. Constructed:
 * the two cues word for word (a cue can say more than the attribute — whatever it says is part of the contrast),
 * and, where the design had no exact partner for some pairs, that other cues differ in those. Supplied: that
 * counterfair did not build the variants and cannot check what else differs.
 */
export function contrastDifference(
  ctx: Pick<ReportContext, 'manifest' | 'axes' | 'contrasts'>,
  c: { model: string; axis: string; level: string; reference: string; cues?: CueMode },
): string {
  const axis = ctx.axes.find((a) => a.id === c.axis);
  const axisName = (axis?.label ?? c.axis).toLowerCase();
  const source = provenance(ctx);
  if (source.kind === 'supplied') {
    return `counterfair did not construct these variants (they were imported from ${source.file}) and cannot verify that they differ only in the patient's ${axisName}.`;
  }
  const level = axis?.levels.find((l) => l.id === c.level);
  const reference = axis?.levels.find((l) => l.id === c.reference);
  const cues = axis && level && reference ? [cueText(axis, level), cueText(axis, reference)] : [];
  const stated = cues[0] && cues[1] ? `in one cue: ${quote(cues[0])} in place of ${quote(cues[1])}` : `in the patient's ${axisName} cue`;
  // Under a naming cue mode of a run that crosses modes, a name stands in for (implicit) or joins (both) the descriptor.
  const named = c.cues !== undefined && cuesName(c.cues) && axis?.slot === 'descriptor' && level && reference;
  const what = !named
    ? stated
    : c.cues === 'implicit'
      ? `in the patient's name alone, one drawn for ${level.label} in place of one drawn for ${reference.label} (the ${axisName} is not stated)`
      : `${stated.replace('in one cue:', 'in two cues:')}, and in the patient's name, drawn for each level`;
  const group = ctx.contrasts.find((p) => p.modelId === c.model && p.axis === c.axis && p.level === c.level && p.cues === c.cues);
  const { marginal, total } = group ? pairCounts(group) : { marginal: 0, total: 0 };
  const others = marginal
    ? ` In this design ${marginal} of ${total} level variants had no partner differing in this axis alone (other demographic cues differ too), so the rates and the difference above come from a model that holds those other cues fixed rather than from a direct comparison.`
    : '';
  const built = marginal
    ? 'counterfair built every variant from the same case text; this contrast is'
    : 'counterfair built both variants from the same case text; they differ';
  return `${built} ${what}, and a difference in answers can follow from anything that cue says.${others}`;
}

function quote(cue: string): string {
  return cue.startsWith('the ') ? cue : `"${cue}"`;
}

/** Whether the variants differ only in demographic cues: stated for constructed runs, disclaimed for supplied ones. */
export function variantsClaim(ctx: Pick<ReportContext, 'manifest'>): string {
  const source = provenance(ctx);
  if (source.kind === 'supplied') {
    return `The variants were supplied, not constructed by counterfair: the answers were imported from ${source.file}. counterfair did not construct these variants and cannot verify that they differ only in demographic cues; whoever supplied them is responsible for that claim. Answers are scored against the supplied correct answers and compared within each vignette with paired statistics.`;
  }
  return "Each vignette is rendered by counterfair from one case text as matched variants that differ only in the demographic cues of the axes table below, word for word; a cue can say more than the attribute's name, and a difference in answers can follow from anything the cue says. Answers are scored against the clinically correct answer and compared within each vignette with paired statistics.";
}

/** Whether each vignette's correct answer comes with a rationale and source: counted from the vignettes, not assumed. */
export function referenceStandardClaim(ctx: Pick<ReportContext, 'manifest' | 'vignettes'>): string {
  const source = provenance(ctx);
  const documented = ctx.vignettes.filter(
    (v) => v.rationale.trim() !== '' && v.source.trim() !== '' && !v.tags.includes('imported'),
  ).length;
  const total = ctx.vignettes.length;
  if (source.kind === 'supplied')
    return `The correct answers are the gold answers supplied in ${source.file}; counterfair records no rationale or clinical source for them (${documented} of ${total} vignettes state one).`;
  if (documented === total)
    return `Each of the ${total} vignettes states its correct answer with a rationale and source (vignettes.jsonl; template hashes in the manifest).`;
  return `${documented} of ${total} vignettes state their correct answer with a rationale and source (vignettes.jsonl; template hashes in the manifest); the others state none.`;
}
