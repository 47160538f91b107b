import { describeCueModes } from '../content/cueModes.js';
import { list, paragraph, table, type Block, type DisplayTable } from '../document/blocks.js';
import { count, percent, plural } from '../format.js';
import { reviewBlocks } from '../content/sections.js';
import { variantCount, type ReportContext } from '../sources.js';
import type { AnalysedScore } from '../../score/table.js';
import { exclusionsTable, outcomesTable } from '../content/tables.js';
import { implausibleBlocks } from '../content/implausible.js';
import { byText } from '../order.js';
import { cueText, variantsClaim } from '../content/provenance.js';
import type { Axis } from '../../demographics/types.js';
import { paraphraseSourceCounts } from '../../expand/paraphrase.js';

/** Intended use and scope: what the audit tests and what it is for, without claiming the product's intended use. */
export function scopeBlocks(ctx: ReportContext): Block[] {
  const { manifest } = ctx;
  return [
    paragraph(
      `This appendix documents a counterfactual demographic audit of ${plural(ctx.modelIds.length, 'model')} (${ctx.modelIds.join(', ')}) with ${manifest.tool.name} ${manifest.tool.version}, study "${manifest.study.name}", started ${manifest.startedAt}.`,
    ),
    paragraph(
      "What is tested: whether a model gives a different, or a worse, answer to the same clinical question when the patient's demographic description changes. ",
      variantsClaim(ctx),
    ),
    paragraph(
      'Intended use of this evidence: one input to a fairness assessment of a clinical decision-support use of the model, and a repeatable measurement for comparing model versions and mitigations. The intended use of the audited model within a product is not recorded in the run and should be stated by the organisation that deploys it.',
    ),
    paragraph(
      'Out of scope: clinical validation of accuracy in deployment, the behaviour of clinicians using the model, workflows and access, and any legal determination.',
    ),
  ];
}

/** The vignette set (domains, perspectives, question types) and the axes with their levels and exclusions. */
export function vignetteBlocks(ctx: ReportContext): Block[] {
  const tally = (key: (v: (typeof ctx.vignettes)[number]) => string) => {
    const counts = new Map<string, number>();
    for (const v of ctx.vignettes) counts.set(key(v), (counts.get(key(v)) ?? 0) + 1);
    return [...counts]
      .sort(([a], [b]) => byText(a, b))
      .map(([k, n]) => `${k} (${n})`)
      .join(', ');
  };
  const axes: DisplayTable = {
    headers: [
      'axis',
      'label',
      'reference level',
      'other levels',
      'how the cue appears',
      'what each level puts in the case (third-person form)',
    ],
    rows: ctx.axes.map((a) => ({
      cells: [
        a.id,
        a.label,
        ctx.levelLabel(a.id, a.reference),
        a.levels
          .filter((l) => l.id !== a.reference)
          .map((l) => l.label)
          .join(', '),
        a.slot,
        cueList(a),
      ],
    })),
  };
  return [
    paragraph(
      `${plural(ctx.vignettes.length, 'vignette')} from ${plural(Object.keys(ctx.manifest.templates).length, 'template file')} (content hashes in the reproducibility manifest).`,
    ),
    list([
      `Domains: ${tally((v) => v.domain)}.`,
      `Perspectives: ${tally((v) => v.perspective)}.`,
      `Question types: ${tally((v) => v.question.type)}.`,
    ]),
    table(axes, 'No axes.'),
    paragraph(
      `Exclusions: an axis that is clinically relevant to a vignette (sex in pregnancy, age in dosing) is never varied for it and is pinned to one value. ${plural(ctx.results.exclusions.filter((e) => e.rule === undefined).length, 'vignette-axis exclusion')}:`,
    ),
    ...implausibleBlocks(ctx),
    table(exclusionsTable(ctx), 'No vignette excludes an axis.'),
  ];
}

/** Every level's cue word for word, so what a cue adds beyond the attribute's name is on the page. */
function cueList(axis: Axis): string {
  const cues = axis.levels.map((l) => `${l.label}: ${cueText(axis, l) ?? 'no cue text recorded'}`);
  return cues.join('; ');
}

/** The design: how variants were chosen, controls, replicates, seed. */
export function designBlocks(ctx: ReportContext): Block[] {
  const { study } = ctx.manifest;
  const design = study.design;
  const how = {
    'one-at-a-time': 'one-at-a-time: each axis is varied alone, all others at their reference level',
    factorial: `factorial over ${design.kind === 'factorial' ? design.axes.join(', ') : ''}: every combination of their levels, other axes at reference`,
    sampled: `sampled: ${design.kind === 'sampled' ? design.n : ''} seeded combinations per vignette, every level of an axis equally often`,
    list: 'list: the level assignments given in the study',
  }[design.kind];
  const variants = variantCount(ctx.scores);
  return [
    list([
      `Design: ${how}.`,
      `Cues: ${describeCueModes(ctx.manifest)}.`,
      `Controls: no-demographics variant ${study.controls.noDemographics ? 'included' : 'not included'}; ${plural(study.controls.paraphrases, 'paraphrase control')} per vignette${paraphraseMix(ctx)}.`,
      `Replicates: ${study.replicates} per variant and model.`,
      `Variants: ${variants}; scored answers: ${ctx.scores.length}.`,
      `Seed: ${study.seed} (fillers, names, sampling and bootstrap resamples all derive from it).`,
    ]),
  ];
}

