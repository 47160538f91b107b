import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { startFakeOpenAI } from '../helpers/fakeOpenAI.js';
import { writeTestStudy } from '../helpers/study.js';

const SECRET = 'sk-test-env-file-0123456789-never-print-me';

describe('--env-file, --verbose and -j on a local endpoint', () => {
  let server: Awaited<ReturnType<typeof startFakeOpenAI>>;
  const dir = mkdtempSync(join(tmpdir(), 'counterfair-env-'));
  let study: string;

  beforeAll(async () => {
    // One variant's request is always rejected: a bad request is not retried, so it fails once, visibly.
    server = await startFakeOpenAI((body) =>
      body.messages.some((m) => m.content.includes('Medicaid')) ? { status: 400, message: 'context length exceeded' } : 'Answer: B',
    );
    study = writeTestStudy(join(dir, 'study.yaml'), {
      name: 'env',
      seed: 2,
      models: [
        `{ id: gpt, provider: openai, model: test-model, base_url: "${server.baseUrl}", api_key_env: COUNTERFAIR_ENV_KEY, max_retries: 0 }`,
      ],
      extra: ['quality: { max_error_rate: 1, max_unparseable_rate: 1 }'],
    });
  });
  afterAll(() => server.close());

  it('reads the key from --env-file, prints each failed request with --verbose, and never prints the key', async () => {
    const envFile = join(dir, '.env');
    writeFileSync(envFile, `# keys for the local server\nexport COUNTERFAIR_ENV_KEY="${SECRET}"\nOTHER=1 # a comment\n`);
    const out = join(dir, 'run');
    const r = await runCli(['run', study, '--out', out, '--env-file', envFile, '--verbose', '-j', '2'], {});
    expect(r.stderr).not.toContain('internal error');
    expect(r.code).toBe(0);
    expect(server.seen.every((s) => s.authorization === `Bearer ${SECRET}`)).toBe(true);
    const failed = readFileSync(join(out, 'responses.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { variantId: string; error: unknown })
      .filter((x) => x.error !== null);
    expect(failed.length).toBeGreaterThan(0);
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('counterfair: request failed:'));
    expect(lines.sort()).toEqual(
      failed
        .map(
          (f) => `counterfair: request failed: gpt ${f.variantId} #0: bad-request after 1 attempt: HTTP 400: 400 context length exceeded`,
        )
        .sort(),
    );
    expect(r.stdout + r.stderr).not.toContain(SECRET);
  });

  it('without --verbose no request error is printed one by one', async () => {
    const r = await runCli(['run', study, '--out', join(dir, 'quiet'), '--env-file', join(dir, '.env')], {});
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('request failed:');
  });

  it('the environment wins over the file; a bad line is bad input naming file and line, not the value', async () => {
    const wrong = join(dir, 'wrong.env');
    writeFileSync(wrong, 'COUNTERFAIR_ENV_KEY=from-the-file\n');
    const before = server.seen.length;
    const r = await runCli(['validate', study, '--env-file', wrong], { COUNTERFAIR_ENV_KEY: SECRET });
    expect(r.code).toBe(0);
    expect(server.seen[before]?.authorization).toBe(`Bearer ${SECRET}`);

    const bad = join(dir, 'bad.env');
    writeFileSync(bad, `COUNTERFAIR_ENV_KEY=ok\n${SECRET}\n`);
    const broken = await runCli(['validate', study, '--env-file', bad], {});
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain(`${bad}:2: expected KEY=VALUE`);
    expect(broken.stderr).not.toContain(SECRET);
    const missing = await runCli(['validate', study, '--env-file', join(dir, 'none.env')], {});
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('none.env: cannot be read (ENOENT)');
  });
});
