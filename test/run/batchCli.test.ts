import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { startFaultyOpenAI, type FaultyServer } from '../helpers/faultyOpenAI.js';
import { completion } from '../helpers/httpServer.js';
import { writeTestStudy } from '../helpers/study.js';
import { scratchDir } from './fixture.js';

const SECRET = 'sk-test-batch-cli-0123456789-never-log-me';

interface InputLine {
  custom_id: string;
  method: string;
  url: string;
  body: { model: string; messages: { role: string; content: string }[]; temperature?: number };
}

describe('counterfair batch export / batch import', () => {
  let server: FaultyServer;
  const dir = scratchDir('batch-cli');
  const study = join(dir, 'study.yaml');
  const runDir = join(dir, 'run');
  const env = { COUNTERFAIR_TEST_KEY: SECRET, COUNTERFAIR_CACHE_DIR: join(dir, 'cache') };

  beforeAll(async () => {
    server = await startFaultyOpenAI(
      () => ({ kind: 'answer' }),
      () => 'Answer: B',
    );
    writeTestStudy(study, {
      name: 'batch cli',
      seed: 5,
      models: [
        '{ id: sim, provider: simulated }',
        `{ id: gpt, provider: openai, model: test-model, base_url: "${server.baseUrl}", api_key_env: COUNTERFAIR_TEST_KEY, temperature: 0 }`,
      ],
      // Every answer is "B", unreadable for the ordinal and numeric questions: this test is about batch files, not answers.
      extra: ['quality: { max_unparseable_rate: 1 }'],
    });
  });
  afterAll(() => server.close());

  it('exports the requests, imports the answers, and `run` then sends only what failed', async () => {
    const requests = join(dir, 'requests.jsonl');
    const exported = await runCli(['batch', 'export', study, '--out', requests, '--run-dir', runDir], env);
    expect(exported.stderr).not.toContain('internal error');
    expect(exported.code).toBe(0);
    const lines = readFileSync(requests, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as InputLine);
    const variants = readFileSync(join(runDir, 'variants.jsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(variants.length);
    expect(new Set(lines.map((l) => l.custom_id)).size).toBe(lines.length);
    expect(
      lines.every(
        (l) =>
          /^[0-9a-f]{64}$/.test(l.custom_id) &&
          l.method === 'POST' &&
          l.url === '/v1/chat/completions' &&
          l.body.model === 'test-model' &&
          l.body.temperature === 0,
      ),
    ).toBe(true);

    // What the provider's batch engine would return: answers, one failure, and a line for another study.
    const output = lines.map((l, i) =>
      JSON.stringify(
        i === 2
          ? {
              id: `r${i}`,
              custom_id: l.custom_id,
              response: { status_code: 400, request_id: 'x', body: { error: { message: 'invalid max_tokens' } } },
              error: null,
            }
          : {
              id: `r${i}`,
              custom_id: l.custom_id,
              response: { status_code: 200, request_id: 'x', body: completion('test-model', 'Answer: B', i) },
              error: null,
            },
      ),
    );
    output.push(
      JSON.stringify({
        id: 'stray',
        custom_id: 'f'.repeat(64),
        response: { status_code: 200, body: completion('test-model', 'Answer: A', 99) },
        error: null,
      }),
    );
    const outputFile = join(dir, 'output.jsonl');
    writeFileSync(outputFile, output.join('\n')); // no final newline, as some providers write it

    const imported = await runCli(['batch', 'import', runDir, outputFile], env);
    expect(imported.stderr).not.toContain('internal error');
    expect(imported.code).toBe(0);
    expect(imported.stderr).toContain(`${lines.length - 1} answers and 1 failures recorded`);
    expect(imported.stderr).toContain('1 lines match no request of this run');
    const journal = readFileSync(join(runDir, 'responses.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { key: string; variantId: string; error: { message: string } | null });
    expect(journal).toHaveLength(lines.length);
    expect(journal.every((r) => variants.some((v) => (JSON.parse(v) as { variantId: string }).variantId === r.variantId))).toBe(true);
    expect(journal.find((r) => r.key === lines[2]!.custom_id)!.error!.message).toContain('invalid max_tokens');

    const ran = await runCli(['run', study, '--out', runDir], env);
    expect(ran.stderr).not.toContain('internal error');
    expect(ran.code).toBe(0);
    expect(server.attempts.map((a) => a.prompt)).toEqual([lines[2]!.body.messages.at(-1)!.content]);

    const again = await runCli(['batch', 'export', study, '--run-dir', runDir], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('');
    expect(again.stderr).toContain('0 requests for model gpt');
  });

  it('says what is wrong with the input, naming the file', async () => {
    const notARun = await runCli(['batch', 'import', join(dir, 'nowhere'), join(dir, 'output.jsonl')], env);
    expect(notARun.code).toBe(2);
    expect(notARun.stderr).toContain('not a counterfair run directory');

    const garbage = join(dir, 'garbage.jsonl');
    writeFileSync(garbage, '{"custom_id": "x", "response": null, "error": null}\nnot json\n');
    const bad = await runCli(['batch', 'import', runDir, garbage], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`${garbage}:2: is not a Batch API output line`);

    // Well-formed lines of which none is a request of this run: refused, not "0 answers recorded" and exit 0.
    const foreign = join(dir, 'foreign.jsonl');
    writeFileSync(
      foreign,
      ['a', 'b']
        .map((c) =>
          JSON.stringify({
            id: c,
            custom_id: c.repeat(64),
            response: { status_code: 200, body: completion('test-model', 'Answer: A', 1) },
            error: null,
          }),
        )
        .join('\n'),
    );
    const before = readFileSync(join(runDir, 'responses.jsonl'), 'utf8');
    const unmatched = await runCli(['batch', 'import', runDir, foreign], env);
    expect(unmatched.code).toBe(2);
    expect(unmatched.stderr).toContain(`${foreign}: none of its 2 lines matches a request of this run`);
    expect(readFileSync(join(runDir, 'responses.jsonl'), 'utf8')).toBe(before);

    const simulatedOnly = join(dir, 'simulated.yaml');
    writeFileSync(
      simulatedOnly,
      readFileSync(study, 'utf8')
        .split('\n')
        .filter((l) => !l.includes('provider: openai'))
        .join('\n'),
    );
    const none = await runCli(['batch', 'export', simulatedOnly], env);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('models: has no OpenAI-compatible model');
  });
});
