import { closeSync, fstatSync, fsync, openSync } from 'node:fs';
import { writeAll } from './jsonlFile.js';

/**
 * An append-only file made durable by group commit. Each durable append is one write() straight to the
 * kernel, so a killed process (kill -9, OOM, crash) loses nothing it appended. Against power loss, an
 * fsync runs (off the event loop) as soon as an append is unsynced, and no sooner than SYNC_INTERVAL_MS
 * after the previous one began: a record is on disk within about 100 ms of arriving, and a power cut
 * costs at most the answers of that last moment (they are asked again on resume).
 *
 * Why 100 ms: measured on this machine's virtual disk at 3,000 answers a second (the runner benchmark's
 * load), fsyncs 10 ms apart cost about 20 µs of CPU per answer (so about 0.6 ms per fsync), a tenth of the
 * runner's budget; 100 ms apart, about 4 µs.
 */

const SYNC_INTERVAL_MS = 100;

export class AppendLog {
  private readonly fd: number;
  private bytes: number;
  private syncing = false;
  private unsynced = false;
  private failure: Error | undefined;
  private readonly waiting: (() => void)[] = [];
  /** Appends not yet written (copies only), written together at the end of this turn of the event loop. */
  private pending: string[] = [];
  /** The wait before the next fsync, while one is under way. */
  private interval: NodeJS.Timeout | undefined;

  constructor(
    readonly path: string,
    /**
     * False for data that is a copy of something durable elsewhere: never fsync'd, and the appends of one
     * turn of the event loop share one write() (a killed process loses at most that turn's copies).
     */
    private readonly options: { durable: boolean } = { durable: true },
  ) {
    this.fd = openSync(path, 'a');
    this.bytes = fstatSync(this.fd).size;
  }

  /** Appends `text` and returns the byte offset where it starts. */
  append(text: string): number {
    if (this.failure) throw this.failure;
    const offset = this.bytes;
    if (this.options.durable) {
      this.bytes += writeAll(this.fd, text);
      this.unsynced = true;
      this.startSync();
    } else {
      if (this.pending.length === 0) setImmediate(() => this.writePending());
      this.pending.push(text);
      this.bytes += Buffer.byteLength(text);
    }
    return offset;
  }

  /** Resolves when everything appended so far is on disk (durable) or written (copies), without waiting out the interval. */
  flushed(): Promise<void> {
    this.writePending();
    if (this.interval) this.endSync(); // someone waits for the disk: no reason to wait out the interval
    if (!this.syncing && !this.unsynced) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Waits for the last fsync, then closes: the descriptor must outlive every fsync queued on it. */
  async close(): Promise<void> {
    await this.flushed();
    closeSync(this.fd);
    if (this.failure) throw this.failure;
  }

  private writePending(): void {
    if (this.pending.length === 0 || this.failure) return;
    const text = this.pending.join('');
    this.pending = [];
    try {
      writeAll(this.fd, text);
    } catch (err) {
      this.failure = new Error(`${this.path}: could not be written (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
  }

  private startSync(): void {
    if (this.syncing || !this.unsynced) return;
    this.syncing = true;
    this.unsynced = false;
    const began = performance.now();
    fsync(this.fd, (err) => {
      if (err) this.failure ??= new Error(`${this.path}: could not be written to disk (${err.code ?? err.message})`);
      // Appends made meanwhile wait for the interval to pass, so one fsync covers all of them.
      if (this.unsynced && !this.failure)
        this.interval = setTimeout(() => this.endSync(), Math.max(0, began + SYNC_INTERVAL_MS - performance.now()));
      else this.endSync();
    });
  }

  /** An fsync (and the interval after it) is over: sync what came meanwhile, or tell the waiters. */
  private endSync(): void {
    clearTimeout(this.interval);
    this.interval = undefined;
    this.syncing = false;
    if (this.unsynced && !this.failure) {
      this.startSync();
      return;
    }
    for (const resolve of this.waiting.splice(0)) resolve();
  }
}
