import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDir, writeFileAtomic } from '../pipeline/runDir.js';
import { blocksToMarkdown } from '../report/document/markdown.js';
import { renderPng } from '../report/render/png.js';
import { renderSvg } from '../report/render/svg.js';
import { dumbbellChart } from './chart.js';
import { comparisonDocument } from './document.js';
import { comparisonHtml } from './html.js';
import type { ComparisonResults } from './types.js';

/** The files a comparison writes into its output folder. */
export const COMPARE_FILES = {
  json: 'compare.json',
  html: 'compare.html',
  markdown: 'compare.md',
  spec: 'dumbbell.vl.json',
  svg: 'dumbbell.svg',
  /** Where the Markdown's figure points (the report renderers link charts/<name>.png). */
  png: join('charts', 'dumbbell.png'),
} as const;

/** Writes compare.json, compare.html (self-contained), compare.md and the dumbbell chart as spec, SVG and PNG. */
export async function writeComparison(outDir: string, results: ComparisonResults): Promise<void> {
  ensureDir(join(outDir, 'charts'));
  const chart = dumbbellChart(results);
  const blocks = comparisonDocument(results, chart);
  const title = blocks[0]?.kind === 'heading' ? blocks[0].text : 'counterfair comparison';
  const svg = await renderSvg(chart.spec);
  writeFileAtomic(join(outDir, COMPARE_FILES.json), `${JSON.stringify(results, null, 2)}\n`);
  writeFileAtomic(join(outDir, COMPARE_FILES.spec), `${JSON.stringify(chart.spec, null, 2)}\n`);
  writeFileAtomic(join(outDir, COMPARE_FILES.svg), svg);
  writeFileSync(join(outDir, COMPARE_FILES.png), await renderPng(svg));
  writeFileAtomic(join(outDir, COMPARE_FILES.markdown), blocksToMarkdown(blocks));
  writeFileAtomic(join(outDir, COMPARE_FILES.html), comparisonHtml(title, blocks, [{ chart, svg }]));
}
