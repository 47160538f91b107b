import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJsonl } from '../../../src/pipeline/runDir.js';
import type { ScoreRecord } from '../../../src/score/types.js';
import { JUDGE_PROMPT_VERSION } from '../../../src/score/judge/prompt.js';
import { runCli } from '../../helpers/cli.js';
import { fixtureStudy, writeFixtureStudy } from './simulatedRun.js';

const readScores = (dir: string) => readJsonl<ScoreRecord>(join(dir, 'scores.jsonl'));

describe('a study with free-text vignettes on the simulated model and the simulated judge', () => {
  it('judges every free-text answer, records the judge on each score, and never asks again on resume', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'counterfair-judge-e2e-')), 'run');
    const first = await runCli(['run', fixtureStudy, '--out', out]);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/judge sim-judge: (\d+) judgements, 0 already recorded, \1 sent, 0 failed/);
    // The judge's progress is labelled, so its counts are not read as the run's own requests.
    expect(first.stderr).toMatch(/^counterfair: judge: (\d+)\/\1 \(100%\)/m);
    for (const file of ['judge.json', 'judgements.jsonl', 'pairwise.jsonl']) expect(existsSync(join(out, file))).toBe(true);

    const scores = readScores(out);
    const free = scores.filter((s) => s.questionType === 'free');
    expect(free.length).toBe(3 * 5 * 2);
    for (const s of free) {
      expect(s.judge).toMatchObject({ model: 'sim-judge', promptVersion: JUDGE_PROMPT_VERSION });
      if (s.judge!.verdict === null) expect(s.outcome).toBe('unscored');
      else expect(s.outcome).toBe(s.judge!.verdict === 'adequate' ? 'correct' : 'incorrect');
    }
    expect(free.filter((s) => s.outcome === 'unscored').length).toBeLessThan(free.length / 2);
    const levels = free.filter((s) => s.kind === 'demographic');
    expect(levels.every((s) => s.pairwise?.length === 1 && s.pairwise[0]!.referenceVariantId === `${s.vignetteId}~ref`)).toBe(true);
    const findings = JSON.parse(readFileSync(join(out, 'findings.json'), 'utf8')) as { nPairs: number }[];
    expect(findings.length).toBeGreaterThan(0);

    const second = await runCli(['run', fixtureStudy, '--out', out]);
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/judge sim-judge: (\d+) judgements, \1 already recorded, 0 sent, 0 failed/);
    // Nothing left to ask: no progress line counting nothing ("0/0").
    expect(second.stderr).not.toMatch(/^counterfair: judge: /m);
    expect(second.stderr).not.toMatch(/ 0\/0 /);
    expect(readScores(out)).toEqual(scores);
  });

  it('leaves free text unscored, and forgets an earlier judge, when the study has no judge', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'counterfair-judge-e2e-'));
    const out = join(dir, 'run');
    expect((await runCli(['run', fixtureStudy, '--out', out])).code).toBe(0);
    expect((await runCli(['run', writeFixtureStudy(dir, { judge: null }), '--out', out])).code).toBe(0);
    expect(existsSync(join(out, 'judge.json'))).toBe(false);
    expect(
      readScores(out)
        .filter((s) => s.questionType === 'free')
        .every((s) => s.outcome === 'unscored' && s.judge === undefined),
    ).toBe(true);
  });
});
