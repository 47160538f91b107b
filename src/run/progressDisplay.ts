import type { ProgressMeter, ProgressSnapshot } from './progress.js';
import type { ResponseRecord } from './types.js';

/**
 * Where progress goes: stderr in the CLI (`write`), and/or a program's callback (`onProgress`, given the counts
 * as often as a terminal would be redrawn, and once more at the end).
 */
export interface ProgressSink {
  write?(text: string): void;
  onProgress?(snapshot: ProgressSnapshot): void;
  /** Each request that ended in failure (after its retries), as it happens. */
  onRequestError?(record: ResponseRecord): void;
  /** Also write a line for each failed request as it happens (`run --verbose`). */
  verbose?: boolean;
  /** A terminal gets one line rewritten in place; anything else gets plain lines now and then. */
  isTTY?: boolean;
  columns?: number;
}

/** A terminal can take frequent redraws; logs (CI, files) want a line every so often, not a flood. */
const TTY_INTERVAL_MS = 100;
const PLAIN_INTERVAL_MS = 10_000;

/**
 * Renders a ProgressMeter: done/total, rate, ETA, retries, errors, tokens and estimated cost. Counts only:
 * no prompt, answer, URL or key ever reaches the display.
 */
export class ProgressDisplay {
  private lastDrawn = -Infinity;
  private drawnLive = false;
  private lastLine = '';

  /** `label` names what is counted when it is not the run's own requests ("judges": the judges' judgements). */
  constructor(
    private readonly meter: ProgressMeter,
    private readonly sink: ProgressSink,
    private readonly clock: () => number,
    private readonly label?: string,
  ) {}

  /** Redraws if enough time has passed since the last line. */
  update(): void {
    // On resume, the answers already recorded are counted before anything is sent: the first line waits for them
    // all, so it shows how much of the run is done rather than "1 already answered".
    if (this.meter.reusingOnly) return;
    const now = this.clock();
    if (now - this.lastDrawn < (this.sink.isTTY || !this.sink.write ? TTY_INTERVAL_MS : PLAIN_INTERVAL_MS)) return;
    this.lastDrawn = now;
    this.draw();
  }

  /** The last state, always drawn, ending the live line so later output starts on a fresh one. */
  finish(): void {
    this.draw();
    if (this.sink.isTTY) this.sink.write?.('\n');
    this.drawnLive = false;
  }

  /** A request ended in failure: tell the callback, and with `verbose` print it above the live line. */
  requestFailed(record: ResponseRecord): void {
    this.sink.onRequestError?.(record);
    if (!this.sink.verbose || !this.sink.write || !record.error) return;
    this.sink.write(`${this.drawnLive ? '\r\x1b[2K' : ''}${formatRequestError(record)}\n`);
    this.drawnLive = false;
    this.lastDrawn = -Infinity;
  }

  private draw(): void {
    const snapshot = this.meter.snapshot();
    this.sink.onProgress?.(snapshot);
    if (!this.sink.write) return;
    const line = formatProgress(snapshot, this.label);
    if (!this.sink.isTTY) {
      // A log gets no repeated line (the closing state is often the one just drawn).
      if (line !== this.lastLine) this.sink.write(`${line}\n`);
      this.lastLine = line;
      return;
    }
    const width = Math.max(20, (this.sink.columns || 80) - 1); // 0 when the terminal does not say
    this.sink.write(`${this.drawnLive ? '\r\x1b[2K' : ''}${line.slice(0, width)}`);
    this.drawnLive = true;
  }
}

/** Most telling first, so a narrow terminal that cuts the line keeps what matters. */
export function formatProgress(p: ProgressSnapshot, label?: string): string {
  const parts = [`${p.done}/${p.total} (${p.total === 0 ? 100 : Math.floor((100 * p.done) / p.total)}%)`];
  if (p.reused > 0) parts.push(`${p.reused} already answered`);
  parts.push(
    `ETA ${p.etaSeconds === null ? '?' : formatDuration(p.etaSeconds)}`,
    `${p.rate.toFixed(1)}/s`,
    `${p.errors} errors`,
    `${p.retries} retries`,
  );
  // The simulated model and endpoints that report no usage have no token count to show.
  if (p.promptTokens + p.completionTokens > 0) parts.push(`${formatCount(p.promptTokens + p.completionTokens)} tokens`);
  if (p.cost !== null) parts.push(`~$${p.cost.toFixed(p.cost < 10 ? 4 : 2)}`);
  parts.push(`${p.sent} sent`);
  return `counterfair: ${label === undefined ? '' : `${label}: `}${parts.join(' · ')}`;
}

/**
 * "counterfair: request failed: gpt triage-1~race=black #0: not-found after 1 attempt: HTTP 404: ...". The
 * message is the endpoint's (keys already scrubbed by the provider); control characters are dropped so an endpoint
 * cannot drive the terminal.
 */
export function formatRequestError(record: ResponseRecord): string {
  const error = record.error!;
  const message = error.message.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').slice(0, 300);
  const attempts = record.attempts;
  return `counterfair: request failed: ${record.modelId} ${record.variantId} #${record.replicate}: ${error.kind} after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${message}`;
}

function formatDuration(seconds: number): string {
  const s = Math.ceil(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

function formatCount(n: number): string {
  if (n < 10_000) return String(n);
  if (n < 10_000_000) return `${Math.round(n / 1000)}k`;
  return `${Math.round(n / 1_000_000)}M`;
}
