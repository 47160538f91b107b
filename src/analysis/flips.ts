import type { ParaphraseSource } from '../expand/paraphrase.js';
import { scoresWhere, type ScoreList } from '../score/rows.js';
import type { AnalysedScore } from '../score/table.js';
import { pairedT } from '../stats/pairedT.js';
import { wilsonInterval } from '../stats/wilson.js';
import { eachPair, type ContrastPairs } from '../pairing/pairs.js';

/**
 * The answer as a comparable token: the extracted value, or the outcome where nothing is extracted (refusals,
 * unparseable answers, judged free text). Null when there is no answer.
 */
export function answerToken(s: AnalysedScore): string | null {
  if (s.outcome === 'error' || s.outcome === 'unscored') return null;
  return s.extracted === null ? `(${s.outcome})` : String(s.extracted);
}

/**
 * Whether a pair's answers differ; null when either side has no answer to compare. For free text the clinician's
 * pair label decides, else the pairwise counterfactual judge's verdict (same or different in clinical substance),
 * else whether the graded outcomes differ.
 */
export function isFlip(pair: { reference: AnalysedScore; level: AnalysedScore }): boolean | null {
  const note = pair.level.pairwise?.find((p) => p.referenceKey === pair.reference.key);
  const verdict = note?.adjudicated?.label ?? note?.verdict;
  if (verdict === 'same' || verdict === 'different') return verdict === 'different';
  const a = answerToken(pair.reference);
  const b = answerToken(pair.level);
  return a === null || b === null ? null : a !== b;
}

/**
 * Which paraphrase floor a paired excess was measured against: `authored` (every vignette had authored rewordings),
 * `added-sentence` (none had: the floor is sensitivity to an added neutral sentence, not to rewording), or `mixed`
 * (each vignette its own: authored where it has them, added sentence elsewhere).
 */
export type FloorSource = ParaphraseSource | 'mixed';

/**
 * How the paired excess's 95% interval relates to 0: `above-floor` (excludes 0 from above: more sensitive to the
 * demographic change than to the floor's change), `within-floor` (covers 0: not distinguishable from that noise —
 * which is not evidence of no effect), `below-floor` (excludes 0 from below).
 */
export type ExcessVerdict = 'above-floor' | 'within-floor' | 'below-floor';

/** How often answers changed over a set of pairs, and by how much more than under the paraphrase controls. */
export interface FlipStats {
  nPairs: number;
  flips: number;
  rate: number;
  ci: [number, number];
  /**
   * Excess of the flip rate over the paraphrase floor, paired by vignette (see `pairedExcess`): over the vignettes
   * with both usable pairs here and usable paraphrase pairs. Null without paraphrase controls on any of them.
   */
  excess: number | null;
  /** 95% paired t interval of `excess` over vignettes; null with fewer than 2 vignettes or no variability between them. */
  excessCi: [number, number] | null;
  /** The floor `excess` is measured against: the mean of the per-vignette floors. */
  excessFloor: number | null;
  /** Which paraphrase controls `excessFloor` is made of. */
  floorSource: FloorSource | null;
  /** Vignettes behind `excess`. */
  excessVignettes: number;
  excessVerdict: ExcessVerdict | null;
}

export interface FlipRate extends FlipStats {
  model: string;
  axis: string;
  level: string;
  /** Flip rate minus the model's pooled paraphrase floor (a point difference, not paired; no interval); null without one. */
  excessOverParaphrase: number | null;
}

/** What each paraphrase floor measures, in words: an added sentence is never called a rewording. */
export const FLOOR_NAMES: Record<FloorSource, string> = {
  authored: 'authored rewording',
  'added-sentence': 'added neutral sentence',
  mixed: 'authored rewording where the vignette has one, else added neutral sentence',
};

/**
 * What the paired excess allows one to say about `change` (e.g. "the demographic change"), against the floor it
 * used: more (or less) sensitive than to that floor's change when the interval excludes 0; otherwise not
 * distinguishable from that noise — which is not evidence of no effect.
 */
export function excessReading(stats: Pick<FlipStats, 'excessVerdict' | 'floorSource' | 'excess'>, change: string): string {
  if (stats.floorSource === null) return 'no paraphrase floor to compare with';
  const floor =
    stats.floorSource === 'mixed'
      ? 'the paraphrase controls (authored rewording, else added neutral sentence)'
      : stats.floorSource === 'authored'
        ? 'an authored rewording'
        : 'an added neutral sentence';
  switch (stats.excessVerdict) {
    case null:
      return `no interval could be estimated, so it cannot be told apart from the noise under ${floor}`;
    case 'above-floor':
      return `more sensitive to ${change} than to ${floor}`;
    case 'below-floor':
      return `less sensitive to ${change} than to ${floor}`;
    case 'within-floor':
      return `not distinguishable from the noise under ${floor}`;
  }
}

export interface FloorRate {
  nPairs: number;
  rate: number;
  ci: [number, number];
}

