import { describe, expect, it } from 'vitest';
import { assessDataQuality, RequestErrorTally } from '../../src/analysis/dataQuality.js';
import type { ResponseError } from '../../src/providers/types.js';
import { notSentMessage } from '../../src/run/breaker.js';
import type { Outcome, ScoreRecord } from '../../src/score/types.js';
import type { Question } from '../../src/template/types.js';
import { score } from './helpers.js';

const THRESHOLDS = { maxErrorRate: 0.2, maxUnparseableRate: 0.2 };
const choice = (answer: string): Question => ({ type: 'choice', stem: 'Which?', options: { A: 'a', B: 'b', C: 'c' }, answer });

/** `n` scores of model `m` on vignettes v0..v(n-1), each with the outcome and extracted answer `at(i)` gives. */
function scores(n: number, at: (i: number) => { outcome: Outcome; extracted?: string | null }, modelId = 'm'): ScoreRecord[] {
  return Array.from({ length: n }, (_, i) => {
    const { outcome, extracted } = at(i);
    return score({ modelId, vignetteId: `v${i}`, outcome, ...(extracted === undefined ? {} : { extracted }) });
  });
}

function assess(
  all: ScoreRecord[],
  errors: { modelId: string; error: ResponseError }[] = [],
  questions = new Map<string, Question>(),
  modelIds = ['m'],
) {
  const tally = new RequestErrorTally();
  for (const e of errors) tally.add(e);
  return assessDataQuality({ modelIds, scores: all, errors: tally, questions, thresholds: THRESHOLDS });
}

describe('data quality', () => {
  it('passes a model at the error threshold and fails it just above', () => {
    const at = assess(
      scores(10, (i) => ({ outcome: i < 2 ? 'error' : 'correct' })),
      [
        { modelId: 'm', error: { kind: 'server', status: 503, message: 'HTTP 503' } },
        { modelId: 'm', error: { kind: 'server', status: 503, message: 'HTTP 503' } },
      ],
    );
    expect(at.passed).toBe(true);
    expect(at.models[0]).toMatchObject({
      requests: 10,
      requestErrors: 2,
      errorRate: 0.2,
      answers: 8,
      requestErrorsByKind: { server: 2 },
      errorCauses: [{ kind: 'server', status: 503, message: 'HTTP 503', count: 2 }],
      problems: [],
    });
    const above = assess(scores(10, (i) => ({ outcome: i < 3 ? 'error' : 'correct' })));
    expect(above.passed).toBe(false);
    expect(above.models[0]!.problems).toEqual(['3 of 10 requests failed (30 %; at most 20 % allowed)']);
  });

  it('measures unreadable answers and refusals over the answers received, not over requests', () => {
    const q = assess(scores(10, (i) => ({ outcome: i < 5 ? 'error' : i < 7 ? 'unparseable' : i < 8 ? 'refusal' : 'correct' })));
    expect(q.models[0]).toMatchObject({ answers: 5, unparseable: 2, unparseableRate: 0.4, refusals: 1, refusalRate: 0.2, passed: false });
    expect(q.models[0]!.problems).toContain('2 of 5 answers could not be read (40 %; at most 20 % allowed)');
  });

  it('always fails a model whose endpoint the breaker stopped, and names the cause', () => {
    const trip = { error: { kind: 'auth' as const, status: 401, message: 'HTTP 401: bad key' }, consecutive: 5 };
    const all = scores(100, (i) => ({ outcome: i < 1 ? 'error' : 'correct' }));
    // One request of a hundred never sent: within the error threshold, still a failure.
    const q = assess(all, [{ modelId: 'm', error: { kind: 'not-sent', status: 401, message: notSentMessage(trip) } }]);
    expect(q.models[0]).toMatchObject({
      notSent: 1,
      breakerCause: '5 consecutive attempts failed with auth (HTTP 401): HTTP 401: bad key',
      passed: false,
    });
  });

  it('fails a model with no request at all, and judges each model on its own', () => {
    const q = assess(
      scores(10, () => ({ outcome: 'correct' }), 'good'),
      [],
      new Map(),
      ['good', 'absent'],
    );
    expect(q.models.map((m) => [m.model, m.passed])).toEqual([
      ['good', true],
      ['absent', false],
    ]);
    expect(q.passed).toBe(false);
    expect(q.models[1]!.errorRate).toBeNull();
  });

  it('flags one answer to nearly every multiple-choice question when the correct answers differ, not when they agree', () => {
    const varied = new Map(Array.from({ length: 20 }, (_, i) => [`v${i}`, choice(['A', 'B', 'C'][i % 3]!)]));
    const allB = scores(20, (i) => ({ outcome: i % 3 === 1 ? 'correct' : 'incorrect', extracted: i === 0 ? 'A' : 'B' }));
    const flagged = assess(allB, [], varied);
    expect(flagged.models[0]!.degenerate).toEqual([{ kind: 'same-answer', questionType: 'choice', answer: 'B', share: 0.95, answers: 20 }]);
    expect(flagged.passed).toBe(true); // a warning, not a failure on its own
    const allGoldB = new Map(Array.from({ length: 20 }, (_, i) => [`v${i}`, choice('B')]));
    expect(assess(allB, [], allGoldB).models[0]!.degenerate).toEqual([]);
    const spread = scores(20, (i) => ({ outcome: 'correct', extracted: ['A', 'B', 'C'][i % 3]! }));
    expect(assess(spread, [], varied).models[0]!.degenerate).toEqual([]);
  });

  it('flags more than half of the answers unreadable', () => {
    const q = assess(scores(10, (i) => ({ outcome: i < 6 ? 'unparseable' : 'correct' })));
    expect(q.models[0]!.degenerate).toEqual([{ kind: 'mostly-unparseable', share: 0.6, answers: 10 }]);
    expect(assess(scores(10, (i) => ({ outcome: i < 5 ? 'unparseable' : 'correct' }))).models[0]!.degenerate).toEqual([]);
  });

  it('keeps control characters out of recorded causes and counts identical causes together', () => {
    const tally = new RequestErrorTally();
    for (let i = 0; i < 3; i++) tally.add({ modelId: 'm', error: { kind: 'auth', status: 401, message: 'bad\u001b[2J key' } });
    tally.add({ modelId: 'm', error: null });
    expect(tally.of('m')).toEqual([{ kind: 'auth', status: 401, message: 'bad [2J key', count: 3 }]);
    expect(tally.of('other')).toEqual([]);
  });
});
