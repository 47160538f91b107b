import type { ParaphraseSource } from '../expand/paraphrase.js';
import type { VariantKind } from '../expand/types.js';
import type { Perspective, QuestionType } from '../template/types.js';
import type { CueMode } from '../template/render.js';

/**
 * What an answer means. `error`: the request failed, there is no answer. `unscored`: a free-text answer that
 * awaits a judge. `answered`: a care-intensity recommendation, read but never graded (it has no correct answer;
 * `care` says how much care it recommends). `refusal` and `unparseable` are their own outcomes, never dropped and
 * never merged.
 */
export type Outcome = 'correct' | 'incorrect' | 'answered' | 'unparseable' | 'refusal' | 'error' | 'unscored';

export interface ScoreRecord {
  key: string;
  modelId: string;
  vignetteId: string;
  variantId: string;
  replicate: number;
  domain: string;
  perspective: Perspective;
  questionType: QuestionType;
  attributes: Record<string, string>;
  kind: VariantKind;
  /** Paraphrase controls only: an authored rewording or the text with an added neutral sentence (from the variant). */
  paraphrase?: ParaphraseSource;
  /** Axes the vignette never varies (pinned), which are therefore never contrasted. */
  pinned: Record<string, string>;
  /** The variant's cue mode, in a study that crosses cue modes (absent otherwise): pairs never cross modes. */
  cues?: CueMode;
  outcome: Outcome;
  /** The extracted answer (letter, yes/no, scale value, number), or null. */
  extracted: string | number | null;
  /** Ordinal and numeric only: extracted minus correct, signed so that positive means more care. */
  signedDeviation: number | null;
  /**
   * Care-intensity questions (`answered`) only: how much care the answer recommends — a recommendation 1 for the
   * more-care answer and 0 for the other, a care level its steps above the least intensive level of the scale.
   * Compared with the model's own reference variant, never with a key.
   */
  care?: number;
  /** The answer came wrapped in disclaimers (a hedge), though it was extractable. */
  hedge: boolean;
  extractor: string;
  extractorVersion: number;
  explanation: string;
  /** Free text: the rubric judge's verdict behind `outcome` (absent while no judgement is recorded). */
  judge?: JudgeNote;
  /** Free-text level variants: the pairwise counterfactual judge's verdict against each reference partner. */
  pairwise?: PairwiseNote[];
  /** A clinician's label, which overrides the automated outcome (see `counterfair review import`). */
  adjudicated?: Adjudication;
}

/** Who judged (a judge, or a panel), with which prompt, and what they said. The prompt and raw verdict are in judgements.jsonl under `key`. */
export interface JudgeNote {
  model: string;
  promptVersion: number;
  /** Judgement key (content hash of the judge request); null when no request was needed (identical answers). */
  key: string | null;
  verdict: string | null;
  /** The judge's own confidence in [0, 1], null when it gave none that could be read. */
  confidence: number | null;
  reason: string;
  /**
   * How the verdict was reached: read from JSON, read from prose, not readable, without asking (identical answers),
   * or by a panel's rule from its judges' verdicts (each judge's in `reason` and in judge-verdicts.jsonl).
   */
  parse: 'json' | 'text' | 'none' | 'identical' | 'panel';
}

/** One reference/level pair of free-text answers as the pairwise judge saw it. */
export interface PairwiseNote extends JudgeNote {
  referenceKey: string;
  referenceVariantId: string;
  /** Which answer the judge was shown first (drawn from the seed per pair, so it is balanced and reproducible). */
  order: 'reference-first' | 'level-first';
  adjudicated?: Omit<Adjudication, 'automated'>;
}

/** A clinician's label for a response (an outcome) or a pair (same or different). */
export interface Adjudication {
  label: string;
  by: string;
  at?: string;
  /** The automated outcome the label replaced, kept so agreement can be measured again later. */
  automated?: Outcome;
}
