import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiKeyEnvProblem, baseUrlProblem } from '../../src/study/endpointFields.js';
import { runCli } from '../helpers/cli.js';
import { coreLibrary, fromRoot } from '../helpers/paths.js';

// Shaped like real keys, made up for the test.
const KEYS = [
  'sk-proj-4fGh7Jk2LmN9pQr3StUv',
  'hf_aBcDeFgHiJkLmNoPqRsTuVwXyZ012345',
  'gsk_9aB8cD7eF6gH5iJ4kL3mN2oP1qR0s',
  'AbCdEfGh1234IjKlMnOp5678QrSt',
];

describe('api_key_env and base_url checks', () => {
  it('a key pasted where the variable name goes is refused without repeating it', () => {
    for (const key of KEYS) {
      const problem = apiKeyEnvProblem(key);
      expect(problem).toMatch(/looks like an API key/);
      expect(problem).not.toContain(key);
    }
    for (const name of ['OPENAI_API_KEY', 'AZURE_OPENAI_KEY', 'my_key', 'GROQ_API_KEY']) expect(apiKeyEnvProblem(name)).toBeUndefined();
    expect(apiKeyEnvProblem('MY-KEY')).toMatch(/NAME of an environment variable/);
  });

  it('a base_url must be an http(s) address without credentials', () => {
    expect(baseUrlProblem('http://127.0.0.1:8000/v1')).toBeUndefined();
    expect(baseUrlProblem('https://example.org/openai/v1')).toBeUndefined();
    expect(baseUrlProblem('localhost:8000')).toMatch(/not an http\(s\) address|not a URL/);
    expect(baseUrlProblem('api.openai.com/v1')).toMatch(/is not a URL/);
    expect(baseUrlProblem('ftp://example.org')).toMatch(/not an http\(s\) address/);
    expect(baseUrlProblem('https://user:pw@example.org/v1')).toMatch(/user name or password/);
  });

  it('from the study file and from the command line: exit 2, field named, the key never printed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'counterfair-endpoint-'));
    const study = join(dir, 'study.yaml');
    writeFileSync(
      study,
      [
        `name: e`,
        'seed: 1',
        `templates: [${coreLibrary()}]`,
        `demographics: ${fromRoot('demographics')}`,
        'axes: { race: { levels: [white, black] } }',
        `models: [{ id: m, provider: openai, model: gpt, api_key_env: ${KEYS[1]}, base_url: "not a url" }]`,
      ].join('\n'),
    );
    const fromFile = await runCli(['run', study, '--out', join(dir, 'run')]);
    expect(fromFile.code).toBe(2);
    expect(fromFile.stderr).toContain('models[0].api_key_env: looks like an API key');
    expect(fromFile.stderr).toContain('models[0].base_url: "not a url" is not a URL');
    expect(fromFile.stdout + fromFile.stderr).not.toContain(KEYS[1]);

    const fromFlag = await runCli([
      'run',
      fromRoot('examples/quickstart.yaml'),
      '--model',
      'gpt',
      '--base-url',
      'http://127.0.0.1:9/v1',
      '--api-key-env',
      KEYS[0]!,
      '--out',
      join(dir, 'run2'),
    ]);
    expect(fromFlag.code).toBe(2);
    expect(fromFlag.stderr).toContain('--api-key-env: looks like an API key');
    expect(fromFlag.stdout + fromFlag.stderr).not.toContain(KEYS[0]);
  });
});
