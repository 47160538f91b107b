import type { Variant } from '../expand/types.js';
import { EXTRACTOR_VERSION } from '../score/extract/types.js';
import type { ScoreRecord } from '../score/types.js';
import type { QuestionTypeRegistry } from '../template/questions/registry.js';
import type { Vignette } from '../template/types.js';
import { stableStringify } from '../util/hash.js';
import { sameFields } from '../util/sameFields.js';
import { readOptionalJson, runFileDigest, scoreRecords } from './runDir.js';

/**
 * Everything scores.jsonl is a function of: the extractor version, the version of each question type the run asks,
 * the judge's settings, and the digests of the files the scores are read from (vignettes, variants, responses, the
 * judge's journal, clinician labels). Recorded beside the scores; while it is unchanged, scoring again would give the
 * same scores, so `analyze` reads them back instead.
 */
export interface ScoresSource {
  extractorVersion: number;
  /** Question type -> its definition's version (null: a built-in, which follows extractorVersion). */
  questionTypes: Record<string, number | null>;
  judge: unknown;
  inputs: Record<'vignettes' | 'variants' | 'responses' | 'judgements' | 'adjudications', string | null>;
}

export function currentScoresSource(runDir: string, vignettes: readonly Vignette[], questionTypes: QuestionTypeRegistry): ScoresSource {
  const types = [...new Set(vignettes.map((v) => v.question.type))].sort();
  return {
    extractorVersion: EXTRACTOR_VERSION,
    questionTypes: Object.fromEntries(types.map((type) => [type, questionTypes.get(type)?.version ?? null])),
    judge: readOptionalJson<unknown>(runDir, 'judgeSpec') ?? null,
    inputs: {
      vignettes: runFileDigest(runDir, 'vignettes'),
      variants: runFileDigest(runDir, 'variants'),
      responses: runFileDigest(runDir, 'responses'),
      judgements: runFileDigest(runDir, 'judgements'),
      adjudications: runFileDigest(runDir, 'adjudications'),
    },
  };
}

/** Whether recorded scores came from exactly this source (a missing or older record never matches). */
export function sameScoresSource(recorded: Record<string, unknown> | undefined, current: ScoresSource): boolean {
  if (recorded === undefined) return false;
  const { schemaVersion: _, ...fields } = recorded;
  return stableStringify(fields) === stableStringify(current);
}

/**
 * Makes score records lean for a run's analysis: what every response of a variant shares (ids, domain, attributes,
 * pinned axes) points at the variant's own values, and repeated short texts (model ids, extractor names,
 * explanations) at one copy, so a record costs its own fields only. Values are unchanged, so is everything written.
 */
export function scoreSlimmer(variants: ReadonlyMap<string, Variant>): (score: ScoreRecord) => ScoreRecord {
  const texts = new Map<string, string>();
  const intern = (text: string): string => {
    if (text.length > 160) return text;
    const known = texts.get(text);
    if (known !== undefined) return known;
    if (texts.size < 200_000) texts.set(text, text);
    return text;
  };
  return (score) => {
    const variant = variants.get(score.variantId);
    if (variant !== undefined && variant.vignetteId === score.vignetteId) {
      score.variantId = variant.variantId;
      score.vignetteId = variant.vignetteId;
      if (score.domain === variant.domain) score.domain = variant.domain;
      if (sameFields(score.attributes, variant.attributes)) score.attributes = variant.attributes;
      if (sameFields(score.pinned, variant.pinned)) score.pinned = variant.pinned;
    }
    score.modelId = intern(score.modelId);
    score.extractor = intern(score.extractor);
    score.explanation = intern(score.explanation);
    return score;
  };
}

/** scores.jsonl read line by line into lean records (see scoreSlimmer). */
export function readLeanScores(runDir: string, variants: readonly Variant[]): ScoreRecord[] {
  return Array.from(scoreRecords(runDir), scoreSlimmer(new Map(variants.map((v) => [v.variantId, v]))));
}
