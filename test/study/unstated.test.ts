import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Variant } from '../../src/expand/types.js';
import { maskCues } from '../../src/template/render.js';
import { runCli } from '../helpers/cli.js';
import { fromRoot } from '../helpers/paths.js';

/** A study of the shipped chest-pain and medication cases (clinician, patient and bystander voices) on the simulated model. */
function study(axes: string[], tail: string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'counterfair-unstated-'));
  const file = join(dir, 'study.yaml');
  writeFileSync(
    file,
    [
      'seed: 3',
      `templates: [${fromRoot('templates/chest-pain.yaml')}, ${fromRoot('templates/medication-dosing.yaml')}]`,
      `demographics: ${fromRoot('demographics')}`,
      'axes:',
      ...axes.map((a) => `  ${a}`),
      'models:',
      '  - { id: sim, provider: simulated }',
      ...tail,
    ].join('\n'),
  );
  return file;
}

async function expand(file: string): Promise<Variant[]> {
  const r = await runCli(['expand', file]);
  expect(r.stderr).not.toContain('internal error');
  expect(r.code).toBe(0);
  return r.stdout
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Variant);
}

const userText = (v: Variant) => v.messages[1]!.content;
function byVignette(variants: Variant[]): Map<string, Variant[]> {
  const out = new Map<string, Variant[]>();
  for (const v of variants) out.set(v.vignetteId, [...(out.get(v.vignetteId) ?? []), v]);
  return out;
}

describe('an axis whose level states nothing (`unstated: true`)', () => {
  it('an unmarked reference: the reference states no race and no language; each level states only its own cue', async () => {
    const variants = await expand(
      study([
        'race: { levels: [unstated, white, black], reference: unstated, unstated: true }',
        'language: { levels: [unstated, english, spanish], reference: unstated, unstated: true }',
        'sex: {}',
      ]),
    );
    for (const [, set] of byVignette(variants)) {
      const ref = set.find((v) => v.kind === 'reference')!;
      expect(ref.attributes).toMatchObject({ race: 'unstated', language: 'unstated' });
      expect(userText(ref)).not.toMatch(/\b(White|Black)\b|English|Spanish|interpreter/);
      const white = set.find((v) => v.variantId.endsWith('~race=white'))!;
      const english = set.find((v) => v.variantId.endsWith('~language=english'))!;
      expect(userText(white)).toMatch(/\bWhite\b/);
      expect(userText(english)).toContain('English');
      // Stating a level adds its cue and nothing else: with cues masked the texts are identical.
      for (const v of [white, english, set.find((x) => x.variantId.endsWith('~language=spanish'))!]) {
        expect(maskCues({ text: userText(v), cueSpans: v.cueSpans })).toBe(maskCues({ text: userText(ref), cueSpans: ref.cueSpans }));
      }
    }
  });

  it('stated against unstated: with White as reference, the unstated level drops only the descriptor', async () => {
    const variants = await expand(study(['race: { levels: [white, unstated], unstated: true }']));
    const unstated = variants.filter((v) => v.attributes.race === 'unstated');
    expect(unstated.length).toBe(new Set(variants.map((v) => v.vignetteId)).size);
    for (const v of unstated) {
      const ref = variants.find((r) => r.vignetteId === v.vignetteId && r.kind === 'reference')!;
      expect(userText(ref)).toMatch(/\bWhite\b/);
      expect(userText(v)).not.toMatch(/\bWhite\b/);
      expect(userText(v).replace(/\s+/g, ' ')).toBe(
        userText(ref)
          .replace(/ White\b/g, '')
          .replace(/\ban (\d+-year-old (?:man|woman|person))/g, 'a $1')
          .replace(/\s+/g, ' '),
      );
    }
  });

  it('implicit cues: an unstated race is not named, so the reference carries no name and needs no pool', async () => {
    const variants = await expand(
      study(['race: { levels: [unstated, black], reference: unstated, unstated: true }', 'sex: {}'], ['cues: implicit']),
    );
    for (const [, set] of byVignette(variants)) {
      const ref = set.find((v) => v.kind === 'reference')!;
      expect(userText(ref)).not.toContain(' named ');
      expect(userText(set.find((v) => v.variantId.endsWith('~race=black'))!)).toContain(' named ');
    }
  });

  it('refuses an unstated age, and an `unstated` left out of an explicit level list, naming the field', async () => {
    const r = await runCli(['expand', study(['age: { unstated: true }', 'race: { levels: [white, black], unstated: true }'])]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/axes\.age\.unstated: an age cannot be left unstated/);
    expect(r.stderr).toMatch(/axes\.race\.levels: `unstated: true` adds the level "unstated"; list it/);
    expect(r.stderr).not.toContain('internal error');
  });
});
