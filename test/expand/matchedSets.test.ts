import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandStudy } from '../../src/expand/expand.js';
import type { Variant } from '../../src/expand/types.js';
import { loadStudy } from '../../src/study/load.js';
import type { Design } from '../../src/study/types.js';
import { maskCues, type CueMode } from '../../src/template/render.js';
import { articleErrors } from '../helpers/articles.js';
import { fromRoot } from '../helpers/paths.js';

/**
 * The matched-set property over the whole shipped library: every vignette, in every design and every cue mode,
 * renders variants that differ from their reference only inside the cue spans (articles included), and reads as
 * clean text. The axes include unstated levels, so the control and unmarked cues are covered too.
 */
function studyFile(noun: 'sex' | 'gender-identity'): string {
  const dir = mkdtempSync(join(tmpdir(), 'counterfair-matched-'));
  const file = join(dir, 'study.yaml');
  writeFileSync(
    file,
    [
      'seed: 11',
      `templates: [${fromRoot('templates')}]`,
      `demographics: ${fromRoot('demographics')}`,
      'axes:',
      '  race: { unstated: true }',
      `  ${noun}: {}`,
      '  age: { levels: ["30", "45", "80"], reference: "45" }',
      '  insurance: { levels: [unstated, private, medicaid, uninsured], reference: unstated, unstated: true }',
      '  language: { levels: [english, spanish, arabic, unstated], unstated: true }',
      ...(noun === 'sex' ? ['  disability: { levels: [none, deaf] }', '  housing: {}'] : []),
      'names: { allow_fallback: true }',
      'cues: both',
      'controls: { no_demographics: true, paraphrases: 0 }',
      'models:',
      '  - { id: sim, provider: simulated }',
    ].join('\n'),
  );
  return file;
}

const DESIGNS: Design[] = [
  { kind: 'one-at-a-time' },
  { kind: 'factorial', axes: ['race', 'insurance', 'language'] },
  { kind: 'sampled', n: 10 },
  {
    kind: 'list',
    assignments: [
      { race: 'black', insurance: 'medicaid' },
      { race: 'aian', language: 'arabic' },
      { insurance: 'uninsured', age: '80' },
      { race: 'unstated', language: 'unstated' },
    ],
  },
];
const CUE_MODES: CueMode[] = ['explicit', 'implicit', 'both'];
const text = (v: Variant) => v.messages[1]!.content;
const masked = (v: Variant) => maskCues({ text: text(v), cueSpans: v.cueSpans });

/** What a reader would stumble on: an unrendered placeholder, doubled or stray spaces, an empty sentence. */
function blemishes(t: string): string[] {
  const found: string[] = [];
  for (const [pattern, what] of [
    [/\{\{|\}\}/, 'placeholder left in the text'],
    [/[^\S\n]{2,}/, 'two spaces'],
    [/ [.,;:]/, 'space before punctuation'],
    [/\.\s*\./, 'empty sentence'],
    [/^ | $/m, 'space at a line edge'],
  ] as const) {
    const m = pattern.exec(t);
    if (m) found.push(`${what}: …${t.slice(Math.max(0, m.index - 30), m.index + 30)}…`);
  }
  return found;
}

describe('matched sets over every shipped vignette x design x cue mode', () => {
  for (const noun of ['sex', 'gender-identity'] as const) {
    it(`with ${noun}: masked variants equal their reference; articles agree; the text is clean`, () => {
      const { study, vignettes } = loadStudy(studyFile(noun));
      expect(vignettes.length).toBeGreaterThan(100);
      const problems: string[] = [];
      let checked = 0;
      for (const design of DESIGNS) {
        for (const cues of CUE_MODES) {
          let reference: Variant | undefined;
          for (const v of expandStudy({ ...study, design, cueModes: [cues] }, vignettes, study.systemPrompt)) {
            if (v.kind === 'reference') reference = v;
            const where = `${design.kind}/${cues}/${v.variantId}`;
            if (masked(v) !== masked(reference!))
              problems.push(`${where}: differs from its reference outside the cues:\n  ${masked(v)}\n  ${masked(reference!)}`);
            for (const e of articleErrors(text(v)).errors) problems.push(`${where}: article "${e}"`);
            for (const b of blemishes(text(v))) problems.push(`${where}: ${b}`);
            checked++;
          }
        }
      }
      expect(problems.slice(0, 10)).toEqual([]);
      expect(checked).toBeGreaterThan(10_000);
    });
  }
});
