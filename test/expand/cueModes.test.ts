import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { combinationExclusions, expandStudy } from '../../src/expand/expand.js';
import type { Variant } from '../../src/expand/types.js';
import { createProvider } from '../../src/providers/registry.js';
import { messagesFor, requestKey } from '../../src/run/plan.js';
import { loadStudy } from '../../src/study/load.js';
import type { Study } from '../../src/study/types.js';
import type { CueMode } from '../../src/template/render.js';
import { fixture } from '../helpers/paths.js';

const loaded = () => loadStudy(fixture('study/study.yaml'));

function expand(cueModes: CueMode[], extra: Partial<Study> = {}): Variant[] {
  const { study, vignettes } = loaded();
  return [...expandStudy({ ...study, ...extra, cueModes }, vignettes, study.systemPrompt)];
}

/** The request key of each reference and level variant for the study's simulated model, replicate 0, as "id key" lines. */
function idsAndKeys(variants: readonly Variant[]): string[] {
  const { study } = loaded();
  const spec = study.models[0]!;
  const identity = createProvider(spec, { studySeed: study.seed, env: {} }).identity;
  return variants
    .filter((v) => v.kind === 'reference' || v.kind === 'demographic')
    .map((v) => `${v.variantId} ${requestKey(identity, spec.params, messagesFor(spec, v), 0)}`);
}

const sha256 = (lines: readonly string[]) => createHash('sha256').update(lines.join('\n')).digest('hex');

describe('a study with one cue mode', () => {
  it('keeps the variant ids and request keys it had before modes could be crossed (resume and the response cache depend on them)', () => {
    // Pinned from the expansion before cue modes could be crossed (commit 195c829). A change here means every
    // recorded run and cached response of a one-mode study stops matching: only ever on purpose.
    const explicit = idsAndKeys(expand(['explicit']));
    expect(explicit).toHaveLength(14);
    expect(explicit[0]).toBe('triage-test-chest-pain~ref 6596f6b0e847816931f02586616d9add437959d660beb270a33de253a2320a23');
    expect(sha256(explicit)).toBe('81447afd2a43644f393419ece425412aba7af36a906e924a676a79a71806bf28');
    const implicit = idsAndKeys(expand(['implicit']));
    expect(implicit[0]).toBe('triage-test-chest-pain~ref 4575a04413534b88b75f5e1023afbf785b57266074ce3ad27e13f1e509968544');
    expect(sha256(implicit)).toBe('139b92926dc387ce466c968c7089a26c106e1c14d787f37b96cbe7b85c090307');
  });

  it('records no cue mode on its variants and no mode in their ids', () => {
    for (const v of expand(['implicit'], { controls: { noDemographics: true, paraphrases: 1 } })) {
      expect(v).not.toHaveProperty('cues');
      expect(v.variantId).not.toContain('@');
    }
  });
});

describe('a study crossing cue modes', () => {
  const controls = { noDemographics: true, paraphrases: 1 };

  it('renders every assignment once per mode, in the order listed, the mode in the id and on the variant', () => {
    const crossed = expand(['implicit', 'explicit'], { controls });
    const triage = crossed.filter((v) => v.vignetteId === 'triage-test-chest-pain');
    expect(triage.map((v) => v.variantId)).toEqual([
      'triage-test-chest-pain~ref@implicit',
      'triage-test-chest-pain~race=black@implicit',
      'triage-test-chest-pain~sex=female@implicit',
      'triage-test-chest-pain~insurance=medicaid@implicit',
      'triage-test-chest-pain~ref@explicit',
      'triage-test-chest-pain~race=black@explicit',
      'triage-test-chest-pain~sex=female@explicit',
      'triage-test-chest-pain~insurance=medicaid@explicit',
      'triage-test-chest-pain~none',
      'triage-test-chest-pain~paraphrase-1',
    ]);
    expect(triage.map((v) => v.cues)).toEqual([
      'implicit',
      'implicit',
      'implicit',
      'implicit',
      'explicit',
      'explicit',
      'explicit',
      'explicit',
      'implicit',
      'implicit',
    ]);
  });

  it("renders each mode's variants exactly as a study of that mode alone, so they share its request keys and cached answers", () => {
    const crossed = expand(['explicit', 'implicit']);
    for (const mode of ['explicit', 'implicit'] as const) {
      const alone = expand([mode]);
      const inCrossed = crossed.filter((v) => v.cues === mode);
      expect(inCrossed.map((v) => v.variantId)).toEqual(alone.map((v) => `${v.variantId}@${mode}`));
      expect(inCrossed.map((v) => v.messages)).toEqual(alone.map((v) => v.messages));
      expect(idsAndKeys(inCrossed).map((line) => line.split(' ')[1])).toEqual(idsAndKeys(alone).map((line) => line.split(' ')[1]));
    }
    // The modes differ in the text (a name instead of the stated race), not in the levels.
    const black = (mode: CueMode) => crossed.find((v) => v.variantId === `triage-test-chest-pain~race=black@${mode}`)!;
    expect(black('explicit').attributes).toEqual(black('implicit').attributes);
    expect(black('explicit').messages[1]!.content).toContain('Black');
    expect(black('implicit').messages[1]!.content).not.toContain('Black');
  });

  it('renders the controls once, the paraphrases in the first mode', () => {
    const first = expand(['implicit', 'explicit'], { controls });
    const paraphrase = first.find((v) => v.variantId === 'triage-test-chest-pain~paraphrase-1')!;
    const alone = expand(['implicit'], { controls }).find((v) => v.variantId === 'triage-test-chest-pain~paraphrase-1')!;
    expect(paraphrase.messages).toEqual(alone.messages);
    expect(first.filter((v) => v.kind === 'no-demographics' || v.kind === 'paraphrase')).toHaveLength(
      2 * new Set(first.map((v) => v.vignetteId)).size,
    );
  });

  it('lists the variants an implausible combination rules out in every mode', () => {
    const { study, vignettes } = loaded();
    const rule = { when: { insurance: 'medicaid', age: '80' }, reason: 'test' };
    const crossed = combinationExclusions(
      { ...study, design: { kind: 'factorial', axes: ['age', 'insurance'] }, implausible: [rule], cueModes: ['explicit', 'implicit'] },
      vignettes,
    );
    const ids = crossed.flatMap((e) => e.variantIds);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.filter((id) => id.endsWith('@explicit'))).toHaveLength(ids.length / 2);
    expect(ids.filter((id) => id.endsWith('@implicit'))).toHaveLength(ids.length / 2);
  });
});
