/** A CSV cell before encoding. Objects and longer arrays are written as JSON. */
export type CsvValue = string | number | boolean | null | undefined | object;

/**
 * Records as RFC 4180 CSV (CRLF line ends, fields quoted when they hold a comma, quote or line break); no
 * records, an empty file.
 * Columns are the union of the records' fields in first-seen order, so a field added to the public contract
 * appears without touching this code; a [low, high] pair becomes two columns `<field>Low`, `<field>High`, and a
 * record of counts one column per count (`discordantOutcomes.levelOnly.unparseable` →
 * `discordantOutcomesLevelOnlyUnparseable`).
 */
export function recordsToCsv(records: readonly object[]): string {
  if (records.length === 0) return '';
  const flat = records.map((r) => flattenRecord(r));
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const row of flat) {
    for (const key of row.keys()) {
      if (!seen.has(key)) seen.add(key), columns.push(key);
    }
  }
  const lines = [columns.map(csvField), ...flat.map((row) => columns.map((c) => csvField(row.get(c))))];
  return lines.map((cells) => `${cells.join(',')}\r\n`).join('');
}

function flattenRecord(record: object, prefix = '', out = new Map<string, CsvValue>()): Map<string, CsvValue> {
  for (const [field, value] of Object.entries(record) as [string, CsvValue][]) {
    const key = prefix ? `${prefix}${field[0]!.toUpperCase()}${field.slice(1)}` : field;
    if (isInterval(value)) {
      out.set(`${key}Low`, value[0]);
      out.set(`${key}High`, value[1]);
    } else if (isCounts(value)) flattenRecord(value, key, out);
    else out.set(key, value);
  }
  return out;
}

/** A plain record whose leaves are all numbers (counts by kind, nested or not): one column per leaf. */
function isCounts(value: CsvValue): value is Record<string, number | object> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const fields = Object.values(value);
  return fields.length > 0 && fields.every((v) => typeof v === 'number' || isCounts(v as CsvValue));
}

function isInterval(value: CsvValue): value is [number | null, number | null] {
  return Array.isArray(value) && value.length === 2 && value.every((v) => v === null || typeof v === 'number');
}

/**
 * One encoded field. Text that a spreadsheet would run as a formula (starting with = + - @, or a tab or carriage
 * return that some spreadsheets skip before one) gets a leading apostrophe: model output and vignette text are
 * untrusted. Numbers are written as numbers, so a negative difference stays a number.
 */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (typeof value === 'string') text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  else if (typeof value === 'number' || typeof value === 'boolean') text = String(value);
  else text = JSON.stringify(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
