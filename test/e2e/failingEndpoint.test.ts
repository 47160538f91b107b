import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { spawnCli } from '../helpers/cliProcess.js';
import { completion, listenLocal, readBody, sendJson, type LocalServer } from '../helpers/httpServer.js';
import { writeTestStudy } from '../helpers/study.js';

const SECRET = 'sk-test-failing-0123456789abcdef-never-log-me';
const REPLICATES = 4;
/** 3 vignettes -> 9 variants of the test study, each asked REPLICATES times. */
const REQUESTS = 9 * REPLICATES;
const CONCURRENCY = 4;

/**
 * A server that answers every request with `status` and an OpenAI error body, counting what it was sent, until
 * `fix()` is called: from then on it answers (the key was fixed, the model deployed).
 */
async function refusingServer(
  status: number,
  error: Record<string, string>,
): Promise<LocalServer & { seen: () => number; fix: () => void }> {
  let seen = 0;
  let fixed = false;
  const server = await listenLocal(async (req, res) => {
    const body = JSON.parse((await readBody(req)).toString()) as { model: string; messages: { content: string }[] };
    seen++;
    // Readable answers for each question type of the test templates (choice, ordinal, numeric).
    if (fixed)
      sendJson(res, 200, completion(body.model, body.messages.at(-1)!.content.includes('ESI level') ? 'Answer: B' : 'Answer: 3', seen));
    else sendJson(res, status, { error });
  });
  return { ...server, seen: () => seen, fix: () => (fixed = true) };
}

/** A base URL where nothing listens: a port the system just handed out and took back. */
async function deadBaseUrl(): Promise<string> {
  const server = await listenLocal(() => {});
  await server.close();
  return server.baseUrl;
}

function everyFileUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile())
    .map((f) => join(f.parentPath, f.name));
}

async function runAgainst(baseUrl: string, otherModels: string[] = [], runDir?: string) {
  const dir = mkdtempSync(join(tmpdir(), 'counterfair-failing-'));
  const study = writeTestStudy(join(dir, 'study.yaml'), {
    name: 'failing endpoint',
    seed: 5,
    models: [
      `{ id: remote, provider: openai, model: test-model, base_url: "${baseUrl}", api_key_env: COUNTERFAIR_TEST_KEY, temperature: 0, concurrency: ${CONCURRENCY}, max_retries: 6 }`,
      ...otherModels,
    ],
  });
  const out = runDir ?? join(dir, 'run');
  const cache = join(dir, 'cache');
  const result = await runCli(['run', study, '--out', out, '--replicates', String(REPLICATES)], {
    COUNTERFAIR_TEST_KEY: SECRET,
    COUNTERFAIR_CACHE_DIR: cache,
  });
  return { ...result, out, cache };
}

function occurrences(text: string, part: string): number {
  return text.split(part).length - 1;
}

/** What every failed run must show: exit 4, the cause once on stderr, no key anywhere, a report that leads with the warning. */
function expectFailedLoudly(r: Awaited<ReturnType<typeof runAgainst>>, cause: string): { appendix: string; htmlSummary: string } {
  expect(r.stderr).not.toContain('internal error');
  expect(r.code).toBe(4);
  expect(occurrences(r.stderr, cause)).toBe(1);
  expect(r.stderr).toContain('DATA QUALITY CHECK FAILED for model remote');
  expect(r.stdout).toMatch(new RegExp(`model remote: DATA QUALITY CHECK FAILED \\([^\\n]*${REQUESTS} of ${REQUESTS} requests failed`));
  for (const text of [r.stdout, r.stderr, ...everyFileUnder(r.out).map((f) => readFileSync(f, 'utf8'))]) expect(text).not.toContain(SECRET);
  // Errors are never cached: the shared cache holds no line for this endpoint.
  if (existsSync(r.cache)) for (const file of everyFileUnder(r.cache)) expect(readFileSync(file, 'utf8').trim()).toBe('');

  const quality = JSON.parse(readFileSync(join(r.out, 'results.json'), 'utf8')).dataQuality;
  expect(quality.passed).toBe(false);
  expect(quality.models.find((m: { model: string }) => m.model === 'remote')).toMatchObject({
    model: 'remote',
    requests: REQUESTS,
    requestErrors: REQUESTS,
    errorRate: 1,
    answers: 0,
    passed: false,
  });
  const remote = quality.models.find((m: { model: string }) => m.model === 'remote');
  expect(remote.breakerCause).toContain(cause);
  expect(remote.notSent).toBeGreaterThan(0);

  // A contrast with no pair tested nothing, and its sentence says so instead of "not statistically significant".
  const findings = JSON.parse(readFileSync(join(r.out, 'findings.json'), 'utf8')).filter((f: { model: string }) => f.model === 'remote');
  expect(findings.length).toBeGreaterThan(0);
  for (const f of findings)
    expect(f.sentence).toMatch(
      /^No usable pair for model remote at .*: \d+ pairs lacked an answer on one side .*, so nothing was tested\.$/,
    );

  const appendix = readFileSync(join(r.out, 'appendix.md'), 'utf8');
  const summary = appendix.slice(appendix.indexOf('Summary of results'));
  // Markdown escapes brackets and backticks; the words are what matters.
  const firstParagraph = summary
    .split('\n')
    .find((line, i) => i > 0 && line.trim() !== '')!
    .replace(/\\(.)/g, '$1');
  expect(firstParagraph).toMatch(/^> \*\*Data quality check failed for model remote\.\*\* 36 of 36 requests to model remote failed: /);
  expect(firstParagraph).toContain(cause);
  const html = readFileSync(join(r.out, 'report.html'), 'utf8');
  const htmlSummary = html.slice(html.indexOf('id="summary"'), html.indexOf('id="data-quality"'));
  expect(htmlSummary.indexOf('Data quality check failed for model remote')).toBeGreaterThan(-1);
  return { appendix, htmlSummary };
}

