import { existsSync } from 'node:fs';
import { fileLineSpans, type LineSpan } from '../run/jsonlFile.js';
import type { ResponseRecord } from '../run/types.js';
import { parseResponseLine, runFile } from './runDir.js';

/** What the report shows of responses.jsonl: the texts of a few requests, and the model identifiers each endpoint reported. */
export interface ResponseDetails {
  /** By request key: the success's text if the request ever succeeded, else its last failure's null. */
  texts: Map<string, string | null>;
  /** By model id: every served model identifier its responses reported. */
  served: Map<string, Set<string>>;
}

/**
 * A string (or null) field of a line written by JSON.stringify, read from the line's bytes: its name between quotes
 * and a colon cannot occur inside a string value, where every quote is escaped, so the one occurrence is the record's
 * own field (and a quote or backslash byte is never part of a multi-byte UTF-8 character). Looked for from the end
 * when the field follows the answer's text (`servedModel`), so that the text is neither read through nor decoded.
 * Undefined when the field is missing or not written as JSON.stringify writes it (the line is then parsed whole).
 * `line` is the span's bytes as one view, made once for the line's fields.
 */
function fieldOf({ bytes, start, end }: LineSpan, line: Buffer, label: Buffer, from: 'start' | 'end'): string | null | undefined {
  // Searched within the line alone: a line without the field must not send the search through the rest of the chunk.
  const found = from === 'start' ? line.indexOf(label) : line.lastIndexOf(label);
  if (found < 0) return undefined;
  const value = start + found + label.length;
  if (end - value >= 4 && bytes.toString('latin1', value, value + 4) === 'null') return null;
  if (bytes[value] !== QUOTE) return undefined;
  let escaped = false;
  for (let i = value + 1; i < end; i++) {
    const c = bytes[i];
    if (c === BACKSLASH) {
      escaped = true;
      i++;
    } else if (c === QUOTE)
      return escaped ? (JSON.parse(bytes.toString('utf8', value, i + 1)) as string) : bytes.toString('utf8', value + 1, i);
  }
  return undefined;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const KEY = Buffer.from('"key":');
const MODEL = Buffer.from('"modelId":');
const SERVED = Buffer.from('"servedModel":');

/** Whether the line is only JSON whitespace. */
function blank({ bytes, start, end }: LineSpan): boolean {
  for (let i = start; i < end; i++) if (bytes[i] !== 0x20 && bytes[i] !== 0x09 && bytes[i] !== 0x0d) return false;
  return true;
}

/**
 * One streaming pass over responses.jsonl for `keys`' texts and the served model identifiers. Only the lines of those
 * keys (and any line whose fields cannot be read without parsing it, which a damaged line then reports) are decoded
 * and parsed: the rest are read as bytes, three short fields each. At ten million responses, parsing every line was
 * most of a report's time, and decoding every answer text four gigabytes of strings. A run's other texts are never held.
 */
export function responseDetails(runDir: string, keys: ReadonlySet<string>): ResponseDetails {
  const texts = new Map<string, string | null>();
  const answered = new Set<string>();
  const served = new Map<string, Set<string>>();
  const path = runFile(runDir, 'responses');
  if (!existsSync(path)) return { texts, served };
  const serve = (modelId: string, servedModel: string | null | undefined) => {
    if (servedModel) served.set(modelId, (served.get(modelId) ?? new Set()).add(servedModel));
  };
  let lineNumber = 0;
  for (const span of fileLineSpans(path)) {
    lineNumber++;
    if (blank(span)) continue;
    const line = span.bytes.subarray(span.start, span.end);
    const key = fieldOf(span, line, KEY, 'start');
    const modelId = fieldOf(span, line, MODEL, 'start');
    if (typeof key === 'string' && typeof modelId === 'string' && !keys.has(key)) {
      serve(modelId, fieldOf(span, line, SERVED, 'end'));
      continue;
    }
    const r = parseResponseLine<ResponseRecord>(runDir, span.bytes.toString('utf8', span.start, span.end), lineNumber);
    serve(r.modelId, r.servedModel);
    if (!keys.has(r.key) || answered.has(r.key)) continue;
    texts.set(r.key, r.error === null ? r.text : null);
    if (r.error === null) answered.add(r.key);
  }
  return { texts, served };
}
