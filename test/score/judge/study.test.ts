import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStudy } from '../../../src/study/load.js';
import { writeFixtureStudy } from './simulatedRun.js';

const freshDir = () => mkdtempSync(join(tmpdir(), 'counterfair-judge-study-'));

describe('the judge section of a study', () => {
  it('reads the judge model with the fields of models[], the prompt version and the pairwise switch', () => {
    const { study } = loadStudy(
      writeFixtureStudy(freshDir(), { judge: { id: 'j', provider: 'openai', model: 'gpt-x', api_key_env: 'J_KEY', temperature: 0 } }),
    );
    expect(study.judge).toMatchObject({
      promptVersion: 1,
      pairwise: true,
      model: { id: 'j', kind: 'openai', model: 'gpt-x', apiKeyEnv: 'J_KEY', params: { temperature: 0 } },
    });
  });

  it('names every problem of the judge model with its line and field', () => {
    const file = writeFixtureStudy(freshDir(), {
      judge: { id: 'j', provider: 'simulated', system_prompt: 'be nice', bias: [], accuracy: 2 },
    });
    expect(() => loadStudy(file)).toThrow(
      /study\.yaml:\d+: judge\.model\.system_prompt: the judge is asked with the versioned judge prompt[\s\S]*study\.yaml:\d+: judge\.model\.bias: the judge sees cases with demographic cues masked/,
    );
    expect(() => loadStudy(file)).toThrow(/study\.yaml:\d+: judge\.model\.accuracy: must be a probability/);
  });

  it('refuses a prompt version this counterfair does not have, and a pairwise switch that is not true or false', () => {
    const file = writeFixtureStudy(freshDir());
    writeFileSync(file, readFileSync(file, 'utf8').replace('prompt_version: 1', 'prompt_version: 2\n  pairwise: "yes"'));
    expect(() => loadStudy(file)).toThrow(
      /judge\.prompt_version: this counterfair asks the judge with prompt version 1, not 2[\s\S]*judge\.pairwise: expected true or false/,
    );
  });
});
