import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ageLevel, loadAxes } from '../../src/demographics/load.js';
import type { Axis, Level } from '../../src/demographics/types.js';
import { renderText, type AxisValue, type CueMode } from '../../src/template/render.js';
import type { Perspective } from '../../src/template/types.js';
import type { Problem } from '../../src/util/problems.js';
import { articleErrors } from '../helpers/articles.js';
import { runCli } from '../helpers/cli.js';
import { fromRoot } from '../helpers/paths.js';

/**
 * Every level of every shipped axis, and of user axes whose words need "an" or hide their first sound, rendered in
 * every position where the renderer chooses an article; the rendered text is read for "a <vowel sound>" and
 * "an <consonant sound>". The user levels carry the article a dictionary gives their word, so they are checked
 * against that, not against the rule.
 */
const USER_WORDS: [word: string, article: 'a' | 'an', levelArticle?: 'a' | 'an'][] = [
  ['Arabic', 'an'],
  ['Urdu', 'an'],
  ['Uzbek', 'an'],
  ['Irish', 'an'],
  ['Eritrean', 'an'],
  ['Omani', 'an'],
  ['Ewe', 'an'],
  ['Uyghur', 'a', 'a'],
  ['Uighur', 'a'],
  ['Uruguayan', 'a'],
  ['Ugandan', 'a'],
  ['Ukrainian', 'a'],
  ['European', 'a'],
  ['Honduran', 'a'],
  ['Hmong', 'a'],
  ['Hindi', 'a'],
  // "honest"-type: a silent h.
  ['honorably-discharged', 'an'],
  ['hourly-paid', 'an'],
  // A word the rule reads wrong ("a"), which is what a level's own `article` is for.
  ['Ulaanbaatar-born', 'an', 'an'],
];
const KNOWN = new Map(USER_WORDS.map(([word, article]) => [word, article]));
const id = (word: string) => word.toLowerCase().replace(/[^a-z]/g, '');
const article = (levelArticle: string | undefined) => (levelArticle ? `, article: ${levelArticle}` : '');

function userAxes(): Axis[] {
  const dir = join(mkdtempSync(join(tmpdir(), 'counterfair-article-positions-')), 'demographics');
  mkdirSync(dir);
  const levels = (line: (word: string) => string) =>
    USER_WORDS.map(([word, , levelArticle]) => `  - { id: ${id(word)}, label: ${word}${article(levelArticle)}, ${line(word)} }`);
  writeFileSync(
    join(dir, 'origin.yaml'),
    ['id: origin', 'label: Origin', 'slot: descriptor', 'reference: irish', 'levels:', ...levels((w) => `descriptor: ${w}`)].join('\n'),
  );
  // A role noun: the patient phrase opens with it when there is no age and no descriptor.
  writeFileSync(
    join(dir, 'role.yaml'),
    [
      'id: role',
      'label: Role',
      'slot: noun',
      'reference: irish',
      'levels:',
      ...levels(
        (w) =>
          `noun: ${w} speaker, childNoun: ${w} child, pronouns: { they: they, them: them, their: their, theirs: theirs, themself: themself, pluralVerbs: true }`,
      ),
    ].join('\n'),
  );
  // A sentence axis writing {{A}} at a sentence start and {{a}} mid-sentence, in every form.
  writeFileSync(
    join(dir, 'tongue.yaml'),
    [
      'id: tongue',
      'label: Interpreter',
      'slot: sentence',
      'reference: irish',
      'levels:',
      ...levels(
        (w) =>
          `sentence: { third: "{{A}} ${w} interpreter is present; {{they}} asked for {{a}} ${w} interpreter.", first: "I asked for {{a}} ${w} interpreter.", child: "{{A}} ${w} interpreter came with {{their}} parents." }`,
      ),
    ].join('\n'),
  );
  // A sentence axis whose sentence is a noun phrase, so a template can write {{a}} or {{A}} before the cue itself.
  // The levels that set their own article are refused there (the {{a}} outside the sentence cannot use it), so this
  // axis leaves the article to the rule.
  const phrase = (w: string) => `sentence: { third: "${w} interpreter", first: "${w} interpreter" }`;
  writeFileSync(
    join(dir, 'companion.yaml'),
    [
      'id: companion',
      'label: Companion',
      'slot: sentence',
      'reference: irish',
      'levels:',
      ...USER_WORDS.filter(([, , own]) => own === undefined).map(([w]) => `  - { id: ${id(w)}, label: ${w}, ${phrase(w)} }`),
    ].join('\n'),
  );
  const problems: Problem[] = [];
  const axes = loadAxes(dir, problems);
  expect(problems).toEqual([]);
  return axes;
}

