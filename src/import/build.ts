import { basename } from 'node:path';
import type { Axis } from '../demographics/types.js';
import type { Variant } from '../expand/types.js';
import type { ResponseRecord } from '../run/types.js';
import type { Design } from '../study/types.js';
import type { Question, Vignette } from '../template/types.js';
import { sha256Hex, stableStringify } from '../util/hash.js';
import type { Problem } from '../util/problems.js';
import { labelKey, type ImportMapping } from './mapping.js';
import type { Observation } from './observations.js';
import { FileRanges, importedQuestion } from './questions.js';

/** Everything a run directory holds before scoring but the responses, which are written as the file is read again. */
export interface ImportedRun {
  axes: Axis[];
  vignettes: Vignette[];
  variants: Variant[];
  models: string[];
  replicates: number;
  design: Design;
  /** Answers built (one per observation) and distinct lines they came from. */
  answers: number;
  lines: number;
  /** Things that are not errors but limit the analysis (no reference answer, empty answer cells). */
  warnings: string[];
}

/** The axes' references, in mapping order, before any level is read. */
export function axisReferences(mapping: ImportMapping): (readonly [string, string])[] {
  return mapping.format === 'long'
    ? mapping.axes.map((a) => [a.id, a.reference] as const)
    : Object.entries(mapping.variants.find((v) => v.column === mapping.reference)!.attributes);
}

/**
 * Problems no single row shows, found as the observations come, one at a time: the same request twice (vignette,
 * variant, model, replicate), a vignette whose rows disagree on its gold answer, question type, options or domain
 * (the first row decides; a disagreeing row is the problem), one level spelt two ways ("White" and "white": an
 * error naming both, never two levels), and — once every row is in — a vignette whose question cannot be built from
 * its gold answer (all its rows are condemned). Memory grows with vignettes x variants, not with answers: each
 * request seen is a line number in an array per model and replicate, indexed by variant.
 */
export class AcrossRowChecks {
  private readonly badLines = new Set<number>();
  private readonly badVignettes = new Set<string>();
  private readonly firsts = new Map<string, Observation>();
  private readonly variantIndex = new Map<string, number>();
  private readonly modelIndex = new Map<string, number>();
  /** [model][replicate] -> line of the request seen, by variant index (0: not seen). */
  private readonly seen: Uint32Array[][] = [];
  private readonly spellings: Map<string, Map<string, { level: string; line: number | undefined }>>;
  readonly ranges = new FileRanges();

  constructor(
    private readonly file: string,
    private readonly mapping: ImportMapping,
    /** Where each problem goes, as it is found. */
    private readonly report: (problem: Problem) => void,
  ) {
    this.spellings = new Map(
      axisReferences(mapping).map(([axis, reference]) => [axis, new Map([[labelKey(reference), { level: reference, line: undefined }]])]),
    );
  }

  add(o: Observation): void {
    this.ranges.add(o);
    this.checkSpelling(o);
    this.checkRequest(o);
    this.checkVignette(o);
  }

  /** After the last observation: the vignettes whose question cannot be built. */
  finish(): void {
    for (const first of this.firsts.values()) {
      const question = importedQuestion(first, this.ranges, this.mapping);
      if (typeof question === 'string') {
        this.report({
          file: this.file,
          line: first.line,
          field: this.mapping.columns.gold,
          message: `vignette ${first.vignetteId}: ${question} (all its rows are affected)`,
        });
        this.badVignettes.add(first.vignetteId);
      }
    }
  }

  /** Whether the checks condemn an observation (it is left out with --skip-bad-rows). */
  rejected(o: Observation): boolean {
    return this.badLines.has(o.line) || this.badVignettes.has(o.vignetteId);
  }

  private problem(o: Observation, field: string, message: string): void {
    if (this.badLines.has(o.line)) return;
    this.report({ file: this.file, line: o.line, field, message });
    this.badLines.add(o.line);
  }

  private checkSpelling(o: Observation): void {
    for (const [axis, known] of this.spellings) {
      const level = o.attributes[axis]!;
      const key = labelKey(level);
      const first = known.get(key);
      if (first === undefined) known.set(key, { level, line: o.line });
      else if (first.level !== level) {
        const where = first.line === undefined ? 'the reference level in the mapping' : `line ${first.line}`;
        const column = this.mapping.format === 'long' ? this.mapping.axes.find((a) => a.id === axis)!.column : `variants (axis ${axis})`;
        this.problem(
          o,
          column,
          `level "${level}" of axis ${axis} differs only in case or spacing from "${first.level}" (${where}): one level is spelt one way; write it as "${first.level}" everywhere (or the other way round)`,
        );
      }
    }
  }

