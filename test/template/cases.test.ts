import { describe, expect, it } from 'vitest';
import { validateCases } from '../../src/template/cases.js';
import type { Perspective, Vignette } from '../../src/template/types.js';
import type { Problem } from '../../src/util/problems.js';

const vignette = (id: string, perspective: Perspective, caseId: string, answer = 'B', pinnedAge?: string): Vignette => ({
  id,
  domain: 'd',
  perspective,
  text: 't',
  question: { type: 'choice', stem: 's', options: { A: 'a', B: 'b' }, answer },
  rationale: 'r',
  source: 's',
  excluded: pinnedAge ? [{ axis: 'age', value: pinnedAge, reason: 'r' }] : [],
  implausible: [],
  tags: [],
  paraphrases: [],
  case: caseId,
  file: 'templates/d.yaml',
  line: 3,
});

function problemsOf(vignettes: Vignette[]): string[] {
  const problems: Problem[] = [];
  validateCases(vignettes, problems);
  return problems.map((p) => `${p.field}: ${p.message}`);
}

describe('validateCases', () => {
  it('accepts one case told in several perspectives with the same question, answer and pins', () => {
    expect(
      problemsOf([
        vignette('a', 'patient', 'c', 'B', '50'),
        vignette('b', 'clinician', 'c', 'B', '50'),
        vignette('x', 'general', 'd'),
        vignette('y', 'patient', 'd'),
      ]),
    ).toEqual([]);
  });

  it('names a case with one vignette, a repeated perspective, another answer and other pins', () => {
    expect(problemsOf([vignette('lonely', 'patient', 'solo')])).toEqual([
      'lonely.case: case "solo" has only this vignette; a case links the same clinical case written in two or more perspectives',
    ]);
    expect(problemsOf([vignette('a', 'patient', 'c'), vignette('b', 'patient', 'c', 'A', '60')])).toEqual([
      'b.case: case "c" has two patient vignettes (a and b); each perspective tells the case once',
      'b.case: case "c": answer A differs from a\'s B; the same case has the same answer',
      'b.case: case "c": pinned values (age=60) differ from a\'s (none)',
    ]);
  });
});
