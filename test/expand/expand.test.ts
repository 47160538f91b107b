import { describe, expect, it } from 'vitest';
import { expandStudy } from '../../src/expand/expand.js';
import { loadStudy } from '../../src/study/load.js';
import { fixture } from '../helpers/paths.js';

const loaded = () => loadStudy(fixture('study/study.yaml'));

/** Words a demographic cue can contribute, from the axis definitions themselves. */
function cueWords(study: ReturnType<typeof loaded>['study']): Set<string> {
  const words = new Set<string>();
  const add = (text: string | undefined) =>
    text
      ?.toLowerCase()
      .split(/[^a-z0-9-]+/)
      .forEach((w) => w && words.add(w));
  for (const axis of study.allAxes) {
    for (const level of axis.levels) {
      add(level.descriptor);
      add(level.noun);
      add(level.sentence?.third);
      add(level.sentence?.first);
      if (level.pronouns) Object.values(level.pronouns).forEach((p) => typeof p === 'string' && add(p));
      if (level.years !== undefined) add(`${level.years}-year-old`);
    }
  }
  for (const w of ['a', 'an', 'is', 'are', 'has', 'have', 'was', 'were', 'does', 'do', '40-year-old', '80-year-old']) words.add(w);
  return words;
}

describe('one-at-a-time expansion', () => {
  it('gives each vignette a reference variant and one variant per non-reference level of each varied axis', () => {
    const { study, vignettes } = loaded();
    const variants = [...expandStudy(study, vignettes, study.systemPrompt)];
    const triage = variants.filter((v) => v.vignetteId === 'triage-test-chest-pain').map((v) => v.variantId);
    // age is excluded for this vignette (pinned at 58), so it is never varied
    expect(triage).toEqual([
      'triage-test-chest-pain~ref',
      'triage-test-chest-pain~race=black',
      'triage-test-chest-pain~sex=female',
      'triage-test-chest-pain~insurance=medicaid',
    ]);
    const pain = variants.filter((v) => v.vignetteId === 'pain-test-fracture');
    expect(pain.map((v) => v.kind)).toEqual(['reference', 'demographic', 'demographic', 'demographic', 'demographic']);
    expect(pain.map((v) => v.variantId.split('~')[1])).toEqual(['ref', 'race=black', 'sex=female', 'age=80', 'insurance=medicaid']);
    expect(pain[3]!.attributes).toEqual({ race: 'white', sex: 'male', age: '80', insurance: 'private' });
    expect(variants.find((v) => v.variantId === 'triage-test-chest-pain~ref')!.attributes.age).toBe('58');
  });

  it('keeps matched variants identical except for the demographic cues (filler shared)', () => {
    const { study, vignettes } = loaded();
    const variants = [...expandStudy(study, vignettes, study.systemPrompt)];
    const words = cueWords(study);
    const strip = (text: string) =>
      text
        .toLowerCase()
        .split(/[^a-z0-9-]+/)
        .filter((w) => w && !words.has(w))
        .join(' ');
    for (const v of variants) {
      const ref = variants.find((r) => r.vignetteId === v.vignetteId && r.kind === 'reference')!;
      expect(v.messages[0]).toEqual(ref.messages[0]);
      expect(strip(v.messages[1]!.content)).toBe(strip(ref.messages[1]!.content));
    }
    const triage = variants.filter((v) => v.vignetteId === 'triage-test-chest-pain');
    const date = /on ([A-Z][a-z]+ \d+, \d{4})/.exec(triage[0]!.messages[1]!.content)![1];
    expect(triage.every((v) => v.messages[1]!.content.includes(`on ${date}`))).toBe(true);
  });

  it('is deterministic from the seed, and a different seed changes only the filler', () => {
    const a = loaded();
    const first = [...expandStudy(a.study, a.vignettes, a.study.systemPrompt)];
    const second = [...expandStudy(a.study, a.vignettes, a.study.systemPrompt)];
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    const reseeded = [...expandStudy({ ...a.study, seed: a.study.seed + 1 }, a.vignettes, a.study.systemPrompt)];
    expect(reseeded.map((v) => v.variantId)).toEqual(first.map((v) => v.variantId));
    expect(reseeded[0]!.messages[1]!.content).not.toBe(first[0]!.messages[1]!.content);
  });
});
