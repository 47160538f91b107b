import { describe, expectTypeOf, it } from 'vitest';
import {
  analyzeRunDirectory,
  compareRunDirectories,
  gateRun,
  InputError,
  loadStudy,
  runStudy,
  writeReport,
  type AnalysisResults,
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
    expectTypeOf(loadStudy).parameters.toEqualTypeOf<[file: string]>();
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

  it('takes only the environment it is given, and names bad input in problems', () => {
    expectTypeOf<RunOptions['env']>().toEqualTypeOf<Readonly<Record<string, string | undefined>>>();
    expectTypeOf<{ env: Record<string, string> }>().toExtend<RunOptions>();
    expectTypeOf<InputError['problems']>().toExtend<readonly Problem[]>();
    expectTypeOf<Problem>().toHaveProperty('file');
    expectTypeOf<Problem>().toHaveProperty('message');
  });
});
