import { describeNameFallback } from '../../demographics/names.js';
import type { ReportContext } from '../sources.js';
import { manifestCueModes } from '../../pipeline/manifest.js';

/**
 * The generic names a study allowed for levels without a name pool (`names: { allow_fallback: true }`), as one
 * sentence for the report, or undefined when the run named every patient from a pool (or used explicit cues).
 */
export function nameFallbackSentence(ctx: ReportContext): string | undefined {
  const names = ctx.manifest.names;
  if (!names || names.fallbacks.length === 0) return undefined;
  const listed = names.fallbacks.map((f) => describeNameFallback(f, ctx.levelLabel)).join('; ');
  const stated = manifestCueModes(ctx.manifest).includes('both') ? ' beyond the stated descriptor' : '';
  return `Name cues: as the study allowed, a generic (Faker) name part was used for ${listed}. A generic part is drawn from the vignette (and sex) alone, so it is the same for every level that gets one and signals nothing about the level; where a level's whole name is generic, its contrast does not test a name cue${stated}.`;
}
