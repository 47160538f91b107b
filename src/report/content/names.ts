import { describeNameFallback } from '../../demographics/names.js';
import type { ReportContext } from '../sources.js';

/**
 * The generic names a study allowed for levels without a name pool (`names: { allow_fallback: true }`), as one
 * sentence for the report, or undefined when the run named every patient from a pool (or used explicit cues).
 */
export function nameFallbackSentence(ctx: ReportContext): string | undefined {
  const names = ctx.manifest.names;
  if (!names || names.fallbacks.length === 0) return undefined;
  const listed = names.fallbacks.map((f) => describeNameFallback(f, ctx.levelLabel)).join('; ');
  const stated = ctx.manifest.study.cues === 'both' ? ' beyond the stated descriptor' : '';
  return `Name cues: no name pool exists for ${listed}. The study allowed generic (Faker) names there, the same for every level without a pool, so those names signal nothing and these levels' contrasts do not test a name cue${stated}.`;
}
