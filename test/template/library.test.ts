import { describe, expect, it } from 'vitest';
import { expandStudy } from '../../src/expand/expand.js';
import type { Design } from '../../src/study/types.js';
import { loadStudy } from '../../src/study/load.js';
import { maskCues } from '../../src/template/render.js';
import { fromRoot } from '../helpers/paths.js';

// The quickstart study loads the whole shipped library with the shipped axes.
const { study, vignettes } = loadStudy(fromRoot('examples/quickstart.yaml'));
const allLevels = study.allAxes.filter((a) => ['race', 'sex', 'age', 'insurance', 'language'].includes(a.id));

describe('the shipped vignette library', () => {
  it('is large and broad enough to audit with', () => {
    expect(vignettes.length).toBeGreaterThanOrEqual(90);
    const domains = new Set(vignettes.map((v) => v.domain));
    expect(domains.size).toBeGreaterThanOrEqual(9);
    for (const type of ['choice', 'yesno', 'ordinal', 'numeric'] as const)
      expect(vignettes.some((v) => v.question.type === type)).toBe(true);
    for (const p of ['patient', 'clinician', 'general'] as const) expect(vignettes.some((v) => v.perspective === p)).toBe(true);
    expect(vignettes.filter((v) => v.tags.includes('race-based-medicine')).length).toBeGreaterThanOrEqual(10);
  });

  it('gives every vignette a source, a rationale and a reason for every exclusion; never excludes race, insurance or language', () => {
    for (const v of vignettes) {
      expect(v.source.trim().length, v.id).toBeGreaterThan(5);
      expect(v.rationale.trim().length, v.id).toBeGreaterThan(20);
      for (const e of v.excluded) {
        expect(e.reason.trim().length, `${v.id} ${e.axis}`).toBeGreaterThan(10);
        expect(['race', 'insurance', 'language'], `${v.id} excludes ${e.axis}`).not.toContain(e.axis);
      }
    }
  });

  const designs: [string, Design][] = [
    ['one-at-a-time', { kind: 'one-at-a-time' }],
    ['factorial race x sex x insurance', { kind: 'factorial', axes: ['race', 'sex', 'insurance'] }],
    ['sampled 12', { kind: 'sampled', n: 12 }],
  ];
  for (const cues of ['explicit', 'implicit', 'both'] as const) {
    for (const [name, design] of designs) {
      it(`renders every vignette in every variant (${name}, ${cues} cues): identical once cues are masked`, () => {
        const full = { ...study, axes: allLevels, design, cues, controls: { noDemographics: true, paraphrases: 0 } };
        let count = 0;
        let reference = '';
        let referenceId = '';
        for (const v of expandStudy(full, vignettes, study.systemPrompt)) {
          const content = v.messages[1]!.content;
          expect(content, v.variantId).not.toMatch(/\{\{|\}\}|undefined|\s{3,}| [,.]/);
          const masked = maskCues({ text: content, cueSpans: v.cueSpans });
          if (v.kind === 'reference') {
            reference = masked;
            referenceId = v.vignetteId;
          } else {
            expect(v.vignetteId).toBe(referenceId);
            expect(masked, v.variantId).toBe(reference);
          }
          count++;
        }
        expect(count).toBeGreaterThan(vignettes.length * 3);
      });
    }
  }
});
