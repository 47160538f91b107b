import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { judgedScores, runJudges } from '../../../src/pipeline/judges.js';
import { readJudgements } from '../../../src/pipeline/judgements.js';
import { readJsonl, readJudgePanel, runFile } from '../../../src/pipeline/runDir.js';
import { panelVerdict } from '../../../src/score/judge/panelRule.js';
import type { PanelVerdictRecord } from '../../../src/score/judge/apply.js';
import { scoreResponse } from '../../../src/score/score.js';
import { loadStudy } from '../../../src/study/load.js';
import { judgePanelResults } from '../../../src/pipeline/judgePanel.js';
import { appendAdjudications, type AdjudicationRecord } from '../../../src/review/adjudications.js';
import { writeReviewKey } from '../../../src/review/key.js';
import { runCli } from '../../helpers/cli.js';
import { startFakeOpenAI } from '../../helpers/fakeOpenAI.js';
import { simulatedRun, writeFixtureStudy } from './simulatedRun.js';

const freshDir = () => mkdtempSync(join(tmpdir(), 'counterfair-panel-'));
const simJudge = (id: string, accuracy: number, extra: object = {}) => ({
  id,
  model: { id: `model-${id}`, provider: 'simulated', accuracy, unparseable_rate: 0.05 },
  ...extra,
});
const THREE = [simJudge('a', 0.9), simJudge('b', 0.8), simJudge('c', 0.7)];

describe('panelVerdict', () => {
  it('majority: a strict majority of readable verdicts, else undecided; unanimous-correct: any negative wins, a gap is undecided', () => {
    expect(panelVerdict(['same', 'same', 'different'], 'majority', 'same')).toBe('same');
    expect(panelVerdict(['same', 'different', null], 'majority', 'same')).toBeNull();
    expect(panelVerdict(['different', null, null], 'majority', 'same')).toBe('different');
    expect(panelVerdict(['same', 'same', 'different'], 'unanimous-correct', 'same')).toBe('different');
    expect(panelVerdict(['same', 'same', null], 'unanimous-correct', 'same')).toBeNull();
    expect(panelVerdict(['same', 'same'], 'unanimous-correct', 'same')).toBe('same');
  });
});

describe('the judges: section of a study', () => {
  it('reads a panel with its ids, settings and rule (majority by default)', () => {
    const { study } = loadStudy(writeFixtureStudy(freshDir(), { judges: THREE }));
    expect(study.judge).toBeUndefined();
    expect(study.panel!.rule).toBe('majority');
    expect(study.panel!.judges.map((j) => [j.id, j.spec.model.id, j.spec.pairwise])).toEqual([
      ['a', 'model-a', true],
      ['b', 'model-b', true],
      ['c', 'model-c', true],
    ]);
    const even = loadStudy(writeFixtureStudy(freshDir(), { judges: THREE.slice(0, 2), panel: 'unanimous-correct' }));
    expect(even.study.panel!.rule).toBe('unanimous-correct');
  });

  it('refuses, all at once with file, line and field: duplicate ids, twin judges, an even majority panel, unknown keys, a bad rule', () => {
    const problems = (changes: Parameters<typeof writeFixtureStudy>[1]) => {
      try {
        loadStudy(writeFixtureStudy(freshDir(), changes));
      } catch (err) {
        return (err as Error).message;
      }
      return '';
    };
    const duplicate = problems({ judges: [simJudge('a', 0.9), simJudge('a', 0.8), simJudge('c', 0.7, { temperature: 1 })] });
    expect(duplicate).toMatch(/study\.yaml:\d+: judges\[1\]\.id: "a" is also the id of judges\[0\]/);
    expect(duplicate).toMatch(/judges\[2\]\.temperature: unknown field/);
    expect(problems({ judges: [simJudge('a', 0.9), simJudge('b', 0.9), simJudge('c', 0.7)] })).toMatch(
      /judges\[1\]\.model: is asked exactly what judge "a" is asked/,
    );
    expect(problems({ judges: THREE.slice(0, 2) })).toMatch(
      /study\.yaml:\d+: judges: a panel of 2 judges under `panel: majority` ties whenever its judges split evenly, and a tie is undecided/,
    );
    expect(problems({ judges: THREE, panel: 'loudest' })).toMatch(/panel: must be one of majority, unanimous-correct; got "loudest"/);
    expect(problems({ judges: [simJudge('a', 0.9)] })).toMatch(/judges: lists 1 judge\(s\); a panel needs at least 2/);
    expect(problems({ judges: [simJudge('a', 0.9, { pairwise: false }), simJudge('b', 0.8), simJudge('c', 0.7)] })).toMatch(
      /judges: the judges disagree on `pairwise`/,
    );
    const both = writeFixtureStudy(freshDir(), { judges: THREE });
    writeFileSync(both, `${readFileSync(both, 'utf8')}judge:\n  model: { id: j, provider: simulated }\n`);
    expect(() => loadStudy(both)).toThrow(/judges: a study has `judge:` \(one judge\) or `judges:` \(a panel\), not both/);
    const single = writeFixtureStudy(freshDir());
    writeFileSync(single, `${readFileSync(single, 'utf8')}panel: majority\n`);
    expect(() => loadStudy(single)).toThrow(/panel: applies to a `judges:` list/);
  });
});

