import type { AnalysedScore, SharedFacts } from './table.js';

/**
 * Scores read by row number: a plain array, or a score table's rows (`ScoreRows`). Every reader goes through
 * `keys()` and `at(row)` (or iterates), which both provide, so that a table's scores are never held as one object each:
 * a table makes a score's view when it is read, and the view is garbage as soon as the reader moves on.
 * `length` is the number of scores, not a bound on their row numbers (a subset keeps its table's numbers).
 */
export interface ScoreList<S extends AnalysedScore = AnalysedScore> extends Iterable<S> {
  readonly length: number;
  /** The score at row number `row` (one that `keys()` yields). */
  at(row: number): S | undefined;
  /** The row numbers, ascending. */
  keys(): Iterable<number>;
}

/** What a subset of scores may be chosen by: what every score of one model and variant shares. */
export type FactsTest = (facts: Pick<AnalysedScore, keyof SharedFacts>) => boolean;

/** The columns a table hands its rows: one facts id per row, the facts themselves, and a row's view. */
export interface RowSource {
  readonly factIds: Int32Array;
  readonly facts: readonly SharedFacts[];
  view(row: number): AnalysedScore;
}

/**
 * The rows of a score table whose shared facts pass a test (all of them, untested): row numbers are the table's,
 * the subset is a mask over facts ids (one byte per model and variant), so choosing scores by model, vignette or cue
 * mode costs nothing per score.
 */
export class ScoreRows implements ScoreList {
  private counted: number | undefined;

  constructor(
    private readonly source: RowSource,
    /** 1 for each facts id whose rows belong here; undefined: every row. */
    private readonly mask?: Uint8Array,
  ) {}

  get length(): number {
    if (this.counted === undefined) {
      const { mask } = this;
      const { factIds } = this.source;
      let n = factIds.length;
      if (mask) {
        n = 0;
        for (let row = 0; row < factIds.length; row++) n += mask[factIds[row]!]!;
      }
      this.counted = n;
    }
    return this.counted;
  }

  at(row: number): AnalysedScore | undefined {
    return this.has(row) ? this.source.view(row) : undefined;
  }

  *keys(): Generator<number> {
    const { mask } = this;
    const { factIds } = this.source;
    for (let row = 0; row < factIds.length; row++) if (!mask || mask[factIds[row]!] === 1) yield row;
  }

  *[Symbol.iterator](): Generator<AnalysedScore> {
    for (const row of this.keys()) yield this.source.view(row);
  }

  /** The rows whose facts also pass `test`. */
  where(test: FactsTest): ScoreRows {
    const { facts } = this.source;
    const mask = Uint8Array.from(facts, (f, id) => ((!this.mask || this.mask[id] === 1) && test(f) ? 1 : 0));
    return new ScoreRows(this.source, mask);
  }

  private has(row: number): boolean {
    const id = this.source.factIds[row];
    return id !== undefined && (!this.mask || this.mask[id] === 1);
  }
}

/**
 * The scores whose shared facts pass `test`: a table's rows as a mask (nothing per score), a plain array filtered.
 * `test` reads only what a model and variant share, so either way it chooses the same scores.
 */
export function scoresWhere<S extends AnalysedScore>(scores: ScoreList<S>, test: FactsTest): ScoreList<S> {
  // A table's rows are analysed scores; a list of any richer score type is never a `ScoreRows`.
  if (scores instanceof ScoreRows) return scores.where(test) as ScoreList<AnalysedScore> as ScoreList<S>;
  const kept: S[] = [];
  for (const s of scores) if (test(s)) kept.push(s);
  return kept;
}
