import { closeSync, openSync } from 'node:fs';
import { LineReader, scanLines } from '../run/jsonlFile.js';
import { KeyIndex } from '../run/keyIndex.js';
import { keyOfLine } from '../run/store.js';
import type { Variant } from '../expand/types.js';
import type { ResponseRecord } from '../run/types.js';
import type { Vignette } from '../template/types.js';
import { widened } from '../util/widened.js';
import type { AnalyzedStudy } from './analyzeRun.js';
import { manifestCueModes, type Manifest } from './manifest.js';
import { parseResponseLine, readVariants, readVignettes, requireManifest, requireRunFile } from './runDir.js';

/** A run directory read back: everything needed to re-score, re-analyse and re-render without any model. */
export interface LoadedRun {
  dir: string;
  manifest: Manifest;
  study: AnalyzedStudy;
  vignettes: Vignette[];
  variants: Variant[];
}

/**
 * Reads a run directory's manifest, and its vignettes and variants when first asked for (a `gate` on the recorded
 * results needs neither, and reading every variant's text was most of its start-up); a missing or foreign directory
 * is bad input, and so is a damaged file when it is read.
 */
export function loadRun(dir: string): LoadedRun {
  const manifest = requireManifest(dir);
  let vignettes: Vignette[] | undefined;
  let variants: Variant[] | undefined;
  const study: AnalyzedStudy = {
    name: manifest.study.name,
    seed: manifest.study.seed,
    design: manifest.study.design,
    axes: manifest.axes,
    analysis: manifest.analysis,
    ...(manifest.quality ? { quality: manifest.quality } : {}),
    cueModes: manifestCueModes(manifest),
    modelIds: manifest.models.map((m) => String(m.id)),
  };
  return {
    dir,
    manifest,
    study,
    get vignettes() {
      vignettes ??= readVignettes(dir);
      return vignettes;
    },
    get variants() {
      variants ??= readVariants(dir);
      return variants;
    },
  };
}

/**
 * The recorded responses of a run: for every request, its success if it ever succeeded, else its last failure, in
 * plan order (so what is written from them never depends on the order answers arrived: a resumed run, a concurrent
 * endpoint or an imported batch give the same files); records the plan does not know follow in the order they first
 * appear. Read lazily: one pass indexes byte offsets when the records or their number are first asked for (an
 * analysis that reads its scores back asks only `finalOf` a few keys), and each iteration reads the records back one
 * at a time, so a run's texts are never all in memory.
 */
export function readFinalResponses(run: Pick<LoadedRun, 'dir' | 'study' | 'variants'>): FinalResponses {
  const path = requireRunFile(run.dir, 'responses');
  let ordered: Float64Array | undefined;
  const offsets = () => (ordered ??= chosenOffsets(run, path));
  const read = function* (): Generator<ResponseRecord> {
    const at = offsets();
    const fd = openSync(path, 'r');
    const lines = new LineReader(fd);
    try {
      for (const offset of at) yield JSON.parse(lines.at(offset)) as ResponseRecord;
    } finally {
      closeSync(fd);
    }
  };
  return {
    get size() {
      return offsets().length;
    },
    [Symbol.iterator]: read,
    finalOf: (keys) => finalRecordsOf(run.dir, path, keys),
  };
}

/**
 * The final record of each request of `keys` found (its first success if it ever succeeded, else its last failure),
 * from one pass that parses only those requests' lines and keeps nothing of any other.
 */
function finalRecordsOf(dir: string, path: string, keys: ReadonlySet<string>): Map<string, ResponseRecord> {
  const final = new Map<string, ResponseRecord>();
  let lineNumber = 0;
  scanLines(
    path,
    (line) => {
      lineNumber++;
      if (line.trim() === '' || !keys.has(keyOfLine(line))) return;
      const r = parseResponseLine<ResponseRecord>(dir, line, lineNumber);
      if (final.get(r.key)?.error === null) return;
      final.set(r.key, r);
    },
    { final: 'include' },
  );
  return final;
}