describe('a bad panel on the command line', () => {
  it('exits 2 naming the file, line and field, with no stack trace', async () => {
    const file = writeFixtureStudy(freshDir(), { judges: [simJudge('a', 0.9), simJudge('a', 0.8)] });
    const r = await runCli(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/study\.yaml:\d+: judges\[1\]\.id: "a" is also the id of judges\[0\]/);
    expect(r.stderr).toMatch(/study\.yaml:\d+: judges: a panel of 2 judges under `panel: majority` ties/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('a panel of simulated judges in a run', () => {
  it('asks every judge, records per-judge verdicts and scores by the panel; a second run asks nothing', async () => {
    const dir = freshDir();
    const run = await simulatedRun(dir, { loaded: loadStudy(writeFixtureStudy(dir, { judges: THREE })) });
    const lines: string[] = [];
    const options = { env: {}, clock: () => 0, log: (line: string) => lines.push(line) };
    await runJudges(run, run.study, options);
    expect(lines.filter((l) => /judge [abc]: \d+ judgements, 0 already recorded, 0 sent/.test(l))).toHaveLength(0);
    expect(lines.map((l) => /judge ([abc]):/.exec(l)?.[1])).toEqual(['a', 'b', 'c']);
    expect(readJudgePanel(dir)!.judges.map((j) => j.id)).toEqual(['a', 'b', 'c']);
    const answered = readJudgements(dir).size;

    const variants = new Map(run.variants.map((v) => [v.variantId, v]));
    const questions = new Map(run.vignettes.map((v) => [v.id, v.question]));
    const automated = Array.from(run.responses, (r) => scoreResponse(r, variants.get(r.variantId)!, questions.get(r.vignetteId)!));
    const judged = judgedScores(run, automated);
    const recorded = readJsonl<PanelVerdictRecord>(runFile(dir, 'judgeVerdicts'));
    expect(recorded).toEqual(judged.verdicts);
    expect(recorded.length).toBeGreaterThan(10);
    for (const record of recorded) {
      const score = judged.scores.find((s) => s.key === record.key)!;
      expect(Object.keys(record.verdicts)).toEqual(['a', 'b', 'c']);
      expect(record.panel).toBe(panelVerdict(Object.values(record.verdicts), 'majority', 'adequate'));
      expect(score.outcome).toBe(record.panel === null ? 'unscored' : record.panel === 'adequate' ? 'correct' : 'incorrect');
      expect(score.judge).toMatchObject({ model: 'panel of a, b, c (majority)', parse: 'panel', key: null });
    }
    // The three judges disagree somewhere (accuracies 0.9, 0.8, 0.7), and some split goes to review as uncertain.
    expect(recorded.some((r) => new Set(Object.values(r.verdicts)).size > 1)).toBe(true);
    expect(judged.scores.some((s) => s.judge?.confidence === 0.67)).toBe(true);

    lines.length = 0;
    await runJudges(run, run.study, options);
    expect(lines.every((l) => / 0 sent, 0 failed/.test(l))).toBe(true);
    expect(readJudgements(dir).size).toBe(answered);
  });

  it('an interrupted panel run, resumed, sends only what was not answered: every judgement is paid for once', async () => {
    const server = await startFakeOpenAI(() => '{"verdict": "adequate", "confidence": 0.9, "reason": "ok"}');
    try {
      const endpoint = (id: string) => ({
        id,
        model: {
          id: `m-${id}`,
          provider: 'openai',
          model: `model-${id}`,
          base_url: server.baseUrl,
          api_key_env: 'K',
          max_retries: 0,
          concurrency: 1,
        },
      });
      const judges = [endpoint('a'), endpoint('b'), endpoint('c')];
      const full = freshDir();
      const fullRun = await simulatedRun(full, { loaded: loadStudy(writeFixtureStudy(full, { judges })) });
      await runJudges(fullRun, fullRun.study, { env: { K: 'k' }, clock: () => 0, log: () => {} });
      const total = server.seen.length;
      const identity = (r: (typeof server.seen)[number]) => `${r.body.model}\n${JSON.stringify(r.body.messages)}`;
      expect(readJudgements(full).size).toBe(total);
      expect(new Set(server.seen.map(identity)).size).toBe(total); // each judgement is its own request
      // The judges are asked at once, each on its own endpoint: their requests interleave from the start (one judge
      // after the other, the first 6 would all be judge a's).
      expect(total / 3).toBeGreaterThan(6);
      expect(new Set(server.seen.slice(0, 6).map((r) => r.body.model))).toEqual(new Set(['model-a', 'model-b', 'model-c']));

      const dir = freshDir();
      const run = await simulatedRun(dir, { loaded: loadStudy(writeFixtureStudy(dir, { judges })) });
      const controller = new AbortController();
      const start = server.seen.length;
      const stopAfter = Math.floor(total / 2);
      const watcher = setInterval(() => {
        if (server.seen.length - start >= stopAfter) controller.abort();
      }, 1);
      await runJudges(run, run.study, { env: { K: 'k' }, clock: () => 0, log: () => {}, signal: controller.signal });
      clearInterval(watcher);
      const answered = readJudgements(dir).size;
      expect(answered).toBeGreaterThan(0);
      expect(answered).toBeLessThan(total);
      const resumed = server.seen.length;
      await runJudges(run, run.study, { env: { K: 'k' }, clock: () => 0, log: () => {} });
      // A request aborted in flight may reach the server after the interrupted run returned, so it is counted here:
      // such a late arrival is a judgement that was not recorded, asked again by the resumed run (a duplicate). What
      // must hold is that the resumed run asks each unrecorded judgement once and no recorded one.
      const asked = server.seen.slice(resumed).map(identity);
      const distinct = new Set(asked);
      expect(distinct.size).toBe(total - answered);
      expect(asked.length - distinct.size).toBeLessThanOrEqual(judges.length); // concurrency 1 per judge in flight
      expect(readJudgements(dir)).toEqual(readJudgements(full));
    } finally {
      await server.close();
    }
  });

  it("corrects the rate only with labels of a random sample: the queue's labels and unknown items are set aside", async () => {
    const dir = freshDir();
    const run = await simulatedRun(dir, { loaded: loadStudy(writeFixtureStudy(dir, { judges: THREE })) });
    await runJudges(run, run.study, { env: {}, clock: () => 0, log: () => {} });
    const variants = new Map(run.variants.map((v) => [v.variantId, v]));
    const questions = new Map(run.vignettes.map((v) => [v.id, v.question]));
    const judged = judgedScores(
      run,
      Array.from(run.responses, (r) => scoreResponse(r, variants.get(r.variantId)!, questions.get(r.vignetteId)!)),
    );
    const decided = judged.verdicts.filter((v) => v.panel !== null).slice(0, 6);
    const label = (v: PanelVerdictRecord, i: number): AdjudicationRecord => ({
      target: 'response',
      responseKey: v.key,
      label: i % 2 ? 'correct' : 'incorrect',
      by: 'dr-a',
      itemId: `item-${i}`,
      source: 'test',
      importedAt: '2026-12-05T00:00:00Z',
    });
    appendAdjudications(dir, decided.map(label));
    const analysis = run.study.analysis;
    // No review key names these items, so nothing shows they were drawn at random.
    expect(judgePanelResults(dir, analysis, run.seed)).toMatchObject({ nAdjudicated: 0, nAdjudicatedFromQueue: 6, corrected: null });
    writeReviewKey(dir, {
      format: 'counterfair-review-key',
      createdAt: '2026-12-05T00:00:00Z',
      items: decided.map((v, i) => ({
        id: `item-${i}`,
        type: 'single',
        model: v.modelId,
        vignetteId: v.vignetteId,
        replicate: v.replicate,
        reasons: i < 2 ? ['judge-uncertain'] : ['random-sample'],
        a: { variantId: v.variantId, responseKey: v.key, role: 'answer' },
        b: null,
      })),
    });
    const summary = judgePanelResults(dir, analysis, run.seed)!;
    expect(summary).toMatchObject({ nAdjudicated: 4, nAdjudicatedFromQueue: 2 });
    expect(summary.corrected!.nLabelled).toBe(4);
  });

  it('a panel replaced by one judge leaves no stale per-judge verdicts', async () => {
    const dir = freshDir();
    const panelRun = await simulatedRun(dir, { loaded: loadStudy(writeFixtureStudy(dir, { judges: THREE })) });
    await runJudges(panelRun, panelRun.study, { env: {}, clock: () => 0, log: () => {} });
    judgedScores(panelRun, []);
    expect(existsSync(runFile(dir, 'judgeVerdicts'))).toBe(true);
    const single = await simulatedRun(dir, { loaded: loadStudy(writeFixtureStudy(dir)) });
    await runJudges(single, single.study, { env: {}, clock: () => 0, log: () => {} });
    judgedScores(single, []);
    expect(existsSync(runFile(dir, 'judgeVerdicts'))).toBe(false);
    expect(JSON.parse(readFileSync(runFile(dir, 'judgeSpec'), 'utf8'))).toMatchObject({ model: { id: 'sim-judge' }, promptVersion: 1 });
  });
});
