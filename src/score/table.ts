import type { ParaphraseSource } from '../expand/paraphrase.js';
import type { VariantKind } from '../expand/types.js';
import type { Perspective, QuestionType } from '../template/types.js';
import type { CueMode } from '../template/render.js';
import { sameFields } from '../util/sameFields.js';
import { isLatin1, REQUEST_HASH_PREFIX } from '../util/requestKey.js';
import { widened } from '../util/widened.js';
import { ScoreRows } from './rows.js';
import type { Adjudication, JudgeNote, Outcome, PairwiseNote, ScoreRecord } from './types.js';

/**
 * What the analysis and the report read of a score: every field but the extractor's explanation in words, which
 * scores.jsonl keeps and no statistic or report needs (its texts, one per distinct answer, would grow with a run).
 */
export type AnalysedScore = Omit<ScoreRecord, 'explanation'>;

/** What every score of one model and variant shares: stored once, however many replicates it has. */
export type SharedFacts = Pick<
  ScoreRecord,
  | 'modelId'
  | 'vignetteId'
  | 'variantId'
  | 'domain'
  | 'perspective'
  | 'questionType'
  | 'attributes'
  | 'kind'
  | 'paraphrase'
  | 'pinned'
  | 'cues'
>;

/** The notes only judged or adjudicated scores carry (free text, clinician labels): kept beside the columns. */
export interface RareNotes {
  judge?: JudgeNote;
  pairwise?: PairwiseNote[];
  adjudicated?: Adjudication;
}

/** Every outcome's code; a `Record` so that an outcome added to the type cannot be left without one. */
const OUTCOME_CODE: Readonly<Record<Outcome, number>> = {
  correct: 0,
  incorrect: 1,
  unparseable: 2,
  refusal: 3,
  error: 4,
  unscored: 5,
  answered: 6,
};
const OUTCOMES = (Object.keys(OUTCOME_CODE) as Outcome[]).sort((a, b) => OUTCOME_CODE[a] - OUTCOME_CODE[b]);
const HEDGE_BIT = 0x80;
/** The key starts with 64 lowercase hex digits (a request hash), stored as its 32 bytes: half the key's bytes. */
const HEX_KEY_BIT = 0x40;
const OUTCOME_MASK = 0x3f;
const NO_VALUE = -1;
/**
 * Keys a table whose key bytes stay in its file reads one at a time (a report's worst cases, a run's failures); past
 * this many it reads them all at once, as a design whose statistics read every key would otherwise make it.
 */
const KEYS_READ_ONE_AT_A_TIME = 10_000;

/**
 * Scores as columns, so that analysing a run costs memory in proportion to its variants, not to its answer texts:
 * per score a shared-facts id, the replicate, an outcome code (with the hedge bit), an interned extracted value, an
 * interned extractor, the signed deviation, the care recommended and the request key as Latin-1 bytes — about 140 bytes with the columns'
 * spare capacity — where a parsed record costs about 300 (its own strings, its object, its explanation). `rows()`
 * hands the analysis a view of a score as it reads it, so every module keeps reading plain fields; the values read
 * are exactly those added, so every statistic stays the same.
 */
export class ScoreTable {
  private readonly facts: SharedFacts[] = [];
  private readonly factsByVariant = new Map<string, number[]>();
  private readonly values = new Interned<string | number>();
  private readonly extractors = new Interned<string>();
  private readonly notes = new Map<number, RareNotes>();
  /** Keys that are not Latin-1 text (never seen in counterfair's own hex keys): kept as strings. */
  private readonly wideKeys = new Map<number, string>();
  private factIds: Int32Array = new Int32Array(1024);
  private replicates: Float64Array = new Float64Array(1024);
  private codes: Uint8Array = new Uint8Array(1024);
  private extracted: Int32Array = new Int32Array(1024);
  /** The extractor's name (`choice@4`) and version as one interned pair: a run uses a handful. */
  private extractorIds: Int32Array = new Int32Array(1024);
  private deviations: Float64Array = new Float64Array(1024);
  /** Care-intensity answers' care (NaN: none): the only outcome of a question without a key. */
  private cares: Float64Array = new Float64Array(1024);
  private keyEnds: Float64Array = new Float64Array(1024);
  private keyBytes: Buffer | StoredKeyBytes = Buffer.alloc(1 << 16);
  /** Where the key bytes go while the table is built, when not to memory (until `leaveKeysIn`). */
  private keySink: KeyBytesSink | undefined;
  /** Keys read from the file one at a time so far (while `keyBytes` stays there). */
  private storedKeyReads = 0;
  private count = 0;
  /** Set once the rows are read: the columns are then cut to their length, and no row can be added. */
  private read = false;

