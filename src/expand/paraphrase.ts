import type { Vignette } from '../template/types.js';
import { hashUniform } from '../util/hash.js';

/**
 * What a paraphrase control is: `authored`, a rewording the vignette's author wrote (checked at load to keep every
 * number, unit and placeholder of the text); `added-sentence`, the unchanged text plus one neutral sentence, used
 * when the study asks for more paraphrase controls than the author wrote. The second measures sensitivity to extra
 * text, not to rewording, so the report names it apart.
 */
export type ParaphraseSource = 'authored' | 'added-sentence';

/**
 * Clinically and demographically irrelevant sentences. When a study asks for more paraphrase controls than a
 * vignette's author wrote, the extra ones are the text plus one of these: a change that should not change any
 * answer, so the flip rate it causes is part of the model's ordinary sensitivity to the text.
 */
const IRRELEVANT_DETAILS = [
  'The waiting room was quiet at the time.',
  'The visit took place on a weekday.',
  'It had been raining earlier that day.',
  'The electronic record was updated during the visit.',
  'The room had recently been repainted.',
  'A routine fire-alarm test was scheduled for later that day.',
  'The parking lot was half full.',
  'The clinic had changed its telephone system that month.',
];

/** Which the i-th paraphrase control (1-based) of a vignette with `authored` rewordings is. */
export function paraphraseSource(authored: number, index: number): ParaphraseSource {
  return index <= authored ? 'authored' : 'added-sentence';
}

/** The i-th paraphrase control (1-based) of a vignette's text: authored ones first, then added-sentence ones. */
export function paraphraseText(
  text: string,
  authored: readonly string[],
  index: number,
  seed: number,
  vignetteId: string,
): { text: string; source: ParaphraseSource } {
  const written = authored[index - 1];
  if (written !== undefined) return { text: written, source: 'authored' };
  const pick = Math.floor(hashUniform(seed, 'paraphrase', vignetteId, String(index)) * IRRELEVANT_DETAILS.length);
  const detail = IRRELEVANT_DETAILS[(pick + index) % IRRELEVANT_DETAILS.length]!;
  // Before the final paragraph's cue sentences would be ideal, but appending keeps every placeholder intact.
  return { text: `${text.trimEnd()} ${detail}`, source: 'added-sentence' };
}

/** How many paraphrase controls of each source a study with `perVignette` controls builds for these vignettes. */
export function paraphraseSourceCounts(
  vignettes: readonly Pick<Vignette, 'paraphrases'>[],
  perVignette: number,
): Record<ParaphraseSource, number> {
  const counts: Record<ParaphraseSource, number> = { authored: 0, 'added-sentence': 0 };
  for (const v of vignettes) for (let i = 1; i <= perVignette; i++) counts[paraphraseSource(v.paraphrases.length, i)]++;
  return counts;
}
