import type { Axis } from '../demographics/types.js';
import type { Variant } from '../expand/types.js';
import { blindAnswers, maskedPrompt } from '../score/judge/blind.js';
import { isBuiltinQuestion, type Question } from '../template/types.js';
import type { ReviewKeyItem } from './key.js';

/** An item as a reviewer sees it: nothing that says who the patient is, which side is the reference, or why it is here. */
export interface PresentedItem {
  id: string;
  type: 'single' | 'pair';
  /** The prompt the model was sent, demographic cues masked. */
  prompt: string;
  answerKey: string;
  answerA: string;
  answerB: string | null;
}

export interface PresentationContext {
  variants: ReadonlyMap<string, Variant>;
  questions: ReadonlyMap<string, Question>;
  texts: ReadonlyMap<string, string>;
  axes: readonly Axis[];
}

/** Blinds an item: the masked prompt, and the answers with every cue word of either patient masked. */
export function presentItem(item: ReviewKeyItem, ctx: PresentationContext): PresentedItem {
  const sides = item.b ? [item.a, item.b] : [item.a];
  const variants = sides.map((s) => ctx.variants.get(s.variantId)!);
  const [answerA, answerB] = blindAnswers(
    sides.map((s) => ctx.texts.get(s.responseKey) ?? ''),
    variants,
    ctx.axes,
  );
  return {
    id: item.id,
    type: item.type,
    prompt: maskedPrompt(variants[0]!),
    answerKey: answerKey(ctx.questions.get(item.vignetteId)!),
    answerA: answerA!,
    answerB: answerB ?? null,
  };
}

/** The clinically correct answer as the vignette's author wrote it, for grading against. */
export function answerKey(question: Question): string {
  if (!isBuiltinQuestion(question)) {
    // A registered question type: its fields as written, since review has no registry to describe it with.
    const { type, stem: _wording, ...answer } = question;
    return `${type}: ${JSON.stringify(answer)}`;
  }
  switch (question.type) {
    case 'choice':
      return `${question.answer}. ${question.options[question.answer] ?? ''}`.trim();
    case 'yesno':
      return question.answer;
    case 'ordinal':
      return `${question.answer}: ${question.scale.find((p) => p.value === question.answer)?.label ?? ''}`;
    case 'numeric':
      return `${question.answer} ${question.unit}${question.tolerance > 0 ? ` (± ${question.tolerance})` : ''}`;
    case 'free':
      return `Rubric: ${question.rubric}`;
    case 'recommendation':
      return `none (recommendation; "${question.moreCare}" means more care)`;
    case 'care-level':
      return `none (care level; ${question.intensity === 'ascending' ? 'higher' : 'lower'} values mean more care)`;
  }
}
