import { createProviderRegistry } from '../../../src/providers/registry.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readJsonl } from '../../../src/pipeline/runDir.js';
import { ResponseCache } from '../../../src/run/cache.js';
import { scoreResponse } from '../../../src/score/score.js';
import { JUDGEMENTS_FILE, type JudgementRecord } from '../../../src/pipeline/judgements.js';
import { maskedPrompt } from '../../../src/score/judge/blind.js';
import { pairItems, type JudgeInputs } from '../../../src/score/judge/plan.js';
import { judgedScores as judgedRun, runJudges as runJudge, type JudgedRunDir } from '../../../src/pipeline/judges.js';
import { RUN_FILES } from '../../../src/pipeline/runDir.js';
import type { JudgedRun, PairwiseRecord } from '../../../src/score/judge/stage.js';
import { studyPanel } from '../../../src/study/judges.js';
import type { ScoreRecord } from '../../../src/score/types.js';

const PAIRWISE_FILE = RUN_FILES.pairwise;
const judgedScores = (run: JudgedRunDir, scores: readonly ScoreRecord[]) => judgedRun(run, scores).scores;
import { JUDGE_PROMPT_VERSION, promptSection } from '../../../src/score/judge/prompt.js';
import { loadStudy } from '../../../src/study/load.js';
import { startFakeOpenAI } from '../../helpers/fakeOpenAI.js';
import { simulatedRun, writeFixtureStudy } from './simulatedRun.js';

const options = (env: Record<string, string> = {}) => ({ env, clock: () => 0, log: () => {} });
const endpointJudge = (baseUrl: string) => ({
  id: 'gpt-judge',
  provider: 'openai',
  model: 'judge-model',
  base_url: baseUrl,
  api_key_env: 'JUDGE_KEY',
  max_retries: 0,
  temperature: 0,
});

function automatedScores(run: JudgedRun) {
  const variants = new Map(run.variants.map((v) => [v.variantId, v]));
  const questions = new Map(run.vignettes.map((v) => [v.id, v.question]));
  return Array.from(run.responses, (r) => scoreResponse(r, variants.get(r.variantId)!, questions.get(r.vignetteId)!));
}

