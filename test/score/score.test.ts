import { describe, expect, it } from 'vitest';
import type { Variant } from '../../src/expand/types.js';
import type { ResponseRecord } from '../../src/run/types.js';
import { createScorer, scoreResponse } from '../../src/score/score.js';
import { readWith, type QuestionTypeDefinition } from '../../src/template/questions/definition.js';
import { createQuestionTypeRegistry } from '../../src/template/questions/registry.js';
import { yesNoReader } from '../../src/score/extract/yesno.js';
import { yesnoQuestionType } from '../../src/template/questions/yesno.js';
import type { Question } from '../../src/template/types.js';

// Only the fields scoreResponse reads; the rest of a variant and a response does not change how an answer is read.
const variant = (user: string, variantId = 'v~ref'): Variant =>
  ({
    vignetteId: 'v',
    variantId,
    kind: 'reference',
    domain: 'd',
    perspective: 'clinician',
    questionType: 'numeric',
    attributes: {},
    pinned: {},
    messages: [
      { role: 'system', content: 'Answer briefly.' },
      { role: 'user', content: user },
    ],
    cueSpans: [],
  }) as unknown as Variant;
const response = (text: string): ResponseRecord =>
  ({ key: 'k', modelId: 'm', vignetteId: 'v', variantId: 'v~ref', replicate: 0, text, error: null }) as unknown as ResponseRecord;
const question: Question = {
  type: 'numeric',
  stem: 'What enoxaparin dose do you give?',
  unit: 'mg',
  tolerance: 0,
  intensity: 'ascending',
  answer: 82,
};

describe('scoreResponse with the vignette weight', () => {
  it('reads a per-kg answer with the one weight the rendered vignette states', () => {
    expect(
      scoreResponse(response('1 mg/kg every 12 hours.'), variant('A 60-year-old man weighing 82 kg has a DVT.'), question),
    ).toMatchObject({ outcome: 'correct', extracted: 82 });
  });

  it('leaves a per-kg answer unparseable when the vignette states no weight or two', () => {
    expect(scoreResponse(response('1 mg/kg every 12 hours.'), variant('A 60-year-old man has a DVT.'), question)).toMatchObject({
      outcome: 'unparseable',
    });
    expect(scoreResponse(response('1 mg/kg every 12 hours.'), variant('He fell from 90 kg to 82 kg.'), question)).toMatchObject({
      outcome: 'unparseable',
    });
  });
});

describe('createScorer', () => {
  const heavy = variant('A 60-year-old man weighing 82 kg has a DVT.', 'v~ref');
  const light = variant('A 60-year-old woman weighing 61 kg has a DVT.', 'v~sex:female');
  const answers = ['1 mg/kg every 12 hours.', '82 mg', 'I cannot advise on dosing.', '1 mg/kg every 12 hours.', '82 mg'];

  it('gives exactly the records scoreResponse gives, repeated answers included', () => {
    const score = createScorer();
    for (const v of [heavy, light, heavy])
      for (const text of answers) expect(score(response(text), v, question)).toStrictEqual(scoreResponse(response(text), v, question));
  });

  it('reads the same words again for another variant, whose vignette may change the reading', () => {
    const score = createScorer();
    expect(score(response('1 mg/kg every 12 hours.'), heavy, question)).toMatchObject({ outcome: 'correct', extracted: 82 });
    expect(score(response('1 mg/kg every 12 hours.'), light, question)).toMatchObject({ outcome: 'incorrect', extracted: 61 });
  });

  it('scores long answers without remembering them, with the same records', () => {
    const score = createScorer();
    const long = `${'The patient has a provoked DVT and normal renal function. '.repeat(12)}Give 82 mg.`;
    expect(score(response(long), heavy, question)).toStrictEqual(scoreResponse(response(long), heavy, question));
    expect(score(response(long), light, question)).toStrictEqual(scoreResponse(response(long), light, question));
  });

  it('reads the same words once per vignette only for a type whose reading ignores the variant', () => {
    const readsCounted = (readsOnlyTextAndQuestion: boolean) => {
      let reads = 0;
      const counted: QuestionTypeDefinition = {
        ...yesnoQuestionType,
        type: 'counted-yesno',
        readsOnlyTextAndQuestion,
        extract: (text, q, v) => (reads++, yesnoQuestionType.extract!(text, q as never, v)),
      } as QuestionTypeDefinition;
      const score = createScorer(createQuestionTypeRegistry([counted]));
      const yesno = { type: 'counted-yesno', stem: 'Admit?', answer: 'yes' } as unknown as Question;
      for (const v of [heavy, light, heavy, light]) expect(score(response('Yes.'), v, yesno)).toMatchObject({ outcome: 'correct' });
      return reads;
    };
    expect(readsCounted(true)).toBe(1);
    expect(readsCounted(false)).toBe(2);
  });

  it('prepares a question built with readWith once per case, and reads every distinct answer with it', () => {
    let prepared = 0;
    let read = 0;
    const counted = {
      ...yesnoQuestionType,
      type: 'prepared-yesno',
      readsOnlyTextAndQuestion: true,
      extract: readWith((q: Question) => {
        prepared++;
        const reader = yesNoReader(q.stem);
        return (text: string) => (read++, reader(text));
      }),
    } as unknown as QuestionTypeDefinition;
    const score = createScorer(createQuestionTypeRegistry([counted]));
    const yesno = { type: 'prepared-yesno', stem: 'Admit?', answer: 'yes' } as unknown as Question;
    for (const [v, text] of [
      [heavy, 'Yes.'],
      [light, 'No.'],
      [heavy, 'Yes, admit.'],
      [light, 'Yes.'],
    ] as const)
      expect(score(response(text), v, yesno)).toStrictEqual(scoreResponse(response(text), v, yesno, createQuestionTypeRegistry([counted])));
    // scoreResponse prepared the question for each of its four calls; the scorer once, for three distinct answers.
    expect(prepared).toBe(4 + 1);
    expect(read).toBe(4 + 3);
  });
});