  private checkRequest(o: Observation): void {
    const variantKey = stableStringify([o.vignetteId, o.attributes]);
    let variant = this.variantIndex.get(variantKey);
    if (variant === undefined) this.variantIndex.set(variantKey, (variant = this.variantIndex.size));
    let model = this.modelIndex.get(o.model);
    if (model === undefined) this.modelIndex.set(o.model, (model = this.modelIndex.size));
    const byReplicate = (this.seen[model] ??= []);
    let lines = byReplicate[o.replicate] ?? new Uint32Array(0);
    if (variant >= lines.length) {
      const grown = new Uint32Array(Math.max(64, (variant + 1) * 2));
      grown.set(lines);
      lines = grown;
    }
    byReplicate[o.replicate] = lines;
    const earlier = lines[variant]!;
    if (earlier === 0) lines[variant] = o.line;
    else if (earlier !== o.line)
      this.problem(
        o,
        this.mapping.columns.vignette,
        `answers the same variant of vignette ${o.vignetteId} (model ${o.model}, replicate ${o.replicate}) as line ${earlier}`,
      );
  }

  private checkVignette(o: Observation): void {
    const first = this.firsts.get(o.vignetteId);
    if (first === undefined) {
      this.firsts.set(o.vignetteId, o);
      return;
    }
    const { columns } = this.mapping;
    for (const [what, column, mine, theirs] of [
      ['gold answer', columns.gold, o.gold, first.gold],
      ['synonyms', columns.synonyms, o.synonyms.join(' | '), first.synonyms.join(' | ')],
      ['question type', columns.type, o.type ?? '', first.type ?? ''],
      ['options', columns.options.join('+'), o.options.join(' | '), first.options.join(' | ')],
      ['domain', columns.domain, o.domain, first.domain],
    ] as const) {
      if (mine !== theirs)
        this.problem(
          o,
          column ?? what,
          `the ${what} "${mine}" differs from "${theirs}" on line ${first.line}: one vignette has one ${what}`,
        );
    }
  }
}

/**
 * Builds vignettes, variants, axes and the rest from observations that passed every check, one at a time, keeping
 * what vignettes and variants need (memory grows with vignettes x variants, not with answers). Variant ids follow
 * `expand`: `<vignette>~ref` when every axis is at its reference, else `<vignette>~axis=level,...` (axes away from
 * the reference, in mapping order).
 */
export class RunBuilder {
  private readonly references: (readonly [string, string])[];
  private readonly firsts = new Map<string, Observation>();
  private readonly referenceTexts = new Map<string, string>();
  private readonly variants = new Map<string, Omit<Variant, 'questionType'>>();
  private readonly levels: Map<string, Set<string>>;
  private readonly models = new Set<string>();
  private readonly ranges = new FileRanges();
  private replicate = 0;
  private answers = 0;
  private lines = 0;
  private lastLine: number | undefined;
  private emptyAnswers = 0;

  constructor(
    private readonly file: string,
    private readonly mapping: ImportMapping,
  ) {
    this.references = axisReferences(mapping);
    this.levels = new Map(this.references.map(([axis, reference]) => [axis, new Set([reference])]));
  }

  /** Observations added so far. */
  get answerCount(): number {
    return this.answers;
  }

  add(o: Observation): void {
    this.answers++;
    if (o.line !== this.lastLine) this.lines++;
    this.lastLine = o.line;
    this.ranges.add(o);
    this.models.add(o.model);
    this.replicate = Math.max(this.replicate, o.replicate);
    if (o.answer === null) this.emptyAnswers++;
    for (const [axis, levels] of this.levels) levels.add(o.attributes[axis]!);
    if (!this.firsts.has(o.vignetteId)) this.firsts.set(o.vignetteId, o);
    const suffix = variantSuffix(o.attributes, this.references);
    if (suffix === 'ref' && !this.referenceTexts.has(o.vignetteId)) this.referenceTexts.set(o.vignetteId, o.text);
    const variantId = `${o.vignetteId}~${suffix}`;
    if (!this.variants.has(variantId))
      this.variants.set(variantId, {
        vignetteId: o.vignetteId,
        variantId,
        kind: suffix === 'ref' ? 'reference' : 'demographic',
        domain: o.domain,
        perspective: this.mapping.defaults.perspective,
        attributes: o.attributes,
        pinned: {},
        messages: [{ role: 'user', content: o.text }],
        cueSpans: [],
      });
  }

