import type { Problem } from '../util/problems.js';
import { IMPORTED_QUESTION_TYPES, type ImportedQuestionType, type ImportMapping } from './mapping.js';
import type { SourceRow } from './table.js';

/** One answer to one variant, as read from one row (a wide row gives one per variant column). */
export interface Observation {
  line: number;
  vignetteId: string;
  model: string;
  replicate: number;
  /** Every axis of the mapping at its level in this variant. */
  attributes: Record<string, string>;
  /** The answer cell as written; null when the cell is empty (no answer recorded). */
  answer: string | null;
  gold: string;
  /** Differential questions: other names for the gold diagnosis (`columns.synonyms`), in the order given. */
  synonyms: string[];
  /** The row's question type, when the file or the defaults give one (else inferred from the gold answers). */
  type: ImportedQuestionType | null;
  /** Option texts in column order (lettered A, B, ...); '' for an empty cell. */
  options: string[];
  domain: string;
  text: string;
}

/**
 * The observations of one row (a wide row gives one per variant column). Every cell that cannot be used is a problem
 * at the row's line naming the column; a row with any problem gives no observation (nothing half-read).
 */
export function rowObservations(file: string, row: SourceRow, mapping: ImportMapping, problems: Problem[]): Observation[] {
  const { columns, defaults } = mapping;
  const before = problems.length;
  const problem = (column: string, message: string) => problems.push({ file, line: row.line, field: column, message });
  const cell = (column: string) => (row.values[column] ?? '').trim();
  const required = (column: string, what: string) => {
    const value = cell(column);
    if (value === '') problem(column, `${what} is empty`);
    return value;
  };
  const vignetteId = required(columns.vignette, 'the vignette id');
  const gold = required(columns.gold, 'the gold (correct) answer');
  const model = columns.model ? required(columns.model, 'the model id') : defaults.model;
  const replicate = columns.replicate ? wholeNumber(cell(columns.replicate), (m) => problem(columns.replicate!, m)) : 0;
  const type =
    columns.type && cell(columns.type) !== '' ? questionType(cell(columns.type), (m) => problem(columns.type!, m)) : defaults.type;
  const common = {
    line: row.line,
    vignetteId,
    model,
    replicate,
    gold,
    synonyms: columns.synonyms ? synonymsOf(cell(columns.synonyms), (m) => problem(columns.synonyms!, m)) : [],
    type,
    options: columns.options.map(cell),
    domain: (columns.domain && cell(columns.domain)) || defaults.domain,
    text: columns.text ? (row.values[columns.text] ?? '') : '',
  };
  const answerOf = (column: string) => {
    const answer = (row.values[column] ?? '').trim() === '' ? null : row.values[column]!;
    if (answer !== null && type === 'differential') checkDiagnosisList(answer, (m) => problem(column, m));
    return answer;
  };
  const found: Observation[] = [];
  if (mapping.format === 'long') {
    const attributes = Object.fromEntries(mapping.axes.map((axis) => [axis.id, required(axis.column, `the level of axis ${axis.id}`)]));
    found.push({ ...common, attributes, answer: answerOf(columns.answer!) });
  } else {
    const reference = mapping.variants.find((v) => v.column === mapping.reference)!.attributes;
    for (const variant of mapping.variants)
      found.push({ ...common, attributes: { ...reference, ...variant.attributes }, answer: answerOf(variant.column) });
  }
  return problems.length === before ? found : [];
}

/**
 * Other names for a differential's gold diagnosis: a JSON array of names, or names separated by `|` ("PE | pulmonary
 * thromboembolism"); none for an empty cell.
 */
function synonymsOf(value: string, problem: (message: string) => void): string[] {
  if (value.startsWith('[')) return nameList(value, problem, 'the synonyms') ?? [];
  return value
    .split('|')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * A differential answer written as a JSON array must be one of names: a malformed one is a problem, not an answer
 * read as prose (it would be scored as a list with no diagnosis, or unparseable, without a word). Numbered text is
 * left to the extractor, as a model's answer in a run is.
 */
function checkDiagnosisList(answer: string, problem: (message: string) => void): void {
  if (answer.trim().startsWith('[')) nameList(answer.trim(), problem, 'the diagnosis list');
}

/** A JSON array of non-empty strings, or undefined with a problem saying what is wrong. */
function nameList(value: string, problem: (message: string) => void, what: string): string[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch (err) {
    problem(
      `${what} starts with "[" but is not valid JSON (${(err as Error).message}): write a JSON array of names, e.g. ["Pulmonary embolism", "Pneumonia"]`,
    );
    return undefined;
  }
  if (!Array.isArray(parsed) || !parsed.every((item) => typeof item === 'string' && item.trim() !== '')) {
    problem(`${what} must be a JSON array of names (non-empty strings), e.g. ["Pulmonary embolism", "Pneumonia"]`);
    return undefined;
  }
  return parsed.map((item: string) => item.trim());
}

function wholeNumber(value: string, problem: (message: string) => void): number {
  if (/^\d+$/.test(value)) return Number(value);
  problem(`expected the replicate as a whole number (0, 1, ...), got "${value}"`);
  return 0;
}

function questionType(value: string, problem: (message: string) => void): ImportedQuestionType | null {
  const type = value.toLowerCase();
  if ((IMPORTED_QUESTION_TYPES as readonly string[]).includes(type)) return type as ImportedQuestionType;
  problem(`unknown question type "${value}"; expected ${IMPORTED_QUESTION_TYPES.join(', ')}`);
  return null;
}
