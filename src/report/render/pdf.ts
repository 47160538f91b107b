import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/**
 * Headless Chromium flags that work as root in containers and keep the browser from reaching the network on
 * its own (updates, sync, background fetches); a fresh profile each time so nothing carries over.
 */
export function chromiumFlags(profileDir: string): string[] {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
    `--user-data-dir=${profileDir}`,
  ];
}

/** Paper sizes `report --pdf --paper` accepts, as CSS `@page` sizes. */
export const PAPER_SIZES = { a4: 'A4', letter: 'letter' } as const;
export type Paper = keyof typeof PAPER_SIZES;

/**
 * The page with its paper size set for print: a `@page` rule after the report's own styles (which set only the
 * margins), since headless Chromium's command line has no paper option and otherwise follows its locale.
 */
export function withPaper(html: string, paper: Paper): string {
  const rule = `<style>@page { size: ${PAPER_SIZES[paper]}; }</style>`;
  const head = html.search(/<\/head>/i);
  return head < 0 ? `${rule}${html}` : `${html.slice(0, head)}${rule}${html.slice(head)}`;
}

/**
 * Prints an HTML page to PDF with headless Chromium on the given paper (A4 unless told). Returns false, and does nothing, when Chromium is not
 * installed: the PDF is optional and everything it shows is also in appendix.md. The page is written to a
 * private temporary folder, so the run directory's name (untrusted) never reaches the command line as a URL.
 * Chromium stamps a creation date into the PDF, so unlike the other report files it is not byte-reproducible.
 */
export async function renderPdf(html: string, pdfPath: string, chromium = DEFAULT_CHROMIUM, paper: Paper = 'a4'): Promise<boolean> {
  if (!existsSync(chromium)) return false;
  const work = mkdtempSync(join(tmpdir(), 'counterfair-pdf-'));
  try {
    const page = join(work, 'appendix.html');
    const out = join(work, 'appendix.pdf');
    writeFileSync(page, withPaper(html, paper));
    await promisify(execFile)(
      chromium,
      [...chromiumFlags(join(work, 'profile')), '--no-pdf-header-footer', `--print-to-pdf=${out}`, pathToFileURL(page).href],
      { timeout: 120_000 },
    );
    if (!existsSync(out)) throw new Error('Chromium exited without writing the PDF');
    renameSync(out, pdfPath);
    return true;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
