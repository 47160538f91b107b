import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ageLevel, loadAxes } from '../../src/demographics/load.js';
import type { Axis, Level } from '../../src/demographics/types.js';
import { maskCues, renderText, type AxisValue, type CueMode } from '../../src/template/render.js';
import type { Perspective } from '../../src/template/types.js';
import type { Problem } from '../../src/util/problems.js';
import { articleErrors } from '../helpers/articles.js';
import { runCli } from '../helpers/cli.js';
import { fromRoot } from '../helpers/paths.js';

const problems: Problem[] = [];
const axes = loadAxes(fromRoot('demographics'), problems);
const ofSlot = (slot: Axis['slot']) => axes.filter((a) => a.slot === slot);
const value = (axis: Axis, level: Level): AxisValue => ({ axis, level });
const ageAxis = ofSlot('age')[0]!;
// The shipped ages and every age where the first sound changes: one, eight, eleven, eighteen, eighty, a hundred.
const AGES = [...new Set([...ageAxis.levels.map((l) => l.years!), 1, 8, 10, 11, 18, 45, 80, 85, 100, 118])];
const CUE_MODES: CueMode[] = ['explicit', 'implicit', 'both'];
const PERSPECTIVES: Perspective[] = ['patient', 'clinician', 'general'];

function render(text: string, values: AxisValue[], cues: CueMode = 'explicit', perspective: Perspective = 'clinician'): string {
  return renderText(text, {
    perspective,
    values,
    filler: { city: 'Springfield', hospital: 'Springfield General Hospital' },
    silentAxes: [],
    cues,
    name: 'Sam Lee',
  }).text;
}

describe('articles agree with the sound of the next word, for every level of every shipped axis', () => {
  it('loads the shipped axes without problems (a written article that disagrees with its word is refused)', () => {
    expect(problems).toEqual([]);
    expect(axes.length).toBeGreaterThanOrEqual(9);
  });

  it('in the patient phrase: before the age, the descriptor or the noun, capitalised or not, in every cue mode', () => {
    const texts: string[] = [];
    const nounChoices: (AxisValue | undefined)[] = [undefined, ...ofSlot('noun').flatMap((axis) => axis.levels.map((l) => value(axis, l)))];
    const descriptorChoices: (AxisValue | undefined)[] = [
      undefined,
      ...ofSlot('descriptor').flatMap((axis) => axis.levels.map((l) => value(axis, l))),
    ];
    const ageChoices: (AxisValue | undefined)[] = [undefined, ...AGES.map((years) => value(ageAxis, ageLevel(years)))];
    for (const noun of nounChoices)
      for (const descriptor of descriptorChoices)
        for (const age of ageChoices)
          for (const cues of CUE_MODES)
            texts.push(
              render(
                '{{Patient}} came in. Later {{patient}} was seen again.',
                [descriptor, noun, age].filter((v) => v !== undefined),
                cues,
              ),
            );
    const all = texts.join('\n');
    const { checked, errors } = articleErrors(all);
    expect(errors).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(2 * texts.length);
    for (const phrase of [
      'An American Indian',
      'an Asian',
      'a Black',
      'a Hispanic',
      'a Middle Eastern',
      'a Pacific Islander',
      'a White',
      'an 80-year-old',
      'an 8-year-old',
      'an 11-year-old',
      'an 18-year-old',
      'a 1-year-old',
      'a 100-year-old',
      'a nonbinary person',
      'a transgender woman',
      'a woman',
      'a 45-year-old woman named Sam Lee',
    ])
      expect(all).toContain(phrase);
  });

  it('in every sentence cue (interpreter, insurance, housing, ...): every level, perspective, adult and child form, pronoun', () => {
    const texts: string[] = [];
    for (const axis of ofSlot('sentence'))
      for (const level of axis.levels)
        for (const perspective of PERSPECTIVES)
          for (const years of [10, 45])
            for (const noun of ofSlot('noun').flatMap((a) => a.levels.map((l) => value(a, l))))
              texts.push(
                render(
                  `{{Patient}} came in. {{${axis.id}}}`,
                  [noun, value(ageAxis, ageLevel(years)), value(axis, level)],
                  'explicit',
                  perspective,
                ),
              );
    const all = texts.join('\n');
    const { checked, errors } = articleErrors(all);
    expect(errors).toEqual([]);
    expect(checked).toBeGreaterThan(texts.length);
    expect(all).toContain('an Arabic interpreter is present');
    expect(all).toContain('a Spanish interpreter is present');
    expect(all).not.toMatch(/\ba Arabic\b/);
  });

  it('where the template writes {{a}} before {{age}} or {{age_words}}: inside the cue, so masked variants stay identical', () => {
    const text = '{{A}} {{age}}-year-old was seen; {{they}} {{is}} {{a}} {{age_words}}-year-old with {{a}} MRI booked.';
    const noun = value(ofSlot('noun')[0]!, ofSlot('noun')[0]!.levels[0]!);
    const rendered = AGES.map((years) =>
      renderText(text, {
        perspective: 'clinician',
        values: [noun, value(ageAxis, ageLevel(years))],
        filler: {},
        silentAxes: [],
        cues: 'explicit',
      }),
    );
    const { errors } = articleErrors(rendered.map((r) => r.text).join('\n'));
    expect(errors).toEqual([]);
    expect(rendered[AGES.indexOf(80)]!.text).toBe('An 80-year-old was seen; she is an eighty-year-old with an MRI booked.');
    expect(rendered[AGES.indexOf(45)]!.text).toBe('A 45-year-old was seen; she is a forty-five-year-old with an MRI booked.');
    const masked = new Set(rendered.map((r) => maskCues(r)));
    expect([...masked]).toEqual(['▮-year-old was seen;▮▮▮-year-old with an MRI booked.']);
  });
});

