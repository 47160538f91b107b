import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResults } from '../../src/analysis/analyze.js';
import { loadReportSources } from '../../src/pipeline/report.js';
import { renderReport } from '../../src/report/bundle.js';
import { runCli } from '../helpers/cli.js';
import { HeadlessChromium, runBrowserTests } from './chromium.js';
import { freshRun, readJson } from './fixture.js';
import { A4, havePdfToText, htmlTables, LETTER, pdfText, squeeze, tablesMissingFromPdf } from './printed.js';

const FINDINGS_HEADERS = [
  'model',
  'axis',
  'level',
  'reference',
  'vignettes',
  'pairs',
  'excluded pairs',
  'rate at reference',
  'rate at level',
  'difference (points)',
  '95% CI, unadjusted',
  'ratio',
  'ratio 95% CI, unadjusted',
  'test',
  'statistic',
  'p',
  'adjusted p',
  'verdict',
];

/**
 * The printed appendix and report, read back with pdftotext: a table in a scroll box prints only the columns that
 * fit, so every header row and every row of every table must be in the PDF's text, on A4 and on Letter.
 */
describe.skipIf(!runBrowserTests || !havePdfToText)('appendix.pdf and the printed report (Chromium, pdftotext)', () => {
  let runDir: string;
  let appendixUrl: string;
  let appendixHtml: string;
  let browser: HeadlessChromium;
  beforeAll(async () => {
    runDir = await freshRun();
    appendixHtml = (await renderReport(loadReportSources(runDir))).appendixHtml();
    const page = join(mkdtempSync(join(tmpdir(), 'counterfair-appendix-')), 'appendix.html');
    writeFileSync(page, appendixHtml);
    appendixUrl = pathToFileURL(page).href;
    browser = HeadlessChromium.launch();
  });
  afterAll(async () => browser?.close());

  it('prints every column of the findings table, and every table whole, with `report --pdf`', async () => {
    const r = await runCli(['report', runDir, '--pdf']);
    expect(r.code).toBe(0);
    const text = pdfText(readFileSync(join(runDir, 'appendix.pdf')));
    const findings = htmlTables(appendixHtml).find((t) => t.headers.includes('adjusted p') && !t.headers.includes('endpoint'))!;
    expect(findings.headers).toEqual(expect.arrayContaining(FINDINGS_HEADERS));
    const printed = squeeze(text);
    expect(findings.headers.filter((h) => !printed.includes(squeeze(h)))).toEqual([]);
    const results = readJson<AnalysisResults>(join(runDir, 'results.json'));
    expect(findings.rows).toHaveLength(results.findings.length);
    expect(tablesMissingFromPdf(appendixHtml, text)).toEqual([]);
  });

  it('prints appendix.pdf on A4 by default and on Letter with --paper letter', async () => {
    const pageSize = () =>
      /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(execFileSync('pdfinfo', [join(runDir, 'appendix.pdf')], { encoding: 'utf8' }))!;
    expect((await runCli(['report', runDir, '--pdf'])).code).toBe(0);
    const a4 = pageSize();
    expect([Number(a4[1]), Number(a4[2])].map(Math.round)).toEqual([595, 842]);
    // --paper alone asks for the PDF (it used to be ignored without --pdf).
    const letter = await runCli(['report', runDir, '--paper', 'letter']);
    expect(letter.code).toBe(0);
    expect(letter.stdout).toContain('appendix.pdf');
    const size = pageSize();
    expect([Number(size[1]), Number(size[2])].map(Math.round)).toEqual([612, 792]);
    expect(tablesMissingFromPdf(appendixHtml, pdfText(readFileSync(join(runDir, 'appendix.pdf'))))).toEqual([]);
    const wrong = await runCli(['report', runDir, '--pdf', '--paper', 'a5']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('a4, letter');
  });

  for (const [paper, size] of [
    ['A4', A4],
    ['Letter', LETTER],
  ] as const) {
    it(`prints every table of the appendix whole on ${paper}, the raw manifest only in the annex at the end`, async () => {
      const text = pdfText(await browser.printPdf(appendixUrl, 'document.readyState === "complete"', size));
      expect(htmlTables(appendixHtml).length).toBeGreaterThan(10);
      expect(tablesMissingFromPdf(appendixHtml, text)).toEqual([]);
      const annex = text.indexOf('Annex: the run manifest in full');
      expect(annex).toBeGreaterThan(text.indexOf('Evidence relevant to regulatory'));
      expect(text.indexOf('"sha256"')).toBeGreaterThan(annex);
    });
  }

  it('prints report.html with every table whole and the raw manifest folded away', async () => {
    const html = readFileSync(join(runDir, 'report.html'), 'utf8');
    const url = pathToFileURL(join(runDir, 'report.html')).href;
    const text = pdfText(await browser.printPdf(url, `document.body && document.body.getAttribute('data-charts') === 'done'`, A4));
    expect(tablesMissingFromPdf(html, text)).toEqual([]);
    expect(text).not.toContain('"sha256"');
  });
});
