import type { Axis } from '../demographics/types.js';
import { templatizeCase } from './template.js';
import type { CaseOutcome, CaseRecord, ReviewItem, TemplateRecord } from './types.js';

export interface TemplatizeResult {
  outcomes: CaseOutcome[];
  /** The accepted templates, in case order. */
  templates: TemplateRecord[];
  rejected: { file: string; line: number; id: string; reason: string }[];
  /** Every span a person should look at, accepted cases and rejected alike. */
  review: ReviewItem[];
}

/**
 * Turns a case bank into counterfair templates. Each case becomes a template whose rendering with the case's own
 * demographics is byte-identical to the case text, or is left out with the reason; spans that may not be the
 * patient's are listed for review, never guessed. `axes` are the demographics the templates will render with.
 */
export function templatize(cases: readonly CaseRecord[], options: { axes: readonly Axis[] }): TemplatizeResult {
  const outcomes = cases.map((c) => templatizeCase(c, options.axes));
  return {
    outcomes,
    templates: outcomes.flatMap((o) => (o.kind === 'template' ? [o.template] : [])),
    rejected: outcomes.flatMap((o) =>
      o.kind === 'rejected' ? [{ file: o.case.file, line: o.case.line, id: o.case.id, reason: o.reason }] : [],
    ),
    review: outcomes.flatMap((o) => o.review),
  };
}
