import { closeSync, openSync, readSync, writeSync } from 'node:fs';

const CHUNK_BYTES = 1 << 20;
const NEWLINE = 0x0a;

/**
 * Streams a JSONL file line by line with each line's byte offset, holding one chunk (or one line, if
 * longer) in memory whatever the file size. Returns the byte length of the complete lines. A final line
 * without its newline is, in a file this program appends to, torn by a crash mid-write and not passed
 * on; in a file from elsewhere (`final: 'include'`) it is simply the last line.
 */
export function scanLines(
  path: string,
  onLine: (line: string, offset: number) => void,
  options: { final: 'skip' | 'include' } = { final: 'skip' },
): number {
  const lines = fileLines(path, options);
  for (let next = lines.next(); ; next = lines.next()) {
    if (next.done) return next.value;
    onLine(next.value.line, next.value.offset);
  }
}

/** scanLines as a generator, for a reader that pulls; the file is closed when the reader stops early too. */
export function* fileLines(
  path: string,
  options: { final: 'skip' | 'include' } = { final: 'skip' },
): Generator<{ line: string; offset: number }, number> {
  const spans = fileLineSpans(path, options);
  try {
    for (let next = spans.next(); ; next = spans.next()) {
      if (next.done) return next.value;
      const { bytes, start, end, offset } = next.value;
      yield { line: bytes.toString('utf8', start, end), offset };
    }
  } finally {
    spans.return(0);
  }
}

/** A line as bytes: `bytes[start, end)` (without its newline), valid only until the next line is asked for. */
export interface LineSpan {
  bytes: Buffer;
  start: number;
  end: number;
  /** The line's byte offset in the file. */
  offset: number;
}

/**
 * fileLines without decoding: each line's bytes in the read buffer, for a reader that looks at a few fields of every
 * line of a large file and decodes only what it needs (a run's responses are gigabytes of answer text).
 */
export function* fileLineSpans(path: string, options: { final: 'skip' | 'include' } = { final: 'skip' }): Generator<LineSpan, number> {
  const fd = openSync(path, 'r');
  try {
    let buffer: Buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    let filled = 0; // bytes of buffer holding data
    let base = 0; // file offset of buffer[0]
    // One span for every line, moved along (a span is valid only until the next line): ten million lines make no
    // ten million objects, which a long-running process's collector may otherwise promote and keep for a while.
    const span: LineSpan = { bytes: buffer, start: 0, end: 0, offset: 0 };
    const at = (start: number, end: number): LineSpan => {
      span.bytes = buffer;
      span.start = start;
      span.end = end;
      span.offset = base + start;
      return span;
    };
    for (;;) {
      if (filled === buffer.length) buffer = grow(buffer);
      const read = readSync(fd, buffer, filled, buffer.length - filled, base + filled);
      if (read === 0) {
        if (filled > 0 && options.final === 'include') yield at(0, filled);
        return base;
      }
      filled += read;
      let start = 0;
      for (let end = buffer.indexOf(NEWLINE, start); end !== -1 && end < filled; end = buffer.indexOf(NEWLINE, start)) {
        yield at(start, end);
        start = end + 1;
      }
      buffer.copy(buffer, 0, start, filled);
      filled -= start;
      base += start;
    }
  } finally {
    closeSync(fd);
  }
}

/** The line starting at `offset` (without its newline), read from an open file descriptor. */
export function readLineAt(fd: number, offset: number): string {
  let buffer: Buffer = Buffer.allocUnsafe(16 * 1024);
  let filled = 0;
  for (;;) {
    if (filled === buffer.length) buffer = grow(buffer);
    const read = readSync(fd, buffer, filled, buffer.length - filled, offset + filled);
    const end = buffer.indexOf(NEWLINE, filled);
    filled += read;
    if (end !== -1 && end < filled) return buffer.toString('utf8', 0, end);
    if (read === 0) return buffer.toString('utf8', 0, filled);
  }
}

/**
 * Reads lines by byte offset from an open file through one window (a chunk) of it: lines read in file order, or
 * nearly, cost one read() per chunk instead of one per line. A line longer than the window is read on its own.
 */
export class LineReader {
  private readonly window: Buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  /** File offset of window[0], and how many bytes of the window hold data. */
  private start = 0;
  private filled = 0;

  constructor(private readonly fd: number) {}

  /** The line starting at `offset`, without its newline. */
  at(offset: number): string {
    const inWindow = this.lineInWindow(offset);
    if (inWindow !== undefined) return inWindow;
    this.start = offset;
    this.filled = readSync(this.fd, this.window, 0, this.window.length, offset);
    return this.lineInWindow(offset) ?? readLineAt(this.fd, offset);
  }

  private lineInWindow(offset: number): string | undefined {
    const from = offset - this.start;
    if (from < 0 || from >= this.filled) return undefined;
    const end = this.window.indexOf(NEWLINE, from);
    return end !== -1 && end < this.filled ? this.window.toString('utf8', from, end) : undefined;
  }
}

/** Writes the whole text with one write() (a short write is continued); returns its length in bytes. */
export function writeAll(fd: number, text: string): number {
  const data = Buffer.from(text);
  for (let written = 0; written < data.length; ) written += writeSync(fd, data, written);
  return data.length;
}

function grow(buffer: Buffer): Buffer {
  const bigger = Buffer.allocUnsafe(buffer.length * 2);
  buffer.copy(bigger);
  return bigger;
}
