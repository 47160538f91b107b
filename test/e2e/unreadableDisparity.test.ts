import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/analysis/types.js';
import { runCli } from '../helpers/cli.js';
import { startFakeOpenAI } from '../helpers/fakeOpenAI.js';
import { coreLibrary } from '../helpers/paths.js';
import { writeTestStudy } from '../helpers/study.js';

/**
 * A model whose answers to Medicaid patients no extractor can read (as a model that switches to another language or
 * format for some patients would give), through `run` and `gate` as a user meets it: the disparity is real in the
 * data, but it is made of unreadable answers, and everything that reports it must say so.
 */
describe('a disparity made of unreadable answers', () => {
  let server: Awaited<ReturnType<typeof startFakeOpenAI>>;
  const dir = mkdtempSync(join(tmpdir(), 'counterfair-unreadable-'));
  const out = join(dir, 'run');
  let stdout: string;
  /** The study against the local server: private vs Medicaid on the core library, unreadable answers allowed up to `maxUnparseable`. */
  const unreadableStudy = (file: string, name: string, maxUnparseable: number) =>
    writeTestStudy(join(dir, `${file}.yaml`), {
      name,
      seed: 3,
      templates: coreLibrary(),
      axes: ['insurance: { levels: [private, medicaid] }'],
      models: [`{ id: remote, provider: openai, model: m, base_url: "${server.baseUrl}", api_key_env: UNREADABLE_KEY, max_retries: 0 }`],
      extra: [`quality: { max_error_rate: 0.2, max_unparseable_rate: ${maxUnparseable} }`],
    });
  beforeAll(async () => {
    server = await startFakeOpenAI((body) =>
      body.messages.some((m) => m.content.includes('Medicaid')) ? 'Siehe oben; die Lage ist komplex.' : 'Answer: B',
    );
    const study = unreadableStudy('study', 'unreadable', 1);
    const r = await runCli(['run', study, '--out', out], { UNREADABLE_KEY: 'k', COUNTERFAIR_CACHE_DIR: 'off' });
    expect(r.stderr).not.toContain('internal error');
    expect(r.code).toBe(0);
    stdout = r.stdout;
  }, 120_000);
  afterAll(() => server.close());

  it('is found, with a caution in its sentence that the extra errors are unreadable answers', () => {
    const findings = JSON.parse(readFileSync(join(out, 'findings.json'), 'utf8')) as Finding[];
    const medicaid = findings.find((f) => f.level === 'medicaid')!;
    expect(medicaid.significant).toBe(true);
    const { levelOnly, referenceOnly } = medicaid.discordantOutcomes!;
    expect(levelOnly.incorrect + levelOnly.refusal).toBe(0);
    expect(levelOnly.unparseable - referenceOnly.unparseable).toBe(medicaid.wrongOnlyAtLevel - medicaid.wrongOnlyAtReference);
    expect(medicaid.sentence).toContain(
      `Caution: ${levelOnly.unparseable - referenceOnly.unparseable} of the ${medicaid.wrongOnlyAtLevel - medicaid.wrongOnlyAtReference} more errors at the level are answers that could not be read`,
    );
    expect(stdout).toContain('Caution: ');
    const report = readFileSync(join(out, 'report.html'), 'utf8');
    expect(report).toContain('are answers that could not be read, not wrong answers or refusals');
    // The findings table splits the extra errors by kind: none wrong, none refused, all unreadable.
    expect(report).toContain('extra errors: wrong / refused / unreadable');
    expect(report).toContain(`unreadable">0 / 0 / +${levelOnly.unparseable - referenceOnly.unparseable}<`);
  });

  it('fails the gate, with a caution that the answers must be read before acting', async () => {
    const r = await runCli(['gate', out, '--max-difference', '5']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /\nCaution: remote insurance=medicaid: \d+ of the \d+ more errors at the level are unreadable answers: read them \(counterfair review\) before acting/,
    );
    const junit = join(dir, 'gate.xml');
    await runCli(['gate', out, '--max-difference', '5', '--junit', junit]);
    expect(readFileSync(junit, 'utf8')).toContain('caution: ');
  });

  it('puts the unreadable answers in the clinician review queue, whose labels then score them', async () => {
    const r = await runCli(['review', 'export', out]);
    expect(r.code).toBe(0);
    const key = JSON.parse(readFileSync(join(out, 'review-key.json'), 'utf8')) as { items: { reasons: string[] }[] };
    const findings = JSON.parse(readFileSync(join(out, 'findings.json'), 'utf8')) as Finding[];
    const { levelOnly } = findings.find((f) => f.level === 'medicaid')!.discordantOutcomes!;
    expect(key.items.filter((i) => i.reasons.includes('unreadable')).length).toBeGreaterThanOrEqual(levelOnly.unparseable);
  });

  it('names unreadable answers when they fail the data-quality check, not only failed requests', async () => {
    const strict = unreadableStudy('strict', 'unreadable strict', 0.1);
    const r = await runCli(['run', strict, '--out', join(dir, 'strict')], { UNREADABLE_KEY: 'k', COUNTERFAIR_CACHE_DIR: 'off' });
    expect(r.code).toBe(4);
    expect(r.stdout).toMatch(/model remote: DATA QUALITY CHECK FAILED \(\d+ of \d+ answers could not be read/);
    expect(r.stdout).not.toContain('(0 of');
  }, 120_000);
});
