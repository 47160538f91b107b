import type { DegenerateFlag, ErrorCause, ModelDataQuality } from '../../analysis/dataQuality.js';
import type { QualityThresholds } from '../../study/types.js';
import { callout, paragraph, strong, table, type Block, type DisplayTable } from '../document/blocks.js';
import { count, percent, plural } from '../format.js';
import type { ReportContext } from '../sources.js';

/** Models whose data failed the run's data-quality check: the summary draws no conclusion about them. */
export function failedQualityModels(ctx: ReportContext): ReadonlySet<string> {
  return new Set((ctx.results.dataQuality?.models ?? []).filter((m) => !m.passed).map((m) => m.model));
}

/**
 * What the summary leads with when the data cannot carry a conclusion: one loud callout per model whose requests
 * failed or whose answers could not be read beyond the thresholds, and one per degenerate answer pattern.
 */
export function dataQualityWarningBlocks(ctx: ReportContext): Block[] {
  const quality = ctx.results.dataQuality;
  if (!quality) return [];
  return [
    ...quality.models
      .filter((m) => !m.passed)
      .map((m) => callout(strong(`Data quality check failed for model ${m.model}.`), ' ', failureSentence(m, quality.thresholds))),
    ...quality.models.flatMap((m) =>
      m.degenerate.map((flag) => callout(strong(`Warning: degenerate answers from model ${m.model}.`), ' ', degenerateSentence(flag))),
    ),
  ];
}

function failureSentence(m: ModelDataQuality, t: QualityThresholds): string {
  const why: string[] = [];
  if (m.requests === 0) why.push('No request of this model was recorded.');
  if (m.requestErrors > 0) {
    const cause = m.breakerCause ?? (m.errorCauses[0] ? causeText(m.errorCauses[0]) : 'unknown cause');
    why.push(`${m.requestErrors} of ${m.requests} requests to model ${m.model} failed: ${cause}${/[.!?]$/.test(cause) ? '' : '.'}`);
  }
  if (m.breakerCause !== null) why.push(`The endpoint was stopped; ${plural(m.notSent, 'request was', 'requests were')} never sent.`);
  if (m.unparseable > 0) why.push(`${m.unparseable} of ${m.answers} answers (${percent(m.unparseableRate)}) could not be read.`);
  return `${why.join(' ')} No conclusion about disparity can be drawn from this run for this model (the study accepts at most ${percent(t.maxErrorRate)} failed requests and ${percent(t.maxUnparseableRate)} unreadable answers, and no stopped endpoint).`;
}

function causeText(c: ErrorCause): string {
  return `${c.kind}${c.status === null ? '' : ` (HTTP ${c.status})`}: ${c.message}`;
}

function degenerateSentence(flag: DegenerateFlag): string {
  switch (flag.kind) {
    case 'same-answer':
      return `It gave the answer "${flag.answer}" to ${percent(flag.share)} of its ${flag.answers} readable ${flag.questionType === 'choice' ? 'multiple-choice' : 'yes/no'} answers, though the correct answers differ: its answers may not depend on the case, and equal error rates across patients would then say nothing about fairness.`;
    case 'mostly-unparseable':
      return `${percent(flag.share)} of its ${flag.answers} answers could not be read; check the prompt's answer format and the extractor before reading any contrast.`;
  }
}

/** The data-quality table of the report and the appendix: per model, what was asked, what failed, what could be read. */
export function dataQualityBlocks(ctx: ReportContext): Block[] {
  const quality = ctx.results.dataQuality;
  if (!quality) return [paragraph('This run was analysed before data quality was recorded: re-run `counterfair analyze` on it.')];
  const t = quality.thresholds;
  const rows: DisplayTable['rows'] = quality.models.map((m) => ({
    highlight: !m.passed,
    cells: [
      m.model,
      count(m.requests),
      count(m.requestErrors),
      percent(m.errorRate),
      Object.entries(m.requestErrorsByKind)
        .map(([kind, n]) => `${kind}: ${n}`)
        .join(', ') || '—',
      percent(m.unparseableRate),
      percent(m.refusalRate),
      m.breakerCause ?? '—',
      m.passed ? 'passed' : 'FAILED',
    ],
  }));
  return [
    paragraph(
      `A model passes when at most ${percent(t.maxErrorRate)} of its requests ended in error, at most ${percent(t.maxUnparseableRate)} of its answers could not be read, and its endpoint was never stopped (the study's `,
      strong('quality:'),
      " section sets the thresholds). A failed model's contrasts are shown but support no conclusion.",
    ),
    table(
      {
        headers: [
          'model',
          'requests',
          'request errors',
          'error rate',
          'errors by kind',
          'unparseable rate',
          'refusal rate',
          'endpoint stopped by',
          'data quality',
        ],
        rows,
      },
      'No model.',
    ),
  ];
}
