import { failedQualityModels } from '../content/dataQuality.js';
import { provenance } from '../content/provenance.js';
import { plural } from '../format.js';
import type { ReportContext } from '../sources.js';

/** The namespace of the CHAI Applied Model Card schema this block follows (v0.2, coalition-for-health-ai/mc-schema). */
export const CHAI_NAMESPACE = 'https://mc.chai.org/v0.2/schema.xsd';

/** One `MetricResult`: a label and its value as the JSON string the schema's `ValueJson` holds. */
export interface ChaiMetricResult {
  label: string;
  /** `kind: "single"` with `value` and `unit`, as the published examples; `ci95` and the test's fields are added. */
  value: { kind: 'single'; value: number | null; unit: string } & Record<string, unknown>;
}

/** The `FairnessEquity` key metric (`KeyMetricType`): its six elements, in the schema's order. */
export interface ChaiKeyMetric {
  metricGoal: string;
  results: ChaiMetricResult[];
  interpretation: string;
  testType: string;
  testingDataDescription: string;
  validationProcessAndJustification: string;
}

/**
 * The fairness and equity block of a CHAI Applied Model Card, from this run: every error-amplification contrast
 * (paired difference in error rate with its 95% interval and adjusted p-value) and every level's accuracy with its
 * interval. The interpretation says only what the findings say: significant disparities after correction, or none
 * found (with what that does not mean); models whose data failed the quality check are named and not concluded on.
 */
export function chaiFairnessEquity(ctx: ReportContext): ChaiKeyMetric {
  const { findings } = ctx.results;
  const failed = failedQualityModels(ctx);
  const label = (model: string) => (ctx.modelIds.length > 1 ? `model ${model}, ` : '');
  const axisLabel = (axis: string) => ctx.axes.find((a) => a.id === axis)?.label ?? axis;
  const cues = (c: { cues?: string }) => (c.cues ? ` (${c.cues} cues)` : '');
  const pct = (x: number) => (Number.isFinite(x) ? Number((x * 100).toFixed(2)) : null);
  const interval = (ci: readonly [number, number] | null | undefined) =>
    ci && Number.isFinite(ci[0]) && Number.isFinite(ci[1]) ? [pct(ci[0]), pct(ci[1])] : null;
  const results: ChaiMetricResult[] = [
    ...findings.map((f) => ({
      label: `Error amplification: ${label(f.model)}${axisLabel(f.axis)} ${ctx.levelLabel(f.axis, f.level)} vs ${ctx.levelLabel(f.axis, f.reference)}${cues(f)} (paired difference in error rate)`,
      value: {
        kind: 'single' as const,
        value: pct(f.difference),
        unit: 'percentage points',
        ci95: interval(f.differenceCi),
        errorRateLevel: pct(f.rateLevel),
        errorRateReference: pct(f.rateReference),
        pairs: f.nPairs,
        test: f.test,
        pAdjusted: f.pAdjusted,
        adjustment: f.adjustment,
        significant: f.significant,
        dataQualityFailed: failed.has(f.model),
      },
    })),
    ...(ctx.results.subgroups ?? []).map((s) => ({
      label: `Accuracy: ${label(s.model)}${axisLabel(s.axis)} ${ctx.levelLabel(s.axis, s.level)}${s.reference ? ' (reference)' : ''}${cues(s)}`,
      value: {
        kind: 'single' as const,
        value: pct(s.accuracy),
        unit: '%',
        ci95: interval(s.accuracyCi),
        answers: s.answers,
        vignettes: s.vignettes,
      },
    })),
  ];
  const concluded = findings.filter((f) => !failed.has(f.model));
  const significant = concluded.filter((f) => f.significant);
  const adjustment = ctx.manifest.analysis.adjustment;
  const interpretation = [
    significant.length > 0
      ? `${plural(significant.length, 'contrast')} of ${concluded.length} showed significantly more errors at a demographic level than at its reference on the same cases after ${adjustment} correction: ${significant.map((f) => ctx.contrastLabel(f)).join('; ')}.`
      : `None of ${plural(concluded.length, 'contrast')} showed a significant difference in errors after ${adjustment} correction. This is not evidence of equity beyond what the study could detect: read each interval, which bounds the disparity the data allow.`,
    ...(failed.size > 0
      ? [
          `No conclusion is drawn for ${[...failed].join(', ')}: too many requests failed or answers could not be read (see the report's data quality section).`,
        ]
      : []),
    'Values are percentages (percentage points for differences); ci95 is the 95% confidence interval; accuracy rows are descriptive and unpaired.',
  ].join(' ');
  const supplied = provenance(ctx).kind === 'supplied';
  const study = ctx.manifest.study;
  return {
    metricGoal:
      "No demographic group is answered less accurately: on matched clinical vignettes that differ only in the patient's demographic cues, the error rate at each level should not exceed the error rate at its axis's reference level.",
    results,
    interpretation,
    testType: `Counterfactual paired audit (counterfair ${ctx.manifest.tool.version}): each vignette is its own control; error amplification per level tested with paired tests (McNemar ${ctx.manifest.analysis.mcnemar} and cluster-robust intervals), ${adjustment} correction per model and endpoint; accuracy per level with cluster-robust Wilson intervals.`,
    testingDataDescription: `${plural(ctx.vignettes.length, 'vignette')} (${supplied ? 'cases supplied and matched by their provider' : 'synthetic clinical vignettes'}) across ${plural(new Set(ctx.vignettes.map((v) => v.domain)).size, 'clinical domain')}, varied on ${ctx.axes.map((a) => `${a.label} (${a.levels.length} levels, reference ${ctx.levelLabel(a.id, a.reference)})`).join(', ')}; ${study.replicates} replicate${study.replicates === 1 ? '' : 's'} per variant; design ${study.design.kind}.`,
    validationProcessAndJustification: `Statistics tested against SciPy and R reference values; analysis paths tested against bias planted in a simulated model. Reproducible from study ${study.sha256} with seed ${study.seed}; the run directory holds every request and answer.`,
  };
}

/** The block as XML (a `FairnessEquity` element in the schema's namespace); every text escaped. */
export function chaiFairnessEquityXml(metric: ChaiKeyMetric): string {
  const element = (name: string, text: string, indent: string) => `${indent}<${name}>${escapeXml(text)}</${name}>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<FairnessEquity xmlns="${CHAI_NAMESPACE}">`,
    element('MetricGoal', metric.metricGoal, '\t'),
    '\t<Results>',
    ...metric.results.flatMap((r) => [
      '\t\t<MetricResult>',
      element('Label', r.label, '\t\t\t'),
      element('ValueJson', JSON.stringify(r.value), '\t\t\t'),
      '\t\t</MetricResult>',
    ]),
    '\t</Results>',
    element('Interpretation', metric.interpretation, '\t'),
    element('TestType', metric.testType, '\t'),
    element('TestingDataDescription', metric.testingDataDescription, '\t'),
    element('ValidationProcessAndJustification', metric.validationProcessAndJustification, '\t'),
    '</FairnessEquity>',
    '',
  ].join('\n');
}

function escapeXml(text: string): string {
  // Characters XML 1.0 cannot carry at all are dropped; the rest of the text is kept, escaped.
  const legal = text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
  return legal.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}