/** Models and their parameters as recorded (no secrets: the manifest holds environment variable names only). */
export function modelBlocks(ctx: ReportContext): Block[] {
  const field = (m: Record<string, unknown>, ...path: string[]) => {
    let v: unknown = m;
    for (const p of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
    return v === undefined || v === null ? '—' : String(v);
  };
  const models: DisplayTable = {
    headers: [
      'id',
      'kind',
      'model',
      'endpoint',
      'temperature',
      'top_p',
      'max tokens',
      'seed',
      'served model ids (reported by the endpoint)',
    ],
    rows: ctx.manifest.models.map((m) => ({
      cells: [
        field(m, 'id'),
        field(m, 'kind'),
        field(m, 'model'),
        field(m, 'baseUrl'),
        field(m, 'params', 'temperature'),
        field(m, 'params', 'topP'),
        field(m, 'params', 'maxTokens'),
        field(m, 'params', 'seed'),
        (ctx.servedModels[String(m.id)] ?? []).join(', ') || '—',
      ],
    })),
  };
  return [
    table(models, 'No models.'),
    paragraph('System prompts:'),
    list(ctx.manifest.models.map((m) => [`${field(m, 'id')}: `, { code: field(m, 'systemPrompt') }])),
    paragraph('The full model settings (timeouts, retries, concurrency, simulated-model parameters) are in the reproducibility manifest.'),
  ];
}

/** How answers were scored, by which extractor or judge, and what clinician review the run records. */
export function scoringBlocks(ctx: ReportContext): Block[] {
  const extractors = new Map<string, number>();
  for (const s of ctx.scores) extractors.set(s.extractor, (extractors.get(s.extractor) ?? 0) + 1);
  const byExtractor: DisplayTable = {
    headers: ['scorer (name@version)', 'answers'],
    rows: [...extractors].sort(([a], [b]) => byText(a, b)).map(([name, n]) => ({ cells: [name, count(n)] })),
  };
  let unscored = 0;
  let judged = 0;
  let pairwise = 0;
  // Clinician labels are few (a review sample): kept, unlike the run's scores.
  const adjudicated: AnalysedScore[] = [];
  for (const s of ctx.scores) {
    if (s.outcome === 'unscored') unscored++;
    if (s.judge) judged++;
    pairwise += s.pairwise?.length ?? 0;
    if (s.adjudicated) adjudicated.push(s);
  }
  const withAutomated = adjudicated.filter((s) => s.adjudicated?.automated !== undefined);
  const agreeing = withAutomated.filter((s) => s.adjudicated?.automated === s.outcome).length;
  const agreement = withAutomated.length
    ? ` The automated outcome agreed with the clinician's label for ${agreeing} of ${withAutomated.length} (${percent(agreeing / withAutomated.length)}).`
    : '';
  return [
    paragraph(
      "Each answer is scored against the vignette's correct answer by the extractor for its question type (choice letter, yes/no, ordinal scale value, number with unit and tolerance); refusals and unparseable answers are their own outcomes and count as errors in the primary endpoint. Ordinal and numeric answers also get a signed deviation, positive meaning more care. Free-text answers are scored by a judge model against the vignette's rubric where the study configures one.",
    ),
    table(byExtractor, 'No answers were scored.'),
    table(outcomesTable(ctx), 'No answers.'),
    list([
      `Judge model: ${plural(judged, 'answer')} scored by a rubric judge; ${plural(pairwise, 'pairwise counterfactual verdict')}.`,
      `Clinician review: ${plural(adjudicated.length, 'answer')} carry a clinician's label, which replaces the automated outcome.${agreement}`,
      `Awaiting review: ${plural(unscored, 'free-text answer')} still unscored (excluded from the contrasts and counted).`,
    ]),
    ...reviewBlocks(ctx),
  ];
}

/** " (3 authored rewordings, 1 with an added neutral sentence)": what the paraphrase controls are, in total. */
function paraphraseMix(ctx: ReportContext): string {
  const perVignette = ctx.manifest.study.controls.paraphrases;
  if (perVignette === 0) return '';
  const counts = paraphraseSourceCounts(ctx.vignettes, perVignette);
  return ` (${plural(counts.authored, 'authored rewording')}, ${counts['added-sentence']} with an added neutral sentence)`;
}