let server: Awaited<ReturnType<typeof startFakeOpenAI>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('rubric and pairwise judge against an OpenAI-compatible endpoint', () => {
  it('asks through the shared response cache and shows progress: a second run of the same judgements sends nothing', async () => {
    server = await startFakeOpenAI(() => 'Verdict: adequate. Confidence 80%');
    const cacheDir = mkdtempSync(join(tmpdir(), 'counterfair-judge-cache-'));
    // Each run opens the cache as runStudy does (a shard indexes what was there when it was opened).
    const judgeOnce = async () => {
      const cache = new ResponseCache(cacheDir);
      const dir = mkdtempSync(join(tmpdir(), 'counterfair-judge-'));
      const run = await simulatedRun(dir, { loaded: loadStudy(writeFixtureStudy(dir, { judge: endpointJudge(server!.baseUrl) })) });
      const lines: string[] = [];
      const updates: number[] = [];
      await runJudge(run, run.study, {
        ...options({ JUDGE_KEY: 'sk-test' }),
        log: (line: string) => lines.push(line),
        cache,
        progress: { onProgress: (p) => updates.push(p.done) },
      });
      await cache.close();
      return { lines, updates, verdicts: new Map(readJsonl<JudgementRecord>(join(dir, JUDGEMENTS_FILE)).map((r) => [r.key, r.text])) };
    };
    const first = await judgeOnce();
    const sent = server.seen.length;
    expect(sent).toBeGreaterThan(0);
    expect(first.lines.join('\n')).toMatch(new RegExp(`judge gpt-judge: ${sent} judgements, 0 already recorded, ${sent} sent, 0 failed`));
    expect(first.updates.at(-1)).toBe(sent);
    const second = await judgeOnce();
    expect(server.seen.length).toBe(sent);
    expect(second.lines.join('\n')).toMatch(
      new RegExp(`judge gpt-judge: ${sent} judgements, 0 already recorded, ${sent} from the response cache, 0 sent, 0 failed`),
    );
    expect(second.verdicts).toEqual(first.verdicts);
  });

  it('records scripted verdicts, reads malformed ones as unscored, retries failures and never re-asks a finished judgement', async () => {
    let failStroke = true;
    server = await startFakeOpenAI((body) => {
      const user = body.messages.find((m) => m.role === 'user')!.content;
      if (user.includes('<answer_a>'))
        return user.includes('39.4 C')
          ? 'Both seem fine, hard to say.'
          : 'Answer A and answer B differ: one escalates, one reassures. Confidence: 65%';
      const answer = promptSection(body.messages as never, 'answer') ?? '';
      if (user.includes('right arm went weak') && failStroke) return { status: 500 };
      if (answer.startsWith('Follow the guideline'))
        return '```json\n{"verdict": "adequate", "confidence": 0.9, "reason": "meets the rubric"}\n```';
      if (user.includes('39.4 C')) return 'I am not sure how to grade this one.';
      return 'Verdict: inadequate. Confidence 60%';
    });
    const dir = mkdtempSync(join(tmpdir(), 'counterfair-judge-'));
    const run = await simulatedRun(dir, { loaded: loadStudy(writeFixtureStudy(dir, { judge: endpointJudge(server.baseUrl) })) });

    await runJudge(run, run.study, options({ JUDGE_KEY: 'sk-test' }));
    const firstPass = server.seen.length;
    expect(firstPass).toBeGreaterThan(0);
    expect(
      server.seen.every((s) => s.authorization === 'Bearer sk-test' && s.body.model === 'judge-model' && s.body.temperature === 0),
    ).toBe(true);

    const scores = judgedScores(run, automatedScores(run));
    const free = scores.filter((s) => s.questionType === 'free');
    const chest = free.filter((s) => s.vignetteId === 'free-chest-pain');
    expect(chest.every((s) => s.outcome === (s.judge?.verdict === 'adequate' ? 'correct' : 'incorrect'))).toBe(true);
    expect(chest.some((s) => s.outcome === 'correct') && chest.some((s) => s.outcome === 'incorrect')).toBe(true);
    expect(chest.find((s) => s.outcome === 'incorrect')!.judge).toMatchObject({
      model: 'gpt-judge',
      promptVersion: JUDGE_PROMPT_VERSION,
      verdict: 'inadequate',
      confidence: 0.6,
      parse: 'text',
    });
    expect(chest.find((s) => s.outcome === 'correct')!.judge).toMatchObject({
      verdict: 'adequate',
      confidence: 0.9,
      parse: 'json',
      reason: 'meets the rubric',
    });
    const sepsisWrong = free.filter((s) => s.vignetteId === 'free-sepsis' && s.judge?.parse === 'none');
    expect(sepsisWrong.length).toBeGreaterThan(0);
    expect(sepsisWrong.every((s) => s.outcome === 'unscored' && s.explanation.includes('could not be read'))).toBe(true);
    const stroke = free.filter((s) => s.vignetteId === 'free-stroke');
    expect(stroke.every((s) => s.outcome === 'unscored' && s.judge === undefined)).toBe(true);
    expect(scores.filter((s) => s.questionType === 'choice').every((s) => s.judge === undefined && s.pairwise === undefined)).toBe(true);

    const pairs = readJsonl<PairwiseRecord>(join(dir, PAIRWISE_FILE));
    expect(pairs.length).toBe(3 * 4 * 2); // free vignettes x non-reference levels x replicates
    expect(new Set(pairs.map((p) => p.parse))).toEqual(new Set(['identical', 'text', 'none']));
    expect(
      pairs
        .filter((p) => p.parse === 'text')
        .every((p) => p.verdict === 'different' && p.confidence === 0.65 && p.vignetteId !== 'free-sepsis'),
    ).toBe(true);
    expect(
      pairs.filter((p) => p.parse === 'none').every((p) => p.verdict === null && p.confidence === null && p.vignetteId === 'free-sepsis'),
    ).toBe(true);
    expect(pairs.filter((p) => p.parse === 'identical').every((p) => p.verdict === 'same' && p.key === null)).toBe(true);

    failStroke = false;
    await runJudge(run, run.study, options({ JUDGE_KEY: 'sk-test' }));
    const retried = server.seen.length - firstPass;
    expect(retried).toBe(new Set(stroke.map((s) => [...run.responses].find((r) => r.key === s.key)!.text)).size); // one prompt per distinct answer: the case is masked
    expect(
      judgedScores(run, automatedScores(run))
        .filter((s) => s.vignetteId === 'free-stroke')
        .every((s) => s.outcome !== 'unscored'),
    ).toBe(true);

    const before = server.seen.length;
    await runJudge(run, run.study, options({ JUDGE_KEY: 'sk-test' }));
    expect(server.seen.length).toBe(before);
  });

  it('names the missing judge key as bad input before asking anything', async () => {
    server = await startFakeOpenAI(() => '{}');
    const dir = mkdtempSync(join(tmpdir(), 'counterfair-judge-'));
    const run = await simulatedRun(dir, { loaded: loadStudy(writeFixtureStudy(dir, { judge: endpointJudge(server.baseUrl) })) });
    await expect(runJudge(run, run.study, options())).rejects.toThrow(
      /judge\.model\.api_key_env: environment variable JUDGE_KEY is not set/,
    );
    expect(server.seen).toHaveLength(0);
  });
});

