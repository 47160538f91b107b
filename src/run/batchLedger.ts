import { appendFileSync, closeSync, existsSync, fsyncSync, openSync } from 'node:fs';
import { scanLines } from './jsonlFile.js';

/**
 * Written (fsync'd) before a batch is created: a run killed between creating the batch and recording it
 * finds the batch by this tag (its metadata) instead of creating, and paying for, another.
 */
interface Submitting {
  event: 'submitting';
  modelId: string;
  tag: string;
  requests: [string, number][];
}

/** The batch tagged `tag` was never created (or the provider refused it): its requests are free again. */
interface NotCreated {
  event: 'not-created';
  tag: string;
}

interface Submitted {
  event: 'submitted';
  modelId: string;
  batchId: string;
  tag?: string;
  /**
   * The batch's requests as [key, plan position]: the position recovers the request without holding the
   * plan, the key proves it is still the same request when the study has changed since.
   */
  requests: [string, number][];
}

interface Collected {
  event: 'collected';
  batchId: string;
  status: string;
}

type Entry = Submitting | NotCreated | Submitted | Collected;

/**
 * `batches.jsonl` in the run directory: every batch submitted and every batch whose answers were
 * recorded, fsync'd as it happens. A run killed while the provider works on a batch finds it here and
 * follows it to the end instead of submitting (and paying for) the same requests again; one killed while
 * creating a batch finds a `submitting` entry and asks the provider whether that batch exists.
 */
export class BatchLedger {
  private constructor(
    private readonly path: string,
    private readonly open: Map<string, Submitted>,
    private readonly unconfirmedByTag: Map<string, Submitting>,
  ) {}

  static open(path: string): BatchLedger {
    const open = new Map<string, Submitted>();
    const unconfirmed = new Map<string, Submitting>();
    if (existsSync(path)) {
      scanLines(path, (line) => {
        const entry = JSON.parse(line) as Entry;
        switch (entry.event) {
          case 'submitting':
            unconfirmed.set(entry.tag, entry);
            break;
          case 'not-created':
            unconfirmed.delete(entry.tag);
            break;
          case 'submitted':
            open.set(entry.batchId, entry);
            if (entry.tag !== undefined) unconfirmed.delete(entry.tag);
            break;
          case 'collected':
            open.delete(entry.batchId);
            break;
        }
      });
    }
    return new BatchLedger(path, open, unconfirmed);
  }

  /** Batches of this model submitted but not yet recorded, with the requests they cover. */
  pending(modelId: string): { batchId: string; requests: [string, number][] }[] {
    return [...this.open.values()].filter((s) => s.modelId === modelId);
  }

  /** Batches of this model about to be created when a run stopped: each may or may not exist. */
  unconfirmed(modelId: string): { tag: string; requests: [string, number][] }[] {
    return [...this.unconfirmedByTag.values()].filter((s) => s.modelId === modelId);
  }

  submitting(modelId: string, tag: string, requests: [string, number][]): void {
    const entry: Submitting = { event: 'submitting', modelId, tag, requests };
    this.write(entry);
    this.unconfirmedByTag.set(tag, entry);
  }

  notCreated(tag: string): void {
    this.write({ event: 'not-created', tag });
    this.unconfirmedByTag.delete(tag);
  }

  submitted(modelId: string, batchId: string, requests: [string, number][], tag: string): void {
    const entry: Submitted = { event: 'submitted', modelId, batchId, requests, tag };
    this.write(entry);
    this.open.set(batchId, entry);
    this.unconfirmedByTag.delete(tag);
  }

  collected(batchId: string, status: string): void {
    this.write({ event: 'collected', batchId, status });
    this.open.delete(batchId);
  }

  private write(entry: Entry): void {
    appendFileSync(this.path, `${JSON.stringify(entry)}\n`);
    const fd = openSync(this.path, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
}
