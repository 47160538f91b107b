import type { ScoreList } from '../score/rows.js';
import type { AnalysedScore } from '../score/table.js';
import { widened } from '../util/widened.js';
import type { ScorePair } from './pairs.js';

/**
 * One contrast's pairs as row numbers into the scores they were formed from: 9 bytes a pair where a pair object
 * costs about 80, which at millions of answers is most of what an analysis keeps (issue #22). The pair objects are
 * built only while a statistic reads them, one at a time (`each`).
 */
export class RowPairs {
  private references = new Int32Array(16);
  private levels = new Int32Array(16);
  private marginal = new Uint8Array(16);
  private count = 0;

  get length(): number {
    return this.count;
  }

  add(referenceRow: number, levelRow: number, marginal: boolean): void {
    const i = this.count;
    if (i === this.levels.length) {
      const size = i * 2;
      this.references = widened(this.references, new Int32Array(size));
      this.levels = widened(this.levels, new Int32Array(size));
      this.marginal = widened(this.marginal, new Uint8Array(size));
    }
    this.references[i] = referenceRow;
    this.levels[i] = levelRow;
    this.marginal[i] = marginal ? 1 : 0;
    this.count++;
  }

  /** Columns cut to the pairs they hold, once every pair is added: doubling leaves up to half of each unused. */
  trim(): void {
    const n = this.count;
    if (this.levels.length === n) return;
    this.references = this.references.slice(0, n);
    this.levels = this.levels.slice(0, n);
    this.marginal = this.marginal.slice(0, n);
  }

  /** How many pairs stand in a marginal partner. */
  marginalCount(): number {
    let n = 0;
    for (let i = 0; i < this.count; i++) n += this.marginal[i]!;
    return n;
  }

  /** Whether any pair stands in a marginal partner. */
  anyMarginal(): boolean {
    return this.marginal.subarray(0, this.count).includes(1);
  }

  /** The pairs as objects over `scores` (the rows the pairs name), one at a time, in the order added. */
  *each<S extends AnalysedScore>(scores: ScoreList<S>): Generator<ScorePair<S>> {
    for (let i = 0; i < this.count; i++) {
      const level = scores.at(this.levels[i]!)!;
      yield {
        vignetteId: level.vignetteId,
        replicate: level.replicate,
        reference: scores.at(this.references[i]!)!,
        level,
        marginal: this.marginal[i] === 1,
      };
    }
  }
}
