import { isFlip } from '../../analysis/flips.js';
import { eachPair } from '../../pairing/pairs.js';
import type { ReportLookups } from '../sources.js';
import type { CueMode } from '../../template/render.js';
import { byText } from '../order.js';

/** One vignette × level cell: how many of its usable reference/level pairs changed answer (replicates pair up). */
export interface FlipCell {
  model: string;
  axis: string;
  level: string;
  /** The cue mode, in a run that crosses cue modes. */
  cues?: CueMode;
  vignetteId: string;
  nPairs: number;
  flips: number;
  share: number;
}

/**
 * The flips behind the flip rates, per vignette and level, with the same rule as the analysis: a flip is a
 * pair whose scored answers differ, pairs without an answer on either side do not count. Ordered by vignette,
 * then contrast in findings order.
 */
export function flipMatrix(ctx: Pick<ReportLookups, 'contrasts' | 'contrastOrder'>): FlipCell[] {
  const cells = new Map<string, FlipCell>();
  for (const contrast of ctx.contrasts) {
    for (const pair of eachPair(contrast)) {
      const flip = isFlip(pair);
      if (flip === null) continue;
      const key = `${contrast.modelId}\u0000${contrast.axis}\u0000${contrast.level}\u0000${contrast.cues ?? ''}\u0000${pair.vignetteId}`;
      const cell = cells.get(key) ?? {
        model: contrast.modelId,
        axis: contrast.axis,
        level: contrast.level,
        ...(contrast.cues ? { cues: contrast.cues } : {}),
        vignetteId: pair.vignetteId,
        nPairs: 0,
        flips: 0,
        share: 0,
      };
      cell.nPairs++;
      if (flip) cell.flips++;
      cell.share = cell.flips / cell.nPairs;
      cells.set(key, cell);
    }
  }
  return [...cells.values()].sort((x, y) => byText(x.vignetteId, y.vignetteId) || ctx.contrastOrder(x, y));
}
