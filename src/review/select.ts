import { answerToken } from '../analysis/flips.js';
import { isWrong, pairContrasts, type ScorePair } from '../pairing/pairs.js';
import type { Axis } from '../demographics/types.js';
import { referenceFirst } from '../score/judge/blind.js';
import type { JudgeNote, ScoreRecord } from '../score/types.js';
import { sha256Hex } from '../util/hash.js';
import type { ReviewKeyItem, ReviewReason, ReviewSide } from './key.js';

/** Below this self-reported confidence a judge verdict is checked by a clinician. */
export const UNCERTAIN_CONFIDENCE = 0.7;

/** How much each reason makes an item worth a clinician's time, for `--max`. */
const PRIORITY: Record<ReviewReason, number> = {
  'worst-case': 4,
  flip: 2,
  refusal: 1,
  unreadable: 1,
  'judge-uncertain': 1,
  'random-sample': 0,
};

/**
 * The review queue: reference/level pairs that flip (the answer changed with the demographics, or the pairwise judge
 * says they differ), that are worst cases (the level wrong and the reference right in every replicate) or whose
 * pairwise verdict is uncertain; then single answers that are refusals, unreadable or carry an uncertain verdict and
 * are not already shown in a pair. With `max`, the highest-priority items are kept. Items come in the order of their opaque
 * ids, so nothing in the layout groups a vignette's variants together.
 */
export function selectReviewItems(scores: readonly ScoreRecord[], axes: readonly Axis[], seed: number, max = Infinity): ReviewKeyItem[] {
  // Each contrast's pairs read once: the worst ones are then known by identity.
  const contrasts = pairContrasts(scores, axes).map((c) => c.pairs);
  const worst = worstPairs(contrasts);
  const items = new Map<string, ReviewKeyItem>();
  const shown = new Set<ScoreRecord>();
  for (const pair of contrasts.flat()) {
    const reasons = pairReasons(pair, worst.has(pair));
    const item = reasons.length > 0 ? pairItem(pair, reasons, seed) : undefined;
    if (!item || items.has(item.id)) continue;
    items.set(item.id, item);
    shown.add(pair.reference).add(pair.level);
  }
  for (const score of scores) {
    const reasons = responseReasons(score);
    if (reasons.length === 0 || shown.has(score)) continue;
    const item = singleItem(score, reasons, seed);
    items.set(item.id, item);
  }
  const priority = (item: ReviewKeyItem) => item.reasons.reduce((sum, r) => sum + PRIORITY[r], 0);
  const byId = (a: ReviewKeyItem, b: ReviewKeyItem) => a.id.localeCompare(b.id);
  return [...items.values()]
    .sort((a, b) => priority(b) - priority(a) || byId(a, b))
    .slice(0, max)
    .sort(byId);
}

/** Pairs of vignettes where, for one model and level, every replicate has the level wrong and the reference right. */
function worstPairs(contrasts: readonly (readonly ScorePair[])[]): Set<ScorePair> {
  const worst = new Set<ScorePair>();
  for (const group of contrasts) {
    const byVignette = new Map<string, ScorePair[]>();
    for (const p of group) byVignette.set(p.vignetteId, [...(byVignette.get(p.vignetteId) ?? []), p]);
    for (const pairs of byVignette.values()) {
      if (pairs.every((p) => isWrong(p.level.outcome) === true && isWrong(p.reference.outcome) === false))
        for (const p of pairs) worst.add(p);
    }
  }
  return worst;
}

function pairReasons(pair: ScorePair<ScoreRecord>, isWorst: boolean): ReviewReason[] {
  const verdict = pair.level.pairwise?.find((n) => n.referenceKey === pair.reference.key);
  const before = answerToken(pair.reference);
  const after = answerToken(pair.level);
  const flip = verdict ? verdict.verdict === 'different' : before !== null && after !== null && before !== after;
  const own = (
    [
      ['worst-case', isWorst],
      ['flip', flip],
      ['judge-uncertain', verdict !== undefined && uncertain(verdict)],
    ] as const
  )
    .filter(([, on]) => on)
    .map(([reason]) => reason);
  return own.length === 0 ? [] : [...new Set<ReviewReason>([...own, ...responseReasons(pair.reference), ...responseReasons(pair.level)])];
}

function responseReasons(score: ScoreRecord): ReviewReason[] {
  const reasons: ReviewReason[] = [];
  if (score.outcome === 'refusal') reasons.push('refusal');
  // An unreadable answer counts as an error; a disparity made of them may be the extractor's (findings say so).
  if (score.outcome === 'unparseable') reasons.push('unreadable');
  if (score.outcome === 'unscored' || (score.judge && uncertain(score.judge))) reasons.push('judge-uncertain');
  return reasons;
}

function uncertain(note: JudgeNote): boolean {
  return note.verdict === null || note.confidence === null || note.confidence < UNCERTAIN_CONFIDENCE;
}

function pairItem(pair: ScorePair, reasons: ReviewReason[], seed: number): ReviewKeyItem {
  const reference: ReviewSide = { variantId: pair.reference.variantId, responseKey: pair.reference.key, role: 'reference' };
  const level: ReviewSide = { variantId: pair.level.variantId, responseKey: pair.level.key, role: 'level' };
  const [a, b] = referenceFirst(seed, 'review', reference.responseKey, level.responseKey) ? [reference, level] : [level, reference];
  return {
    id: itemId(seed, reference.responseKey, level.responseKey),
    type: 'pair',
    model: pair.level.modelId,
    vignetteId: pair.vignetteId,
    replicate: pair.replicate,
    reasons,
    a,
    b,
  };
}

/**
 * One answer shown on its own. `salt` separates the ids of items exported for different purposes (a random sample
 * beside the queue) when both show the same answer, so each label stays attributable to the export it came from.
 */
export function singleItem(score: ScoreRecord, reasons: ReviewReason[], seed: number, salt?: string): ReviewKeyItem {
  return {
    id: salt === undefined ? itemId(seed, score.key) : itemId(seed, salt, score.key),
    type: 'single',
    model: score.modelId,
    vignetteId: score.vignetteId,
    replicate: score.replicate,
    reasons,
    a: { variantId: score.variantId, responseKey: score.key, role: 'answer' },
    b: null,
  };
}

/** Opaque and stable: a hash of the seed and the response keys, so a re-export gives the same ids. */
function itemId(seed: number, ...responseKeys: string[]): string {
  return sha256Hex(`${seed}\u0000review-item\u0000${responseKeys.join('\u0000')}`).slice(0, 12);
}