describe('pairwise blinding', () => {
  it('shows the judge neither cue text nor which answer is the reference, in a seeded order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'counterfair-judge-'));
    // A model that echoes every cue of its case in its answer.
    const echo = await simulatedRun(dir, {
      rewrite: (text, variant) =>
        `${text} Noted for this patient: ${variant.cueSpans.map(([a, b]) => variant.messages[1]!.content.slice(a, b)).join(' ')}`,
    });
    const scores = automatedScores(echo);
    const inputs: JudgeInputs = {
      seed: echo.study.seed,
      panel: studyPanel(echo.study)!,
      providers: createProviderRegistry(),
      axes: echo.study.axes,
      questions: new Map(echo.vignettes.map((v) => [v.id, v.question])),
      variants: new Map(echo.variants.map((v) => [v.variantId, v])),
      texts: new Map(Array.from(echo.responses, (r) => [r.key, r.text!])),
    };
    const items = pairItems(scores, inputs);
    expect(items.length).toBe(24);
    const asked = items.filter((i) => i.requests !== null);
    expect(asked.length).toBeGreaterThan(4);
    expect(
      items
        .filter((i) => i.requests === null)
        .every((i) => inputs.texts.get(i.reference.key)!.split(' Noted')[0] === inputs.texts.get(i.level.key)!.split(' Noted')[0]),
    ).toBe(true);
    for (const item of asked) {
      const prompt = item.requests![0]!.messages.map((m) => m.content).join('\n');
      for (const side of [item.reference, item.level]) {
        const variant = inputs.variants.get(side.variantId)!;
        const user = variant.messages[1]!.content;
        for (const [a, b] of variant.cueSpans) if (b - a >= 3) expect(prompt).not.toContain(user.slice(a, b));
      }
      for (const word of [
        'White',
        'Black',
        'Medicaid',
        'private',
        'employer',
        'English',
        'Spanish',
        'interpreter',
        'woman',
        'man',
        'he',
        'she',
        'his',
        'her',
      ])
        expect(prompt).not.toMatch(new RegExp(`\\b${word}\\b`));
      expect(prompt).not.toMatch(/reference|demographic/i);
      expect(promptSection(item.requests![0]!.messages, 'case')).toBe(maskedPrompt(inputs.variants.get(item.reference.variantId)!));
      const shownFirst = promptSection(item.requests![0]!.messages, 'answer_a')!;
      expect(
        shownFirst.startsWith(
          item.order === 'reference-first'
            ? inputs.texts.get(item.reference.key)!.slice(0, 10)
            : inputs.texts.get(item.level.key)!.slice(0, 10),
        ),
      ).toBe(true);
    }
    const orders = items.map((i) => i.order);
    expect(new Set(asked.map((i) => i.order))).toEqual(new Set(['reference-first', 'level-first']));
    expect(pairItems(scores, inputs).map((i) => i.order)).toEqual(orders);
    expect(pairItems(scores, { ...inputs, seed: inputs.seed + 1 }).map((i) => i.order)).not.toEqual(orders);
  });
});

describe('free-text refusals', () => {
  it('are their own outcome, with no rubric judge asked about them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'counterfair-judge-'));
    const refusal = "I'm sorry, but I can't provide medical advice. Please consult your doctor.";
    const run = await simulatedRun(dir, { rewrite: (text, variant) => (variant.attributes.insurance === 'medicaid' ? refusal : text) });
    await runJudge(run, run.study, options());
    const prompts = readJsonl<JudgementRecord>(join(dir, JUDGEMENTS_FILE)).map((r) => r.messages[1]!.content);
    expect(prompts.filter((p) => p.includes('<rubric>')).some((p) => p.includes(refusal))).toBe(false); // graded as a refusal, not by the judge
    expect(prompts.filter((p) => p.includes('<answer_a>')).some((p) => p.includes(refusal))).toBe(true); // still compared with its reference
    const scores = judgedScores(run, automatedScores(run));
    const medicaid = scores.filter((s) => s.questionType === 'free' && s.attributes.insurance === 'medicaid');
    expect(medicaid).toHaveLength(3 * 2);
    expect(medicaid.every((s) => s.outcome === 'refusal' && s.extractor === 'refusal' && s.judge === undefined)).toBe(true);
    const others = scores.filter((s) => s.questionType === 'free' && s.attributes.insurance !== 'medicaid');
    expect(others.every((s) => s.judge?.model === 'sim-judge')).toBe(true);
  });
});
