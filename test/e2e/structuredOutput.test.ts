import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { startFakeOpenAI } from '../helpers/fakeOpenAI.js';
import { fixture, fromRoot } from '../helpers/paths.js';

function study(baseUrl: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'counterfair-structured-'));
  writeFileSync(
    join(dir, 'study.yaml'),
    `seed: 5\ntemplates: [${fixture('study/templates')}]\ndemographics: ${fromRoot('demographics')}\naxes: { insurance: { levels: [private, medicaid] } }\nmodels:\n  - { id: local, provider: openai, model: m, base_url: "${baseUrl}", api_key_env: STRUCTURED_KEY, structured_output: true, max_retries: 0 }\n`,
  );
  return join(dir, 'study.yaml');
}

const ANSWERS: Record<string, string> = {
  choice: '{"reasoning":"High risk.","answer":"B"}',
  ordinal: '{"reasoning":"Severe pain.","answer":3}',
  numeric: '{"reasoning":"Standard dose.","answer":1000}',
};
const kind = (content: string) => (content.includes('ESI') ? 'choice' : content.includes('scale') ? 'ordinal' : 'numeric');

describe('structured output', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => close?.());

  it('asks for the answer as JSON constrained to the question, and scores it', async () => {
    const server = await startFakeOpenAI((body) => ANSWERS[kind(body.messages.at(-1)!.content)]!);
    close = server.close;
    const out = join(mkdtempSync(join(tmpdir(), 'counterfair-structured-run-')), 'run');
    const r = await runCli(['run', study(server.baseUrl), '--out', out], { STRUCTURED_KEY: 'k-123456', COUNTERFAIR_CACHE_DIR: 'off' });
    expect(r.code).toBe(0);
    const choice = server.seen.find((s) => kind(s.body.messages.at(-1)!.content) === 'choice')!;
    expect(choice.body.response_format?.type).toBe('json_schema');
    expect(choice.body.response_format?.json_schema?.schema.properties.answer.enum).toEqual(['A', 'B', 'C', 'D']);
    const scores = readFileSync(join(out, 'scores.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(scores.every((s) => s.outcome === 'correct')).toBe(true);
  });

  it('falls back to a plain request and text extraction when the endpoint refuses structured output', async () => {
    const server = await startFakeOpenAI((body) =>
      body.response_format
        ? { status: 400, message: "Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model." }
        : `Reasoning...\nAnswer: ${JSON.parse(ANSWERS[kind(body.messages.at(-1)!.content)]!).answer}`,
    );
    close = server.close;
    const out = join(mkdtempSync(join(tmpdir(), 'counterfair-structured-run-')), 'run');
    const r = await runCli(['run', study(server.baseUrl), '--out', out], { STRUCTURED_KEY: 'k-123456', COUNTERFAIR_CACHE_DIR: 'off' });
    expect(r.code).toBe(0);
    const refused = server.seen.filter((s) => s.body.response_format).length;
    expect(refused).toBeGreaterThanOrEqual(1);
    expect(refused).toBeLessThanOrEqual(4); // only the requests already in flight when the first refusal arrived
    const scores = readFileSync(join(out, 'scores.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(scores.map((s) => s.outcome)).toEqual(scores.map(() => 'correct'));
  });
});
