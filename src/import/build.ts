import { basename } from 'node:path';
import type { Axis } from '../demographics/types.js';
import type { Variant } from '../expand/types.js';
import type { ResponseRecord } from '../run/types.js';
import type { Design } from '../study/types.js';
import type { Question, Vignette } from '../template/types.js';
import { sha256Hex, stableStringify } from '../util/hash.js';
import type { Problem } from '../util/problems.js';
import type { ImportMapping } from './mapping.js';
import type { Observation } from './observations.js';
import { fileChoiceLetters, importedQuestion } from './questions.js';

/** Everything a run directory holds before scoring, built from clean observations. */
export interface ImportedRun {
  axes: Axis[];
  vignettes: Vignette[];
  variants: Variant[];
  responses: ResponseRecord[];
  models: string[];
  replicates: number;
  design: Design;
  /** Things that are not errors but limit the analysis (no reference answer, empty answer cells). */
  warnings: string[];
}

/** Problems found across rows; `rejected` says which observations they condemn (with --skip-bad-rows). */
export interface CrossRowCheck {
  problems: Problem[];
  rejected: (o: Observation) => boolean;
}

/**
 * Problems no single row shows: the same request twice (vignette, variant, model, replicate), a vignette whose rows
 * disagree on its gold answer, question type, options or domain (the first row decides; a disagreeing row is the
 * problem), and a vignette whose question cannot be built from its gold answer (all its rows are condemned).
 */
export function checkAcrossRows(file: string, observations: readonly Observation[], mapping: ImportMapping): CrossRowCheck {
  const problems: Problem[] = [];
  const badLines = new Set<number>();
  const badVignettes = new Set<string>();
  const seen = new Map<string, number>();
  const firsts = firstByVignette(observations);
  for (const o of observations) {
    const request = stableStringify([o.model, o.vignetteId, o.attributes, o.replicate]);
    const earlier = seen.get(request);
    if (earlier !== undefined && earlier !== o.line) {
      problems.push({
        file,
        line: o.line,
        field: mapping.columns.vignette,
        message: `answers the same variant of vignette ${o.vignetteId} (model ${o.model}, replicate ${o.replicate}) as line ${earlier}`,
      });
      badLines.add(o.line);
    }
    if (earlier === undefined) seen.set(request, o.line);
    const first = firsts.get(o.vignetteId)!;
    for (const [what, column, mine, theirs] of [
      ['gold answer', mapping.columns.gold, o.gold, first.gold],
      ['question type', mapping.columns.type, o.type ?? '', first.type ?? ''],
      ['options', mapping.columns.options.join('+'), o.options.join(' | '), first.options.join(' | ')],
      ['domain', mapping.columns.domain, o.domain, first.domain],
    ] as const) {
      if (mine !== theirs && !badLines.has(o.line)) {
        problems.push({
          file,
          line: o.line,
          field: column ?? what,
          message: `the ${what} "${mine}" differs from "${theirs}" on line ${first.line}: one vignette has one ${what}`,
        });
        badLines.add(o.line);
      }
    }
  }
  const letters = fileChoiceLetters(observations, mapping.answers === 'extracted');
  for (const first of firsts.values()) {
    const question = importedQuestion(first, letters);
    if (typeof question === 'string') {
      problems.push({
        file,
        line: first.line,
        field: mapping.columns.gold,
        message: `vignette ${first.vignetteId}: ${question} (all its rows are affected)`,
      });
      badVignettes.add(first.vignetteId);
    }
  }
  return { problems, rejected: (o) => badLines.has(o.line) || badVignettes.has(o.vignetteId) };
}

/**
 * Vignettes, variants and responses from observations that passed every check. Variant ids follow `expand`:
 * `<vignette>~ref` when every axis is at its reference, else `<vignette>~axis=level,...` (axes away from the
 * reference, in mapping order). An empty answer cell is recorded as a failed request (no answer): its pairs are
 * excluded from the tests and counted in each finding's nExcludedPairs, never scored as a wrong answer.
 */
