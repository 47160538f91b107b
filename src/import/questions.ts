import type { DifferentialQuestion } from '../template/questions/differential.js';
import type { Question, ScalePoint } from '../template/types.js';
import { labelKey, type ImportedQuestionType, type ImportMapping } from './mapping.js';
import type { Observation } from './observations.js';

const LETTER = /^[A-Za-z]$/;
const WHOLE = /^[+-]?\d+$/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const YES_NO = /^(yes|no)$/i;
/** An answer that is an option letter or a scale number alone ("E", "E.", "(E)", "3"): what it names is plain. */
const LONE = /^\(?([A-Za-z]|[+-]?\d+)[).:]?$/;

/**
 * What the file shows of the options and scales it does not spell out, read one observation at a time: the highest
 * option letter and the lowest and highest whole number among the gold answers, and among the answers written as a
 * letter or number alone. Choice questions without option columns get the letters A up to the highest letter;
 * ordinal questions without a scale get the whole numbers from the lowest to the highest. An answer beyond what the
 * gold answers reach ("E" when they reach only "D") is then an option that exists and is scored wrong, never
 * unparseable; `beyondGoldsWarning` counts such answers for a warning.
 */
export class FileRanges {
  private goldLetter = 0;
  private answerLetter = 0;
  private readonly gold = { low: Infinity, high: -Infinity };
  private readonly answer = { low: Infinity, high: -Infinity };
  /** Per vignette, each letter or number written alone as an answer: how often, and its first line. */
  private readonly lone = new Map<string, Map<string, { count: number; line: number }>>();

  /** Letters count from rows that are (or may be inferred as) choice questions, numbers from ordinal ones. */
  add(o: Observation): void {
    const letters = o.type === null || o.type === 'choice';
    if (!letters && o.type !== 'ordinal') return;
    this.note(o.gold.trim(), letters, this.gold, (code) => (this.goldLetter = Math.max(this.goldLetter, code)));
    const lone = o.answer === null ? null : LONE.exec(o.answer.trim())?.[1];
    if (!lone || !this.note(lone, letters, this.answer, (code) => (this.answerLetter = Math.max(this.answerLetter, code)))) return;
    const value = letters ? lone.toUpperCase() : String(Number(lone));
    const written = this.lone.get(o.vignetteId) ?? new Map<string, { count: number; line: number }>();
    this.lone.set(o.vignetteId, written);
    const seen = written.get(value);
    if (seen) seen.count++;
    else written.set(value, { count: 1, line: o.line });
  }

  /** Option letters for choice questions without option columns. */
  letters(): string[] {
    const highest = Math.max(this.goldLetter, this.answerLetter);
    return highest === 0 ? [] : Array.from({ length: highest - 64 }, (_, i) => String.fromCharCode(65 + i));
  }

  /** The inferred ordinal scale: whole numbers from the lowest to the highest (2 to 101 points), or undefined. */
  scale(): ScalePoint[] | undefined {
    const low = Math.min(this.gold.low, this.answer.low);
    const high = Math.max(this.gold.high, this.answer.high);
    if (!Number.isFinite(low) || high === low || high - low > 100) return undefined;
    return Array.from({ length: high - low + 1 }, (_, i) => ({ value: low + i, label: String(low + i) }));
  }

  /**
   * Once every observation was added, with each vignette's question: a warning for the answers written alone beyond
   * every gold answer's letter or number where the options (or the scale) were inferred from the file, or undefined.
   */
  beyondGoldsWarning(questions: ReadonlyMap<string, Question>, mapping: ImportMapping): string | undefined {
    let count = 0;
    const examples: { line: number; value: string }[] = [];
    for (const [vignetteId, written] of this.lone) {
      const question = questions.get(vignetteId);
      const inferredLetters =
        question?.type === 'choice' && Object.values((question as { options: Record<string, string> }).options).every((t) => t === '');
      const inferredScale = question?.type === 'ordinal' && !mapping.ordinal?.scale;
      for (const [value, { count: times, line }] of written) {
        const beyond = LETTER.test(value)
          ? inferredLetters && value.charCodeAt(0) > this.goldLetter
          : inferredScale && (Number(value) > this.gold.high || Number(value) < this.gold.low);
        if (!beyond) continue;
        count += times;
        examples.push({ line, value });
      }
    }
    if (count === 0) return undefined;
    const shown = examples
      .sort((a, b) => a.line - b.line)
      .slice(0, 3)
      .map((e) => `"${e.value}" first on line ${e.line}`)
      .join(', ');
    return `${count} answers name an option letter or scale number beyond every gold answer (${shown}): options and scales not given in the mapping are inferred from the file, so these answers are read as the option or level they name and scored wrong; map the option columns (columns.options) or give ordinal.scale if the questions offered other options`;
  }

