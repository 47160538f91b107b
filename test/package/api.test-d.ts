import { describe, expectTypeOf, it } from 'vitest';
import {
  analyzeRunDirectory,
  answerReader,
  type AnswerReader,
  type Extraction,
  extractAnswer,
  readWith,
  cacheDirFromEnv,
  cacheStats,
  pruneCache,
  compareRunDirectories,
  gateRun,
  type InputError,
  loadStudy,
  runStudy,
  writeReport,
  type AnalysisResults,
  type CacheRemoval,
  type CacheStats,
  type ComparisonResults,
  type Finding,
  type GateResult,
  type LoadedStudy,
  type Problem,
  type RunOptions,
  type RunResult,
} from '../../src/index.js';

/** The public door (src/index.ts) as a library user types against it: a change here is a breaking change. */
describe('the public API', () => {
  it('loads, runs, analyses, reports and gates with the documented types', () => {
    expectTypeOf(loadStudy).parameter(0).toEqualTypeOf<string>();
    expectTypeOf(loadStudy).returns.toEqualTypeOf<LoadedStudy>();
    expectTypeOf(runStudy).parameter(1).toEqualTypeOf<RunOptions>();
    expectTypeOf(runStudy).returns.resolves.toEqualTypeOf<RunResult>();
    expectTypeOf<RunResult['findings']>().toEqualTypeOf<Finding[]>();
    expectTypeOf<RunResult['complete']>().toEqualTypeOf<boolean>();
    expectTypeOf(analyzeRunDirectory).returns.resolves.toEqualTypeOf<AnalysisResults>();
    expectTypeOf(writeReport).returns.resolves.toEqualTypeOf<string[]>();
    expectTypeOf(compareRunDirectories).returns.resolves.toEqualTypeOf<{ results: ComparisonResults; outDir: string }>();
    expectTypeOf(gateRun).returns.toEqualTypeOf<GateResult>();
  });

  it('reads answers one at a time or with the question prepared once', () => {
    expectTypeOf(answerReader({ type: 'choice', options: { A: 'x', B: 'y' } })).toEqualTypeOf<(text: string) => Extraction<string>>();
    expectTypeOf(answerReader({ type: 'numeric', unit: 'mg' })).returns.toEqualTypeOf<Extraction<number>>();
    expectTypeOf(extractAnswer('Yes.', { type: 'yesno' })).toEqualTypeOf<Extraction<'yes' | 'no'>>();
    expectTypeOf(readWith).parameter(0).returns.toEqualTypeOf<AnswerReader>();
  });

  it('looks after the shared response cache', () => {
    expectTypeOf(cacheDirFromEnv).returns.toEqualTypeOf<string | undefined>();
    expectTypeOf(cacheStats).returns.toEqualTypeOf<CacheStats>();
    expectTypeOf(pruneCache).parameter(1).toEqualTypeOf<{ olderThanMs?: number; maxBytes?: number; now: number }>();
    expectTypeOf(pruneCache).returns.toEqualTypeOf<CacheRemoval>();
    expectTypeOf<RunOptions['cache']>().toEqualTypeOf<boolean | undefined>();
  });

  it('takes only the environment it is given, and names bad input in problems', () => {
    expectTypeOf<RunOptions['env']>().toEqualTypeOf<Readonly<Record<string, string | undefined>>>();
    expectTypeOf<{ env: Record<string, string> }>().toExtend<RunOptions>();
    expectTypeOf<InputError['problems']>().toExtend<readonly Problem[]>();
    expectTypeOf<Problem>().toHaveProperty('file');
    expectTypeOf<Problem>().toHaveProperty('message');
  });
});
