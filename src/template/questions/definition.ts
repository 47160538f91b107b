import type { Variant } from '../../expand/types.js';
import type { Extraction } from '../../score/extract/types.js';
import type { FieldReader } from '../../util/fields.js';
import type { FieldPath } from '../../util/yaml.js';
import type { QuestionBase } from '../types.js';

/** Reads one answer's text to a prepared question: an answer, a refusal or unparseable. */
export type AnswerReader = (text: string) => Extraction<string | number>;

type Extract<Q extends QuestionBase> = NonNullable<QuestionTypeDefinition<Q>['extract']>;

const PREPARE = Symbol('prepare a reader');

/**
 * An `extract` built from a function that prepares one question (and variant) for reading: what does not depend on
 * the answer (option patterns, a unit, the vignette's weight) is worked out once per case by a scoring pass
 * ({@link answerReaderFor}), not once per answer. A definition that replaces `extract` loses the preparation with it,
 * so a reader never outlives the `extract` it was made from.
 */
export function readWith<Q extends QuestionBase>(prepare: (question: Q, variant: Variant) => AnswerReader): Extract<Q> {
  const extract: Extract<Q> = (text, question, variant) => prepare(question, variant)(text);
  return Object.assign(extract, { [PREPARE]: prepare });
}

/** `extract` of one case, prepared once when it was built with {@link readWith}: call it for every answer to that case. */
export function answerReaderFor<Q extends QuestionBase>(extract: Extract<Q>, question: Q, variant: Variant): AnswerReader {
  const prepare = (extract as Extract<Q> & { [PREPARE]?: (question: Q, variant: Variant) => AnswerReader })[PREPARE];
  return prepare !== undefined ? prepare(question, variant) : (text) => extract(text, question, variant);
}

/** Where a question is read from, and what the template loader already read. */
export interface QuestionEntryContext {
  /** Records problems (file, line, field) instead of throwing; read fields through it. */
  reader: FieldReader;
  /** The question's path in its template (`[3, 'question']`), for problems. */
  path: FieldPath;
  /** The question's stem, already read (required of every type). */
  stem: string;
}

/** Whether an extracted answer is right, and for answers on a scale how far off and in which direction. */
export interface Grade {
  /** `answered`: a care-intensity recommendation, which has no correct answer (see `care`). */
  outcome: 'correct' | 'incorrect' | 'answered';
  /** Extracted minus correct, signed so that positive means more care; null for answers without a scale. */
  signedDeviation: number | null;
  /** Care-intensity questions: how much care the answer recommends (ScoreRecord.care). */
  care?: number;
}

/**
 * The simulated model's decision for one answer: whether it errs (`wrong`, graded questions), whether it recommends
 * less care (`lessCare`, care-intensity questions, which have no correct answer), how many places further down a
 * differential it names the diagnosis (`rankShift`) and a uniform draw `pick`.
 */
export interface SimulatedDraw {
  wrong: boolean;
  lessCare: boolean;
  rankShift: number;
  pick: number;
}

/**
 * One kind of question (`type:` in a template): how it is read and checked, how the model is asked to answer, how
 * the answer is read and graded, and how the correct answer is shown. Adding a question type is one definition plus
 * one registration (`createRegistry({ questionTypes: [definition] })`).
 */
export interface QuestionTypeDefinition<Q extends QuestionBase = QuestionBase> {
  /** The `type:` value that selects this definition; also the question's `type`. */
  readonly type: string;
  /**
   * Bump when `extract` or `judge` reads or grades differently: recorded with a run's scores (scores-source.json),
   * so `analyze` scores that run's answers again instead of reusing scores this type would now give differently.
   * The built-ins follow EXTRACTOR_VERSION instead.
   */
  readonly version?: number;
  /** The question fields this type reads beyond `type` and `stem`; any other field is reported as unknown. */
  readonly fields: readonly string[];
  /** The question, or undefined when unusable (every problem recorded through `entry.reader`). */
  validate(raw: Readonly<Record<string, unknown>>, entry: QuestionEntryContext): Q | undefined;
  answerFormat: {
    /** What follows the stem in the prompt: the choices, if any, and how to answer so the answer can be read. */
    instruction(question: Q): string;
    /** The JSON schema of the answer for endpoints asked for structured output; none for prose answers. */
    schema?(question: Q): Record<string, unknown> | undefined;
  };
  /**
   * Reads the answer from the model's text: an answer, a refusal or unparseable, never a throw (the text is untrusted).
   * Absent: answers stay `unscored` until a judge grades them (free text). `variant` is the case as it was sent.
   */
  extract?(text: string, question: Q, variant: Variant): Extraction<string | number>;
  /**
   * True when `extract` reads only the text and the question, never the variant: the same words are then read once
   * per vignette in a scoring pass, not once per variant. Leave it unset when the case as sent can change a reading
   * (a per-kilogram dose read with the vignette's weight).
   */
  readonly readsOnlyTextAndQuestion?: boolean;
  /** Grades an extracted answer against the correct one; required with `extract`. */
  judge?(question: Q, value: string | number): Grade;
  /** The correct answer as a reader wants to see it beside the model's (reports, review queues). */
  describe(question: Q): string;
  /**
   * What the simulated model answers: the correct answer, or (`wrong`) a wrong one chosen with the uniform draw
   * `pick`. Absent: the simulated model's answers to this type cannot be read (unparseable).
   */
  simulate?(question: Q, draw: SimulatedDraw): string;
}
