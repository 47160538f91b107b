import { appendixBlocks } from './appendix/document.js';
import { renderAppendixHtml } from './appendix/html.js';
import { buildCharts } from './charts/index.js';
import { blocksToMarkdown } from './document/markdown.js';
import { renderReportHtml } from './html/report.js';
import { renderPng } from './render/png.js';
import { renderSvg } from './render/svg.js';
import { reportContext, type ReportSources } from './sources.js';
import { csvTables } from './tables/csvTables.js';
import { byText } from './order.js';

/** One output file, by its path relative to the run directory. */
export interface ReportFile {
  path: string;
  content: string | Buffer;
}

export interface RenderedReport {
  /** Every file, sorted by path. A pure function of the sources: rendering twice gives identical bytes. */
  files: ReportFile[];
  /** The appendix as a printable page, for an optional PDF (not a file of its own); built only when asked for. */
  appendixHtml: () => string;
}

/** Renders the whole report from a run's recorded data: HTML, appendix, charts (spec, SVG, PNG) and CSV tables. */
export async function renderReport(sources: ReportSources): Promise<RenderedReport> {
  const ctx = reportContext(sources);
  const charts = buildCharts(ctx);
  const files: ReportFile[] = [];
  const pngs = new Map<string, Buffer>();
  const svgs = new Map<string, string>();
  for (const chart of charts.values()) {
    const svg = await renderSvg(chart.spec);
    const png = renderPng(svg);
    pngs.set(chart.name, png);
    svgs.set(chart.name, svg);
    files.push({ path: `charts/${chart.name}.vl.json`, content: `${JSON.stringify(chart.spec, null, 2)}\n` }, { path: `charts/${chart.name}.svg`, content: svg }, { path: `charts/${chart.name}.png`, content: png });
  }
  for (const { name, csv } of csvTables(ctx)) files.push({ path: `tables/${name}.csv`, content: csv });
  files.push({ path: 'report.html', content: renderReportHtml(ctx, charts, svgs) });
  files.push({ path: 'appendix.md', content: blocksToMarkdown(appendixBlocks(ctx, charts)) });
  files.sort((a, b) => byText(a.path, b.path));
  return { files, appendixHtml: () => renderAppendixHtml(ctx, charts, pngs) };
}