const problems: Problem[] = [];
const shipped = loadAxes(fromRoot('demographics'), problems);
const user = userAxes();
const all = [...shipped, ...user];
const ofSlot = (axes: readonly Axis[], slot: Axis['slot']) => axes.filter((a) => a.slot === slot);
const valuesOf = (axes: readonly Axis[]): AxisValue[] => axes.flatMap((axis) => axis.levels.map((level: Level) => ({ axis, level })));
const ageAxis = ofSlot(shipped, 'age')[0]!;
const AGES = [1, 8, 11, 18, 45, 80].map((years) => ({ axis: ageAxis, level: ageLevel(years) }));
const CUES: CueMode[] = ['explicit', 'implicit', 'both'];
const PERSPECTIVES: Perspective[] = ['patient', 'clinician', 'general'];
const sheNoun = { axis: shipped.find((a) => a.id === 'sex')!, level: shipped.find((a) => a.id === 'sex')!.levels[0]! };

function render(text: string, values: AxisValue[], cues: CueMode, perspective: Perspective = 'clinician'): string {
  return renderText(text, { perspective, values, filler: {}, silentAxes: [], cues, name: 'Sam Lee' }).text;
}

function expectNoArticleErrors(texts: readonly string[], minimumChecked: number): string {
  const joined = texts.join('\n');
  const { checked, errors } = articleErrors(joined, KNOWN);
  expect([...new Set(errors)]).toEqual([]);
  expect(checked).toBeGreaterThanOrEqual(minimumChecked);
  return joined;
}

