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

/**
 * Prints an HTML page to PDF with headless Chromium. Returns false, and does nothing, when Chromium is not
 * installed: the PDF is optional and everything it shows is also in appendix.md. The page is written to a
 * private temporary folder, so the run directory's name (untrusted) never reaches the command line as a URL.
 * Chromium stamps a creation date into the PDF, so unlike the other report files it is not byte-reproducible.
 */
export async function renderPdf(html: string, pdfPath: string, chromium = DEFAULT_CHROMIUM): Promise<boolean> {
  if (!existsSync(chromium)) return false;
  const work = mkdtempSync(join(tmpdir(), 'counterfair-pdf-'));
  try {
    const page = join(work, 'appendix.html');
    const out = join(work, 'appendix.pdf');
    writeFileSync(page, html);
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
