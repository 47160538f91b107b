export interface JsonField {
  readonly key: string;
  readonly value: string | number | boolean;
}

/**
 * Finds `"key": value` pairs for the given keys anywhere in the text, in text order.
 *
 * A pattern rather than `JSON.parse`, because model JSON is often embedded in prose, truncated, single-quoted
 * (Python dict style) or followed by trailing commas. Keys match case-insensitively and with `_`, `-`, space or
 * nothing between words (`final_answer`, `finalAnswer`, `"final answer"`). Values are strings (at most 300
 * characters, escapes decoded), numbers (with `,` thousands separators) or booleans.
 */
export function findJsonFields(text: string, keys: readonly string[]): JsonField[] {
  if (keys.length === 0 || !/["']\s*:/.test(text)) return [];
  const keyPattern = keys
    .map((key) => key.split(/[_\s-]+/).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[_\\s-]?'))
    .join('|');
  const pattern = new RegExp(
    `(["'])(${keyPattern})\\1\\s*:\\s*("(?:[^"\\\\\\n]|\\\\.){0,300}"|'(?:[^'\\\\\\n]|\\\\.){0,300}'|-?\\d[\\d,]*(?:\\.\\d+)?|-?\\.\\d+|true|false)`,
    'gi',
  );
  const fields: JsonField[] = [];
  for (const match of text.matchAll(pattern)) {
    const key = (match[2] ?? '').toLowerCase().replace(/[_\s-]/g, '');
    const raw = match[3] ?? '';
    let value: string | number | boolean;
    if (/^(?:true|false)$/i.test(raw)) value = raw.toLowerCase() === 'true';
    else if (raw.startsWith('"')) value = decodeJsonString(raw);
    else if (raw.startsWith("'")) value = raw.slice(1, -1).replace(/\\(.)/g, '$1');
    else value = Number(raw.replace(/,/g, ''));
    if (typeof value === 'number' && !Number.isFinite(value)) continue;
    fields.push({ key, value });
  }
  return fields;
}

function decodeJsonString(quoted: string): string {
  try {
    const decoded: unknown = JSON.parse(quoted);
    return typeof decoded === 'string' ? decoded : quoted.slice(1, -1);
  } catch {
    return quoted.slice(1, -1);
  }
}

/**
 * The boolean fields of any name (`"valid_reason": false`), in text order. A yes/no answer in JSON often names its
 * field after the question rather than "answer"; one boolean field can only be that answer.
 */
export function findJsonBooleans(text: string): JsonField[] {
  return [...text.matchAll(/(["'])([A-Za-z][\w\s-]{0,60})\1\s*:\s*(true|false)\b/gi)].map((match) => ({
    key: (match[2] ?? '').toLowerCase().replace(/[_\s-]/g, ''),
    value: (match[3] ?? '').toLowerCase() === 'true',
  }));
}

/** The number fields of any name (`"interval_years": 10`), in text order; see {@link findJsonBooleans}. */
export function findJsonNumbers(text: string): JsonField[] {
  return [...text.matchAll(/(["'])([A-Za-z][\w\s-]{0,60})\1\s*:\s*(-?\d+(?:\.\d+)?)(?![\d.])/g)].map((match) => ({
    key: (match[2] ?? '').toLowerCase().replace(/[_\s-]/g, ''),
    value: Number(match[3]),
  }));
}
