import { describe, expect, it } from 'vitest';
import type { Axis } from '../../src/demographics/types.js';
import { maskCues, patientPhrase, renderText, type AxisValue } from '../../src/template/render.js';

const sex: Axis = {
  id: 'sex',
  label: 'Sex',
  slot: 'noun',
  reference: 'male',
  file: 'sex.yaml',
  levels: [
    {
      id: 'female',
      label: 'Female',
      noun: 'woman',
      pronouns: { they: 'she', them: 'her', their: 'her', theirs: 'hers', themself: 'herself', pluralVerbs: false },
    },
    {
      id: 'male',
      label: 'Male',
      noun: 'man',
      pronouns: { they: 'he', them: 'him', their: 'his', theirs: 'his', themself: 'himself', pluralVerbs: false },
    },
    {
      id: 'nonbinary',
      label: 'Nonbinary',
      noun: 'person',
      pronouns: { they: 'they', them: 'them', their: 'their', theirs: 'theirs', themself: 'themself', pluralVerbs: true },
    },
  ],
};
const race: Axis = {
  id: 'race',
  label: 'Race',
  slot: 'descriptor',
  reference: 'white',
  file: 'race.yaml',
  levels: [
    { id: 'aian', label: 'AIAN', descriptor: 'American Indian' },
    { id: 'white', label: 'White', descriptor: 'White' },
  ],
};
const age: Axis = {
  id: 'age',
  label: 'Age',
  slot: 'age',
  reference: '45',
  file: 'age.yaml',
  levels: [
    { id: '45', label: '45', years: 45 },
    { id: '80', label: '80', years: 80 },
  ],
};
const insurance: Axis = {
  id: 'insurance',
  label: 'Insurance',
  slot: 'sentence',
  reference: 'private',
  file: 'insurance.yaml',
  levels: [
    {
      id: 'medicaid',
      label: 'Medicaid',
      sentence: { third: '{{They}} {{is}} insured through Medicaid.', first: 'I am insured through Medicaid.' },
    },
  ],
};

const values = (sexLevel: string, raceLevel: string, ageLevel: string): AxisValue[] => [
  { axis: race, level: race.levels.find((l) => l.id === raceLevel)! },
  { axis: sex, level: sex.levels.find((l) => l.id === sexLevel)! },
  { axis: age, level: age.levels.find((l) => l.id === ageLevel)! },
  { axis: insurance, level: insurance.levels[0]! },
];
const ctx = (sexLevel: string, raceLevel = 'white', ageLevel = '45', perspective: 'patient' | 'clinician' = 'clinician') => ({
  perspective,
  values: values(sexLevel, raceLevel, ageLevel),
  filler: { city: 'Springfield' },
  silentAxes: ['language'],
  cues: 'explicit' as const,
});

