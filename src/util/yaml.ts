import { readFileSync } from 'node:fs';
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

/** Reads and parses a YAML file; syntax errors and unreadable files become problems, never throws. */
export function readYamlFile(file: string, problems: Problem[]): YamlSource | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory, expected a YAML file' : `cannot be read (${code ?? String(err)})`;
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
      problems.push({ file, line, message: `YAML syntax error: ${err.message.split('\n')[0]}` });
    }
    return undefined;
  }
  return {
    file,
    value: doc.toJS({ maxAliasCount: 100 }),
    lineOf: (path) => lineOfPath(doc, lineCounter, path),
  };
}

function lineOfPath(doc: Document, lineCounter: LineCounter, path: FieldPath): number | undefined {
  let node: unknown = doc.contents;
  let line = nodeLine(node, lineCounter);
  for (const key of path) {
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
      if (pair) {
        line = nodeLine(pair.key, lineCounter) ?? line;
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
