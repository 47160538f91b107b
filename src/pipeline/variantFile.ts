import { closeSync, openSync, renameSync } from 'node:fs';
import type { Variant } from '../expand/types.js';
import { fileLines, readLineAt, writeAll } from '../run/jsonlFile.js';
import type { VariantSource } from '../run/plan.js';
import { temporaryPath } from './runDir.js';

/** Lines gathered before one write() while the file is written. */
const LINES_PER_WRITE = 512;

/**
 * A run directory's variants.jsonl as the runner reads it: written as the variants are expanded, then walked
 * and looked up by position from the file. Only the byte offset of each variant stays in memory (8 bytes),
 * not the variant (about 3 KB), so a run of any size holds only the variants it is working on.
 */
export class VariantFile implements VariantSource {
  private constructor(
    readonly path: string,
    private readonly offsets: readonly number[],
    private readonly fd: number,
  ) {}

  /** Writes `variants` (replacing the file at once when complete) and opens it for reading back. */
  static write(path: string, variants: Iterable<Variant>): VariantFile {
    const partial = temporaryPath(path);
    const out = openSync(partial, 'w');
    const offsets: number[] = [];
    let bytes = 0;
    let lines: string[] = [];
    const flush = () => {
      writeAll(out, lines.join(''));
      lines = [];
    };
    try {
      for (const variant of variants) {
        const line = `${JSON.stringify(variant)}\n`;
        offsets.push(bytes);
        bytes += Buffer.byteLength(line);
        lines.push(line);
        if (lines.length === LINES_PER_WRITE) flush();
      }
      flush();
    } finally {
      closeSync(out);
    }
    renameSync(partial, path);
    return new VariantFile(path, offsets, openSync(path, 'r'));
  }

  get length(): number {
    return this.offsets.length;
  }

  at(index: number): Variant | undefined {
    const offset = this.offsets[index];
    return offset === undefined ? undefined : (JSON.parse(readLineAt(this.fd, offset)) as Variant);
  }

  *[Symbol.iterator](): Iterator<Variant> {
    for (const { line } of fileLines(this.path)) yield JSON.parse(line) as Variant;
  }

  close(): void {
    closeSync(this.fd);
  }
}
