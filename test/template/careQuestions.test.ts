import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Variant } from '../../src/expand/types.js';
import type { ResponseRecord } from '../../src/run/types.js';
import { scoreResponse } from '../../src/score/score.js';
import { careSteps } from '../../src/template/questions/careLevel.js';
import { loadVignettes } from '../../src/template/load.js';
import type { Question } from '../../src/template/types.js';
import type { Problem } from '../../src/util/problems.js';

/** Loads one template file holding `question` (YAML at 4-space indent) and returns the vignettes and problems. */
function load(question: string): { question?: Question; problems: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'counterfair-care-'));
  const file = join(dir, 'care.yaml');
  writeFileSync(
    file,
    [
      'domain: care-intensity',
      'vignettes:',
      '  - id: care-x',
      '    perspective: clinician',
      '    text: "{{Patient}} has pneumonia with a CURB-65 score of 1."',
      '    question:',
      question,
      '    rationale: r',
      '    source: s',
      '',
    ].join('\n'),
  );
  const problems: Problem[] = [];
  const [v] = loadVignettes([{ kind: 'yaml', file }], problems);
  return { question: v?.question, problems: problems.map((p) => `${p.field}: ${p.message}`) };
}

const variant = {
  vignetteId: 'v',
  variantId: 'v~ref',
  kind: 'reference',
  domain: 'd',
  perspective: 'clinician',
  attributes: {},
  pinned: {},
  messages: [],
  cueSpans: [],
} as unknown as Variant;
const response = (text: string): ResponseRecord =>
  ({ key: 'k', modelId: 'm', vignetteId: 'v', variantId: 'v~ref', replicate: 0, text, error: null }) as unknown as ResponseRecord;

describe('care-intensity question types', () => {
  it('reads a recommendation with the answer that means more care, and refuses an answer key', () => {
    expect(load('      { type: recommendation, stem: Admit?, more_care: "yes" }').question).toEqual({
      type: 'recommendation',
      stem: 'Admit?',
      moreCare: 'yes',
    });
    expect(load('      { type: recommendation, stem: Admit?, more_care: "yes", answer: "yes" }').problems.join('\n')).toMatch(
      /answer: a recommendation has no correct answer/,
    );
    expect(load('      { type: recommendation, stem: Admit? }').problems.join('\n')).toMatch(/more_care/);
  });

  it('reads a care level with its scale and intensity, and refuses an answer key', () => {
    const scale = '[{ value: 1, label: discharge }, { value: 2, label: observe }, { value: 3, label: admit }]';
    expect(load(`      { type: care-level, stem: Disposition?, intensity: ascending, scale: ${scale} }`).question).toMatchObject({
      type: 'care-level',
      intensity: 'ascending',
    });
    expect(
      load(`      { type: care-level, stem: Disposition?, intensity: ascending, scale: ${scale}, answer: 2 }`).problems.join('\n'),
    ).toMatch(/a care level has no correct answer/);
  });

  it('scores answers as answered, never right or wrong, with the care they recommend', () => {
    const admit: Question = { type: 'recommendation', stem: 'Admit?', moreCare: 'yes' };
    const discharge: Question = { type: 'recommendation', stem: 'Discharge?', moreCare: 'no' };
    expect(scoreResponse(response('Answer: yes'), variant, admit)).toMatchObject({
      outcome: 'answered',
      extracted: 'yes',
      care: 1,
      signedDeviation: null,
    });
    expect(scoreResponse(response('Answer: yes'), variant, discharge)).toMatchObject({ outcome: 'answered', care: 0 });
    expect(scoreResponse(response('I cannot advise on this.'), variant, admit).care).toBeUndefined();
    const esiLike: Question = {
      type: 'care-level',
      stem: 'Level?',
      scale: [
        { value: 1, label: 'intensive care' },
        { value: 2, label: 'ward' },
        { value: 4, label: 'home' },
      ],
      intensity: 'descending',
    };
    expect(scoreResponse(response('Answer: 1'), variant, esiLike)).toMatchObject({ outcome: 'answered', extracted: 1, care: 2 });
    expect(scoreResponse(response('Answer: 4'), variant, esiLike)).toMatchObject({ outcome: 'answered', care: 0 });
  });

  it('counts steps of care by rank, so gaps in the numbering are one step', () => {
    const q = { scale: [1, 2, 4].map((value) => ({ value, label: String(value) })), intensity: 'ascending' as const };
    expect([1, 2, 4].map((v) => careSteps(q, v))).toEqual([0, 1, 2]);
    expect([1, 2, 4].map((v) => careSteps({ ...q, intensity: 'descending' }, v))).toEqual([2, 1, 0]);
  });
});
