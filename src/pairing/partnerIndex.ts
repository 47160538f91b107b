import type { ScoreList } from '../score/rows.js';
import type { AnalysedScore } from '../score/table.js';

/** Attribute sets of one (model, vignette, cue mode): each canonical key's variant number, and the reference kind's. */
interface VariantGroup {
  byKey: Map<string, number>;
  reference?: number;
}

/**
 * Finds a score's partners among the reference and demographic scores: the last row of its cell (model, vignette, cue
 * mode, replicate) with a given attribute set, and the last reference variant's row. Rows are numbered by variant
 * (one number per distinct attribute set of a model, vignette and cue mode) and kept sorted by replicate within
 * each, so the index holds 12 bytes a row in typed arrays instead of one map entry per row (issue #22), and
 * reads the scores twice rather than keep anything else per row.
 */
export class PartnerIndex {
  private readonly groups = new Map<string, Map<string, Map<string, VariantGroup>>>();
  /** Where each variant's rows start in `rows`; one more entry than there are variants. */
  private readonly starts: Int32Array;
  /** Rows by variant, each variant's by replicate then row number. */
  private readonly rows: Int32Array;
  /** The replicate of each entry of `rows`, searched without reading the scores. */
  private readonly replicates: Float64Array;

  constructor(scores: ScoreList, keyOf: (attributes: Readonly<Record<string, string>>) => string) {
    /** Rows per variant number; a new number is the next index. */
    const sizes: number[] = [];
    for (const s of scores) {
      if (s.kind !== 'reference' && s.kind !== 'demographic') continue;
      const group = this.groupOf(s, true)!;
      const key = keyOf(s.attributes);
      let v = group.byKey.get(key);
      if (v === undefined) group.byKey.set(key, (v = sizes.push(0) - 1));
      sizes[v]!++;
      if (s.kind !== 'reference') continue;
      group.reference ??= sizes.push(0) - 1;
      sizes[group.reference]!++;
    }
    this.starts = new Int32Array(sizes.length + 1);
    for (let v = 0; v < sizes.length; v++) this.starts[v + 1] = this.starts[v]! + sizes[v]!;
    this.rows = new Int32Array(this.starts[sizes.length]!);
    this.replicates = new Float64Array(this.rows.length);
    const next = this.starts.slice(0, sizes.length);
    const place = (v: number, row: number, replicate: number) => {
      const at = next[v]!++;
      this.rows[at] = row;
      this.replicates[at] = replicate;
    };
    // A row's variant number is looked up again rather than kept per row from the first pass.
    for (const row of scores.keys()) {
      const s = scores.at(row)!;
      if (s.kind !== 'reference' && s.kind !== 'demographic') continue;
      const group = this.groupOf(s, false)!;
      place(group.byKey.get(keyOf(s.attributes))!, row, s.replicate);
      if (s.kind === 'reference') place(group.reference!, row, s.replicate);
    }
    for (let v = 0; v < sizes.length; v++) this.sortByReplicate(this.starts[v]!, this.starts[v + 1]!);
  }

  /** The last row of `s`'s cell whose attributes have the canonical key `key`. */
  exact(s: AnalysedScore, key: string): number | undefined {
    const v = this.groupOf(s, false)?.byKey.get(key);
    return v === undefined ? undefined : this.lastAt(v, s.replicate);
  }

  /** The last reference variant's row in `s`'s cell. */
  reference(s: AnalysedScore): number | undefined {
    const v = this.groupOf(s, false)?.reference;
    return v === undefined ? undefined : this.lastAt(v, s.replicate);
  }

  /** Nested by model, vignette and cue mode, so that finding a score's group builds no key string. */
  private groupOf(s: AnalysedScore, add: boolean): VariantGroup | undefined {
    let byVignette = this.groups.get(s.modelId);
    if (!byVignette && add) this.groups.set(s.modelId, (byVignette = new Map()));
    let byCues = byVignette?.get(s.vignetteId);
    if (!byCues && add) byVignette!.set(s.vignetteId, (byCues = new Map()));
    const cues = s.cues ?? '';
    let group = byCues?.get(cues);
    if (!group && add) byCues!.set(cues, (group = { byKey: new Map() }));
    return group;
  }

  /** The last entry of variant `v` at `replicate` (entries of one replicate are in row order). */
  private lastAt(v: number, replicate: number): number | undefined {
    let low = this.starts[v]!;
    let high = this.starts[v + 1]!;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.replicates[mid]! <= replicate) low = mid + 1;
      else high = mid;
    }
    return low > this.starts[v]! && this.replicates[low - 1] === replicate ? this.rows[low - 1] : undefined;
  }

  /** Entries from `start` to `end` in replicate order, row order kept within a replicate (usually already so). */
  private sortByReplicate(start: number, end: number): void {
    let sorted = true;
    for (let i = start + 1; i < end && sorted; i++) sorted = this.replicates[i - 1]! <= this.replicates[i]!;
    if (sorted) return;
    const entries = Array.from({ length: end - start }, (_, i) => [this.replicates[start + i]!, this.rows[start + i]!] as const);
    entries.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    entries.forEach(([replicate, row], i) => {
      this.replicates[start + i] = replicate;
      this.rows[start + i] = row;
    });
  }
}
