import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { chromiumFlags, DEFAULT_CHROMIUM } from '../../src/report/render/pdf.js';

export const CHROMIUM = process.env.COUNTERFAIR_CHROMIUM ?? DEFAULT_CHROMIUM;
/** Browser tests run where Chromium is installed (.ci/run installs it, and warns loudly when it cannot). */
export const runBrowserTests = existsSync(CHROMIUM);

/** What happened while a page was open: every request, dialog, console error, exception and CSP report. */
export interface PageObservations {
  requests: string[];
  dialogs: string[];
  problems: string[];
}

/** The tab: viewport in CSS pixels (default 1280 × 900), JavaScript on or off, how long to wait for `ready`. */
export interface PageOptions {
  width?: number;
  height?: number;
  javaScript?: boolean;
  timeoutMs?: number;
}

type Message = {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { message: string };
  sessionId?: string;
};

/**
 * Real headless Chromium driven over the DevTools protocol on a pipe (--remote-debugging-pipe: messages are JSON
 * separated by NUL bytes on file descriptors 3 and 4), so the test needs no driver package and no port. The page
 * is offline (network emulation), and every request it attempts is recorded.
 */
export class HeadlessChromium {
  private nextId = 1;
  private buffer = '';
  private readonly pending = new Map<number, { resolve: (m: Message) => void; reject: (e: Error) => void }>();
  private readonly listeners: ((m: Message) => void)[] = [];

  private constructor(
    private readonly child: ChildProcess,
    private readonly profile: string,
  ) {
    const output = child.stdio[4] as Readable;
    output.setEncoding('utf8');
    output.on('data', (chunk: string) => this.receive(chunk));
    child.once('exit', () => {
      for (const p of this.pending.values()) p.reject(new Error('Chromium exited'));
      this.pending.clear();
    });
  }

  static launch(): HeadlessChromium {
    const profile = mkdtempSync(join(tmpdir(), 'counterfair-chromium-'));
    const child = spawn(CHROMIUM, [...chromiumFlags(profile), '--remote-debugging-pipe', '--hide-scrollbars', 'about:blank'], {
      stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'],
    });
    return new HeadlessChromium(child, profile);
  }

  /**
   * Opens a file URL in a fresh, offline tab of the given viewport (JavaScript on unless told), waits until `ready`
   * (a JavaScript expression) is true, runs `probe` and takes a full-page screenshot. Dialogs (alert) are recorded
   * and dismissed.
   */
  async inspect<T>(
    url: string,
    ready: string,
    probe: string,
    options: PageOptions = {},
  ): Promise<{ observed: PageObservations; probed: T; screenshot: Buffer }> {
    const page = await this.open(url, ready, options);
    try {
      const probed = await this.evaluate<T>(probe, page.sessionId);
      const shot = (await this.send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true }, page.sessionId)) as {
        data: string;
      };
      return { observed: page.observed, probed, screenshot: Buffer.from(shot.data, 'base64') };
    } finally {
      await this.send('Target.closeTarget', { targetId: page.targetId });
    }
  }

  /** Prints a page to PDF on paper of the given size in inches (A4 is 8.27 × 11.69, Letter 8.5 × 11), as the PDF renderer would. */
  async printPdf(url: string, ready: string, paper: { width: number; height: number }, options: PageOptions = {}): Promise<Buffer> {
    const page = await this.open(url, ready, options);
    try {
      const pdf = (await this.send(
        'Page.printToPDF',
        { paperWidth: paper.width, paperHeight: paper.height, displayHeaderFooter: false, printBackground: false },
        page.sessionId,
      )) as { data: string };
      return Buffer.from(pdf.data, 'base64');
    } finally {
      await this.send('Target.closeTarget', { targetId: page.targetId });
    }
  }

  private async open(
    url: string,
    ready: string,
    options: PageOptions,
  ): Promise<{ targetId: string; sessionId: string; observed: PageObservations }> {
    const { width = 1280, height = 900, javaScript = true, timeoutMs = 30_000 } = options;
    const { targetId } = (await this.send('Target.createTarget', { url: 'about:blank' })) as { targetId: string };
    const { sessionId } = (await this.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
    const observed: PageObservations = { requests: [], dialogs: [], problems: [] };
    this.listeners.push((m) => {
      if (m.sessionId !== sessionId) return;
      const p = m.params ?? {};
      if (m.method === 'Network.requestWillBeSent') observed.requests.push(String((p.request as { url: string }).url));
      if (m.method === 'Page.javascriptDialogOpening') {
        observed.dialogs.push(String(p.message));
        void this.send('Page.handleJavaScriptDialog', { accept: true }, sessionId);
      }
      if (m.method === 'Runtime.exceptionThrown') observed.problems.push(`exception: ${JSON.stringify(p.exceptionDetails)}`);
      if (m.method === 'Runtime.consoleAPICalled' && (p.type === 'error' || p.type === 'warning'))
        observed.problems.push(`console ${String(p.type)}: ${JSON.stringify(p.args)}`);
      if (m.method === 'Log.entryAdded') observed.problems.push(`log: ${JSON.stringify(p.entry)}`);
    });
    for (const domain of ['Page', 'Runtime', 'Network', 'Log']) await this.send(`${domain}.enable`, {}, sessionId);
    await this.send(
      'Network.emulateNetworkConditions',
      { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 },
      sessionId,
    );
    await this.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: false }, sessionId);
    if (!javaScript) await this.send('Emulation.setScriptExecutionDisabled', { value: true }, sessionId);
    await this.send('Page.navigate', { url }, sessionId);
    const deadline = Date.now() + timeoutMs;
    while (!(await this.evaluate<boolean>(ready, sessionId))) {
      if (Date.now() > deadline) throw new Error(`page not ready after ${timeoutMs} ms: ${ready}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return { targetId, sessionId, observed };
  }

  async close(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    await this.send('Browser.close').catch(() => undefined);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
    rmSync(this.profile, { recursive: true, force: true });
  }

  private async evaluate<T>(expression: string, sessionId: string): Promise<T> {
    const r = (await this.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true }, sessionId)) as {
      result: { value: T };
      exceptionDetails?: unknown;
    };
    if (r.exceptionDetails) throw new Error(`evaluation failed: ${JSON.stringify(r.exceptionDetails)}`);
    return r.result.value;
  }

  private send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    const input = this.child.stdio[3] as Writable;
    return new Promise((resolve, reject) => {
      this.pending.set(id, {
        resolve: (m) => (m.error ? reject(new Error(`${method}: ${m.error.message}`)) : resolve(m.result ?? {})),
        reject,
      });
      input.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  }

  private receive(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\0')) >= 0) {
      const message = JSON.parse(this.buffer.slice(0, end)) as Message;
      this.buffer = this.buffer.slice(end + 1);
      if (message.id !== undefined) {
        this.pending.get(message.id)?.resolve(message);
        this.pending.delete(message.id);
      } else for (const listener of this.listeners) listener(message);
    }
  }
}
