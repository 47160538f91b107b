import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_QUALITY, loadStudy } from '../../src/study/load.js';
import { runCli } from '../helpers/cli.js';
import { fixture, fromRoot } from '../helpers/paths.js';

/** The test study with `model` as its only model (a YAML flow mapping) and `tail` appended. */
function study(model: string, tail = ''): string {
  const dir = mkdtempSync(join(tmpdir(), 'counterfair-quality-study-'));
  const file = join(dir, 'study.yaml');
  writeFileSync(
    file,
    `seed: 1\ntemplates: [${fixture('study/templates')}]\ndemographics: ${fromRoot('demographics')}\naxes:\n  race: {}\n  insurance: {}\nmodels:\n  - ${model}\n${tail}`,
  );
  return file;
}

describe("the study's quality: section and a model's breaker_after", () => {
  it('default to 20 % failed requests, 20 % unreadable answers, and the runner default breaker', () => {
    const { study: s } = loadStudy(study('{ id: sim, provider: simulated }'));
    expect(s.quality).toEqual(DEFAULT_QUALITY);
    expect(DEFAULT_QUALITY).toEqual({ maxErrorRate: 0.2, maxUnparseableRate: 0.2 });
    expect(s.models[0]!.breakerAfter).toBeUndefined();
  });

  it('are read into the study', () => {
    const { study: s } = loadStudy(
      study(
        '{ id: remote, provider: openai, model: m, breaker_after: 3 }',
        'quality:\n  max_error_rate: 0.05\n  max_unparseable_rate: 0.5\n',
      ),
    );
    expect(s.quality).toEqual({ maxErrorRate: 0.05, maxUnparseableRate: 0.5 });
    expect(s.models[0]!.breakerAfter).toBe(3);
  });

  it('report every mistake with file, line and field', async () => {
    const file = study(
      '{ id: remote, provider: openai, model: m, breaker_after: 0 }',
      'quality:\n  max_error_rate: 20\n  max_unparsable_rate: 0.1\n',
    );
    const r = await runCli(['expand', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:8: models[0].breaker_after: must be at least 1, got 0`);
    expect(r.stderr).toContain(`${file}:10: quality.max_error_rate: must be at most 1, got 20`);
    expect(r.stderr).toContain(
      `${file}:11: quality.max_unparsable_rate: unknown field; expected one of max_error_rate, max_unparseable_rate`,
    );
  });
});
