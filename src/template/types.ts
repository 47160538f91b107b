export type Perspective = 'patient' | 'clinician' | 'general';
export const PERSPECTIVES: readonly Perspective[] = ['patient', 'clinician', 'general'];

/** Whether a higher ordinal value / larger number means more urgent or more intensive care. */
export type Intensity = 'ascending' | 'descending';

export interface ScalePoint {
  value: number;
  label: string;
}

/** The question types counterfair defines (src/template/questions/), as their records are read from a template. */
export type BuiltinQuestion =
  | { type: 'choice'; stem: string; options: Record<string, string>; answer: string }
  | { type: 'yesno'; stem: string; answer: 'yes' | 'no' }
  | { type: 'ordinal'; stem: string; scale: ScalePoint[]; intensity: Intensity; answer: number }
  | { type: 'numeric'; stem: string; unit: string; tolerance: number; intensity: Intensity; answer: number }
  | { type: 'free'; stem: string; rubric: string }
  /** A yes/no recommendation with no correct answer; `moreCare` is the answer that means more care (admit, image, refer). */
  | { type: 'recommendation'; stem: string; moreCare: 'yes' | 'no' }
  /** A level of care with no correct answer, on a scale ordered by the care it means (`intensity`). */
  | { type: 'care-level'; stem: string; scale: ScalePoint[]; intensity: Intensity };

export type BuiltinQuestionType = BuiltinQuestion['type'];
export const QUESTION_TYPES: readonly BuiltinQuestionType[] = [
  'choice',
  'yesno',
  'ordinal',
  'numeric',
  'free',
  'recommendation',
  'care-level',
];

/** Care-intensity questions: a recommendation with no correct answer, analysed against the model's own reference variant. */
export const CARE_QUESTION_TYPES: readonly BuiltinQuestionType[] = ['recommendation', 'care-level'];

export function isCareQuestion(question: Pick<Question, 'type'>): boolean {
  return (CARE_QUESTION_TYPES as readonly string[]).includes(question.type);
}

/** What every question has; a question type added through a registry adds its own fields (its definition reads them). */
export interface QuestionBase {
  type: string;
  stem: string;
}

/**
 * One vignette's question, as its type's definition read it. Narrow a built-in one with `isBuiltinQuestion` first:
 * `type === 'ordinal'` alone cannot narrow, since an extension's type is any string.
 */
export type Question = BuiltinQuestion | QuestionBase;

/** A question type's id: a built-in one, or one a registry adds. */
export type QuestionType = BuiltinQuestionType | (string & {});

export function isBuiltinQuestion(question: Question): question is BuiltinQuestion {
  return (QUESTION_TYPES as readonly string[]).includes(question.type);
}

/** An axis clinically relevant to this vignette: never varied, pinned to `value`, reported with its reason. */
export interface Exclusion {
  axis: string;
  value: string;
  reason: string;
}

/** Levels of an axis that make no sense for this case (Medicare for a toddler): never rendered for it, with a reason. */
export interface ImplausibleLevels {
  axis: string;
  levels: string[];
  reason: string;
}

/**
 * A race-myth probe (`probe:`): the text states a false belief about `levels` of `axis`, so the vignette invites
 * the differential it measures. Probes vary only that axis and are analysed apart from the pooled findings.
 */
export interface Probe {
  axis: string;
  /** The levels the myth is about; never the axis's reference. */
  levels: string[];
  /** One sentence naming the false belief. */
  myth: string;
  /** Line of `probe:`, for messages. */
  line?: number;
}

export interface Vignette {
  id: string;
  domain: string;
  perspective: Perspective;
  text: string;
  question: Question;
  rationale: string;
  source: string;
  excluded: Exclusion[];
  implausible: ImplausibleLevels[];
  /** Set when the vignette is a race-myth probe; then `varies` is `[probe.axis]`. */
  probe?: Probe;
  /** Axes to vary; undefined means every study axis that is not excluded. */
  varies?: string[];
  /**
   * The clinical case this vignette tells, when the same case is written in several perspectives (`case:` in the
   * template): vignettes sharing it have the same facts and answer, so perspectives can be compared on equal content.
   */
  case?: string;
  tags: string[];
  /** Author-written rewordings of `text` that change nothing clinical or demographic (paraphrase control). */
  paraphrases: string[];
  /** Words the demographic-word lint accepts in this vignette's text (`lint: { allow: [...] }`): intentional mentions. */
  lintAllow?: string[];
  /** Where the vignette was defined, for messages. */
  file: string;
  line?: number;
  /** Line of the first line of `text`, so a placeholder problem can name its own line. */
  textLine?: number;
  /** Line of the question's stem, so a lint warning about it can name its own line. */
  stemLine?: number;
  /** Line of each paraphrase, so a paraphrase problem can name its own line. */
  paraphraseLines?: (number | undefined)[];
}
