import { describe, expect, it } from 'vitest';
import { ProgressMeter } from '../../src/run/progress.js';
import { formatProgress, ProgressDisplay } from '../../src/run/progressDisplay.js';
import type { StoredResponse } from '../../src/run/types.js';

const answer = (promptTokens: number, completionTokens: number): StoredResponse => ({
  key: 'k',
  text: 'A',
  error: null,
  finishReason: 'stop',
  usage: { promptTokens, completionTokens },
  servedModel: null,
  latencyMs: 1,
  attempts: 1,
});
const failed: StoredResponse = { ...answer(0, 0), text: null, usage: null, error: { kind: 'timeout', message: 'slow' } };

describe('progress', () => {
  it('counts done, reused, retries, errors, tokens and cost, and estimates rate and ETA', () => {
    let now = 0;
    const meter = new ProgressMeter(10, () => now);
    meter.reuse();
    meter.reuse();
    meter.attempt();
    meter.retry();
    meter.attempt();
    now = 2000;
    meter.finish(answer(1_000_000, 100_000), { input: 0.15, output: 0.6 });
    meter.attempt();
    meter.finish(failed, { input: 0.15, output: 0.6 });
    const snapshot = meter.snapshot();
    expect(snapshot).toMatchObject({
      total: 10,
      done: 4,
      reused: 2,
      sent: 3,
      retries: 1,
      errors: 1,
      promptTokens: 1_000_000,
      completionTokens: 100_000,
      rate: 1,
      etaSeconds: 6,
    });
    expect(snapshot.cost).toBeCloseTo(0.21, 10);
    expect(formatProgress(snapshot)).toBe(
      'counterfair: 4/10 (40%) · 2 already answered · ETA 6s · 1.0/s · 1 errors · 1 retries · 1100k tokens · ~$0.2100 · 3 sent',
    );
  });

  it('names what it counts when that is not the requests of the run', () => {
    const meter = new ProgressMeter(2, () => 0);
    const lines: string[] = [];
    new ProgressDisplay(meter, { write: (t) => lines.push(t) }, () => 0, 'judges').finish();
    expect(lines).toEqual(['counterfair: judges: 0/2 (0%) · ETA ? · 0.0/s · 0 errors · 0 retries · 0 sent\n']);
  });

  it('on resume, draws nothing while only recorded answers are being counted, then one line with all of them', () => {
    const meter = new ProgressMeter(5, () => 0);
    const plain: string[] = [];
    const logged = new ProgressDisplay(meter, { write: (t) => plain.push(t) }, () => 0);
    for (let i = 0; i < 3; i++) {
      meter.reuse();
      logged.update();
    }
    expect(plain).toEqual([]);
    meter.attempt();
    meter.finish(answer(10, 1), undefined);
    logged.update();
    expect(plain).toEqual([expect.stringMatching(/^counterfair: 4\/5 \(80%\) · 3 already answered · /)]);
  });

  it('rewrites one line on a terminal and prints plain lines now and then elsewhere', () => {
    let now = 0;
    const meter = new ProgressMeter(5, () => now);
    const tty: string[] = [];
    const plain: string[] = [];
    const live = new ProgressDisplay(meter, { isTTY: true, columns: 60, write: (t) => tty.push(t) }, () => now);
    const logged = new ProgressDisplay(meter, { write: (t) => plain.push(t) }, () => now);
    for (const step of [0, 50, 150, 5_000, 12_000]) {
      now = step;
      meter.attempt();
      meter.finish(answer(10, 1), undefined);
      live.update();
      logged.update();
    }
    live.finish();
    logged.finish();
    expect(tty[0]!.startsWith('counterfair: 1/5')).toBe(true);
    expect(tty.slice(1, -1).every((t) => t.startsWith('\r\x1b[2K') && t.length <= 59 + 5)).toBe(true);
    expect(tty).toHaveLength(6); // draws at 0, 150, 5000, 12000 and the final one, then the newline
    expect(tty.at(-1)).toBe('\n');
    // The closing state was just drawn: a log does not get it twice.
    expect(plain).toEqual([expect.stringContaining('1/5 (20%)'), expect.stringContaining('5/5 (100%)')]);
    expect(plain.every((line) => line.endsWith('\n') && !line.includes('\r'))).toBe(true);
  });
});