  /** Takes a letter (choice rows) or a whole number (ordinal rows) into the range; whether it was one. */
  private note(value: string, letters: boolean, range: { low: number; high: number }, letter: (code: number) => void): boolean {
    if (letters ? !LETTER.test(value) : !WHOLE.test(value)) return false;
    if (letters) letter(value.toUpperCase().charCodeAt(0));
    else {
      const n = Number(value);
      range.low = Math.min(range.low, n);
      range.high = Math.max(range.high, n);
    }
    return true;
  }
}

/**
 * The question of an imported vignette, from its gold answer. The type is the row's (or the defaults') or is
 * inferred: yes/no → yesno; one letter → choice; the text of one of the mapped options → choice (the answer becomes
 * that option's letter). Ordinal and numeric questions are read as the mapping's `ordinal:` and `numeric:` say (an
 * ordinal gold answer is a value of the scale or one of its labels). Free-text questions keep the gold answer as the
 * rubric and stay unscored, as in a run. Returns a message instead when the gold answer does not fit.
 */
export function importedQuestion(first: Observation, ranges: FileRanges, mapping: ImportMapping): Question | string {
  const gold = first.gold;
  const options = first.options.length
    ? Object.fromEntries(first.options.map((text, i) => [String.fromCharCode(65 + i), text] as const).filter(([, text]) => text !== ''))
    : Object.fromEntries(ranges.letters().map((l) => [l, '']));
  const byText = Object.entries(options).find(([, text]) => text !== '' && text.toLowerCase() === gold.toLowerCase())?.[0];
  const type: ImportedQuestionType | null = first.type ?? (YES_NO.test(gold) ? 'yesno' : LETTER.test(gold) || byText ? 'choice' : null);
  switch (type) {
    case null:
      return `cannot tell the question type from the gold answer "${gold}": give a type column or defaults.type (choice with option columns, yesno, ordinal, numeric, differential, or free)`;
    case 'yesno':
      return YES_NO.test(gold)
        ? { type, stem: '', answer: gold.toLowerCase() as 'yes' | 'no' }
        : `the gold answer of a yes/no question must be yes or no, got "${gold}"`;
    case 'free':
      return { type, stem: '', rubric: gold };
    case 'choice': {
      const letter = LETTER.test(gold) && gold.toUpperCase() in options ? gold.toUpperCase() : byText;
      if (!letter)
        return `the gold answer "${gold}" is neither an option letter (${Object.keys(options).join(', ') || 'none mapped'}) nor the text of an option`;
      return { type, stem: '', options, answer: letter };
    }
    case 'ordinal': {
      if (!mapping.ordinal)
        return 'the question is ordinal: say how ordinal answers are read under `ordinal:` in the mapping (intensity, and scale or none to infer it)';
      const scale = mapping.ordinal.scale ?? ranges.scale();
      if (!scale)
        return `the gold answers do not give an ordinal scale (whole numbers, at least two, spanning at most 100): give ordinal.scale in the mapping`;
      const point = scale.find((p) => (WHOLE.test(gold) && p.value === Number(gold)) || labelKey(p.label) === labelKey(gold));
      if (!point)
        return `the gold answer "${gold}" is neither a value nor a label of the scale (${scale.map((p) => `${p.value}: ${p.label}`).join(', ')})`;
      return { type, stem: '', scale, intensity: mapping.ordinal.intensity, answer: point.value };
    }
    case 'differential': {
      if (!mapping.differential)
        return 'the question is a differential diagnosis: give the rank up to which it counts as correct under `differential:` in the mapping (top, and list)';
      const question: DifferentialQuestion = { type, stem: '', answer: gold, synonyms: first.synonyms, ...mapping.differential };
      return question;
    }
    case 'numeric': {
      if (!mapping.numeric) return 'the question is numeric: give its unit, tolerance and intensity under `numeric:` in the mapping';
      if (!NUMBER.test(gold)) return `the gold answer of a numeric question must be a number (in ${mapping.numeric.unit}), got "${gold}"`;
      return { type, stem: '', ...mapping.numeric, answer: Number(gold) };
    }
  }
}