describe('user axes and templates: the article is chosen, or refused with file and line', () => {
  function scratch(files: Record<string, string>, text: string): { study: string; dir: string } {
    const dir = mkdtempSync(join(tmpdir(), 'counterfair-article-'));
    mkdirSync(join(dir, 'demographics'));
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, 'demographics', name), content);
    writeFileSync(
      join(dir, 'cases.yaml'),
      `domain: d\nvignettes:\n  - id: case\n    perspective: clinician\n    text: |\n      ${text}\n    question: { type: yesno, stem: Admit?, answer: "yes" }\n    rationale: r\n    source: s\n`,
    );
    const axesList = Object.keys(files)
      .map((f) => `  ${f.replace('.yaml', '')}: {}`)
      .join('\n');
    const study = join(dir, 'study.yaml');
    writeFileSync(
      study,
      `name: s\nseed: 1\ntemplates: [cases.yaml]\ndemographics: demographics\naxes:\n${axesList}\nmodels:\n  - { id: sim, provider: simulated }\n`,
    );
    return { study, dir };
  }
  const origin = [
    'id: origin',
    'label: Origin',
    'slot: descriptor',
    'reference: irish',
    'levels:',
    '  - { id: irish, descriptor: Irish }',
    // The rule reads a leading U as a vowel; "Uyghur" starts with a "w" sound, so the level says so.
    '  - { id: uyghur, descriptor: Uyghur, article: a }',
  ].join('\n');
  const tongue = [
    'id: tongue',
    'label: Language',
    'slot: sentence',
    'reference: irish',
    'levels:',
    '  - { id: irish, sentence: { third: "{{A}} Irish interpreter is present.", first: "I speak Irish." } }',
    '  - { id: uyghur, article: a, sentence: { third: "{{A}} Uyghur interpreter is present.", first: "I speak Uyghur." } }',
  ].join('\n');

  it('a level that sets its own article gets it, in the patient phrase and for {{a}} in its sentence', async () => {
    const { study } = scratch({ 'origin.yaml': origin, 'tongue.yaml': tongue }, '{{Patient}} is here. {{tongue}}');
    const r = await runCli(['expand', study]);
    expect(r.code).toBe(0);
    const texts = r.stdout
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { messages: { content: string }[] }).messages[1]!.content.split('\n\n')[0]);
    expect(texts).toContain('A Uyghur person is here. An Irish interpreter is present.');
    expect(texts).toContain('An Irish person is here. A Uyghur interpreter is present.');
  });

  it('"a Arabic" written in a user axis is bad input naming file, line and field (exit 2)', async () => {
    const arabic = [
      'id: tongue',
      'label: Language',
      'slot: sentence',
      'reference: english',
      'levels:',
      '  - { id: english, sentence: { third: "An English interpreter is present.", first: "I speak English." } }',
      '  - { id: arabic, sentence: { third: "A Arabic interpreter is present.", first: "I speak Arabic." } }',
    ].join('\n');
    const { study, dir } = scratch({ 'tongue.yaml': arabic }, '{{Patient}} is here. {{tongue}}');
    const r = await runCli(['expand', study]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${join(dir, 'demographics', 'tongue.yaml')}:7: levels[1].sentence.third: "A Arabic" should read "An Arabic"`,
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('"a {{age}}" or "a {{patient}}" written in a template is bad input naming file, line and field (exit 2)', async () => {
    const { study, dir } = scratch(
      {
        'origin.yaml': origin,
        'age.yaml': 'id: age\nlabel: Age\nslot: age\nreference: "45"\nlevels:\n  - { id: "45", years: 45 }\n  - { id: "80", years: 80 }\n',
      },
      'I saw a {{patient}}, a {{age}}-year-old.',
    );
    const r = await runCli(['expand', study]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${join(dir, 'cases.yaml')}:6: case.text: "a {{age}}": a written article cannot agree with every value the placeholder renders; write "{{a}} {{age}}"`,
    );
    expect(r.stderr).toContain(`${join(dir, 'cases.yaml')}:6: case.text: "a {{patient}}": {{patient}} renders its own article`);
  });
});
