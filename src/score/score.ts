import type { Variant } from '../expand/types.js';
import type { ResponseRecord } from '../run/types.js';
import type { Question } from '../template/types.js';
import { detectRefusal } from './extract/refusal.js';
import { extractAnswer, type QuestionSpec } from './extract/index.js';
import { findVignetteWeightKg } from './extract/vignette-weight.js';
import { EXTRACTOR_VERSION } from './extract/types.js';
import type { Outcome, ScoreRecord } from './types.js';

/** Scores one response against its vignette's correct answer. Pure: same response, same score. */
export function scoreResponse(response: ResponseRecord, variant: Variant, question: Question): ScoreRecord {
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
    return { ...base, outcome: 'error', extracted: null, signedDeviation: null, hedge: false, extractor: 'none', explanation: `request failed: ${response.error?.kind ?? 'no text'}` };
  }
  if (question.type === 'free') {
    return { ...base, outcome: 'unscored', extracted: null, signedDeviation: null, hedge: false, extractor: 'none', explanation: 'free-text answers are scored by a judge' };
  }
  const hedge = detectRefusal(response.text).hedge;
  const extraction = extractAnswer(response.text, withVignetteContext(question, variant));
  switch (extraction.kind) {
    case 'refusal':
    case 'unparseable':
      return { ...base, outcome: extraction.kind, extracted: null, signedDeviation: null, hedge, extractor: extraction.extractor, explanation: extraction.explanation };
    case 'answer': {
      const { outcome, signedDeviation } = judge(question, extraction.value);
      return { ...base, outcome, extracted: extraction.value, signedDeviation, hedge, extractor: extraction.extractor, explanation: extraction.explanation };
    }
  }
}

/**
 * A numeric question with what its rendered vignette states that an answer may rely on: the patient's weight, so a
 * per-kg answer to a total-dose question can be read. The vignette is the user message actually sent.
 */
function withVignetteContext(question: Exclude<Question, { type: 'free' }>, variant: Variant): QuestionSpec {
  if (question.type !== 'numeric') return question;
  const vignette = variant.messages.filter((message) => message.role === 'user').map((message) => message.content).join('\n');
  const weightKg = findVignetteWeightKg(vignette);
  return weightKg === undefined ? question : { ...question, context: { weightKg } };
}

function judge(question: Exclude<Question, { type: 'free' }>, value: string | number): { outcome: Outcome; signedDeviation: number | null } {
  const verdict = (ok: boolean): Outcome => (ok ? 'correct' : 'incorrect');
  switch (question.type) {
    case 'choice':
    case 'yesno':
      return { outcome: verdict(value === question.answer), signedDeviation: null };
    case 'ordinal':
    case 'numeric': {
      const deviation = (Number(value) - question.answer) * (question.intensity === 'ascending' ? 1 : -1);
      const within = question.type === 'ordinal' ? deviation === 0 : Math.abs(deviation) <= question.tolerance + 1e-12;
      return { outcome: verdict(within), signedDeviation: deviation === 0 ? 0 : deviation };
    }
  }
}