/** A model's own instability: how often answers change when nothing demographic changes. */
export interface NoiseFloor {
  model: string;
  /** Reference answer changed between consecutive replicates of the same variant (null with one replicate). */
  replicate: FloorRate | null;
  /** Reference answer changed under any paraphrase control, both sources pooled (null without paraphrase controls). */
  paraphrase: FloorRate | null;
  /**
   * The paraphrase floor per source: `authored` (the author's rewordings) and `added-sentence` (the unchanged text
   * plus one neutral sentence — not a rewording). Scores without a recorded source count in the pooled floor only.
   */
  paraphraseBySource: Record<ParaphraseSource, FloorRate | null>;
}

/**
 * Flips: pairs whose scored answer differs between the reference and the level variant although only the
 * demographics changed. Reported beside the noise floors, because some flipping is the model's own noise.
 */
export function analyzeFlips(
  contrasts: readonly ContrastPairs[],
  scores: ScoreList,
  modelIds: readonly string[],
): { flips: FlipRate[]; floors: NoiseFloor[] } {
  const floors = modelIds.map((m) => noiseFloor(m, scores));
  const paraphrases = paraphraseFlipsByVignette(scores);
  const flips = contrasts.map((group): FlipRate => {
    const stats = flipStats(eachPair(group), paraphrases.get(group.modelId) ?? new Map());
    const floor = floors.find((f) => f.model === group.modelId)?.paraphrase;
    return {
      model: group.modelId,
      axis: group.axis,
      level: group.level,
      ...stats,
      excessOverParaphrase: floor ? stats.rate - floor.rate : null,
    };
  });
  return { flips, floors };
}

/** Flip rate of some pairs with its Wilson interval, and its paired excess over the paraphrase floor. */
export function flipStats(
  pairs: Iterable<{ vignetteId: string; reference: AnalysedScore; level: AnalysedScore }>,
  paraphrases: ReadonlyMap<string, SourceCounts>,
): FlipStats {
  let n = 0;
  let k = 0;
  const byVignette = new Map<string, { pairs: number; flips: number }>();
  for (const pair of pairs) {
    const flip = isFlip(pair);
    if (flip === null) continue;
    n++;
    if (flip) k++;
    const v = byVignette.get(pair.vignetteId) ?? { pairs: 0, flips: 0 };
    v.pairs++;
    if (flip) v.flips++;
    byVignette.set(pair.vignetteId, v);
  }
  return { nPairs: n, flips: k, rate: n ? k / n : NaN, ci: interval(k, n), ...pairedExcess(byVignette, paraphrases) };
}

/** Usable paraphrase pairs and their flips, per source. */
export type SourceCounts = Record<ParaphraseSource, { pairs: number; flips: number }>;

/**
 * The excess of a level's flip rate over the paraphrase floor, paired by vignette. For vignette v: its level flip
 * rate L_v = k_v / n_v (k_v of its n_v usable level pairs flipped: one per replicate, more in factorial designs)
 * and its floor P_v = f_v / m_v (f_v of its m_v usable paraphrase pairs — reference against control, same
 * replicate — changed answer), from its authored rewordings when it has any usable, else from its added-sentence
 * copies. Over the G vignettes with n_v > 0 and m_v > 0, each vignette counting once (the vignette is the unit
 * that is sampled; its replicates are not independent):
 *
 *   excess = (1/G)·Σ_v (L_v − P_v),   excessFloor = (1/G)·Σ_v P_v,
 *
 * and the 95% interval is the paired t interval of the differences d_v = L_v − P_v (`pairedT`:
 * d̄ ± t_{0.975, G−1}·s_d/√G), which keeps a vignette's level and paraphrase flips together. In bench:flip-excess
 * (400 studies per cell, 10 to 110 vignettes, 1 or 2 replicates) it covered 93.5–99.2%, where the percentile
 * cluster bootstrap of the same statistic covered 88.3–97.7% (below 92% in 6 of 16 cells). Convention: no interval (null) when G < 2 or when every vignette has the same difference (s_d = 0:
 * no variability is measured, and the interval would be a point). When every vignette has the same number of level
 * pairs (one-at-a-time designs without lost answers), excess = flip rate − excessFloor.
 */
