import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { fromRoot } from '../helpers/paths.js';

/**
 * docs/template-format.md, "Every axis a vignette varies must appear in its text": a sentence axis whose placeholder
 * a vignette does not place is appended at the end of its text and of each paraphrase, in the study's axis order,
 * whether the vignette varies the axis, pins it or leaves it out of `varies`; the template lint notes it only for a
 * varied axis, and --strict refuses it. Checked here from the user's side: the expanded case text and stderr.
 */
const TAIL = '    question: { type: yesno, stem: Admit?, answer: "yes" }\n    rationale: r\n    source: s\n';
const VIGNETTES = [
  // Varies both sentence axes and places neither; two paragraphs and a paraphrase.
  '  - id: unplaced',
  '    perspective: clinician',
  '    text: |',
  '      {{Patient}} has a cough.',
  '',
  '      {{They}} {{has}} no fever.',
  '    paraphrases:',
  '      - |',
  '        {{Patient}} is coughing.',
  '',
  '        {{They}} {{has}} no temperature.',
  TAIL,
  // Pins insurance and leaves language out of `varies`: both are still appended, at the pinned and reference level.
  '  - id: pinned',
  '    perspective: clinician',
  "    text: '{{Patient}} has a rash.'",
  '    varies: [sex]',
  '    excluded:',
  '      - { axis: insurance, value: medicaid, reason: r }',
  TAIL,
  // Places language itself: only insurance is appended, after the text, not before the placed sentence.
  '  - id: placed',
  '    perspective: clinician',
  "    text: '{{Patient}} has a headache. {{language}} {{They}} {{is}} alert.'",
  TAIL,
].join('\n');

function study(): { study: string; template: string } {
  const dir = mkdtempSync(join(tmpdir(), 'counterfair-sentence-cues-'));
  const template = join(dir, 'cases.yaml');
  writeFileSync(template, `domain: d\nvignettes:\n${VIGNETTES}`);
  const file = join(dir, 'study.yaml');
  writeFileSync(
    file,
    `seed: 3\ntemplates: [cases.yaml]\ndemographics: ${fromRoot('demographics')}\naxes:\n  sex: {}\n  insurance: { levels: [private, medicaid] }\n  language: { levels: [english, spanish] }\ncontrols: { paraphrases: 1 }\nmodels:\n  - { id: sim, provider: simulated }\n`,
  );
  return { study: file, template };
}

/** The case text of each variant (the user message before the question), by variant id. */
function caseTexts(stdout: string, stem: string): Map<string, string> {
  const texts = new Map<string, string>();
  for (const line of stdout.trim().split('\n')) {
    const v = JSON.parse(line) as { variantId: string; messages: { content: string }[] };
    const content = v.messages[1]!.content;
    texts.set(v.variantId, content.slice(0, content.indexOf(stem)).trimEnd());
  }
  return texts;
}

describe('a sentence cue the text does not place is appended, as the template format says', () => {
  it('at the end of the text and of each paraphrase, in the study axis order, for varied, pinned and unvaried axes', async () => {
    const { study: file } = study();
    const r = await runCli(['expand', file]);
    expect(r.code).toBe(0);
    const texts = caseTexts(r.stdout, 'Admit?');
    expect(texts.get('unplaced~ref')).toBe(
      'A man has a cough.\n\nHe has no fever. He has private insurance through an employer. His preferred language is English.',
    );
    expect(texts.get('unplaced~insurance=medicaid')).toBe(
      'A man has a cough.\n\nHe has no fever. He is insured through Medicaid. His preferred language is English.',
    );
    expect(texts.get('unplaced~language=spanish')).toBe(
      'A man has a cough.\n\nHe has no fever. He has private insurance through an employer. His preferred language is Spanish, and a Spanish interpreter is present.',
    );
    expect(texts.get('unplaced~paraphrase-1')).toBe(
      'A man is coughing.\n\nHe has no temperature. He has private insurance through an employer. His preferred language is English.',
    );
    expect(texts.get('pinned~ref')).toBe('A man has a rash. He is insured through Medicaid. His preferred language is English.');
    expect(texts.get('pinned~sex=female')).toBe('A woman has a rash. She is insured through Medicaid. Her preferred language is English.');
    expect(
      [...texts.keys()].filter((id) => id.startsWith('pinned~') && !id.includes('paraphrase') && !id.includes('no-demographics')).sort(),
    ).toEqual(['pinned~ref', 'pinned~sex=female']);
    expect(texts.get('placed~language=spanish')).toBe(
      'A man has a headache. His preferred language is Spanish, and a Spanish interpreter is present. He is alert. He has private insurance through an employer.',
    );
  });

  it('the lint notes it for the vignettes that vary the axis (not the pinned one), and --strict refuses it', async () => {
    const { study: file, template } = study();
    const r = await runCli(['expand', file]);
    expect(r.stderr).toContain(
      `counterfair: warning: ${template}:6: unplaced.text: 2 vignettes vary axis "insurance" but place no {{insurance}} (unplaced, placed): its sentence is appended after the last sentence of their text and paraphrases`,
    );
    expect(r.stderr).toContain(
      `counterfair: warning: ${template}:6: unplaced.text: 1 vignette varies axis "language" but places no {{language}} (unplaced): its sentence is appended`,
    );
    expect(r.stderr).not.toMatch(/\(.*pinned.*\): its sentence is appended/);
    const strict = await runCli(['expand', file, '--strict']);
    expect(strict.code).toBe(2);
    expect(strict.stderr).toContain('place no {{insurance}}');
  });
});
