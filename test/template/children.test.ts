import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandStudy } from '../../src/expand/expand.js';
import { loadStudy } from '../../src/study/load.js';
import { fromRoot } from '../helpers/paths.js';

function study(vignette: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'counterfair-child-'));
  writeFileSync(join(dir, 'kids.yaml'), `domain: paediatrics\nvignettes:\n${vignette}`);
  writeFileSync(
    join(dir, 'study.yaml'),
    `seed: 4\ntemplates: [kids.yaml]\ndemographics: ${fromRoot('demographics')}\naxes: { sex: {}, insurance: {}, language: { levels: [english, spanish] } }\nmodels: [{ id: sim, provider: simulated }]\n`,
  );
  return join(dir, 'study.yaml');
}

const TODDLER = `  - id: kid-fever
    perspective: clinician
    text: "{{Patient}} has a fever. {{insurance}} {{language}}"
    question: { type: yesno, stem: Test urine?, answer: yes }
    rationale: A febrile toddler without a source needs urine testing.
    source: AAP 2011
    excluded: [{ axis: age, value: 2, reason: Age sets the risk. }]
    implausible: [{ axis: insurance, levels: [medicare], reason: Medicare does not cover children. }]
`;

describe('children', () => {
  it("are girls and boys whose insurance and language are the family's, and never on implausible levels", () => {
    const { study: s, vignettes } = loadStudy(study(TODDLER));
    const variants = [...expandStudy(s, vignettes, s.systemPrompt)];
    expect(variants.map((v) => v.variantId.split('~')[1])).toEqual([
      'ref',
      'sex=female',
      'insurance=medicaid',
      'insurance=uninsured',
      'language=spanish',
    ]);
    const text = (suffix: string) => variants.find((v) => v.variantId.endsWith(suffix))!.messages[1]!.content.split('\n\n')[0];
    expect(text('~ref')).toBe(
      "A 2-year-old boy has a fever. He is covered by private insurance through a parent's employer. His family's preferred language is English.",
    );
    expect(text('sex=female')).toContain('A 2-year-old girl has a fever. She is covered');
    expect(text('language=spanish')).toContain("His family's preferred language is Spanish, and a Spanish interpreter is present.");
  });

  it('rejects an implausible level that is unknown or the reference', () => {
    const bad = TODDLER.replace('levels: [medicare]', 'levels: [private, medicaree]');
    expect(() => loadStudy(study(bad))).toThrow(
      /kids\.yaml:3: kid-fever\.implausible: "private" is the study's reference level of insurance/,
    );
    expect(() => loadStudy(study(bad))).toThrow(/kid-fever\.implausible: "medicaree" is not a level of insurance/);
  });
});