  /**
   * `expectedRows`, when known (a run's number of requests), sizes the columns once: a table grown by doubling holds
   * up to twice its rows while it is built, and copies them again when first read.
   */
  constructor(expectedRows = 0, keySink?: KeyBytesSink) {
    if (keySink !== undefined) {
      if (keySink.length !== 0) throw new Error('ScoreTable: a key sink must start empty');
      this.keyBytes = this.keySink = keySink;
    }
    if (expectedRows <= this.codes.length) return;
    this.grow(expectedRows);
    // A request hash's 64 hex digits take 32 bytes: the keys of counterfair's own requests fill this exactly.
    if (keySink === undefined) this.keyBytes = Buffer.alloc(32 * expectedRows);
  }

  /** A table of `records`, read one at a time (a generator over a file never holds the file). */
  static of(records: Iterable<AnalysedScore>): ScoreTable {
    const table = new ScoreTable(Array.isArray(records) ? records.length : 0);
    for (const r of records) table.add(r);
    return table;
  }

  get length(): number {
    return this.count;
  }

  add(score: AnalysedScore): void {
    if (this.read) throw new Error('ScoreTable.add: the table was already read (rows()); build a new one');
    const i = this.count;
    if (i === this.codes.length) this.grow();
    this.factIds[i] = this.factsId(score);
    this.replicates[i] = score.replicate;
    this.codes[i] = OUTCOME_CODE[score.outcome] | (score.hedge ? HEDGE_BIT : 0);
    this.extracted[i] = score.extracted === null ? NO_VALUE : this.values.id(score.extracted);
    this.extractorIds[i] = this.extractors.id(`${score.extractorVersion}\u0000${score.extractor}`);
    this.deviations[i] = score.signedDeviation ?? Number.NaN;
    this.cares[i] = score.care ?? Number.NaN;
    this.addKey(i, score.key);
    if (score.judge !== undefined || score.pairwise !== undefined || score.adjudicated !== undefined)
      this.notes.set(i, {
        ...(score.judge !== undefined ? { judge: score.judge } : {}),
        ...(score.pairwise !== undefined ? { pairwise: score.pairwise } : {}),
        ...(score.adjudicated !== undefined ? { adjudicated: score.adjudicated } : {}),
      });
    this.count++;
  }

  /**
   * The scores in the order added, as rows: each read makes a small view of its row (garbage once read), so a run's
   * scores are never held as one object each.
   */
  rows(): ScoreRows {
    if (!this.read) {
      this.trim();
      this.read = true;
    }
    return new ScoreRows({ factIds: this.factIds, facts: this.facts, view: (row) => new ScoreView(this, row) });
  }

  /**
   * Everything the table holds, its columns cut to its length: what `scoresTableFile` writes beside scores.jsonl so
   * that a later analysis reads columns instead of parsing every score line again.
   */
  parts(): ScoreTableParts {
    const n = this.count;
    const keyLength = n === 0 ? 0 : this.keyEnds[n - 1]!;
    return {
      facts: this.facts,
      values: this.values.all(),
      extractors: this.extractors.all(),
      notes: [...this.notes],
      wideKeys: [...this.wideKeys],
      columns: {
        factIds: this.factIds.subarray(0, n),
        replicates: this.replicates.subarray(0, n),
        codes: this.codes.subarray(0, n),
        extracted: this.extracted.subarray(0, n),
        extractorIds: this.extractorIds.subarray(0, n),
        deviations: this.deviations.subarray(0, n),
        cares: this.cares.subarray(0, n),
        keyEnds: this.keyEnds.subarray(0, n),
        // Key bytes not in memory are handed over as a reader: a run's keys are never all read at once to be written.
        keyBytes: Buffer.isBuffer(this.keyBytes) ? this.keyBytes.subarray(0, keyLength) : this.keyBytes,
      },
    };
  }

  /**
   * Reads its keys from now on from `stored`, the same bytes in the file the table was just written to
   * (`encodeScoreTable`), and lets go of its own: a run's keys are about 40 % of its columns, and few are read.
   */
  leaveKeysIn(stored: StoredKeyBytes): void {
    const n = this.count;
    if (stored.length !== (n === 0 ? 0 : this.keyEnds[n - 1]!)) throw new Error('ScoreTable.leaveKeysIn: not the key bytes of this table');
    this.keyBytes = stored;
    this.keySink = undefined;
    this.storedKeyReads = 0;
  }