/**
 * The offsets of the chosen records, in plan order. A function of its own so that the
 * returned iterators' closures share no scope with the scan's index and columns: V8 keeps every variable any closure
 * of a function captures alive as long as one of them lives, which held both (about 55 bytes a response, 550 MB at
 * 10 million) through a whole analysis.
 */
function chosenOffsets(run: Pick<LoadedRun, 'dir' | 'study' | 'variants'>, path: string): Float64Array {
  // Per request (in the order its key first appears): the chosen record's offset, whether it answered, its rank.
  const chosen = new RequestColumns();
  const keysRead = openSync(path, 'r');
  const keyLines = new LineReader(keysRead);
  // A slot's key is read back from its chosen line only when a later line's key hashes alike (a request asked again).
  const slots = new KeyIndex((slot) => keyOfLine(keyLines.at(chosen.offsets[slot]!)));
  // The order `run` asks in: models as the study lists them, then variants as expanded, then replicates, packed in
  // one number; records the plan does not know rank after every known one.
  const modelRank = new Map(run.study.modelIds.map((id, i) => [id, i]));
  const variantRank = new Map(run.variants.map((v, i) => [v.variantId, i]));
  const rankOf = (r: Pick<ResponseRecord, 'modelId' | 'variantId' | 'replicate'>): number => {
    const model = modelRank.get(r.modelId);
    const variant = variantRank.get(r.variantId);
    if (model === undefined || variant === undefined || !Number.isInteger(r.replicate)) return Number.POSITIVE_INFINITY;
    return (model * run.variants.length + variant) * 1e6 + r.replicate;
  };
  let lineNumber = 0;
  try {
    scanLines(
      path,
      (line, offset) => {
        lineNumber++;
        if (line.trim() === '') return;
        const r = parseResponseLine<Pick<ResponseRecord, 'key' | 'error' | 'modelId' | 'variantId' | 'replicate'>>(
          run.dir,
          line,
          lineNumber,
        );
        const slot = slots.get(r.key);
        if (slot === undefined) slots.set(r.key, chosen.add(offset, r.error === null, rankOf(r)));
        else if (!chosen.answered[slot]) chosen.set(slot, offset, r.error === null, rankOf(r));
      },
      { final: 'include' },
    );
  } finally {
    closeSync(keysRead);
  }
  // Records of equal rank (unknown to the plan) keep the order they first appeared in. Only the offsets, in that
  // order, outlive the scan (8 bytes a response, not a key string).
  const { ranks, offsets } = chosen;
  const sorted = Uint32Array.from({ length: chosen.length }, (_, i) => i).sort((a, b) =>
    ranks[a] === ranks[b] ? a - b : ranks[a]! < ranks[b]! ? -1 : 1,
  );
  return Float64Array.from(sorted, (i) => offsets[i]!);
}

/** A run's final responses (see `readFinalResponses`), and those of a few requests apart. */
export interface FinalResponses extends Iterable<ResponseRecord> {
  readonly size: number;
  /**
   * The final responses of the requests `keys` names, by key, without indexing every request: what a tally of the
   * failures recorded in a run's scores reads.
   */
  finalOf(keys: ReadonlySet<string>): ReadonlyMap<string, ResponseRecord>;
}

/** Growable columns of the record chosen per request: no object per request. */
class RequestColumns {
  offsets: Float64Array = new Float64Array(1024);
  ranks: Float64Array = new Float64Array(1024);
  answered: Uint8Array = new Uint8Array(1024);
  length = 0;

  add(offset: number, answered: boolean, rank: number): number {
    if (this.length === this.offsets.length) {
      const size = this.length * 2;
      this.offsets = widened(this.offsets, new Float64Array(size));
      this.ranks = widened(this.ranks, new Float64Array(size));
      this.answered = widened(this.answered, new Uint8Array(size));
    }
    this.set(this.length, offset, answered, rank);
    return this.length++;
  }

  set(slot: number, offset: number, answered: boolean, rank: number): void {
    this.offsets[slot] = offset;
    this.answered[slot] = answered ? 1 : 0;
    this.ranks[slot] = rank;
  }
}
