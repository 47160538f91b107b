import type { ChartSet } from '../charts/index.js';
import { blocksToHtml } from '../document/html.js';
import { escapeHtml } from '../escape.js';
import { renderPage } from '../html/page.js';
import type { ReportContext } from '../sources.js';
import { appendixBlocks } from './document.js';
import { reportTitle } from '../content/title.js';

/**
 * The appendix as a printable page for the PDF: the same blocks as appendix.md, figures as the very PNGs written
 * to charts/ (data: URLs, so nothing is fetched and the printed charts match the files). No scripts at all.
 */
export function renderAppendixHtml(ctx: ReportContext, charts: ChartSet, pngs: ReadonlyMap<string, Buffer>): string {
  const blocks = appendixBlocks(ctx, charts);
  const body = blocksToHtml(
    blocks,
    (figure) => `<img alt="${escapeHtml(figure.title)}" src="data:image/png;base64,${pngs.get(figure.name)!.toString('base64')}">`,
  );
  return renderPage({ title: reportTitle('Fairness appendix', ctx), body });
}
