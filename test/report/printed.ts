import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PDFTOTEXT = '/usr/bin/pdftotext';
/** PDF tests read the printed text back with poppler's pdftotext (.ci/run installs poppler-utils). */
export const havePdfToText = existsSync(PDFTOTEXT);

export const A4 = { width: 8.27, height: 11.69 };
export const LETTER = { width: 8.5, height: 11 };

/**
 * The text of a PDF in content-stream order (`pdftotext -raw`): Chromium draws a table cell by cell, row by row,
 * so a row's cells follow one another even where they wrap onto several lines.
 */
export function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'counterfair-pdftext-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    return execFileSync(PDFTOTEXT, ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Text without any whitespace: where a printed cell wraps does not matter, only that every character is there. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}

export interface HtmlTable {
  headers: string[];
  /** Each row's cells up to its first long (model answer) cell, which is truncated and wrapped on its own terms. */
  rows: string[][];
}

/** The tables of a rendered page (the block renderer's markup), as plain text. */
export function htmlTables(html: string): HtmlTable[] {
  return [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map(([, inner]) => {
    const cells = (row: string, tag: 'th' | 'td') =>
      [...row.matchAll(new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))].map(([, c]) => c!);
    const [head, ...body] = [...inner!.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map(([, r]) => r!);
    return {
      headers: cells(head!, 'th').map(unescapeHtml),
      rows: body.map((r) => {
        const all = cells(r, 'td');
        const firstLong = all.findIndex((c) => c.includes('class="answer"'));
        return (firstLong < 0 ? all : all.slice(0, firstLong)).map(unescapeHtml);
      }),
    };
  });
}

function unescapeHtml(text: string): string {
  return text
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!);
}

/** Every table's header row and every row, each as one run of text, missing from the printed text (empty: all printed). */
export function tablesMissingFromPdf(html: string, text: string): string[] {
  const printed = squeeze(text);
  const missing: string[] = [];
  for (const t of htmlTables(html)) {
    for (const line of [t.headers, ...t.rows]) if (!printed.includes(squeeze(line.join('')))) missing.push(line.join(' | '));
  }
  return missing;
}
