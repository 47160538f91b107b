import type { PresentedItem } from './present.js';

/** What a reviewer fills in; the import reads these columns (and item_id) and ignores the rest. */
export const LABEL_COLUMNS = ['item_id', 'label_a', 'label_b', 'label_pair', 'reviewer', 'reviewed_at', 'notes'] as const;
export type LabelColumn = (typeof LABEL_COLUMNS)[number];

/** review.csv: the blinded material, then the label columns left empty. */
export const REVIEW_COLUMNS = [
  'item_id',
  'item_type',
  'prompt',
  'answer_key',
  'answer_a',
  'answer_b',
  'label_a',
  'label_b',
  'label_pair',
  'reviewer',
  'reviewed_at',
  'notes',
] as const;

export function reviewCsv(items: readonly PresentedItem[]): string {
  const rows = items.map((item) => [
    item.id,
    item.type,
    item.prompt,
    item.answerKey,
    item.answerA,
    item.answerB ?? '',
    '',
    '',
    '',
    '',
    '',
    '',
  ]);
  return [REVIEW_COLUMNS, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * One quoted RFC 4180 cell. Text a spreadsheet would run as a formula (model output starting with =, +, - or @) is
 * prefixed with an apostrophe, so opening the queue in Excel or LibreOffice cannot execute anything.
 */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}
