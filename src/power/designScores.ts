import type { Axis } from '../demographics/types.js';
import { designAssignments } from '../expand/designs.js';
import { simulatedDecision, type SimulatedSpec } from '../providers/simulatedDecision.js';
import { EXTRACTOR_VERSION } from '../score/extract/index.js';
import type { ScoreRecord } from '../score/types.js';
import type { Design } from '../study/types.js';
import type { QuestionType } from '../template/types.js';

export interface DesignStudyInput {
  spec: SimulatedSpec;
  design: Design;
  axes: readonly Axis[];
  vignettes: number;
  replicates: number;
  seed: number;
  /** Question type of vignette i (for question-type-specific biases); `choice` when absent. */
  questionTypeOf?: (vignette: number) => QuestionType;
}

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
    const questionType = input.questionTypeOf?.(v) ?? 'choice';
    for (const assignment of designAssignments(design, axes, base, seed, vignetteId)) {
      const attributes = Object.fromEntries(assignment);
      const changed = axes.filter((a) => attributes[a.id] !== a.reference).map((a) => `${a.id}=${attributes[a.id]}`);
      const variantId = `${vignetteId}~${changed.length ? changed.join(',') : 'ref'}`;
      for (let r = 0; r < input.replicates; r++) {
        const decision = simulatedDecision(spec, seed, { vignetteId, variantId, domain: 'any', attributes, questionType }, r);
        const outcome = decision.unparseable ? 'unparseable' : decision.wrong ? 'incorrect' : 'correct';
        scores.push({
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
        });
      }
    }
  }
  return scores;
}
