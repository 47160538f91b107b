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
import { REPORT_FOLDERS, RUN_FILES } from '../pipeline/runDir.js';
import { chaiFairnessEquity, chaiFairnessEquityXml } from './evidence/chai.js';
import { EVIDENCE_FILE, MODEL_CARD_FILE, regulatoryEvidence } from './evidence/regulatoryEvidence.js';

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

/**
 * Renders the whole report from a run's recorded data: HTML, appendix, charts (spec, SVG, PNG), CSV tables, the CHAI
 * model card's fairness block and the clause-keyed regulatory evidence.
 */
export async function renderReport(sources: ReportSources): Promise<RenderedReport> {
  const ctx = reportContext(sources);
  const charts = buildCharts(ctx);
  const files: ReportFile[] = [];
  const svgs = new Map<string, string>();
  // Each chart's PNG is started as soon as its SVG exists and drawn off the main thread while the rest is built.
  const rasterised: Promise<[string, Buffer]>[] = [];
  for (const chart of charts.values()) {
    const svg = await renderSvg(chart.spec);
    rasterised.push(renderPng(svg).then((png) => [chart.name, png]));
    svgs.set(chart.name, svg);
    const base = `${REPORT_FOLDERS.charts}/${chart.name}`;
    files.push({ path: `${base}.vl.json`, content: `${JSON.stringify(chart.spec, null, 2)}\n` }, { path: `${base}.svg`, content: svg });
  }
  for (const { name, csv } of csvTables(ctx)) files.push({ path: `${REPORT_FOLDERS.tables}/${name}.csv`, content: csv });
  files.push({ path: RUN_FILES.report, content: renderReportHtml(ctx, charts, svgs) });
  files.push({ path: RUN_FILES.appendix, content: blocksToMarkdown(appendixBlocks(ctx, charts)) });
  files.push({ path: MODEL_CARD_FILE, content: chaiFairnessEquityXml(chaiFairnessEquity(ctx)) });
  files.push({ path: EVIDENCE_FILE, content: `${JSON.stringify(regulatoryEvidence(ctx, ctx.provisions), null, 2)}\n` });
  const pngs = new Map(await Promise.all(rasterised));
  for (const [name, png] of pngs) files.push({ path: `${REPORT_FOLDERS.charts}/${name}.png`, content: png });
  files.sort((a, b) => byText(a.path, b.path));
  return { files, appendixHtml: () => renderAppendixHtml(ctx, charts, pngs) };
}
