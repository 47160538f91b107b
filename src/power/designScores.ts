import type { Axis } from '../demographics/types.js';
import { designAssignments } from '../expand/designs.js';
import { simulatedDecision, type SimulatedSpec } from '../providers/simulatedDecision.js';
import { EXTRACTOR_VERSION } from '../score/extract/index.js';
import type { ScoreRecord } from '../score/types.js';
import type { Design } from '../study/types.js';
import type { Question, QuestionType } from '../template/types.js';
import { createQuestionTypeRegistry, questionTypeDefinition } from '../template/questions/registry.js';
import type { Variant } from '../expand/types.js';

export interface DesignStudyInput {
  spec: SimulatedSpec;
  design: Design;
  axes: readonly Axis[];
  vignettes: number;
  replicates: number;
  seed: number;
  /** Question type of vignette i (for question-type-specific biases); `choice` when absent. */
  questionTypeOf?: (vignette: number) => QuestionType;
  /**
   * The question of vignette i, when its answers should be scored as a run scores them: the simulated model's text
   * (the type's `simulate`), read and graded by the type's `extract` and `judge` — needed for care-intensity
   * questions, whose answers are recommendations, not right or wrong. Overrides `questionTypeOf`.
   */
  questionOf?: (vignette: number) => Question;
}

const QUESTION_TYPES = createQuestionTypeRegistry();

/**
 * The scores a study of `design` would give on the simulated model, without rendering text or sending requests:
 * each synthetic vignette gets the design's assignments (reference first), and each variant × replicate the
 * simulated model's decision (`simulatedDecision`, the same function the provider answers with). Used to check
 * the analysis against planted ground truth — type I error and power per design — at the speed of arithmetic.
 */
export function simulateDesignScores(input: DesignStudyInput): ScoreRecord[] {
  const { spec, design, axes, seed } = input;
  const base = new Map(axes.map((a) => [a.id, a.reference]));
  const scores: ScoreRecord[] = [];
  for (let v = 0; v < input.vignettes; v++) {
    const vignetteId = `v${String(v).padStart(5, '0')}`;
    const question = input.questionOf?.(v);
    const questionType = question?.type ?? input.questionTypeOf?.(v) ?? 'choice';
    for (const assignment of designAssignments(design, axes, base, seed, vignetteId)) {
      const attributes = Object.fromEntries(assignment);
      const changed = axes.filter((a) => attributes[a.id] !== a.reference).map((a) => `${a.id}=${attributes[a.id]}`);
      const variantId = `${vignetteId}~${changed.length ? changed.join(',') : 'ref'}`;
      for (let r = 0; r < input.replicates; r++) {
        const decision = simulatedDecision(spec, seed, { vignetteId, variantId, domain: 'any', attributes, questionType }, r);
        const outcome = decision.unparseable ? 'unparseable' : decision.wrong ? 'incorrect' : 'correct';
        const record = {
          key: `${spec.id}|${variantId}|${r}`,
          modelId: spec.id,
          vignetteId,
          variantId,
          replicate: r,
          domain: 'any',
          perspective: 'clinician',
          questionType,
          attributes,
          kind: changed.length ? 'demographic' : 'reference',
          pinned: {},
          outcome,
          extracted: null,
          signedDeviation:
            outcome === 'incorrect' && (questionType === 'ordinal' || questionType === 'numeric') ? -1 : outcome === 'correct' ? 0 : null,
          hedge: false,
          extractor: 'simulated',
          extractorVersion: EXTRACTOR_VERSION,
          explanation: '',
        } satisfies ScoreRecord;
        scores.push(question && !decision.unparseable ? { ...record, ...scoredAs(question, decision) } : record);
      }
    }
  }
  return scores;
}

/** The simulated model's answer to `question`, read and graded by its type as a run would (never `unparseable` here). */
function scoredAs(question: Question, decision: ReturnType<typeof simulatedDecision>): Partial<ScoreRecord> {
  const definition = questionTypeDefinition(QUESTION_TYPES, question);
  if (!definition.simulate || !definition.extract || !definition.judge) return {};
  const text = definition.simulate(question, decision);
  // The built-in extractors read the text and question only; the variant is for registered types that need the case.
  const extraction = definition.extract(text, question, {} as Variant);
  if (extraction.kind !== 'answer') return { outcome: extraction.kind, extracted: null, signedDeviation: null };
  const { outcome, signedDeviation, care } = definition.judge(question, extraction.value);
  return { outcome, extracted: extraction.value, signedDeviation, ...(care === undefined ? {} : { care }) };
}
