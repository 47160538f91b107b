import { existsSync } from 'node:fs';
import { scanLines } from '../run/jsonlFile.js';
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
 * A string (or null) field of a line written by JSON.stringify: its name between quotes and a colon cannot occur
 * inside a string value, where every quote is escaped, so the one occurrence is the record's own field. Looked for
 * from the end when the field follows the answer's text (`servedModel`), so that the text is not read through.
 * Undefined when the field is missing or not written as JSON.stringify writes it (the line is then parsed whole).
 */
function fieldOf(line: string, name: string, from: 'start' | 'end'): string | null | undefined {
  const label = `"${name}":`;
  const at = from === 'start' ? line.indexOf(label) : line.lastIndexOf(label);
  if (at < 0) return undefined;
  const start = at + label.length;
  if (line.startsWith('null', start)) return null;
  if (line.charCodeAt(start) !== QUOTE) return undefined;
  let escaped = false;
  for (let i = start + 1; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === BACKSLASH) {
      escaped = true;
      i++;
    } else if (c === QUOTE) return escaped ? (JSON.parse(line.slice(start, i + 1)) as string) : line.slice(start + 1, i);
  }
  return undefined;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * One streaming pass over responses.jsonl for `keys`' texts and the served model identifiers. Only the lines of those
 * keys (and any line whose fields cannot be read without parsing it, which a damaged line then reports) are parsed:
 * at ten million responses, parsing every line was most of a report's time. A run's other texts are never held.
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
  scanLines(path, (line) => {
    lineNumber++;
    if (line.trim() === '') return;
    const key = fieldOf(line, 'key', 'start');
    const modelId = fieldOf(line, 'modelId', 'start');
    if (typeof key === 'string' && typeof modelId === 'string' && !keys.has(key)) {
      serve(modelId, fieldOf(line, 'servedModel', 'end'));
      return;
    }
    const r = parseResponseLine<ResponseRecord>(runDir, line, lineNumber);
    serve(r.modelId, r.servedModel);
    if (!keys.has(r.key) || answered.has(r.key)) return;
    texts.set(r.key, r.error === null ? r.text : null);
    if (r.error === null) answered.add(r.key);
  });
  return { texts, served };
}
