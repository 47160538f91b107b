import { closeSync, openSync, renameSync, rmSync } from 'node:fs';
import { writeAll } from '../run/jsonlFile.js';
import { temporaryPath } from './runDir.js';

const CHUNK = 1 << 20;

/**
 * A JSONL file written one record at a time, for records that come from an asynchronous source (writeJsonl takes
 * an iterable): lines go to a temporary file in bounded chunks, and `close()` renames it into place, so a reader
 * never sees half a file. `abort()` (after a failure) removes the temporary file.
 */
export class JsonlWriter {
  private readonly tmp: string;
  private readonly fd: number;
  private chunk = '';

  constructor(private readonly path: string) {
    this.tmp = temporaryPath(path);
    this.fd = openSync(this.tmp, 'w');
  }

  write(record: unknown): void {
    this.chunk += `${JSON.stringify(record)}\n`;
    if (this.chunk.length >= CHUNK) this.flush();
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
    renameSync(this.tmp, this.path);
  }

  abort(): void {
    closeSync(this.fd);
    rmSync(this.tmp, { force: true });
  }

  private flush(): void {
    if (this.chunk !== '') writeAll(this.fd, this.chunk);
    this.chunk = '';
  }
}
