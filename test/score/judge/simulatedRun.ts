import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse, stringify } from 'yaml';
import { expandStudy } from '../../../src/expand/expand.js';
import { createProvider } from '../../../src/providers/registry.js';
import type { Variant } from '../../../src/expand/types.js';
import type { ResponseRecord } from '../../../src/run/types.js';
import type { JudgedRunDir } from '../../../src/pipeline/judges.js';
import { loadStudy } from '../../../src/study/load.js';
import type { LoadedStudy, Study } from '../../../src/study/types.js';
import { sha256Hex } from '../../../src/util/hash.js';
import { fromRoot } from '../../helpers/paths.js';

export const fixtureStudy = new URL('./fixtures/study.yaml', import.meta.url).pathname;

/**
 * The fixture study written into `dir` with absolute paths, its models and judge model optionally replaced
 * (`judge: null` removes the judge section; `judges` replaces it with a panel, `panel` sets its rule). Returns the study file.
 */
export function writeFixtureStudy(
  dir: string,
  changes: { models?: object[]; judge?: object | null; judges?: object[]; panel?: string } = {},
): string {
  const study = parse(readFileSync(fixtureStudy, 'utf8')) as Record<string, unknown>;
  study.templates = [join(dirname(fixtureStudy), 'templates')];
  study.demographics = fromRoot('demographics');
  if (changes.models) study.models = changes.models;
  if (changes.judge === null) delete study.judge;
  else if (changes.judge) study.judge = { ...(study.judge as object), model: changes.judge };
  if (changes.judges) {
    delete study.judge;
    study.judges = changes.judges;
  }
  if (changes.panel) study.panel = changes.panel;
  const file = join(dir, 'study.yaml');
  writeFileSync(file, stringify(study));
  return file;
}

/**
 * A finished run of a study on its simulated models, without the runner: every variant x replicate answered
 * directly by the provider. `rewrite` may replace an answer (to echo cues, refuse, ...).
 */
export async function simulatedRun(
  runDir: string,
  options: { studyFile?: string; loaded?: LoadedStudy; rewrite?: (text: string, variant: Variant) => string } = {},
): Promise<JudgedRunDir & { study: Study }> {
  const { study, vignettes } = options.loaded ?? loadStudy(options.studyFile ?? fixtureStudy);
  const variants = [...expandStudy(study, vignettes, study.systemPrompt)];
  const questions = new Map(vignettes.map((v) => [v.id, v.question]));
  const responses: ResponseRecord[] = [];
  for (const spec of study.models) {
    const provider = createProvider(spec, { studySeed: study.seed, env: {} });
    for (const variant of variants) {
      for (let replicate = 0; replicate < study.replicates; replicate++) {
        const answer = await provider.complete({
          messages: variant.messages,
          params: spec.params,
          replicate,
          subject: { variant, question: questions.get(variant.vignetteId)! },
        });
        const base = {
          key: sha256Hex(`${spec.id}/${variant.variantId}/${replicate}`),
          modelId: spec.id,
          vignetteId: variant.vignetteId,
          variantId: variant.variantId,
          replicate,
          error: answer.error,
          finishReason: answer.finishReason,
          usage: answer.usage,
          servedModel: answer.servedModel,
          latencyMs: 1,
          attempts: 1,
        };
        responses.push({ ...base, text: answer.text === null || !options.rewrite ? answer.text : options.rewrite(answer.text, variant) });
      }
    }
  }
  return { runDir, seed: study.seed, axes: study.axes, study, vignettes, variants, responses };
}
