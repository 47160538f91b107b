import type { Perspective, QuestionType } from '../template/types.js';
import type { ParaphraseSource } from './paraphrase.js';
import type { CueMode } from '../template/render.js';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/**
 * `reference`: every axis at its reference level; `demographic`: one or more axes at another level;
 * `no-demographics`: the control with every varied non-age axis unstated (pinned facts and age kept); `paraphrase`: a paraphrase control at reference levels, either an
 * authored rewording or the text with an added neutral sentence (see `Variant.paraphrase`).
 */
export type VariantKind = 'reference' | 'demographic' | 'no-demographics' | 'paraphrase';

/** One vignette rendered with one assignment of levels. */
export interface Variant {
  vignetteId: string;
  /**
   * `<vignetteId>~ref`, `<vignetteId>~<axis>=<level>[,<axis>=<level>...]` (axes away from reference),
   * `<vignetteId>~none`, `<vignetteId>~paraphrase-<n>`; in a study that crosses cue modes the reference and level ids
   * end in `@<mode>` (`<vignetteId>~race=black@implicit`).
   */
  variantId: string;
  kind: VariantKind;
  domain: string;
  perspective: Perspective;
  questionType: QuestionType;
  /** Level of every study axis in this variant (axis -> level id); excluded axes at their pinned value. */
  attributes: Record<string, string>;
  /** Axes this vignette never varies, with the pinned value. */
  pinned: Record<string, string>;
  /** Exactly what is sent: the study system prompt then the case. A model with its own prompt replaces the first. */
  messages: ChatMessage[];
  /** Character spans of the user message that carry demographic cues (for masking and blinded review). */
  cueSpans: [number, number][];
  /** Paraphrase controls only: an authored rewording, or the unchanged text with an added neutral sentence. */
  paraphrase?: ParaphraseSource;
  /**
   * The cue mode the variant is rendered in, recorded only by a study that crosses modes (`cues: [explicit,
   * implicit]`; its ids then end in `@<mode>`); `none` for the no-demographics control. Absent: the study's one mode.
   */
  cues?: CueMode;
}
