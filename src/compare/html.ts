import type { Block } from '../report/document/blocks.js';
import { blocksToHtml } from '../report/document/html.js';
import { chartPlaceholder, chartScripts, type DrawnChart } from '../report/html/embed.js';
import { renderPage } from '../report/html/page.js';

/**
 * The comparison report as one self-contained page, built like the equity report: the same strict, hash-only
 * Content-Security-Policy, the Vega libraries inline, chart specs as escaped JSON beside their static SVGs, every text through the
 * escaping block renderer.
 */
export function comparisonHtml(title: string, blocks: readonly Block[], charts: readonly DrawnChart[]): string {
  const body = blocksToHtml(
    blocks,
    chartPlaceholder((name) => charts.find((c) => c.chart.name === name)),
  );
  return renderPage({ title, body, scripts: chartScripts() });
}