  /**
   * The table `parts()` described (columns used as given, not copied), its key bytes possibly left in its file;
   * inconsistent parts throw.
   */
  static fromParts(parts: ScoreTableParts): ScoreTable {
    const table = new ScoreTable();
    const { columns } = parts;
    const n = columns.codes.length;
    for (const [name, column] of Object.entries(columns))
      if (name !== 'keyBytes' && column.length !== n)
        throw new Error(`ScoreTable.fromParts: column ${name} has ${column.length} rows, not ${n}`);
    if (n > 0 && columns.keyEnds[n - 1] !== columns.keyBytes.length) throw new Error('ScoreTable.fromParts: keyEnds and keyBytes disagree');
    for (let i = 0; i < n; i++) {
      if (!(columns.keyEnds[i]! >= (i === 0 ? 0 : columns.keyEnds[i - 1]!)))
        throw new Error(`ScoreTable.fromParts: row ${i}'s key ends before the previous one`);
      if (parts.facts[columns.factIds[i]!] === undefined) throw new Error(`ScoreTable.fromParts: row ${i} names no facts`);
      if ((columns.codes[i]! & OUTCOME_MASK) >= OUTCOMES.length) throw new Error(`ScoreTable.fromParts: row ${i} has no outcome`);
      if (columns.extracted[i] !== NO_VALUE && columns.extracted[i]! >= parts.values.length)
        throw new Error(`ScoreTable.fromParts: row ${i} names no value`);
      if (columns.extractorIds[i]! >= parts.extractors.length) throw new Error(`ScoreTable.fromParts: row ${i} names no extractor`);
    }
    table.facts.push(...parts.facts);
    parts.facts.forEach((facts, id) => {
      const variant = `${facts.modelId}\u0000${facts.variantId}`;
      table.factsByVariant.set(variant, [...(table.factsByVariant.get(variant) ?? []), id]);
    });
    for (const value of parts.values) table.values.id(value);
    for (const extractor of parts.extractors) table.extractors.id(extractor);
    for (const [i, notes] of parts.notes) table.notes.set(i, notes);
    for (const [i, key] of parts.wideKeys) table.wideKeys.set(i, key);
    table.factIds = columns.factIds;
    table.replicates = columns.replicates;
    table.codes = columns.codes;
    table.extracted = columns.extracted;
    table.extractorIds = columns.extractorIds;
    table.deviations = columns.deviations;
    table.cares = columns.cares;
    table.keyEnds = columns.keyEnds;
    const { keyBytes } = columns;
    table.keyBytes = keyBytes instanceof Uint8Array ? Buffer.from(keyBytes.buffer, keyBytes.byteOffset, keyBytes.byteLength) : keyBytes;
    table.count = n;
    return table;
  }

  /** @internal column readers of ScoreView */
  factsOf(i: number): SharedFacts {
    return this.facts[this.factIds[i]!]!;
  }
  replicateOf(i: number): number {
    return this.replicates[i]!;
  }
  outcomeOf(i: number): Outcome {
    return OUTCOMES[this.codes[i]! & OUTCOME_MASK]!;
  }
  hedgeOf(i: number): boolean {
    return (this.codes[i]! & HEDGE_BIT) !== 0;
  }
  extractedOf(i: number): string | number | null {
    const id = this.extracted[i]!;
    return id === NO_VALUE ? null : this.values.at(id);
  }
  extractorOf(i: number): { extractor: string; extractorVersion: number } {
    const pair = this.extractors.at(this.extractorIds[i]!);
    const cut = pair.indexOf('\u0000');
    return { extractor: pair.slice(cut + 1), extractorVersion: Number(pair.slice(0, cut)) };
  }
  deviationOf(i: number): number | null {
    const d = this.deviations[i]!;
    return Number.isNaN(d) ? null : d;
  }
  careOf(i: number): number | undefined {
    const c = this.cares[i]!;
    return Number.isNaN(c) ? undefined : c;
  }
  keyOf(i: number): string {
    const wide = this.wideKeys.get(i);
    if (wide !== undefined) return wide;
    const bytes = this.keyBytesOf(i === 0 ? 0 : this.keyEnds[i - 1]!, this.keyEnds[i]!);
    if ((this.codes[i]! & HEX_KEY_BIT) === 0) return bytes.toString('latin1');
    return bytes.toString('hex', 0, 32) + bytes.toString('latin1', 32);
  }
  notesOf(i: number): RareNotes | undefined {
    return this.notes.get(i);
  }

