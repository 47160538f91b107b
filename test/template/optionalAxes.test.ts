import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandStudy } from '../../src/expand/expand.js';
import { loadStudy } from '../../src/study/load.js';
import { fixture, fromRoot } from '../helpers/paths.js';

function study(axes: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'counterfair-axes-'));
  writeFileSync(
    join(dir, 'study.yaml'),
    `seed: 2\ntemplates: [${fixture('study/templates')}]\ndemographics: ${fromRoot('demographics')}\naxes: ${axes}\nmodels: [{ id: sim, provider: simulated }]\n`,
  );
  return join(dir, 'study.yaml');
}

describe('optional axes are a data change only', () => {
  it('appends sentence cues the library does not place, and varies gender identity with agreeing pronouns', () => {
    const { study: s, vignettes } = loadStudy(study('{ gender-identity: {}, housing: {}, income: { levels: [middle, low] } }'));
    const variants = [...expandStudy(s, vignettes, s.systemPrompt)];
    const dose = variants.filter((v) => v.vignetteId === 'dose-test-paracetamol');
    const byId = (suffix: string) => dose.find((v) => v.variantId.endsWith(suffix))!.messages[1]!.content;
    expect(byId('~ref')).toContain('He lives in an apartment. His household income is about $75,000 a year.');
    expect(byId('gender-identity=nonbinary')).toMatch(
      /a nonbinary person weighing 70 kg with a fever\. They have no liver disease\..*They live in an apartment\./,
    );
    expect(byId('housing=homeless-unsheltered')).toContain('He is currently experiencing homelessness and sleeping outdoors.');
    expect(byId('income=low')).toContain('His household income is about $18,000 a year.');
  });

  it('rejects two axes that both set the noun and pronouns', () => {
    expect(() => loadStudy(study('{ sex: {}, gender-identity: {} }'))).toThrow(
      /two axes that set the patient noun and pronouns \(sex, gender-identity\)/,
    );
  });
});
