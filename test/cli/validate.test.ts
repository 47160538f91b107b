import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { startFakeOpenAI } from '../helpers/fakeOpenAI.js';
import { writeTestStudy } from '../helpers/study.js';

const SECRET = 'sk-test-validate-0123456789-never-print-me';
const env = { COUNTERFAIR_TEST_KEY: SECRET };

/** A local OpenAI-compatible server that knows one model and one key. */
async function startServer() {
  return startFakeOpenAI((body) =>
    body.model === 'good-model' ? 'Answer: B' : { status: 404, message: `The model \`${body.model}\` does not exist` },
  );
}

/** A port nothing listens on: a server started and closed again. */
async function deadBaseUrl(): Promise<string> {
  const server = await startFakeOpenAI(() => 'unused');
  await server.close();
  return server.baseUrl;
}

describe('counterfair validate / run --dry-run: what a run would ask, and whether each endpoint answers', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let dead: string;
  const dir = mkdtempSync(join(tmpdir(), 'counterfair-validate-'));
  const model = (id: string, name: string, baseUrl: () => string, extra = '') =>
    `{ id: ${id}, provider: openai, model: ${name}, base_url: "${baseUrl()}", api_key_env: COUNTERFAIR_TEST_KEY, max_tokens: 100${extra} }`;

  beforeAll(async () => {
    server = await startServer();
    dead = await deadBaseUrl();
  });
  afterAll(() => server.close());

  it('passes a good endpoint: counts, tokens, cost from the study price, and one test request', async () => {
    const study = writeTestStudy(join(dir, 'good.yaml'), {
      name: 'good',
      seed: 1,
      models: [model('good', 'good-model', () => server.baseUrl, ', price: { input: 1, output: 2 }'), '{ id: sim, provider: simulated }'],
    });
    const before = server.seen.length;
    const r = await runCli(['validate', study], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(server.seen.length - before).toBe(1);
    const variants = Number(/-> (\d+) variants x 1 replicate\(s\) x 2 model\(s\)/.exec(r.stdout)?.[1]);
    expect(variants).toBeGreaterThan(3);
    expect(r.stdout).toContain(`= ${2 * variants} requests`);
    expect(r.stdout).toMatch(
      new RegExp(
        `good: ${variants} requests, about [\\d,]+ prompt \\+ ${(100 * variants).toLocaleString('en-US')} answer tokens, about \\$0\\.\\d+`,
      ),
    );
    expect(r.stdout).toContain(`sim: ${variants} requests to the simulated model (no tokens, no cost)`);
    expect(r.stdout).toMatch(/good: ok — http:\/\/127\.0\.0\.1:\d+\/v1 model good-model answered in \d+ ms \(served by good-model\)/);
    expect(r.stdout).toContain('Ready: every endpoint answered.');
    expect(r.stdout + r.stderr).not.toContain(SECRET);
    // Nothing was written: a validation is not a run.
    expect(existsSync(join(dir, 'reports'))).toBe(false);
  });

  it('fails a 404 model with the cause (exit 2), and the JSON says which', async () => {
    const study = writeTestStudy(join(dir, 'missing.yaml'), {
      name: 'missing',
      seed: 1,
      models: [model('good', 'good-model', () => server.baseUrl), model('typo', 'gpt-4o-mnii', () => server.baseUrl)],
    });
    const r = await runCli(['validate', study], env);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('good: ok');
    expect(r.stdout).toMatch(
      /typo: FAILED — http:\/\/127\.0\.0\.1:\d+\/v1 model gpt-4o-mnii \(HTTP 404\): the endpoint has no model "gpt-4o-mnii" or base_url is wrong \(404\)/,
    );
    expect(r.stdout).toContain('NOT READY');
    const json = await runCli(['validate', study, '--json'], env);
    expect(json.code).toBe(2);
    const report = JSON.parse(json.stdout) as {
      schema: string;
      ok: boolean;
      endpoints: { modelId: string; status: string; httpStatus?: number }[];
    };
    expect(report.schema).toBe('counterfair.validate/1');
    expect(report.ok).toBe(false);
    expect(report.endpoints.map((e) => [e.modelId, e.status, e.httpStatus])).toEqual([
      ['good', 'ok', undefined],
      ['typo', 'rejected', 404],
    ]);
    // The job log still says why.
    expect(json.stderr).toContain('typo: the endpoint has no model "gpt-4o-mnii"');
  });

  it('fails a dead endpoint with the cause, and says tokens only when the study has no price', async () => {
    const study = writeTestStudy(join(dir, 'dead.yaml'), { name: 'dead', seed: 1, models: [model('local', 'good-model', () => dead)] });
    const r = await runCli(['run', '--dry-run', study], env);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('counterfair run --dry-run: dead');
    expect(r.stdout).toContain(
      `local: FAILED — ${dead} model good-model: nothing listens at ${dead}: start the server, or fix base_url (or --base-url)`,
    );
    expect(r.stdout).toContain('cost unknown (no price: in the study)');
    expect(r.stdout).toContain('Estimated cost: unknown');
    expect(r.stdout).not.toContain('$');
  });

  it('fails a refused key (401) with the cause, never printing the key', async () => {
    const refusing = await startFakeOpenAI(() => ({ status: 401, message: 'Incorrect API key provided' }));
    try {
      const study = writeTestStudy(join(dir, 'refused.yaml'), {
        name: 'refused',
        seed: 1,
        models: [model('good', 'good-model', () => refusing.baseUrl)],
      });
      const r = await runCli(['validate', study], env);
      expect(r.code).toBe(2);
      expect(r.stdout).toContain('(HTTP 401): the endpoint refused the key in COUNTERFAIR_TEST_KEY');
      expect(refusing.seen[0]?.authorization).toBe(`Bearer ${SECRET}`);
      expect(r.stdout + r.stderr).not.toContain(SECRET);
    } finally {
      await refusing.close();
    }
  });

  it('names a missing key without sending anything', async () => {
    const study = writeTestStudy(join(dir, 'nokey.yaml'), {
      name: 'nokey',
      seed: 1,
      models: [model('good', 'good-model', () => server.baseUrl)],
    });
    const before = server.seen.length;
    const r = await runCli(['validate', study], {});
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('good: FAILED');
    expect(r.stdout).toContain('environment variable COUNTERFAIR_TEST_KEY is not set');
    expect(server.seen.length).toBe(before);
  });

  it('checks the endpoint given on the command line, and --no-check sends nothing', async () => {
    const study = writeTestStudy(join(dir, 'sim.yaml'), { name: 'sim', seed: 1, models: ['{ id: sim, provider: simulated }'] });
    const pointed = await runCli(
      ['validate', study, '--base-url', server.baseUrl, '--model', 'good-model', '--api-key-env', 'COUNTERFAIR_TEST_KEY'],
      env,
    );
    expect(pointed.code).toBe(0);
    expect(pointed.stdout).toMatch(/good-model: ok — http:\/\/127\.0\.0\.1:\d+\/v1 model good-model/);
    const before = server.seen.length;
    const offline = await runCli(
      ['validate', study, '--base-url', server.baseUrl, '--model', 'other', '--api-key-env', 'COUNTERFAIR_TEST_KEY', '--no-check'],
      env,
    );
    expect(offline.code).toBe(0);
    expect(offline.stdout).toContain('No endpoint was checked (--no-check).');
    expect(server.seen.length).toBe(before);
  });
});
