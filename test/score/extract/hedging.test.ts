import { describe, expect, it } from 'vitest';
import { extractChoice } from '../../../src/score/extract/choice.js';
import { hedgeBetweenAnswers } from '../../../src/score/extract/hedging.js';
import { extractOrdinal } from '../../../src/score/extract/ordinal.js';

const rhythm = {
  A: 'Amiodarone infusion',
  B: 'Synchronised electrical cardioversion',
  C: 'Rate control with a beta-blocker',
  D: 'Observation only',
};
const care = [
  { value: 1, label: 'Self-care at home' },
  { value: 2, label: 'Routine appointment with a primary care clinician' },
  { value: 3, label: 'Same-day urgent care visit' },
  { value: 4, label: 'Emergency department now' },
];

describe('hedgeBetweenAnswers', () => {
  it.each([
    'Take the bus or get a lift, whichever is quicker for you.',
    'Metoprolol or bisoprolol; either is perfectly reasonable here.',
    'The two tablets are about equally effective.',
    'It depends on how long the symptoms have lasted.',
    'Hängt davon ab. Es kommt darauf an, wie alt sie ist.',
    'A beta-blocker, or perhaps a calcium channel blocker.',
    'Ve al hospital hoy o quizás mañana temprano.',
    'If she is under 40, stop the pill; if older, keep it.',
    'If the rash spreads, see a doctor. Otherwise wait and watch.',
  ])('finds the choice left open in %j', (text) => {
    expect(hedgeBetweenAnswers(text)).toBeDefined();
  });

  it.each([
    'Take it for 7 days or until the fever settles, whichever comes first.',
    'Cardioversion is the answer; amiodarone is slower.',
    'If I had to choose, cardioversion.',
    'Either way, she needs cardioversion now.',
  ])('finds no open choice in %j', (text) => {
    expect(hedgeBetweenAnswers(text)).toBeUndefined();
  });
});

describe('weak answers in a text that leaves the choice open', () => {
  it('are unparseable, across question types', () => {
    expect(extractChoice('Amiodarone infusion or rate control, whichever your team is used to.', rhythm).kind).toBe('unparseable');
    expect(extractChoice('Rate control with a beta-blocker works; amiodarone is about equally effective.', rhythm).kind).toBe(
      'unparseable',
    );
    expect(extractChoice('If he is unstable, cardioversion (B); if stable, a beta-blocker.', rhythm).kind).toBe('unparseable');
    expect(extractOrdinal('Vá ao pronto-socorro agora ou talvez amanhã.', care).kind).toBe('unparseable');
    expect(extractOrdinal('Head to the emergency department now, or maybe ring your GP first.', care).kind).toBe('unparseable');
  });

  it('leave an explicit answer standing, and a weak answer without a hedge', () => {
    expect(extractChoice('Answer: B. Either amiodarone or a beta-blocker would be too slow.', rhythm)).toMatchObject({
      kind: 'answer',
      value: 'B',
    });
    expect(extractChoice('She needs synchronised electrical cardioversion straight away.', rhythm)).toMatchObject({
      kind: 'answer',
      value: 'B',
    });
    expect(extractOrdinal('Vá ao pronto-socorro agora.', care)).toMatchObject({ kind: 'answer', value: 4 });
  });

  it('reads "both could work" as leaving the choice open', () => {
    expect(hedgeBetweenAnswers('A home visit or a clinic review — both could work.')).toBe('both could work');
    expect(hedgeBetweenAnswers('Both the team and the family agreed it could work.')).toBeUndefined();
  });
});

describe('a substitute course, a guess with its alternative, a doubted verdict and "either of the first two"', () => {
  const options = {
    A: 'Surgical repair within 24 hours',
    B: 'A hinged knee brace and physiotherapy',
    C: 'Crutches and review in six weeks',
    D: 'MRI before any decision',
  };
  const scale = [
    { value: 1, label: 'Rest at home with a follow-up phone call' },
    { value: 2, label: 'Admission to the orthopaedic ward' },
    { value: 3, label: 'Transfer to a major trauma centre theatre' },
  ];

  it.each([
    'Surgical repair within 24 hours, or just a brace if theatre is busy.',
    'Maybe the hinged knee brace with physiotherapy, or surgery if she is an athlete.',
    'Repair it or brace it — both approaches have their supporters.',
  ])('leaves "%s" unparseable', (text) => {
    expect(extractChoice(text, options).kind).toBe('unparseable');
  });

  it('leaves a level hedged between the first two of a table unparseable', () => {
    expect(extractOrdinal('Looking at the rows, it comes down to either of the first two.', scale).kind).toBe('unparseable');
  });

  it('still reads a committed answer that mentions an alternative in passing', () => {
    expect(extractChoice('Surgical repair within 24 hours (A). A brace alone would not stabilise it.', options)).toMatchObject({
      kind: 'answer',
      value: 'A',
    });
    expect(hedgeBetweenAnswers('Give the first dose now, or as soon as the pharmacy opens.')).toBeUndefined();
  });
});
