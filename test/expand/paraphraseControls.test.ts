import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Variant } from '../../src/expand/types.js';
import { runCli } from '../helpers/cli.js';
import { fromRoot } from '../helpers/paths.js';

/** A run of the shipped triage library (one authored paraphrase per vignette) asking for two paraphrase controls. */
async function runWithParaphrases(): Promise<{ dir: string; vignettes: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'counterfair-paraphrase-run-'));
  const study = join(dir, 'study.yaml');
  writeFileSync(
    study,
    `name: paraphrase controls\nseed: 3\ntemplates: [${fromRoot('templates/emergency-triage.yaml')}]\ndemographics: ${fromRoot('demographics')}\naxes:\n  race: { levels: [white, black] }\ncontrols: { paraphrases: 2 }\nmodels:\n  - { id: sim, provider: simulated }\n`,
  );
  const out = join(dir, 'run');
  const r = await runCli(['run', study, '--out', out]);
  expect(r.stderr).not.toContain('internal error');
  expect(r.code).toBe(0);
  const vignettes = readFileSync(join(out, 'vignettes.jsonl'), 'utf8').trim().split('\n').length;
  return { dir: out, vignettes };
}

describe('paraphrase controls say what they are', () => {
  it('records an authored rewording apart from the text with an added sentence, and the report counts each', async () => {
    const { dir, vignettes } = await runWithParaphrases();
    const variants = readFileSync(join(dir, 'variants.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Variant);
    const byVignette = new Map<string, Variant[]>();
    for (const v of variants) byVignette.set(v.vignetteId, [...(byVignette.get(v.vignetteId) ?? []), v]);
    for (const [id, set] of byVignette) {
      const reference = set.find((v) => v.kind === 'reference')!.messages[1]!.content;
      const [first, second] = set.filter((v) => v.kind === 'paraphrase');
      expect(first!.paraphrase, id).toBe('authored');
      expect(first!.messages[1]!.content, id).not.toBe(reference);
      expect(second!.paraphrase, id).toBe('added-sentence');
      // The added-sentence control is the reference case word for word plus one sentence, then the same question.
      const question = reference.slice(reference.indexOf('\n\n'));
      const caseText = reference.slice(0, -question.length);
      const added = second!.messages[1]!.content;
      expect(added.endsWith(question), id).toBe(true);
      expect(added.slice(0, -question.length), id).toMatch(
        new RegExp(`^${caseText.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} [A-Z][^.]*\\.$`),
      );
      for (const v of set) if (v.kind !== 'paraphrase') expect(v.paraphrase).toBeUndefined();
    }
    const appendix = readFileSync(join(dir, 'appendix.md'), 'utf8');
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    for (const [name, text] of [
      ['appendix.md', appendix],
      ['report.html', html],
    ] as const) {
      const has = (phrase: string) => expect(text.includes(phrase), `${name}: ${phrase}`).toBe(true);
      expect(text.includes('non-demographic rewording'), name).toBe(false);
      has(`${vignettes} authored rewordings (the author`);
      has(`${vignettes} copies of the unchanged case text with one added neutral sentence`);
      has(
        'The noise-floor table reports each kind apart and pooled; an added sentence measures sensitivity to extra text, not to rewording',
      );
      has('authored rewording: reference answer changed under the author');
      has(
        'added neutral sentence: reference answer changed when one irrelevant sentence was appended to the unchanged case (not a rewording)',
      );
    }
    expect(appendix).toContain(
      `2 paraphrase controls per vignette (${vignettes} authored rewordings, ${vignettes} with an added neutral sentence)`,
    );
  });
});