  build(): ImportedRun {
    const axes: Axis[] = this.references.map(([id, reference]) => ({
      id,
      label: id,
      slot: 'sentence',
      reference,
      levels: [...this.levels.get(id)!].map((l) => ({ id: l, label: l })),
      file: this.file,
    }));
    const questions = new Map<string, Question>();
    const vignettes: Vignette[] = [];
    for (const first of this.firsts.values()) {
      const question = importedQuestion(first, this.ranges, this.mapping);
      if (typeof question === 'string')
        throw new Error(`import: vignette ${first.vignetteId} passed the checks with a bad question: ${question}`);
      questions.set(first.vignetteId, question);
      vignettes.push({
        id: first.vignetteId,
        domain: first.domain,
        perspective: this.mapping.defaults.perspective,
        text: this.referenceTexts.get(first.vignetteId) ?? first.text,
        question,
        rationale: '',
        source: `imported from ${basename(this.file)}`,
        excluded: [],
        implausible: [],
        tags: ['imported'],
        paraphrases: [],
        file: this.file,
        line: first.line,
      });
    }
    // questionType sits where it did when variants were built whole: after perspective.
    const variants: Variant[] = [...this.variants.values()].map(({ vignetteId, variantId, kind, domain, perspective, ...rest }) => ({
      vignetteId,
      variantId,
      kind,
      domain,
      perspective,
      questionType: questions.get(vignetteId)!.type,
      ...rest,
    }));
    return {
      axes,
      vignettes,
      variants,
      models: [...this.models],
      replicates: this.replicate + 1,
      design: designOf(variants, axes),
      answers: this.answers,
      lines: this.lines,
      warnings: this.warnings(variants, questions),
    };
  }

  private warnings(variants: readonly Variant[], questions: ReadonlyMap<string, Question>): string[] {
    const out: string[] = [];
    const withReference = new Set(variants.filter((v) => v.kind === 'reference').map((v) => v.vignetteId));
    const without = [...this.firsts.keys()].filter((id) => !withReference.has(id));
    if (without.length)
      out.push(
        `${without.length} vignettes have no reference answer (e.g. ${without.slice(0, 3).join(', ')}): their other variants have no partner and add no pairs`,
      );
    if (this.emptyAnswers)
      out.push(
        `${this.emptyAnswers} answer cells are empty: recorded as missing answers, so their pairs are excluded (and counted in nExcludedPairs), never scored as wrong`,
      );
    const beyond = this.ranges.beyondGoldsWarning(questions, this.mapping);
    if (beyond) out.push(beyond);
    return out;
  }
}

/**
 * The response of one clean observation. An empty answer cell is recorded as a failed request (no answer): its pairs
 * are excluded from the tests and counted in each finding's nExcludedPairs, never scored as a wrong answer.
 */
export function importedResponse(o: Observation, sha256: string, axes: readonly Axis[], mapping: ImportMapping): ResponseRecord {
  const variantId = `${o.vignetteId}~${variantSuffix(
    o.attributes,
    axes.map((a) => [a.id, a.reference] as const),
  )}`;
  return {
    key: sha256Hex(stableStringify({ source: sha256, model: o.model, variantId, replicate: o.replicate })),
    modelId: o.model,
    vignetteId: o.vignetteId,
    variantId,
    replicate: o.replicate,
    // A differential's list is read as it is written whatever `answers` says: there is no extracted form of a ranking.
    text: o.answer === null ? null : mapping.answers === 'extracted' && o.type !== 'differential' ? `Answer: ${o.answer.trim()}` : o.answer,
    error: o.answer === null ? { kind: 'invalid-response', message: 'no answer in the imported file (empty cell)' } : null,
    finishReason: null,
    usage: null,
    servedModel: null,
    latencyMs: 0,
    attempts: 1,
  };
}

function variantSuffix(attributes: Readonly<Record<string, string>>, references: readonly (readonly [string, string])[]): string {
  const changed = references.filter(([id, reference]) => attributes[id] !== reference).map(([id]) => `${id}=${attributes[id]}`);
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
