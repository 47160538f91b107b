import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { startFakeOpenAI } from '../helpers/fakeOpenAI.js';
import { coreLibrary } from '../helpers/paths.js';
import { writeTestStudy } from '../helpers/study.js';

describe('a model that gives the same answer to every question', () => {
  let server: Awaited<ReturnType<typeof startFakeOpenAI>>;
  beforeAll(async () => {
    server = await startFakeOpenAI(() => 'Answer: A');
  });
  afterAll(() => server.close());

  it('is warned about on stderr and in the summary, and fails the check when too many answers are unreadable', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'counterfair-degenerate-'));
    const model = `{ id: parrot, provider: openai, model: test-model, base_url: "${server.baseUrl}", api_key_env: COUNTERFAIR_TEST_KEY, temperature: 0, concurrency: 16 }`;
    const study = writeTestStudy(join(dir, 'study.yaml'), {
      name: 'degenerate',
      seed: 9,
      templates: coreLibrary(),
      models: [model],
    });
    const out = join(dir, 'run');
    const r = await runCli(['run', study, '--out', out], {
      COUNTERFAIR_TEST_KEY: 'sk-test-degenerate-0123456789',
      COUNTERFAIR_CACHE_DIR: 'off',
    });
    expect(r.stderr).not.toContain('internal error');

    const quality = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')).dataQuality.models[0];
    const sameAnswer = quality.degenerate.find((d: { kind: string }) => d.kind === 'same-answer');
    expect(sameAnswer).toMatchObject({ questionType: 'choice', answer: 'A', share: 1 });
    expect(r.stderr).toMatch(
      /warning: model parrot gave the answer "A" to 100 % of its \d+ readable multiple-choice answers, though the correct answers differ/,
    );
    // "A" answers no yes/no or numeric question: far more than 20 % of the answers are unreadable, so the run exits 4.
    expect(quality.unparseableRate).toBeGreaterThan(0.2);
    expect(quality.passed).toBe(false);
    expect(r.code).toBe(4);

    const appendix = readFileSync(join(out, 'appendix.md'), 'utf8');
    const summary = appendix.slice(appendix.indexOf('Summary of results'), appendix.indexOf('## 3.'));
    expect(summary).toContain('**Warning: degenerate answers from model parrot.** It gave the answer "A" to 100.0% of its');
    expect(summary.indexOf('Data quality check failed for model parrot')).toBeLessThan(summary.indexOf('Warning: degenerate answers'));
  }, 60_000);
});
