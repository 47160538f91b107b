import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { startFakeOpenAI } from '../helpers/fakeOpenAI.js';
import { fixture } from '../helpers/paths.js';
import { writeTestStudy } from '../helpers/study.js';

const SECRET = 'sk-test-0123456789abcdef-never-log-me';

describe('run against a local OpenAI-compatible server through the openai SDK', () => {
  let server: Awaited<ReturnType<typeof startFakeOpenAI>>;
  beforeAll(async () => {
    server = await startFakeOpenAI((body) =>
      body.messages.at(-1)!.content.includes('ESI level') ? 'The patient is high risk.\nAnswer: B' : 'Answer: 3',
    );
  });
  afterAll(() => server.close());

  it('sends every variant, records the responses in the run directory and never writes the key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'counterfair-openai-'));
    const study = join(dir, 'study.yaml');
    writeTestStudy(study, {
      name: 'local endpoint',
      seed: 3,
      models: [
        `{ id: local, provider: openai, model: test-model, base_url: "${server.baseUrl}", api_key_env: COUNTERFAIR_TEST_KEY, temperature: 0, max_retries: 0 }`,
      ],
    });
    const out = join(dir, 'run');
    const r = await runCli(['run', study, '--out', out], { COUNTERFAIR_TEST_KEY: SECRET });
    expect(r.stderr).not.toContain('internal error');
    expect(r.code).toBe(0);

    const variants = readFileSync(join(out, 'variants.jsonl'), 'utf8').trim().split('\n');
    const responses = readFileSync(join(out, 'responses.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(responses).toHaveLength(variants.length);
    expect(server.seen).toHaveLength(variants.length);
    expect(
      server.seen.every((s) => s.authorization === `Bearer ${SECRET}` && s.body.model === 'test-model' && s.body.temperature === 0),
    ).toBe(true);
    const triage = responses.filter((x) => x.vignetteId === 'triage-test-chest-pain');
    expect(
      triage.every((x) => x.text === 'The patient is high risk.\nAnswer: B' && x.error === null && x.servedModel === 'test-model'),
    ).toBe(true);
    const scores = readFileSync(join(out, 'scores.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(
      scores.filter((s) => s.vignetteId === 'triage-test-chest-pain').every((s) => s.outcome === 'correct' && s.extracted === 'B'),
    ).toBe(true);

    for (const file of readdirSync(out, { recursive: true, withFileTypes: true }))
      if (file.isFile()) expect(readFileSync(join(file.parentPath, file.name), 'utf8')).not.toContain(SECRET);

    // Re-running the unchanged study sends nothing: every response is already recorded.
    const before = server.seen.length;
    const again = await runCli(['run', study, '--out', out], { COUNTERFAIR_TEST_KEY: SECRET });
    expect(again.code).toBe(0);
    expect(server.seen.length).toBe(before);
  });

  it('takes the endpoint, model, key variable, concurrency and replicates from the command line', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'counterfair-override-')), 'run');
    const before = server.seen.length;
    // The fixture study names only the simulated model; the flags replace it with the local endpoint.
    const r = await runCli(
      [
        'run',
        fixture('study/study.yaml'),
        '--out',
        out,
        '--base-url',
        server.baseUrl,
        '--model',
        'override-model',
        '--api-key-env',
        'COUNTERFAIR_OVERRIDE_KEY',
        '--concurrency',
        '2',
        '--replicates',
        '2',
      ],
      { COUNTERFAIR_OVERRIDE_KEY: SECRET, COUNTERFAIR_CACHE_DIR: 'off' },
    );
    expect(r.stderr).not.toContain('internal error');
    expect(r.code).toBe(0);
    const variants = readFileSync(join(out, 'variants.jsonl'), 'utf8').trim().split('\n').length;
    const seen = server.seen.slice(before);
    expect(seen).toHaveLength(2 * variants);
    expect(seen.every((s) => s.body.model === 'override-model' && s.authorization === `Bearer ${SECRET}`)).toBe(true);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.models.map((m: { id: string; apiKeyEnv: string }) => [m.id, m.apiKeyEnv])).toEqual([
      ['override-model', 'COUNTERFAIR_OVERRIDE_KEY'],
    ]);
    expect(manifest.study.replicates).toBe(2);
  });

  it('refuses to re-point an endpoint the study does not have', async () => {
    const r = await runCli(['run', fixture('study/study.yaml'), '--base-url', server.baseUrl], {});
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('has 0; add --model NAME to run a single model instead');
  });
});
