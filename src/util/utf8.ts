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
  const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  try {
    return strict.decode(bytes);
  } catch {
    const bad = undecodableLines(bytes);
    const fix = 'the file is not UTF-8 (often Windows-1252 or Latin-1 from a spreadsheet export): save it as UTF-8 and try again';
    for (const line of bad.slice(0, LINES_NAMED)) problems.push({ file, line, message: `bytes that are not UTF-8 on this line; ${fix}` });
    if (bad.length > LINES_NAMED)
      problems.push({ file, message: `${bad.length - LINES_NAMED} more lines are not UTF-8 (${bad.length} in all)` });
    return undefined;
  }
}

/** 1-based numbers of the lines (split at \n) whose bytes are not valid UTF-8. */
function undecodableLines(bytes: Uint8Array): number[] {
  const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const lines: number[] = [];
  let start = 0;
  let line = 1;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    try {
      strict.decode(bytes.subarray(start, i));
    } catch {
      lines.push(line);
    }
    start = i + 1;
    line++;
  }
  return lines;
}
