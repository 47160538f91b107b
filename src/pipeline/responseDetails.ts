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
 * A string (or null) field of a line written by JSON.stringify. The field's name between quotes and a colon cannot
 * occur inside a string value, where every quote is escaped, so the first match is the record's own field.
 */
const FIELD = (name: string) => new RegExp(`"${name}":(null|"(?:[^"\\\\]|\\\\.)*")`);
const KEY = FIELD('key');
const MODEL = FIELD('modelId');
const SERVED = FIELD('servedModel');

function fieldOf(line: string, field: RegExp): string | null | undefined {
  const literal = field.exec(line)?.[1];
  if (literal === undefined || literal === 'null') return literal === undefined ? undefined : null;
  return literal.includes('\\') ? (JSON.parse(literal) as string) : literal.slice(1, -1);
}

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
    const key = fieldOf(line, KEY);
    const modelId = fieldOf(line, MODEL);
    if (typeof key === 'string' && typeof modelId === 'string' && !keys.has(key)) {
      serve(modelId, fieldOf(line, SERVED));
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
