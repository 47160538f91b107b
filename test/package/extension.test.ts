import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeRunDirectory, createRegistry, InputError, loadStudy, runStudy, type ScoreRecord } from '../../src/index.js';
import { lookupProvider } from '../fixtures/extending/lookupProvider.js';
import { trueFalseQuestion } from '../fixtures/extending/trueFalse.js';
import { TRUTH, VIGNETTES, writeStudy } from '../fixtures/extending/study.js';
import { fromRoot } from '../helpers/paths.js';

const readScores = (runDir: string) =>
  readFileSync(join(runDir, 'scores.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as ScoreRecord);

describe('a custom provider and a custom question type, through the public API', () => {
  it('loads, runs, scores and analyses a study that uses both', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'counterfair-extension-'));
    const registry = createRegistry({ providers: [lookupProvider], questionTypes: [trueFalseQuestion] });
    const loaded = loadStudy(writeStudy(dir), { registry });
    expect(loaded.vignettes.map((v) => v.question)).toContainEqual({ type: 'true-false', stem: expect.any(String), answer: false });
    expect(loaded.study.models.map((m) => m.kind)).toEqual(['lookup', 'simulated']);

    const result = await runStudy(loaded, { env: {}, outDir: join(dir, 'run'), registry });
    expect(result.complete).toBe(true);
    // The type's instruction follows the stem in what the model is asked.
    const variant = JSON.parse(readFileSync(join(result.runDir, 'variants.jsonl'), 'utf8').split('\n')[0]!) as {
      messages: { content: string }[];
    };
    expect(variant.messages[1]!.content).toContain('Is this statement true or false? Answer true or false.');

    const scores = readScores(result.runDir);
    const table = scores.filter((s) => s.modelId === 'table');
    expect(table).toHaveLength(8);
    for (const s of table) {
      const planted = s.attributes.race === 'black' && VIGNETTES.slice(0, 3).includes(s.vignetteId);
      expect([s.vignetteId, s.attributes.race, s.questionType, s.extracted, s.outcome]).toEqual([
        s.vignetteId,
        s.attributes.race,
        'true-false',
        String(planted ? !TRUTH[s.vignetteId] : TRUTH[s.vignetteId]),
        planted ? 'incorrect' : 'correct',
      ]);
    }
    // The simulated model answers the new type through its `simulate`: always right at accuracy 1.
    expect(scores.filter((s) => s.modelId === 'sim').map((s) => s.outcome)).toEqual(Array(8).fill('correct'));

    // The analysis sees the planted disparity: 3 of 4 vignettes wrong for Black patients, none for White ones.
    const finding = result.findings.find((f) => f.model === 'table' && f.axis === 'race' && f.level === 'black' && f.endpoint === 'error');
    expect(finding).toMatchObject({ reference: 'white' });
    expect(finding && 'difference' in finding ? finding.difference : undefined).toBeCloseTo(0.75, 12);
    expect(result.findings.find((f) => f.model === 'sim' && f.axis === 'race' && f.endpoint === 'error')).toMatchObject({
      significant: false,
    });

    // The report describes the new type's correct answers through its definition.
    const report = readFileSync(join(result.runDir, 'report.html'), 'utf8');
    expect(report).toMatch(/tf-(aspirin|sepsis) \(emergency, true-false\); correct answer: true;/);
    expect(report).not.toContain('is not registered');

    // Re-analysis needs the same registry: with it the scores are identical, without it the run is refused by name.
    await analyzeRunDirectory(result.runDir, { registry });
    expect(readScores(result.runDir)).toEqual(scores);
    await expect(analyzeRunDirectory(result.runDir)).rejects.toThrow(
      /question type "true-false" is not registered \(choice, yesno, ordinal, numeric, free, differential, recommendation, care-level\)/,
    );
  }, 60_000);

  it('without the registry, the study is refused naming file, line, field and the valid ids', () => {
    const file = writeStudy(mkdtempSync(join(tmpdir(), 'counterfair-extension-')));
    const problemsOf = (run: () => unknown) => {
      try {
        run();
      } catch (err) {
        expect(err).toBeInstanceOf(InputError);
        return (err as Error).message;
      }
      throw new Error('loaded');
    };
    expect(problemsOf(() => loadStudy(file))).toMatch(
      /study\.yaml:8: models\[0\]\.provider: must be one of simulated, openai; got "lookup"/,
    );
    const withoutQuestionType = createRegistry({ providers: [lookupProvider] });
    expect(problemsOf(() => loadStudy(file, { registry: withoutQuestionType }))).toMatch(
      /true-false\.yaml:\d+: vignettes\[0\]\.question\.type: must be one of choice, yesno, ordinal, numeric, free, differential, recommendation, care-level; got "true-false"/,
    );
  });

  it('checks what a definition reads: its own problems carry file, line and field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'counterfair-extension-'));
    const file = writeStudy(dir);
    const registry = createRegistry({ providers: [lookupProvider], questionTypes: [trueFalseQuestion] });
    const study = readFileSync(file, 'utf8');
    writeFileSync(file, study.replace('provider: simulated, accuracy: 1', 'provider: simulated, answers: {}, accuracy: 1'));
    expect(() => loadStudy(file, { registry })).toThrow(
      /study\.yaml:9: models\[1\]\.answers: applies to provider: lookup only, not simulated/,
    );
    writeFileSync(file, study.replace('level_answers: { black:', 'level_answers: { black: 3, white:'));
    expect(() => loadStudy(file, { registry })).toThrow(
      /study\.yaml:8: models\[0\]\.level_answers\.black: expected a mapping of vignette id -> answer text/,
    );
    writeFileSync(file, study);
    writeFileSync(
      join(dir, 'true-false.yaml'),
      readFileSync(join(dir, 'true-false.yaml'), 'utf8').replace('answer: true }', 'answer: "yes" }'),
    );
    expect(() => loadStudy(file, { registry })).toThrow(/true-false\.yaml:\d+: vignettes\[0\]\.question\.answer: expected true or false/);
  });

  it('docs/extending.md shows both definitions exactly as this test runs them', () => {
    const doc = readFileSync(fromRoot('docs/extending.md'), 'utf8');
    const blocks = [...doc.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
    for (const fixture of ['lookupProvider.ts', 'trueFalse.ts']) {
      const code = readFileSync(fromRoot(`test/fixtures/extending/${fixture}`), 'utf8').replace("'../../../src/index.js'", "'counterfair'");
      expect(blocks).toContain(code);
    }
  });

  it('refuses a provider whose created identity is not its identity(): request keys would not be what the cache expects', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'counterfair-extension-'));
    const drifting: typeof lookupProvider = {
      ...lookupProvider,
      create: (spec, ctx) => ({ ...lookupProvider.create(spec, ctx), identity: 'lookup:something-else' }),
    };
    const registry = createRegistry({ providers: [drifting], questionTypes: [trueFalseQuestion] });
    await expect(runStudy(loadStudy(writeStudy(dir), { registry }), { env: {}, outDir: join(dir, 'run'), registry })).rejects.toThrow(
      /provider "lookup" \(model table\): create\(\) gave identity "lookup:something-else" but identity\(\) gives "lookup:/,
    );
  });

  it('refuses a definition whose id is taken, naming it', () => {
    expect(() => createRegistry({ providers: [{ ...lookupProvider, kind: 'openai' }] })).toThrow(
      /two provider definitions have the id "openai"/,
    );
    expect(() => createRegistry({ questionTypes: [trueFalseQuestion, trueFalseQuestion] })).toThrow(
      /two question type definitions have the id "true-false"/,
    );
  });
});
