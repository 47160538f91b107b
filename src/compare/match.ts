import { basename } from 'node:path';
import type { Variant } from '../expand/types.js';
import { isBuiltinQuestion, type Question } from '../template/types.js';
import { runFile } from '../pipeline/runDir.js';
import { stableStringify } from '../util/hash.js';
import { InputError, type Problem } from '../util/problems.js';
import type { ScoredRun } from './scoredRun.js';

/** How many examples a mismatch message lists before "and N more". */
const EXAMPLES = 5;

export interface RunMatch {
  /** Variant ids present in both runs with the same vignette, kind, levels and case text. */
  sharedVariants: Set<string>;
  /** Differences that do not invalidate the comparison, explained. */
  notes: string[];
}

/**
 * Checks that two runs ask the same questions, so their answers can be paired by vignette and variant id.
 *
 * Required (bad input otherwise, every mismatch listed): shared axes have the same reference level; shared
 * vignettes have the same question type and correct answer; shared variants have the same vignette, kind, levels and
 * case text (the user messages; an imported run without a text column has none, and its variants are then matched
 * on the rest, with a note). At least one variant is shared.
 * Allowed, with a note: different study files (e.g. only the models differ — the usual way to compare versions),
 * different system prompts, variants only one run has (left out), different answer-extractor versions.
 */
export function matchRuns(a: ScoredRun, b: ScoredRun): RunMatch {
  const problems: Problem[] = [];
  const notes: string[] = [];
  const mismatch = (file: string, what: string, ids: string[]) => {
    if (ids.length)
      problems.push({
        file,
        message: `${ids.length} ${what}: ${examples(ids)}; these runs are not of the same study (compare runs whose vignettes and variants match by id)`,
      });
  };

  for (const axis of a.manifest.axes) {
    const other = b.manifest.axes.find((x) => x.id === axis.id);
    if (other && other.reference !== axis.reference)
      problems.push({
        file: runFile(b.dir, 'manifest'),
        field: `axes.${axis.id}.reference`,
        message: `is "${other.reference}" but "${axis.reference}" in ${a.dir}: disparities against different reference levels cannot be compared`,
      });
  }

  const keysB = new Map(b.vignettes.map((v) => [v.id, answerKey(v.question)]));
  const sharedVignettes = a.vignettes.filter((v) => keysB.has(v.id));
  mismatch(
    runFile(b.dir, 'vignettes'),
    'shared vignettes have a different question type or correct answer',
    sharedVignettes.filter((v) => keysB.get(v.id) !== answerKey(v.question)).map((v) => v.id),
  );

  const variantsB = new Map(b.variants.map((v) => [v.variantId, v]));
  const sharedVariants = new Set<string>();
  const changed: string[] = [];
  let systemPromptDiffers = false;
  let withoutText = 0;
  for (const v of a.variants) {
    const other = variantsB.get(v.variantId);
    if (!other) continue;
    const texts = hasCaseText(v) && hasCaseText(other);
    if (!texts) withoutText++;
    if (caseIdentity(v, texts) !== caseIdentity(other, texts)) changed.push(v.variantId);
    else sharedVariants.add(v.variantId);
    systemPromptDiffers ||= texts && systemPrompt(v) !== systemPrompt(other);
  }
  mismatch(runFile(b.dir, 'variants'), 'shared variants differ in case text, levels or kind', changed);
  if (problems.length === 0 && sharedVariants.size === 0) {
    problems.push({
      file: runFile(b.dir, 'variants'),
      message: `no variant id is shared with ${a.dir} (A: ${a.manifest.study.name}, B: ${b.manifest.study.name}): these are runs of different studies`,
    });
  }
  if (problems.length) throw new InputError(problems);

  const [nameA, nameB] = [basename(a.dir), basename(b.dir)];
  if (a.manifest.study.sha256 !== b.manifest.study.sha256) {
    notes.push(
      `A (${nameA}) and B (${nameB}) come from different study files (sha256 ${a.manifest.study.sha256.slice(0, 12)} vs ${b.manifest.study.sha256.slice(0, 12)}); ` +
        `the ${sharedVariants.size} variants they share have the same case text, levels and correct answers, so their answers are compared.`,
    );
  }
  if (withoutText)
    notes.push(
      `${withoutText} shared variants have no case text in one run (imported without a text column): they are matched by vignette id, kind and levels only.`,
    );
  if (systemPromptDiffers)
    notes.push('The system prompt differs between A and B: part of any change may come from the prompt rather than the model.');
  const onlyA = a.variants.filter((v) => !variantsB.has(v.variantId)).length;
  const onlyB = b.variants.length - (a.variants.length - onlyA);
  if (onlyA || onlyB)
    notes.push(
      `${onlyA} variants only in A and ${onlyB} only in B are left out; the comparison uses the ${sharedVariants.size} shared ones.`,
    );
  const versions = (run: ScoredRun) => [...new Set(run.scores.map((s) => s.extractorVersion))].sort().join(', ');
  if (versions(a) !== versions(b))
    notes.push(
      `A was scored with answer-extractor version ${versions(a)} and B with ${versions(b)}; run \`counterfair analyze\` on the older run to score both the same way.`,
    );
  return { sharedVariants, notes };
}

/**
 * What decides whether an answer is right: the type and the correct answer (with a numeric tolerance and unit, an
 * ordinal scale's direction). The wording is checked through the variants' case text, which an imported run may
 * lack, so a stem or option text missing on one side is no mismatch.
 */
function answerKey(q: Question): string {
  if (!isBuiltinQuestion(q)) {
    // A registered question type: every field but the wording decides what is right.
    const { stem: _wording, ...decisive } = q;
    return stableStringify(decisive);
  }
  switch (q.type) {
    case 'choice':
    case 'yesno':
      return stableStringify({ type: q.type, answer: q.answer });
    case 'ordinal':
      return stableStringify({ type: q.type, answer: q.answer, intensity: q.intensity, scale: q.scale.map((p) => p.value) });
    case 'numeric':
      return stableStringify({ type: q.type, answer: q.answer, intensity: q.intensity, tolerance: q.tolerance, unit: q.unit });
    case 'free':
      return stableStringify({ type: q.type, rubric: q.rubric });
    case 'recommendation':
      return stableStringify({ type: q.type, moreCare: q.moreCare });
    case 'care-level':
      return stableStringify({ type: q.type, intensity: q.intensity, scale: q.scale.map((p) => p.value) });
  }
}

/** Everything about a variant that decides what a model is asked, except the system prompt (and the case text when one side lacks it). */
function caseIdentity(v: Variant, withText: boolean): string {
  // `pinned` is left out: a pinned study axis shows in `attributes`, and an import cannot know the others.
  return stableStringify({
    vignetteId: v.vignetteId,
    kind: v.kind,
    attributes: v.attributes,
    user: withText ? v.messages.filter((m) => m.role !== 'system') : null,
  });
}

/** An imported variant without a text column has an empty case. */
function hasCaseText(v: Variant): boolean {
  return v.messages.some((m) => m.role !== 'system' && m.content.trim() !== '');
}

function systemPrompt(v: Variant): string {
  return v.messages
    .filter((m) => m.role === 'system')
    .map((m) => m.content)
    .join('\n');
}

function examples(ids: readonly string[]): string {
  const shown = ids.slice(0, EXAMPLES).join(', ');
  return ids.length > EXAMPLES ? `${shown} and ${ids.length - EXAMPLES} more` : shown;
}