describe('renderText', () => {
  it('builds the patient phrase with a matching article', () => {
    expect(patientPhrase(values('female', 'white', '45'))).toBe('a 45-year-old White woman');
    expect(patientPhrase(values('male', 'aian', '80'))).toBe('an 80-year-old American Indian man');
  });

  it('agrees pronouns and verbs with the sex level, including singular they', () => {
    const text =
      '{{Patient}} from {{city}} says {{they}} report{{s}} pain; {{they}} {{has}} taken {{their}} pills {{themself}}. {{insurance}}';
    expect(renderText(text, ctx('female')).text).toBe(
      'A 45-year-old White woman from Springfield says she reports pain; she has taken her pills herself. She is insured through Medicaid.',
    );
    expect(renderText(text, ctx('nonbinary')).text).toBe(
      'A 45-year-old White person from Springfield says they report pain; they have taken their pills themself. They are insured through Medicaid.',
    );
  });

  it('uses first-person cues for patient-perspective vignettes and words for ages on request', () => {
    expect(renderText('I am {{patient}}, {{age_words}} years old. {{insurance}}', ctx('male', 'white', '80', 'patient')).text).toBe(
      'I am an 80-year-old White man, eighty years old. I am insured through Medicaid.',
    );
  });

  it('renders axes the study leaves out as nothing and joins wrapped lines', () => {
    expect(renderText('{{Patient}} is here.\n{{language}} {{insurance}}\n\nNew paragraph.', ctx('male')).text).toBe(
      'A 45-year-old White man is here. He is insured through Medicaid.\n\nNew paragraph.',
    );
  });

  it('keeps a line break where {{br}} stands, dropping the spaces and the wrap around it, and nowhere else', () => {
    const text = 'HPI: {{Patient}} is here.{{br}}\nPMH: none. {{br}} SH: {{They}} {{is}}\nretired.\n\nA/P: admit.';
    expect(renderText(text, ctx('male')).text).toBe('HPI: A 45-year-old White man is here.\nPMH: none.\nSH: He is retired.\n\nA/P: admit.');
    // Layout, not a cue: masking the cues leaves the line breaks of every variant alike.
    const masked = (sexLevel: string) => maskCues(renderText(text, ctx(sexLevel)));
    expect(masked('female')).toBe(masked('male'));
    expect(masked('female')).toContain('here.\nPMH: none.\nSH:');
  });

  it('names the patient in implicit mode instead of stating race, and does both in "both" mode', () => {
    const base = { ...ctx('female', 'white'), name: 'Ebony Washington' };
    expect(renderText('{{Patient}} is here.', { ...base, cues: 'implicit' }).text).toBe(
      'A 45-year-old woman named Ebony Washington is here.',
    );
    expect(renderText('{{Patient}} is here.', { ...base, cues: 'both' }).text).toBe(
      'A 45-year-old White woman named Ebony Washington is here.',
    );
  });

  it('renders an unstated level as no cue: no descriptor, "person" with they for a noun, no sentence', () => {
    const unstated = { id: 'unstated', label: 'Not stated', unstated: true as const };
    const withUnstated = (axis: Axis, extra = {}) =>
      ctx('female').values.map((v) => (v.axis.id === axis.id ? { axis, level: { ...unstated, ...extra } } : v));
    const text = '{{Patient}} is here. {{They}} {{has}} pain. {{insurance}}';
    expect(renderText(text, { ...ctx('female'), values: withUnstated(race) }).text).toBe(
      'A 45-year-old woman is here. She has pain. She is insured through Medicaid.',
    );
    expect(renderText(text, { ...ctx('female'), values: withUnstated(sex, { noun: 'person', childNoun: 'child' }) }).text).toBe(
      'A 45-year-old White person is here. They have pain. They are insured through Medicaid.',
    );
    const noSentence = renderText(text, { ...ctx('female'), values: withUnstated(insurance) });
    expect(noSentence.text).toBe('A 45-year-old White woman is here. She has pain.');
    expect(maskCues(noSentence)).toBe(maskCues(renderText(text, ctx('female'))));
  });

  it("uses a level's bystander form in general-perspective vignettes and the charted form for clinicians", () => {
    const language: Axis = {
      id: 'language',
      label: 'Language',
      slot: 'sentence',
      reference: 'english',
      file: 'language.yaml',
      levels: [
        {
          id: 'spanish',
          label: 'Spanish',
          sentence: {
            third: '{{They}} prefer{{s}} Spanish, and a Spanish interpreter is present.',
            first: 'I prefer Spanish.',
            general: '{{They}} mostly speak{{s}} Spanish.',
          },
        },
      ],
    };
    const at = (perspective: 'clinician' | 'general' | 'patient') => ({
      ...ctx('female'),
      perspective,
      silentAxes: [],
      values: [...ctx('female').values, { axis: language, level: language.levels[0]! }],
    });
    expect(renderText('{{language}}', at('general')).text).toBe('She mostly speaks Spanish.');
    expect(renderText('{{language}}', at('clinician')).text).toBe('She prefers Spanish, and a Spanish interpreter is present.');
    expect(renderText('{{language}}', at('patient')).text).toBe('I prefer Spanish.');
  });

  it('reports the cue spans so variants can be compared with cues masked', () => {
    const text = '{{Patient}} from {{city}} says {{they}} report{{s}} pain. {{insurance}}';
    const female = renderText(text, ctx('female'));
    const spans = female.cueSpans.map(([a, b]) => female.text.slice(a, b));
    expect(spans).toEqual(['A 45-year-old White woman', 'she', 's', 'She is insured through Medicaid.']);
    const they = renderText(text, ctx('nonbinary'));
    expect(they.text).toBe('A 45-year-old White person from Springfield says they report pain. They are insured through Medicaid.');
    expect(maskCues(female)).toBe(maskCues(renderText(text, ctx('nonbinary', 'aian', '80'))));
    expect(maskCues(female)).toBe('▮from Springfield says▮report▮pain.▮');
  });
});
