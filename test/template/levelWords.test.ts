import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAxes } from '../../src/demographics/load.js';
import { loadVignettes } from '../../src/template/load.js';
import { knownPlaceholders } from '../../src/template/render.js';
import { validateVignettes, withSentenceCues } from '../../src/template/validate.js';
import type { Problem } from '../../src/util/problems.js';

const axes = loadAxes('demographics', []);
const byId = (...ids: string[]) => axes.filter((a) => ids.includes(a.id));

function vignette(text: string) {
  const dir = mkdtempSync(join(tmpdir(), 'level-words-'));
  const file = join(dir, 't.yaml');
  writeFileSync(
    file,
    `domain: d\nvignettes:\n  - id: v\n    perspective: clinician\n    text: "${text}"\n    question: { type: yesno, stem: Treat?, answer: yes }\n    rationale: r\n    source: s\n`,
  );
  const problems: Problem[] = [];
  const vignettes = loadVignettes([{ kind: 'yaml', file }], problems);
  expect(problems).toEqual([]);
  return vignettes;
}

describe('level words: {{noun}}, {{noun_<role>}}, {{<axis>_<role>}}', () => {
  it('are known placeholders for the roles the levels define', () => {
    const known = knownPlaceholders(axes);
    for (const name of [
      'noun',
      'child_noun',
      'noun_letter',
      'noun_title',
      'sex_adjective',
      'race_descriptor',
      'insurance_status',
      'language_label',
    ])
      expect(known.has(name), name).toBe(true);
    expect(known.has('insurance_descriptor')).toBe(false);
  });

  it('count as the cue of their axis, and a placed {{insurance_status}} is not appended again', () => {
    const [v] = vignette('{{A}} {{age}}-year-old {{race_descriptor}} {{noun}} {{insurance_status}} is pale.');
    const problems: Problem[] = [];
    validateVignettes([v!], byId('sex', 'race', 'insurance', 'age'), axes, problems);
    expect(problems).toEqual([]);
    expect(withSentenceCues(v!.text, byId('insurance', 'language'))).toBe(`${v!.text.trimEnd()} {{language}}`);
  });

  it('are bad input when the study has no axis to render them, named with file, line and field', () => {
    const [v] = vignette('A patient, {{race_descriptor}}, {{noun_letter}}.');
    const problems: Problem[] = [];
    validateVignettes([v!], byId('insurance'), axes, problems);
    expect(problems.map((p) => `${p.line}: ${p.field}: ${p.message}`)).toEqual([
      expect.stringMatching(/^5: v\.text: uses \{\{race_descriptor\}\} but the study has no race axis/),
      expect.stringMatching(/^5: v\.text: uses \{\{noun_letter\}\} but the study has no axis setting the noun/),
    ]);
  });

  it('a level word role must name a placeholder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'level-words-axis-'));
    writeFileSync(
      join(dir, 'x.yaml'),
      'id: x\nlabel: X\nslot: descriptor\nreference: a\nlevels:\n  - { id: a, descriptor: A, words: { Bad-Role: b, ok: "" } }\n',
    );
    const problems: Problem[] = [];
    loadAxes(dir, problems);
    expect(problems.map((p) => `${p.field}: ${p.message}`)).toEqual([
      expect.stringMatching(/levels\[0\]\.words\.Bad-Role: a role is lowercase/),
      expect.stringMatching(/levels\[0\]\.words\.ok: expected the word/),
    ]);
  });
});