  /** Scores of one model and variant share one facts record, unless a record disagrees with it (then its own). */
  private factsId(score: AnalysedScore): number {
    const id = `${score.modelId}\u0000${score.variantId}`;
    const candidates = this.factsByVariant.get(id) ?? [];
    for (const c of candidates) if (sameFacts(this.facts[c]!, score)) return c;
    const facts: SharedFacts = {
      modelId: score.modelId,
      vignetteId: score.vignetteId,
      variantId: score.variantId,
      domain: score.domain,
      perspective: score.perspective,
      questionType: score.questionType,
      attributes: score.attributes,
      kind: score.kind,
      ...(score.paraphrase !== undefined ? { paraphrase: score.paraphrase } : {}),
      pinned: score.pinned,
      ...(score.cues !== undefined ? { cues: score.cues } : {}),
    };
    this.facts.push(facts);
    this.factsByVariant.set(id, [...candidates, this.facts.length - 1]);
    return this.facts.length - 1;
  }

  /** The bytes of one key: from memory, or from the table's file while few keys have been asked for. */
  private keyBytesOf(start: number, end: number): Buffer {
    if (!Buffer.isBuffer(this.keyBytes) && ++this.storedKeyReads <= KEYS_READ_ONE_AT_A_TIME) return this.keyBytes.read(start, end);
    return this.keysInMemory().subarray(start, end);
  }

  /** The key bytes in memory, read from the table's file the first time when they were left there. */
  private keysInMemory(): Buffer {
    if (!Buffer.isBuffer(this.keyBytes)) this.keyBytes = this.keyBytes.read(0, this.keyBytes.length);
    return this.keyBytes;
  }

  private addKey(i: number, key: string): void {
    const start = i === 0 ? 0 : this.keyEnds[i - 1]!;
    // Latin-1 only: one byte per character, read back exactly; anything wider keeps its string.
    if (!isLatin1(key)) {
      this.wideKeys.set(i, key);
      this.keyEnds[i] = start;
      return;
    }
    const hex = REQUEST_HASH_PREFIX.test(key);
    if (hex) this.codes[i] = this.codes[i]! | HEX_KEY_BIT;
    const { buffer, at } = this.keyRoom(start, key.length);
    const written = hex
      ? buffer.write(key.slice(0, 64), at, 'hex') + buffer.write(key.slice(64), at + 32, 'latin1')
      : buffer.write(key, at, 'latin1');
    this.keySink?.wrote(written);
    this.keyEnds[i] = start + written;
  }

  /** Room for `length` more key bytes, which start at byte `start` of the keys: in the sink, or in memory (grown). */
  private keyRoom(start: number, length: number): { buffer: Buffer; at: number } {
    if (this.keySink !== undefined) return this.keySink.room(length);
    let keyBytes = this.keysInMemory();
    while (start + length > keyBytes.length) {
      const bigger = Buffer.alloc(Math.max(1 << 16, keyBytes.length * 2));
      keyBytes.copy(bigger, 0, 0, start);
      this.keyBytes = keyBytes = bigger;
    }
    return { buffer: keyBytes, at: start };
  }

  /** Columns cut to the rows they hold, once no row is added: growth by doubling leaves up to half of each unused. */
  private trim(): void {
    const n = this.count;
    if (this.codes.length === n) return;
    this.factIds = this.factIds.slice(0, n);
    this.replicates = this.replicates.slice(0, n);
    this.codes = this.codes.slice(0, n);
    this.extracted = this.extracted.slice(0, n);
    this.extractorIds = this.extractorIds.slice(0, n);
    this.deviations = this.deviations.slice(0, n);
    this.cares = this.cares.slice(0, n);
    this.keyEnds = this.keyEnds.slice(0, n);
    // Key bytes left in a file stay there.
    if (Buffer.isBuffer(this.keyBytes)) this.keyBytes = Buffer.from(this.keyBytes.subarray(0, n === 0 ? 0 : this.keyEnds[n - 1]!));
  }

  private grow(size = Math.max(1024, this.codes.length * 2)): void {
    this.factIds = widened(this.factIds, new Int32Array(size));
    this.replicates = widened(this.replicates, new Float64Array(size));
    this.codes = widened(this.codes, new Uint8Array(size));
    this.extracted = widened(this.extracted, new Int32Array(size));
    this.extractorIds = widened(this.extractorIds, new Int32Array(size));
    this.deviations = widened(this.deviations, new Float64Array(size));
    this.cares = widened(this.cares, new Float64Array(size));
    this.keyEnds = widened(this.keyEnds, new Float64Array(size));
  }
}

/** A table's contents as plain parts: its shared records and its typed columns, one row per score. */
export interface ScoreTableParts {
  facts: SharedFacts[];
  values: (string | number)[];
  extractors: string[];
  notes: [number, RareNotes][];
  wideKeys: [number, string][];
  columns: StoredScoreColumns;
}