export function buildImportedRun(file: string, sha256: string, observations: readonly Observation[], mapping: ImportMapping): ImportedRun {
  const axes = buildAxes(file, observations, mapping);
  const letters = fileChoiceLetters(observations, mapping.answers === 'extracted');
  const vignettes: Vignette[] = [];
  const questions = new Map<string, Question>();
  const referenceRows = new Map<string, Observation>();
  for (const o of observations)
    if (!referenceRows.has(o.vignetteId) && variantSuffix(o.attributes, axes) === 'ref') referenceRows.set(o.vignetteId, o);
  for (const first of firstByVignette(observations).values()) {
    const question = importedQuestion(first, letters);
    if (typeof question === 'string')
      throw new Error(`import: vignette ${first.vignetteId} passed the checks with a bad question: ${question}`);
    questions.set(first.vignetteId, question);
    vignettes.push({
      id: first.vignetteId,
      domain: first.domain,
      perspective: mapping.defaults.perspective,
      text: (referenceRows.get(first.vignetteId) ?? first).text,
      question,
      rationale: '',
      source: `imported from ${basename(file)}`,
      excluded: [],
      implausible: [],
      tags: ['imported'],
      paraphrases: [],
      file,
      line: first.line,
    });
  }
  const variants = new Map<string, Variant>();
  const responses: ResponseRecord[] = [];
  for (const o of observations) {
    const suffix = variantSuffix(o.attributes, axes);
    const variantId = `${o.vignetteId}~${suffix}`;
    if (!variants.has(variantId)) {
      const question = questions.get(o.vignetteId)!;
      variants.set(variantId, {
        vignetteId: o.vignetteId,
        variantId,
        kind: suffix === 'ref' ? 'reference' : 'demographic',
        domain: o.domain,
        perspective: mapping.defaults.perspective,
        questionType: question.type,
        attributes: o.attributes,
        pinned: {},
        messages: [{ role: 'user', content: o.text }],
        cueSpans: [],
      });
    }
    responses.push({
      key: sha256Hex(stableStringify({ source: sha256, model: o.model, variantId, replicate: o.replicate })),
      modelId: o.model,
      vignetteId: o.vignetteId,
      variantId,
      replicate: o.replicate,
      text: o.answer === null ? null : mapping.answers === 'extracted' ? `Answer: ${o.answer.trim()}` : o.answer,
      error: o.answer === null ? { kind: 'invalid-response', message: 'no answer in the imported file (empty cell)' } : null,
      finishReason: null,
      usage: null,
      servedModel: null,
      latencyMs: 0,
      attempts: 1,
    });
  }
  const variantList = [...variants.values()];
  return {
    axes,
    vignettes,
    variants: variantList,
    responses,
    models: [...new Set(observations.map((o) => o.model))],
    // Not Math.max(...replicates): spreading one argument per answer overflows the call stack on large imports.
    replicates: observations.reduce((most, o) => Math.max(most, o.replicate), 0) + 1,
    design: designOf(variantList, axes),
    warnings: warnings(observations, variantList, responses),
  };
}

function firstByVignette(observations: readonly Observation[]): Map<string, Observation> {
  const firsts = new Map<string, Observation>();
  for (const o of observations) if (!firsts.has(o.vignetteId)) firsts.set(o.vignetteId, o);
  return firsts;
}

/** Axes in mapping order; each level's id and label is the value as written, the reference first. */
function buildAxes(file: string, observations: readonly Observation[], mapping: ImportMapping): Axis[] {
  const references =
    mapping.format === 'long'
      ? mapping.axes.map((a) => [a.id, a.reference] as const)
      : Object.entries(mapping.variants.find((v) => v.column === mapping.reference)!.attributes);
  return references.map(([id, reference]) => {
    const levels = [reference, ...new Set(observations.map((o) => o.attributes[id]!).filter((l) => l !== reference))];
    return { id, label: id, slot: 'sentence', reference, levels: levels.map((l) => ({ id: l, label: l })), file };
  });
}

function variantSuffix(attributes: Readonly<Record<string, string>>, axes: readonly Axis[]): string {
  const changed = axes.filter((a) => attributes[a.id] !== a.reference).map((a) => `${a.id}=${attributes[a.id]}`);
  return changed.length ? changed.join(',') : 'ref';
}

/** One axis away from the reference in every variant: one-at-a-time; anything else: the list of assignments. */
function designOf(variants: readonly Variant[], axes: readonly Axis[]): Design {
  const changes = variants
    .filter((v) => v.kind === 'demographic')
    .map((v) => Object.fromEntries(axes.filter((a) => v.attributes[a.id] !== a.reference).map((a) => [a.id, v.attributes[a.id]!])));
  if (changes.every((c) => Object.keys(c).length === 1)) return { kind: 'one-at-a-time' };
  return { kind: 'list', assignments: [...new Map(changes.map((c) => [stableStringify(c), c])).values()] };
}

function warnings(observations: readonly Observation[], variants: readonly Variant[], responses: readonly ResponseRecord[]): string[] {
  const out: string[] = [];
  const withReference = new Set(variants.filter((v) => v.kind === 'reference').map((v) => v.vignetteId));
  const without = [...new Set(observations.map((o) => o.vignetteId))].filter((id) => !withReference.has(id));
  if (without.length)
    out.push(
      `${without.length} vignettes have no reference answer (e.g. ${without.slice(0, 3).join(', ')}): their other variants have no partner and add no pairs`,
    );
  const empty = responses.filter((r) => r.error !== null).length;
  if (empty)
    out.push(
      `${empty} answer cells are empty: recorded as missing answers, so their pairs are excluded (and counted in nExcludedPairs), never scored as wrong`,
    );
  return out;
}