describe('the article is right for every level of every shipped and user axis, in every article position', () => {
  it('loads the shipped axes without problems', () => {
    expect(problems).toEqual([]);
    expect(user.map((a) => a.id).sort()).toEqual(['companion', 'origin', 'role', 'tongue']);
  });

  it('the patient phrase opening with a descriptor, a noun or an age (1, 8, 11, 18, 45, 80), capitalised or not', () => {
    const texts: string[] = [];
    const templates = ['{{Patient}} came in.', 'Later {{patient}} was seen.', 'I am {{patient}}.'];
    for (const cues of CUES) {
      for (const template of templates) {
        // Opening with the descriptor (no age): every descriptor level with a noun.
        for (const descriptor of valuesOf(ofSlot(all, 'descriptor')))
          for (const noun of valuesOf(ofSlot(all, 'noun'))) texts.push(render(template, [descriptor, noun], cues));
        // Opening with the noun (no age, no descriptor), adult and child nouns.
        for (const noun of valuesOf(ofSlot(all, 'noun'))) texts.push(render(template, [noun], cues));
        // Opening with the age, before every descriptor.
        for (const age of AGES)
          for (const descriptor of valuesOf(ofSlot(all, 'descriptor'))) texts.push(render(template, [age, descriptor, sheNoun], cues));
      }
    }
    const joined = expectNoArticleErrors(texts, texts.length);
    for (const phrase of [
      'An Arabic woman',
      'a Uyghur woman',
      'an Ulaanbaatar-born woman',
      'a Uruguayan woman',
      'an Urdu woman',
      'an honorably-discharged woman',
      'a Hmong woman',
      'An Ewe woman',
      'an Uzbek speaker',
      'a Uyghur speaker',
      'an Ulaanbaatar-born speaker',
      'an 8-year-old',
      'an 11-year-old',
      'an 18-year-old',
      'An 80-year-old',
      'a 1-year-old',
      'a 45-year-old',
      'an American Indian',
      'a Pacific Islander',
      'a nonbinary person',
    ])
      expect(joined).toContain(phrase);
  });

  it('{{a}} before a sentence cue and {{A}} at a sentence start, for every level validation lets stand there', () => {
    const texts: string[] = [];
    for (const perspective of PERSPECTIVES)
      for (const cue of valuesOf(user.filter((a) => a.id === 'companion')))
        for (const age of [AGES[1]!, AGES[4]!]) {
          texts.push(render(`{{Patient}} arrived with {{a}} {{${cue.axis.id}}}.`, [sheNoun, age, cue], 'explicit', perspective));
          texts.push(render(`{{Patient}} arrived. {{A}} {{${cue.axis.id}}} came too.`, [sheNoun, age, cue], 'explicit', perspective));
        }
    const joined = expectNoArticleErrors(texts, texts.length);
    for (const phrase of [
      'with an Arabic interpreter.',
      'with a Uighur interpreter.',
      'with a Uruguayan interpreter.',
      'An Ewe interpreter came too.',
      'An Urdu interpreter came too.',
      'An hourly-paid interpreter came too.',
      'A Uighur interpreter came too.',
    ])
      expect(joined).toContain(phrase);
  });

  it('every sentence-cue level in every perspective, adult and child form ({{A}} and {{a}} inside the sentence)', () => {
    const texts: string[] = [];
    for (const perspective of PERSPECTIVES)
      for (const cue of valuesOf(ofSlot(all, 'sentence')))
        for (const age of AGES)
          for (const noun of valuesOf(ofSlot(shipped, 'noun')))
            texts.push(render(`{{Patient}} came in. {{${cue.axis.id}}}`, [noun, age, cue], 'explicit', perspective));
    const joined = expectNoArticleErrors(texts, texts.length);
    for (const phrase of [
      'An Arabic interpreter is present; she asked for an Arabic interpreter.',
      'A Uyghur interpreter is present',
      'I asked for a Uyghur interpreter.',
      'I asked for an Ulaanbaatar-born interpreter.',
      'An Urdu interpreter came with her parents.',
      'A Uruguayan interpreter came with',
      'an Arabic interpreter is present',
      'a Spanish interpreter is present',
    ])
      expect(joined).toContain(phrase);
  });

  it('validation refuses {{a}} where it cannot agree: before {{patient}}, a sentence opening with its own article or a placeholder, or a level with its own article', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'counterfair-article-refused-'));
    mkdirSync(join(dir, 'demographics'));
    const levels = USER_WORDS.map(
      ([w, , own]) =>
        `  - { id: ${id(w)}, label: ${w}${article(own)}, sentence: { third: "${w} interpreter", first: "${w} interpreter" } }`,
    );
    writeFileSync(
      join(dir, 'demographics', 'escort.yaml'),
      ['id: escort', 'label: Escort', 'slot: sentence', 'reference: irish', 'levels:', ...levels].join('\n'),
    );
    writeFileSync(
      join(dir, 'demographics', 'cover.yaml'),
      [
        'id: cover',
        'label: Cover',
        'slot: sentence',
        'reference: private',
        'levels:',
        '  - { id: private, label: Private, sentence: { third: "{{They}} {{has}} private insurance.", first: "I have private insurance." } }',
        '  - { id: none, label: None, sentence: { third: "An uninsured visit.", first: "An uninsured visit." } }',
      ].join('\n'),
    );
    const text = ['{{Patient}} came in.', 'Seen with {{a}} {{escort}}.', '{{A}} {{cover}}', 'Later {{a}} {{patient}} again.'];
    writeFileSync(
      join(dir, 'cases.yaml'),
      `domain: d\nvignettes:\n  - id: case\n    perspective: clinician\n    text: |\n${text.map((l) => `      ${l}`).join('\n')}\n    question: { type: yesno, stem: Admit?, answer: "yes" }\n    rationale: r\n    source: s\n`,
    );
    const study = join(dir, 'study.yaml');
    writeFileSync(
      study,
      `name: s\nseed: 1\ntemplates: [cases.yaml]\ndemographics: demographics\naxes:\n  escort: {}\n  cover: {}\nmodels:\n  - { id: sim, provider: simulated }\n`,
    );
    const r = await runCli(['expand', study]);
    expect(r.code).toBe(2);
    const cases = join(dir, 'cases.yaml');
    expect(r.stderr).toContain(
      `${cases}:7: case.text: "{{a}} {{escort}}": {{a}} agrees with the word that opens the cue, but level ulaanbaatarborn (article: an) sets its own article, which an {{a}} outside its sentence does not use`,
    );
    expect(r.stderr).not.toContain('uyghur (article: a)'); // a level whose own article the rule agrees with is fine
    expect(r.stderr).toContain(
      `${cases}:8: case.text: "{{A}} {{cover}}": {{A}} agrees with the word that opens the cue, but the sentence of level private, none opens with a placeholder or an article of its own`,
    );
    expect(r.stderr).toContain(`${cases}:9: case.text: "{{a}} {{patient}}": {{patient}} renders its own article`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