export interface ScoreColumns {
  factIds: Int32Array;
  replicates: Float64Array;
  codes: Uint8Array;
  extracted: Int32Array;
  extractorIds: Int32Array;
  deviations: Float64Array;
  cares: Float64Array;
  keyEnds: Float64Array;
  keyBytes: Uint8Array;
}

/** Key bytes left in a table's file: how many there are, and a reader of a range of them. */
export interface StoredKeyBytes {
  readonly length: number;
  read(start: number, end: number): Buffer;
}

/**
 * Where a table being built puts its key bytes instead of memory (a file beside the one it will be written to): a
 * 10-million-answer run's keys are 320 MB, which would otherwise sit in memory while its answers are scored.
 */
export interface KeyBytesSink extends StoredKeyBytes {
  /** A buffer with room for `bytes` more key bytes from `at`; `wrote` then says how many were written there. */
  room(bytes: number): { buffer: Buffer; at: number };
  wrote(bytes: number): void;
}

/** A table's columns as read from its file: the key bytes in memory, or left in the file. */
export type StoredScoreColumns = Omit<ScoreColumns, 'keyBytes'> & { keyBytes: Uint8Array | StoredKeyBytes };

/** A score read from the table's columns: what a plain record would hold, at the cost of two fields. */
class ScoreView implements AnalysedScore {
  constructor(
    private readonly table: ScoreTable,
    readonly row: number,
  ) {}
  get key(): string {
    return this.table.keyOf(this.row);
  }
  get modelId(): string {
    return this.table.factsOf(this.row).modelId;
  }
  get vignetteId(): string {
    return this.table.factsOf(this.row).vignetteId;
  }
  get variantId(): string {
    return this.table.factsOf(this.row).variantId;
  }
  get replicate(): number {
    return this.table.replicateOf(this.row);
  }
  get domain(): string {
    return this.table.factsOf(this.row).domain;
  }
  get perspective(): Perspective {
    return this.table.factsOf(this.row).perspective;
  }
  get questionType(): QuestionType {
    return this.table.factsOf(this.row).questionType;
  }
  get attributes(): Record<string, string> {
    return this.table.factsOf(this.row).attributes;
  }
  get kind(): VariantKind {
    return this.table.factsOf(this.row).kind;
  }
  get paraphrase(): ParaphraseSource | undefined {
    return this.table.factsOf(this.row).paraphrase;
  }
  get pinned(): Record<string, string> {
    return this.table.factsOf(this.row).pinned;
  }
  get cues(): CueMode | undefined {
    return this.table.factsOf(this.row).cues;
  }
  get outcome(): Outcome {
    return this.table.outcomeOf(this.row);
  }
  get extracted(): string | number | null {
    return this.table.extractedOf(this.row);
  }
  get signedDeviation(): number | null {
    return this.table.deviationOf(this.row);
  }
  get care(): number | undefined {
    return this.table.careOf(this.row);
  }
  get hedge(): boolean {
    return this.table.hedgeOf(this.row);
  }
  get extractor(): string {
    return this.table.extractorOf(this.row).extractor;
  }
  get extractorVersion(): number {
    return this.table.extractorOf(this.row).extractorVersion;
  }
  get judge(): JudgeNote | undefined {
    return this.table.notesOf(this.row)?.judge;
  }
  get pairwise(): PairwiseNote[] | undefined {
    return this.table.notesOf(this.row)?.pairwise;
  }
  get adjudicated(): Adjudication | undefined {
    return this.table.notesOf(this.row)?.adjudicated;
  }
}

/**
 * What tells one score from another however often it is read: a table row's number (each read of a table's row
 * makes a new view), or a plain record itself. Numbers of two tables' rows are alike: compare scores of one table.
 */
export function scoreIdentity(score: AnalysedScore): AnalysedScore | number {
  return score instanceof ScoreView ? score.row : score;
}

function sameFacts(facts: SharedFacts, score: AnalysedScore): boolean {
  return (
    facts.vignetteId === score.vignetteId &&
    facts.domain === score.domain &&
    facts.perspective === score.perspective &&
    facts.questionType === score.questionType &&
    facts.kind === score.kind &&
    facts.paraphrase === score.paraphrase &&
    facts.cues === score.cues &&
    sameFields(facts.attributes, score.attributes) &&
    sameFields(facts.pinned, score.pinned)
  );
}

/** Values stored once each and named by their position. */
class Interned<T> {
  private readonly values: T[] = [];
  private readonly ids = new Map<T, number>();

  id(value: T): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    return id;
  }

  at(id: number): T {
    return this.values[id]!;
  }

  all(): T[] {
    return [...this.values];
  }
}
