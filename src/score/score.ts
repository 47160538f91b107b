import type { Variant } from '../expand/types.js';
import type { ResponseRecord } from '../run/types.js';
import type { Question } from '../template/types.js';
import { detectRefusal } from './extract/refusal.js';
import { EXTRACTOR_VERSION } from './extract/types.js';
import type { ScoreRecord } from './types.js';
import { createQuestionTypeRegistry, questionTypeDefinition, type QuestionTypeRegistry } from '../template/questions/registry.js';

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
  if (!definition.extract || !definition.judge) {
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
  const hedge = detectRefusal(response.text).hedge;
  const extraction = definition.extract(response.text, question, variant);
  switch (extraction.kind) {
    case 'refusal':
    case 'unparseable':
      return {
        ...base,
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
        ...base,
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