/** The summary of a run whose only model failed draws no conclusion at all. */
function expectNoConclusion(appendix: string, htmlSummary: string): void {
  expect(htmlSummary).toContain('No conclusion about disparity can be drawn from this run.');
  expect(appendix).not.toContain('No significant disparity');
  expect(htmlSummary).not.toContain('No significant disparity');
}

describe('a run whose endpoint cannot answer fails loudly, fast, and never looks like a clean audit', () => {
  let unauthorized: Awaited<ReturnType<typeof refusingServer>>;
  let notFound: Awaited<ReturnType<typeof refusingServer>>;
  beforeAll(async () => {
    // OpenAI echoes (part of) the key it refused; this server echoes all of it, so scrubbing is tested too.
    unauthorized = await refusingServer(401, {
      message: `Incorrect API key provided: ${SECRET}.`,
      type: 'invalid_request_error',
      code: 'invalid_api_key',
    });
    notFound = await refusingServer(404, {
      message: 'The model `test-model` does not exist or you do not have access to it.',
      type: 'invalid_request_error',
      code: 'model_not_found',
    });
  });
  afterAll(async () => {
    await unauthorized.close();
    await notFound.close();
  });

  it('a dead endpoint (connection refused): the breaker stops it, exit 4, the cause printed once', async () => {
    const r = await runAgainst(await deadBaseUrl());
    const { appendix, htmlSummary } = expectFailedLoudly(r, 'ECONNREFUSED');
    expectNoConclusion(appendix, htmlSummary);
    expect(r.stderr).toMatch(/model remote: stopped sending after 5 consecutive attempts failed with connection-refused/);
  }, 60_000);

  it('a bad key (401 invalid_api_key): stopped after 5 identical failures, the key scrubbed from the cause', async () => {
    const r = await runAgainst(unauthorized.baseUrl);
    const { appendix, htmlSummary } = expectFailedLoudly(r, 'Incorrect API key provided: [redacted]');
    expectNoConclusion(appendix, htmlSummary);
    // Not retried, and nothing sent once the breaker opened: at most the streak plus what was already in flight.
    expect(unauthorized.seen()).toBeLessThanOrEqual(5 + CONCURRENCY);
    expect(r.stderr).toMatch(/failed with auth \(HTTP 401\)/);
  }, 60_000);

  it("an unknown model (404 model_not_found): stopped, exit 4, the server's message is the cause", async () => {
    const r = await runAgainst(notFound.baseUrl);
    const { appendix, htmlSummary } = expectFailedLoudly(r, 'The model `test-model` does not exist');
    expectNoConclusion(appendix, htmlSummary);
    expect(notFound.seen()).toBeLessThanOrEqual(5 + CONCURRENCY);
    expect(r.stderr).toMatch(/failed with not-found \(HTTP 404\)/);

    // `analyze` reads the same verdict back from the run directory and exits 4 as well.
    const again = await runCli(['analyze', r.out], {});
    expect(again.code).toBe(4);
    expect(again.stderr).toContain('DATA QUALITY CHECK FAILED for model remote');

    // Failures poison nothing: once the model exists, re-running into the same directory asks every request again.
    notFound.fix();
    const before = notFound.seen();
    const fixed = await runAgainst(notFound.baseUrl, [], r.out);
    expect(fixed.code).toBe(0);
    expect(notFound.seen() - before).toBe(REQUESTS);
    expect(JSON.parse(readFileSync(join(r.out, 'results.json'), 'utf8')).dataQuality.passed).toBe(true);
    expect(fixed.stderr).not.toContain('DATA QUALITY');
  }, 60_000);

  it('with a second model that answered: the failed one gets the warning, and only the other is concluded on', async () => {
    const r = await runAgainst(unauthorized.baseUrl, ['{ id: sim, provider: simulated, unparseable_rate: 0 }']);
    const { htmlSummary } = expectFailedLoudly(r, 'Incorrect API key provided: [redacted]');
    const quality = JSON.parse(readFileSync(join(r.out, 'results.json'), 'utf8')).dataQuality;
    expect(quality.models.map((m: { model: string; passed: boolean }) => [m.model, m.passed])).toEqual([
      ['remote', false],
      ['sim', true],
    ]);
    expect(htmlSummary).not.toContain('No conclusion about disparity can be drawn from this run.');
    // Whatever the simulated model shows, no sentence of the summary concludes on the failed model.
    expect(htmlSummary).not.toMatch(/model remote (answered|refused|gave|failed to respond)/);
    if (htmlSummary.includes('No significant disparity'))
      expect(htmlSummary).toContain('tested for the models whose data passed the data-quality check');
  }, 60_000);

  it('exits 4 as a real process too, so a CI step fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'counterfair-failing-process-'));
    const study = writeTestStudy(join(dir, 'study.yaml'), {
      name: 'dead endpoint',
      seed: 5,
      models: [
        `{ id: remote, provider: openai, model: test-model, base_url: "${await deadBaseUrl()}", api_key_env: COUNTERFAIR_TEST_KEY }`,
      ],
    });
    const { code, stderr } = await spawnCli(['run', study, '--out', join(dir, 'run')], {
      COUNTERFAIR_TEST_KEY: SECRET,
      COUNTERFAIR_CACHE_DIR: 'off',
    }).exited;
    expect(code).toBe(4);
    expect(occurrences(stderr, 'ECONNREFUSED')).toBe(1);
    expect(stderr).not.toContain(SECRET);
    expect(existsSync(join(dir, 'run', 'report.html'))).toBe(true);
  }, 60_000);
});
