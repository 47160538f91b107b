import type { Variant } from '../expand/types.js';
import type { ResponseRecord } from '../run/types.js';
import type { Question } from '../template/types.js';
import { detectRefusal } from './extract/refusal.js';
import { EXTRACTOR_VERSION } from './extract/types.js';
import type { ScoreRecord } from './types.js';
import { createQuestionTypeRegistry, questionTypeDefinition, type QuestionTypeRegistry } from '../template/questions/registry.js';
import { answerReaderFor, type AnswerReader, type QuestionTypeDefinition } from '../template/questions/definition.js';

/**
 * Scores one response against its vignette's correct answer, as the question's type reads and grades it (a type that
 * reads no answers, free text, leaves it `unscored` for the judge). Pure: same response, same score.
 */
export function scoreResponse(
  response: ResponseRecord,
  variant: Variant,
  question: Question,
  questionTypes: QuestionTypeRegistry = createQuestionTypeRegistry(),
): ScoreRecord {
  return scoreWith(response, variant, question, questionTypes, (text, definition) =>
    readAnswer(text, question, definition, (answer) => definition.extract(answer, question, variant)),
  );
}

export type Scorer = (response: ResponseRecord, variant: Variant, question: Question) => ScoreRecord;

/** Longest answer text whose reading a scorer remembers. */
const REMEMBERED_TEXT_LENGTH = 512;
/** Readings a scorer remembers before it starts afresh (a bound on its memory, not on correctness). */
const REMEMBERED_READINGS = 65_536;
/** Prepared questions a scorer keeps before it starts afresh (each holds its options' patterns). */
const REMEMBERED_READERS = 4_096;

/**
 * {@link scoreResponse} for many responses. Each case's question is prepared for reading once (an `extract` built with `readWith`:
 * option patterns, a unit, the vignette's weight), and the reading of each short answer is remembered: replicates and
 * variants of a vignette often answer in the same words ("B", "Answer: B"), and a reading is a pure function of the
 * text, the question and the variant (of the text and the question alone for a type that says so), so a repeated
 * answer is read once per vignette or per variant. The records are exactly scoreResponse's.
 */
export function createScorer(questionTypes: QuestionTypeRegistry = createQuestionTypeRegistry()): Scorer {
  const readers = new Map<string, AnswerReader>();
  const readings = new Map<string, AnswerReading>();
  return (response, variant, question) =>
    scoreWith(response, variant, question, questionTypes, (text, definition) => {
      const readsCase = definition.readsOnlyTextAndQuestion ? `vignette ${variant.vignetteId}` : `variant ${variant.variantId}`;
      // A long answer is neither looked up nor remembered, so it is never copied into a key.
      const key = text.length <= REMEMBERED_TEXT_LENGTH ? `${readsCase}\u0000${text}` : undefined;
      const known = key === undefined ? undefined : readings.get(key);
      if (known !== undefined) return known;
      let reader = readers.get(readsCase);
      if (reader === undefined) {
        if (readers.size >= REMEMBERED_READERS) readers.clear();
        reader = answerReaderFor(definition.extract, question, variant);
        readers.set(readsCase, reader);
      }
      const reading = readAnswer(text, question, definition, reader);
      if (key !== undefined) {
        if (readings.size >= REMEMBERED_READINGS) readings.clear();
        readings.set(key, reading);
      }
      return reading;
    });
}

type ReadAnswer = (text: string, definition: GradedDefinition) => AnswerReading;

function scoreWith(
  response: ResponseRecord,
  variant: Variant,
  question: Question,
  questionTypes: QuestionTypeRegistry,
  read: ReadAnswer,
): ScoreRecord {
  const base = {
    key: response.key,
    modelId: response.modelId,
    vignetteId: response.vignetteId,
    variantId: response.variantId,
    replicate: response.replicate,
    domain: variant.domain,
    perspective: variant.perspective,
    questionType: variant.questionType,
    attributes: variant.attributes,
    kind: variant.kind,
    ...(variant.paraphrase ? { paraphrase: variant.paraphrase } : {}),
    pinned: variant.pinned,
    ...(variant.cues ? { cues: variant.cues } : {}),
    extractorVersion: EXTRACTOR_VERSION,
  };
  if (response.error !== null || response.text === null) {
    return {
      ...base,
      outcome: 'error',
      extracted: null,
      signedDeviation: null,
      hedge: false,
      extractor: 'none',
      explanation: `request failed: ${response.error?.kind ?? 'no text'}`,
    };
  }
  const definition = questionTypeDefinition(questionTypes, question);
  if (!isGraded(definition)) {
    return {
      ...base,
      outcome: 'unscored',
      extracted: null,
      signedDeviation: null,
      hedge: false,
      extractor: 'none',
      explanation: 'free-text answers are scored by a judge',
    };
  }
  return { ...base, ...read(response.text, definition) };
}

/** The fields of a score that depend on the answer's text: what was read in it and how it is graded. */
export type AnswerReading = Pick<ScoreRecord, 'outcome' | 'extracted' | 'signedDeviation' | 'care' | 'hedge' | 'extractor' | 'explanation'>;

type GradedDefinition = QuestionTypeDefinition & Required<Pick<QuestionTypeDefinition, 'extract' | 'judge'>>;

function isGraded(definition: QuestionTypeDefinition): definition is GradedDefinition {
  return definition.extract !== undefined && definition.judge !== undefined;
}

/** What `extract` read in one answer, graded. */
function readAnswer(text: string, question: Question, definition: GradedDefinition, extract: AnswerReader): AnswerReading {
  const hedge = detectRefusal(text).hedge;
  const extraction = extract(text);
  switch (extraction.kind) {
    case 'refusal':
    case 'unparseable':
      return {
        outcome: extraction.kind,
        extracted: null,
        signedDeviation: null,
        hedge,
        extractor: extraction.extractor,
        explanation: extraction.explanation,
      };
    case 'answer': {
      const { outcome, signedDeviation, care } = definition.judge(question, extraction.value);
      return {
        outcome,
        extracted: extraction.value,
        signedDeviation,
        ...(care === undefined ? {} : { care }),
        hedge,
        extractor: extraction.extractor,
        explanation: extraction.explanation,
      };
    }
  }
}
