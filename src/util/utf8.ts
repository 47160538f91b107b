import type { Problem } from './problems.js';

/** How many undecodable lines are named before the rest are only counted. */
const LINES_NAMED = 5;

/**
 * Decodes a file's bytes as UTF-8, refusing invalid bytes rather than replacing them with U+FFFD: a replaced
 * character in a vignette, an answer or a level name would change what is compared without anyone knowing. Each
 * line that does not decode is a problem naming it (the first few, then a count), with the usual fix. A leading
 * byte-order mark is kept for the parsers that expect it.
 */
export function decodeUtf8(file: string, bytes: Uint8Array, problems: Problem[]): string | undefined {
  try {
    return strictDecoder().decode(bytes);
  } catch {
    reportUndecodableLines(file, [bytes], problems);
    return undefined;
  }
}

/** A UTF-8 decoder that throws on invalid bytes and keeps a byte-order mark; `decode(chunk, { stream: true })` reads a file in pieces. */
export function strictDecoder(): TextDecoder {
  return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
}

/**
 * The problems of a file known not to be UTF-8, read from its bytes in pieces (one line in memory at most): each
 * line that does not decode is named (the first few, then a count), with the usual fix.
 */
export function reportUndecodableLines(file: string, chunks: Iterable<Uint8Array>, problems: Problem[]): void {
  const bad = undecodableLines(chunks);
  const fix = 'the file is not UTF-8 (often Windows-1252 or Latin-1 from a spreadsheet export): save it as UTF-8 and try again';
  for (const line of bad.slice(0, LINES_NAMED)) problems.push({ file, line, message: `bytes that are not UTF-8 on this line; ${fix}` });
  if (bad.length > LINES_NAMED)
    problems.push({ file, message: `${bad.length - LINES_NAMED} more lines are not UTF-8 (${bad.length} in all)` });
}

/** 1-based numbers of the lines (split at \n) whose bytes are not valid UTF-8. */
function undecodableLines(chunks: Iterable<Uint8Array>): number[] {
  const lines: number[] = [];
  let decoder = strictDecoder();
  let line = 1;
  let bad = false;
  const feed = (bytes: Uint8Array, lineEnds: boolean) => {
    if (bad) return;
    try {
      decoder.decode(bytes, { stream: !lineEnds });
    } catch {
      bad = true;
    }
  };
  const endLine = () => {
    if (bad) lines.push(line);
    line++;
    bad = false;
    decoder = strictDecoder();
  };
  for (const chunk of chunks) {
    let start = 0;
    for (let newline = chunk.indexOf(0x0a); newline !== -1; newline = chunk.indexOf(0x0a, start)) {
      feed(chunk.subarray(start, newline), true);
      endLine();
      start = newline + 1;
    }
    feed(chunk.subarray(start), false);
  }
  feed(new Uint8Array(0), true);
  if (bad) lines.push(line);
  return lines;
}
