import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandStudy } from '../../src/expand/expand.js';
import type { Variant } from '../../src/expand/types.js';
import { loadStudy } from '../../src/study/load.js';
import { fromRoot } from '../helpers/paths.js';

/** The shipped library under a study that varies language and insurance, with the demographics-removed control. */
function shipped(axes: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'counterfair-cues-'));
  const file = join(dir, 'study.yaml');
  writeFileSync(
    file,
    [
      'seed: 5',
      `templates: [${fromRoot('templates')}]`,
      `demographics: ${fromRoot('demographics')}`,
      'axes:',
      ...axes.map((a) => `  ${a}`),
      'controls: { no_demographics: true }',
      'models:',
      '  - { id: sim, provider: simulated }',
    ].join('\n'),
  );
  const { study, vignettes } = loadStudy(file);
  return { study, vignettes, variants: [...expandStudy(study, vignettes, study.systemPrompt)] };
}
const text = (v: Variant) => v.messages[1]!.content;

describe('cues read as the scene would have them (rendered, then read)', () => {
  const { vignettes, variants } = shipped([
    'race: {}',
    'sex: {}',
    'age: { levels: ["45", "75"], reference: "45" }',
    'insurance: {}',
    'language: { levels: [english, spanish, arabic] }',
  ]);

  it('a bystander never reports an interpreter; a clinician charts one; a patient writes with one', () => {
    const spanish = variants.filter((v) => v.attributes.language === 'spanish' && v.kind === 'demographic');
    expect(new Set(spanish.map((v) => v.perspective))).toEqual(new Set(['patient', 'clinician', 'general']));
    for (const v of spanish) {
      const said = text(v);
      if (v.perspective === 'general') {
        expect(said, v.variantId).not.toMatch(/interpreter/i);
        expect(said, v.variantId).toMatch(/family speak Spanish and only a little English\./);
      } else expect(said, v.variantId).toMatch(/interpreter/);
    }
  });

  it('the demographics-removed control keeps every age and sex a vignette pins, and the age of the rest', () => {
    let pinnedAges = 0;
    for (const vignette of vignettes) {
      const control = variants.find((v) => v.variantId === `${vignette.id}~none`)!;
      const said = text(control);
      expect(said, vignette.id).not.toMatch(/\b(White|insur|Medicaid|English|named)\b/);
      const age = vignette.excluded.find((e) => e.axis === 'age')?.value ?? '45';
      if (vignette.excluded.some((e) => e.axis === 'age')) pinnedAges++;
      // The age shows in the patient phrase or wherever the template writes {{age}}.
      if (/\{\{\s*(patient|Patient|age)\s*\}\}/.test(vignette.text)) expect(said, vignette.id).toContain(age);
      const sex = vignette.excluded.find((e) => e.axis === 'sex')?.value;
      if (sex && /\{\{\s*[Pp]atient\s*\}\}/.test(vignette.text))
        expect(said, vignette.id).toMatch(sex === 'female' ? /\b(woman|girl)\b/ : /\b(man|boy)\b/);
    }
    expect(pinnedAges).toBeGreaterThan(10);
  });
});
