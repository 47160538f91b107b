import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { expect } from 'vitest';
import type { Variant } from '../../src/expand/types.js';
import { readJsonl } from '../../src/pipeline/runDir.js';
import type { ScoreRecord } from '../../src/score/types.js';
import { runCli } from '../helpers/cli.js';
import { writeFixtureStudy } from '../score/judge/simulatedRun.js';

/** The simulated model of the review tests: errs often enough, and unevenly enough across variants, to flip. */
export const SIMULATED_MODEL = { id: 'sim', provider: 'simulated', accuracy: 0.6, instability: 0.3, unparseable_rate: 0 };

/** Runs the free-text fixture study (three free-text vignettes and one choice) with the given models and judge through the CLI. */
export async function runStudyCli(models: object[], judge: object, env: Record<string, string> = {}): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'counterfair-review-'));
  const out = join(dir, 'run');
  const r = await runCli(['run', writeFixtureStudy(dir, { models, judge }), '--out', out], env);
  expect(r.stderr).not.toContain('internal error');
  expect(r.code).toBe(0);
  return out;
}

export const readScores = (runDir: string) => readJsonl<ScoreRecord>(join(runDir, 'scores.jsonl'));
export const readVariants = (runDir: string) => readJsonl<Variant>(join(runDir, 'variants.jsonl'));
export const readCsv = (file: string) =>
  parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
