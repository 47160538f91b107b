import { readFileSync, statSync } from 'node:fs';
import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Node, type Document } from 'yaml';
import type { Problem } from './problems.js';
import { decodeUtf8 } from './utf8.js';

export type FieldPath = readonly (string | number)[];

/** A parsed YAML file that can say on which line any field sits, for error messages. */
export interface YamlSource {
  file: string;
  value: unknown;
  /** 1-based line of the node at `path`, or of its nearest existing ancestor. */
  lineOf(path: FieldPath): number | undefined;
}

/**
 * Largest YAML input read (studies, templates, demographics, mappings, labels): the largest shipped file is under
 * 100 KB, and a 50 MB study took a minute and 2.4 GB before anything was said about it.
 */
export const MAX_YAML_BYTES = 10 * 1024 * 1024;

/** Alias uses allowed when a document is turned into values: enough for any hand-written file, not for an alias bomb. */
const MAX_ALIAS_COUNT = 100;

/** Reads and parses a YAML file; syntax errors and unreadable files become problems, never throws. */
export function readYamlFile(file: string, problems: Problem[]): YamlSource | undefined {
  let bytes: Buffer;
  try {
    const size = statSync(file).size;
    if (size > MAX_YAML_BYTES) {
      problems.push({
        file,
        message: `is ${(size / 1024 / 1024).toFixed(1)} MB; a YAML input may be at most ${MAX_YAML_BYTES / 1024 / 1024} MB (split a template library into several files, or check that this is the file you meant)`,
      });
      return undefined;
    }
    bytes = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'file not found'
        : code === 'EISDIR'
          ? 'is a directory, expected a YAML file'
          : `cannot be read (${code ?? String(err)})`;
    problems.push({ file, message: `${reason}; check the path` });
    return undefined;
  }
  const text = decodeUtf8(file, bytes, problems);
  return text === undefined ? undefined : parseYamlText(file, text, problems);
}

export function parseYamlText(file: string, text: string, problems: Problem[]): YamlSource | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const err of doc.errors) {
      const line = err.linePos?.[0]?.line ?? lineCounter.linePos(err.pos[0]).line;
      const message =
        err.code === 'DUPLICATE_KEY'
          ? `the key "${keyAt(text, err.pos[0])}" appears twice in one mapping; keep one`
          : `YAML syntax error: ${err.message.split('\n')[0]}`;
      problems.push({ file, line, message });
    }
    return undefined;
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    // The yaml package throws when aliases multiply beyond the count (a "billion laughs" document).
    problems.push({
      file,
      message: `its aliases (*name) expand too far (${(err as Error).message}); write the values out, or use fewer aliases`,
    });
    return undefined;
  }
  return { file, value, lineOf: (path) => lineOfPath(doc, lineCounter, path) };
}

/** The key written at `offset`: up to its colon on that line (the parser's error range covers only its first character). */
function keyAt(text: string, offset: number): string {
  return /^[^:\n]*/.exec(text.slice(offset))![0].trim();
}

function lineOfPath(doc: Document, lineCounter: LineCounter, path: FieldPath): number | undefined {
  let node: unknown = doc.contents;
  let line = nodeLine(node, lineCounter);
  for (const [i, key] of path.entries()) {
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
      if (pair) {
        line = nodeLine(pair.key, lineCounter) ?? line;
        // A mapping or list under the key starts on the next line, but the field itself is on its key's line.
        // (A block scalar keeps its content's line: problems inside a text count lines from there.)
        if (i === path.length - 1 && (isMap(pair.value) || isSeq(pair.value))) return line;
        next = pair.value;
      }
    } else if (isSeq(node) && typeof key === 'number') {
      next = node.items[key];
    }
    if (next === undefined || next === null) return line;
    node = next;
    line = nodeLine(node, lineCounter) ?? line;
  }
  return line;
}

function nodeLine(node: unknown, lineCounter: LineCounter): number | undefined {
  const range = (node as Node | undefined)?.range;
  if (!range) return undefined;
  const line = lineCounter.linePos(range[0]).line;
  // A block scalar's range starts at its `|` or `>` indicator; its content starts on the next line.
  const blockScalar = isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED');
  return blockScalar ? line + 1 : line;
}