export function pairedExcess(
  level: ReadonlyMap<string, { pairs: number; flips: number }>,
  paraphrase: ReadonlyMap<string, SourceCounts>,
): Pick<FlipStats, 'excess' | 'excessCi' | 'excessFloor' | 'floorSource' | 'excessVignettes' | 'excessVerdict'> {
  const levelRates: number[] = [];
  const floors: number[] = [];
  const sources = new Set<ParaphraseSource>();
  for (const vignetteId of [...level.keys()].sort()) {
    const l = level.get(vignetteId)!;
    const controls = paraphrase.get(vignetteId);
    if (!controls || l.pairs === 0) continue;
    const source: ParaphraseSource | undefined =
      controls.authored.pairs > 0 ? 'authored' : controls['added-sentence'].pairs > 0 ? 'added-sentence' : undefined;
    if (!source) continue;
    sources.add(source);
    levelRates.push(l.flips / l.pairs);
    floors.push(controls[source].flips / controls[source].pairs);
  }
  const G = levelRates.length;
  if (G === 0) return { excess: null, excessCi: null, excessFloor: null, floorSource: null, excessVignettes: 0, excessVerdict: null };
  const floorSource: FloorSource = sources.size > 1 ? 'mixed' : [...sources][0]!;
  const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const t = G >= 2 ? pairedT(levelRates, floors) : undefined;
  const excessCi: [number, number] | null = t && t.ciLow < t.ciHigh ? [t.ciLow, t.ciHigh] : null;
  const excessVerdict: ExcessVerdict | null = !excessCi
    ? null
    : excessCi[0] > 0
      ? 'above-floor'
      : excessCi[1] < 0
        ? 'below-floor'
        : 'within-floor';
  return {
    excess: t?.meanDiff ?? levelRates[0]! - floors[0]!,
    excessCi,
    excessFloor: mean(floors),
    floorSource,
    excessVignettes: G,
    excessVerdict,
  };
}

/** model -> vignette -> usable paraphrase pairs and flips per source (reference and control of the same replicate). */
export function paraphraseFlipsByVignette(scores: ScoreList): Map<string, Map<string, SourceCounts>> {
  const references = referencesByCell(scores);
  const out = new Map<string, Map<string, SourceCounts>>();
  for (const s of scores) {
    if (s.kind !== 'paraphrase' || !s.paraphrase) continue;
    const flip = paraphraseFlip(references, s);
    if (flip === null) continue;
    let byVignette = out.get(s.modelId);
    if (!byVignette) out.set(s.modelId, (byVignette = new Map()));
    let counts = byVignette.get(s.vignetteId);
    if (!counts) byVignette.set(s.vignetteId, (counts = { authored: { pairs: 0, flips: 0 }, 'added-sentence': { pairs: 0, flips: 0 } }));
    counts[s.paraphrase].pairs++;
    if (flip) counts[s.paraphrase].flips++;
  }
  return out;
}

const cellKey = (s: Pick<AnalysedScore, 'modelId' | 'vignetteId' | 'replicate'>, replicate = s.replicate) =>
  `${s.modelId}\u0000${s.vignetteId}\u0000${replicate}`;

/** The reference score of every model × vignette × replicate. */
export function referencesByCell(scores: ScoreList): Map<string, AnalysedScore> {
  const references = new Map<string, AnalysedScore>();
  for (const s of scores) if (s.kind === 'reference') references.set(cellKey(s), s);
  return references;
}

/** The reference variant of the same model, vignette and replicate as `s`, if scored. */
export function referenceOf(references: ReadonlyMap<string, AnalysedScore>, s: AnalysedScore): AnalysedScore | undefined {
  return references.get(cellKey(s));
}

/** Whether a control's answer differs from its reference's (same vignette and replicate); null when either has none. */
function paraphraseFlip(references: ReadonlyMap<string, AnalysedScore>, s: AnalysedScore): boolean | null {
  const ref = referenceOf(references, s);
  const a = ref ? answerToken(ref) : null;
  const b = answerToken(s);
  return a === null || b === null ? null : a !== b;
}

function noiseFloor(model: string, scores: ScoreList): NoiseFloor {
  const own = scoresWhere(scores, (s) => s.modelId === model);
  const references = referencesByCell(own);
  let replicatePairs = 0;
  let replicateFlips = 0;
  for (const s of references.values()) {
    if (s.replicate === 0) continue;
    const previous = references.get(cellKey(s, s.replicate - 1));
    const a = previous ? answerToken(previous) : null;
    const b = answerToken(s);
    if (a === null || b === null) continue;
    replicatePairs++;
    if (a !== b) replicateFlips++;
  }
  const paraphrase = { pairs: 0, flips: 0 };
  const bySource: SourceCounts = { authored: { pairs: 0, flips: 0 }, 'added-sentence': { pairs: 0, flips: 0 } };
  for (const s of own) {
    if (s.kind !== 'paraphrase') continue;
    const flip = paraphraseFlip(references, s);
    if (flip === null) continue;
    for (const counts of s.paraphrase ? [paraphrase, bySource[s.paraphrase]] : [paraphrase]) {
      counts.pairs++;
      if (flip) counts.flips++;
    }
  }
  const floor = (c: { pairs: number; flips: number }): FloorRate | null =>
    c.pairs ? { nPairs: c.pairs, rate: c.flips / c.pairs, ci: interval(c.flips, c.pairs) } : null;
  return {
    model,
    replicate: floor({ pairs: replicatePairs, flips: replicateFlips }),
    paraphrase: floor(paraphrase),
    paraphraseBySource: { authored: floor(bySource.authored), 'added-sentence': floor(bySource['added-sentence']) },
  };
}

export function interval(k: number, n: number): [number, number] {
  if (n === 0) return [NaN, NaN];
  const w = wilsonInterval(k, n);
  return [w.low, w.high];
}
