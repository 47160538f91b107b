import type { Problem } from '../util/problems.js';
import type { Vignette } from './types.js';

/**
 * Vignettes sharing a `case` tell one clinical case in several perspectives, so the report can compare perspectives
 * on equal content. That comparison is only fair if they are the same case: at least two vignettes, each in its own
 * perspective, with the same question type, the same answer and the same pinned values. Every break is a problem.
 */
export function validateCases(vignettes: readonly Vignette[], problems: Problem[]): void {
  const byCase = new Map<string, Vignette[]>();
  for (const v of vignettes) if (v.case !== undefined) byCase.set(v.case, [...(byCase.get(v.case) ?? []), v]);
  for (const [caseId, members] of byCase) {
    const first = members[0]!;
    const at = (v: Vignette, message: string) => problems.push({ file: v.file, line: v.line, field: `${v.id}.case`, message });
    if (members.length < 2) {
      at(first, `case "${caseId}" has only this vignette; a case links the same clinical case written in two or more perspectives`);
      continue;
    }
    const seen = new Map<string, string>();
    for (const v of members) {
      const other = seen.get(v.perspective);
      if (other) at(v, `case "${caseId}" has two ${v.perspective} vignettes (${other} and ${v.id}); each perspective tells the case once`);
      seen.set(v.perspective, v.id);
      if (v === first) continue;
      if (v.question.type !== first.question.type)
        at(
          v,
          `case "${caseId}": question type ${v.question.type} differs from ${first.id}'s ${first.question.type}; the same case asks the same question`,
        );
      else if ('answer' in v.question && 'answer' in first.question && v.question.answer !== first.question.answer)
        at(
          v,
          `case "${caseId}": answer ${String(v.question.answer)} differs from ${first.id}'s ${String(first.question.answer)}; the same case has the same answer`,
        );
      if (pins(v) !== pins(first))
        at(v, `case "${caseId}": pinned values (${pins(v) || 'none'}) differ from ${first.id}'s (${pins(first) || 'none'})`);
    }
  }
}

const pins = (v: Vignette): string =>
  v.excluded
    .map((e) => `${e.axis}=${e.value}`)
    .sort()
    .join(', ');
