export interface JsonField {
  /** The key lower-cased without separators ("dose_mg" -> "dosemg"). */
  readonly key: string;
  /** The key as written ("dose_mg"). */
  readonly written: string;
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
  if (keys.length === 0) return [];
  const keyPattern = keys
    .map((key) =>
      key
        .split(/[_\s-]+/)
        .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('[_\\s-]?'),
    )
    .join('|');
  return fieldsWithKeys(text, keyPattern);
}

/**
 * Every `"key": value` pair whatever the key (`"valid_reason": false`, `"interval_years": 10`), in text order. Models
 * often name an answer field after the question rather than "answer"; callers decide which of these can be the
 * answer (the only boolean, the only number, a key ending in "level").
 */
export function findAnyJsonFields(text: string): JsonField[] {
  return fieldsWithKeys(text, String.raw`[A-Za-z][\w\s-]{0,60}?`);
}

function fieldsWithKeys(text: string, keyPattern: string): JsonField[] {
  if (!/["']\s*:/.test(text)) return [];
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
    fields.push({ key, written: match[2] ?? '', value });
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
