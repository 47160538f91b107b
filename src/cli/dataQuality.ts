import { InvalidArgumentError, type Command } from 'commander';
import type { DataQuality, DegenerateFlag, ModelDataQuality } from '../analysis/dataQuality.js';
import type { QualityThresholds } from '../study/types.js';
import { DataQualityFailed } from './errors.js';

/** What the data-quality flags give: only the thresholds set on the command line. */
export interface QualityFlags {
  maxErrorRate?: number;
  maxUnparseableRate?: number;
}

/** Adds --max-error-rate and --max-unparseable-rate, which win over the study's (or the run's) `quality:` thresholds. */
export function withQualityFlags(command: Command): Command {
  return command
    .option(
      '--max-error-rate <share>',
      "largest share of a model's requests that may fail before the run's data supports no conclusion (exit 4); default: the study's quality.max_error_rate, else 0.2",
      share,
    )
    .option(
      '--max-unparseable-rate <share>',
      "largest share of a model's answers that may be unreadable (exit 4); default: the study's quality.max_unparseable_rate, else 0.2",
      share,
    );
}

/** The thresholds with the flags that were given applied over them. */
export function applyQualityFlags(thresholds: QualityThresholds, flags: QualityFlags): QualityThresholds {
  return {
    maxErrorRate: flags.maxErrorRate ?? thresholds.maxErrorRate,
    maxUnparseableRate: flags.maxUnparseableRate ?? thresholds.maxUnparseableRate,
  };
}

function share(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1)
    throw new InvalidArgumentError('expected a share from 0 to 1, e.g. 0.2 for 20 %');
  return n;
}

/**
 * Writes the run's data-quality warnings to stderr and throws DataQualityFailed (exit 4) when any model's data
 * cannot support a conclusion. Called after every artefact is written (the report is the evidence). The server's
 * message is not repeated here: the runner printed it once when it stopped the endpoint, and the report and
 * results.json carry it.
 */
export function checkDataQuality(stderr: NodeJS.WritableStream, quality: DataQuality | undefined): void {
  if (!quality) return;
  for (const model of quality.models) {
    for (const flag of model.degenerate) stderr.write(`counterfair: warning: model ${model.model} ${degenerateWords(flag)}\n`);
    if (!model.passed)
      stderr.write(
        `counterfair: DATA QUALITY CHECK FAILED for model ${model.model}: ${failureWords(model)}; no conclusion about disparity can be drawn for this model from this run (see the report's summary and results.json dataQuality)\n`,
      );
  }
  if (!quality.passed) throw new DataQualityFailed('the data-quality check failed');
}

function failureWords(model: ModelDataQuality): string {
  const words: string[] = [];
  if (model.requests === 0) words.push('no request recorded');
  if (model.requestErrors > 0) {
    const kinds = Object.entries(model.requestErrorsByKind)
      .map(([kind, n]) => `${n} ${kind}`)
      .join(', ');
    words.push(`${model.requestErrors} of ${model.requests} requests failed (${kinds})`);
  }
  if (model.breakerCause !== null) words.push(`${model.notSent} never sent: the endpoint was stopped after repeated identical failures`);
  if (model.unparseable > 0) words.push(`${model.unparseable} of ${model.answers} answers unreadable`);
  return words.join('; ');
}

function degenerateWords(flag: DegenerateFlag): string {
  switch (flag.kind) {
    case 'same-answer':
      return `gave the answer "${flag.answer}" to ${Math.round(100 * flag.share)} % of its ${flag.answers} readable ${flag.questionType === 'choice' ? 'multiple-choice' : 'yes/no'} answers, though the correct answers differ: its answers may not depend on the case`;
    case 'mostly-unparseable':
      return `gave no readable answer in ${Math.round(100 * flag.share)} % of its ${flag.answers} answers`;
  }
}
