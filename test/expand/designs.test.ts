import { describe, expect, it } from 'vitest';
import { expandStudy } from '../../src/expand/expand.js';
import type { Design, Study } from '../../src/study/types.js';
import { loadStudy } from '../../src/study/load.js';
import { maskCues } from '../../src/template/render.js';
import { fixture } from '../helpers/paths.js';

const { study, vignettes } = loadStudy(fixture('study/study.yaml'));
const pain = vignettes.find((v) => v.id === 'pain-test-fracture')!; // varies race, sex, age, insurance (2 levels each)
const expand = (patch: Partial<Study>) => [...expandStudy({ ...study, ...patch }, [pain], study.systemPrompt)];

describe('designs', () => {
  it('factorial gives every combination of the chosen axes, reference first', () => {
    const all = expand({ design: { kind: 'factorial', axes: ['race', 'sex', 'age', 'insurance'] } });
    expect(all).toHaveLength(16);
    expect(all[0]!.kind).toBe('reference');
    expect(new Set(all.map((v) => v.variantId)).size).toBe(16);
    const two = expand({ design: { kind: 'factorial', axes: ['race', 'sex'] } });
    expect(two.map((v) => v.variantId.split('~')[1])).toEqual(['ref', 'sex=female', 'race=black,sex=female', 'race=black']);
  });

  it('sampled draws n balanced combinations per vignette, seeded', () => {
    const design: Design = { kind: 'sampled', n: 8 };
    const a = expand({ design });
    const b = expand({ design });
    expect(a.map((v) => v.variantId)).toEqual(b.map((v) => v.variantId));
    expect(a[0]!.kind).toBe('reference');
    // Before duplicates are dropped each level of each 2-level axis appears n/2 times; after, never more than that.
    for (const axis of ['race', 'sex', 'age', 'insurance']) {
      const counts = new Map<string, number>();
      for (const v of a.slice(1)) counts.set(v.attributes[axis]!, (counts.get(v.attributes[axis]!) ?? 0) + 1);
      for (const c of counts.values()) expect(c).toBeLessThanOrEqual(4);
    }
    const reseeded = [...expandStudy({ ...study, seed: 99, design }, [pain], study.systemPrompt)];
    expect(reseeded.map((v) => v.variantId)).not.toEqual(a.map((v) => v.variantId));
  });

  it('list uses exactly the assignments given, other axes at reference', () => {
    const all = expand({
      design: { kind: 'list', assignments: [{ race: 'black', sex: 'female' }, { insurance: 'medicaid' }, { race: 'white' }] },
    });
    expect(all.map((v) => v.variantId.split('~')[1])).toEqual(['ref', 'race=black,sex=female', 'insurance=medicaid']);
  });

  it('controls add a demographics-removed variant and paraphrases at reference levels', () => {
    const all = expand({ controls: { noDemographics: true, paraphrases: 2 } });
    const none = all.find((v) => v.kind === 'no-demographics')!;
    expect(none.variantId).toBe('pain-test-fracture~none');
    // Every varied cue states nothing; the age, clinical information, stays as the reference has it.
    expect(none.messages[1]!.content).toMatch(/^I am a 40-year-old person\. I fell/);
    expect(none.messages[1]!.content).not.toMatch(/insur|White|man\b/);
    const paraphrases = all.filter((v) => v.kind === 'paraphrase');
    expect(paraphrases.map((v) => v.variantId)).toEqual(['pain-test-fracture~paraphrase-1', 'pain-test-fracture~paraphrase-2']);
    const ref = all[0]!.messages[1]!.content;
    for (const p of paraphrases) {
      expect(p.attributes).toEqual(all[0]!.attributes);
      expect(p.messages[1]!.content).not.toBe(ref);
      expect(p.messages[1]!.content.startsWith(ref.split('\n\n')[0]!.slice(0, 40))).toBe(true);
    }
  });

  it('the demographics-removed control keeps what a vignette pins: a pinned sex and age still render', () => {
    const pinned = {
      ...pain,
      excluded: [
        { axis: 'sex', value: 'female', reason: 'Pregnancy is possible.' },
        { axis: 'age', value: '52', reason: 'Screening depends on age.' },
      ],
    };
    for (const cues of ['explicit', 'implicit'] as const) {
      const all = [
        ...expandStudy({ ...study, cueModes: [cues], controls: { noDemographics: true, paraphrases: 0 } }, [pinned], study.systemPrompt),
      ];
      const none = all.find((v) => v.kind === 'no-demographics')!.messages[1]!.content;
      expect(none).toMatch(/^I am a 52-year-old woman\. I fell/);
      expect(none).not.toMatch(/insur|White|named/);
    }
  });

  it('implicit cues name the patient from the pools, consistently per vignette and level', () => {
    const all = expand({ cueModes: ['implicit'] });
    const ref = all[0]!.messages[1]!.content;
    const black = all.find((v) => v.variantId.endsWith('race=black'))!.messages[1]!.content;
    expect(ref).toMatch(/^I am a 40-year-old man named \w+ \w+\./);
    expect(ref).not.toContain('White');
    expect(black).not.toContain('Black');
    expect(black).not.toBe(ref);
    expect(expand({ cueModes: ['implicit'] })[1]!.messages[1]!.content).toBe(black);
  });

  it('masking the cue spans makes every variant of a vignette identical, in every cue mode', () => {
    for (const cues of ['explicit', 'implicit', 'both'] as const) {
      const all = [
        ...expandStudy(
          {
            ...study,
            cueModes: [cues],
            design: { kind: 'factorial', axes: ['race', 'sex', 'age', 'insurance'] },
            controls: { noDemographics: true, paraphrases: 0 },
          },
          vignettes,
          study.systemPrompt,
        ),
      ];
      for (const v of all) {
        const ref = all.find((r) => r.vignetteId === v.vignetteId && r.kind === 'reference')!;
        const masked = (x: typeof v) => maskCues({ text: x.messages[1]!.content, cueSpans: x.cueSpans });
        expect(masked(v)).toBe(masked(ref));
      }
    }
  });
});
