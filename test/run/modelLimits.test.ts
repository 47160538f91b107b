import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { batchPrice } from '../../src/run/progress.js';
import { loadStudy } from '../../src/study/load.js';
import { runCli } from '../helpers/cli.js';
import { fixture, fromRoot } from '../helpers/paths.js';
import { scratchDir } from './fixture.js';

function study(models: string[]): string {
  const file = join(scratchDir('limits'), 'study.yaml');
  writeFileSync(
    file,
    [
      `seed: 1`,
      `templates: [${fixture('study/templates')}]`,
      `demographics: ${fromRoot('demographics')}`,
      'axes:',
      '  race: {}',
      'models:',
      ...models,
    ].join('\n'),
  );
  return file;
}

describe('model limits, prices and batch mode in the study', () => {
  it('reads rpm, tpm, price and batch', () => {
    const file = study([
      '  - { id: gpt, provider: openai, model: m, rpm: 500, tpm: 200000, price: { input: 0.15, output: 0.6 }, batch: true }',
    ]);
    expect(loadStudy(file).study.models[0]).toMatchObject({ rpm: 500, tpm: 200_000, price: { input: 0.15, output: 0.6 }, batch: true });
  });

  it('prices answers through the Batch API at the batch price, or the online one when none is given', () => {
    const file = study([
      '  - { id: gpt, provider: openai, model: m, price: { input: 0.15, output: 0.6, batch_input: 0.075, batch_output: 0.3 } }',
    ]);
    const price = loadStudy(file).study.models[0]!.price;
    expect(price).toEqual({ input: 0.15, output: 0.6, batchInput: 0.075, batchOutput: 0.3 });
    expect(batchPrice(price)).toEqual({ input: 0.075, output: 0.3 });
    expect(batchPrice({ input: 0.15, output: 0.6 })).toEqual({ input: 0.15, output: 0.6 });
    expect(batchPrice(undefined)).toBeUndefined();
  });

  it('names file, line and field of every bad value', async () => {
    const file = study([
      '  - id: gpt',
      '    provider: openai',
      '    model: m',
      '    rpm: 0',
      '    tpm: lots',
      '    price: { input: 1, currency: usd }',
      '    batch: sometimes',
      '  - { id: sim, provider: simulated, batch: true }',
    ]);
    const r = await runCli(['expand', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:10: models[0].rpm: must be at least 1, got 0`);
    expect(r.stderr).toContain(`${file}:11: models[0].tpm: expected a number, got string "lots"`);
    expect(r.stderr).toContain(`${file}:12: models[0].price.currency: unknown field`);
    expect(r.stderr).toContain('models[0].price.output: is required');
    expect(r.stderr).toContain(`${file}:13: models[0].batch: must be one of true, false; got "sometimes"`);
    expect(r.stderr).toContain('models[1].batch: applies to provider: openai only');
  });
});
