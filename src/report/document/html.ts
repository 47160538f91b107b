import { escapeHtml } from '../escape.js';
import { numericColumns, type Block, type Cell, type FigureRef, type Inline } from './blocks.js';
import { truncateText } from './truncate.js';

/** Model answers longer than this are cut in HTML (the CSV keeps them whole). */
export const HTML_LONG_TEXT_LIMIT = 1200;

/** Tables with more columns than this are set smaller, so the findings tables fit a 1400 px screen unscrolled. */
const WIDE_TABLE_COLUMNS = 12;

/** Draws a figure: the report embeds a Vega view, the appendix an SVG image. Returns trusted HTML. */
export type FigureRenderer = (figure: FigureRef) => string;

/** Renders blocks as HTML. Every piece of text is escaped here, so no caller builds markup from data. */
export function blocksToHtml(blocks: readonly Block[], renderFigure: FigureRenderer): string {
  return blocks.map((b) => blockToHtml(b, renderFigure)).join('\n');
}

function blockToHtml(block: Block, renderFigure: FigureRenderer): string {
  switch (block.kind) {
    case 'heading':
      return `<h${block.level}${block.id ? ` id="${escapeHtml(block.id)}"` : ''}>${escapeHtml(block.text)}</h${block.level}>`;
    case 'paragraph':
      return `<p>${inlineHtml(block.content)}</p>`;
    case 'callout':
      return `<p class="callout${block.tone === 'note' ? ' note' : ''}">${inlineHtml(block.content)}</p>`;
    case 'list':
      return `<ul>\n${block.items.map((item) => `<li>${inlineHtml(item)}</li>`).join('\n')}\n</ul>`;
    case 'code':
      return block.collapsed === undefined
        ? `<pre>${escapeHtml(block.text)}</pre>`
        : `<details><summary>${escapeHtml(block.collapsed)}</summary>\n<pre>${escapeHtml(block.text)}</pre>\n</details>`;
    case 'figure':
      return `<figure>\n${renderFigure(block.figure)}\n<figcaption>${inlineHtml(block.caption)}</figcaption>\n</figure>`;
    case 'table': {
      const { headers, rows } = block.table;
      if (rows.length === 0) return `<p class="empty">${escapeHtml(block.empty)}</p>`;
      const numeric = numericColumns(block.table);
      const align = (i: number) => (numeric.has(i) ? ' class="num"' : '');
      const head = `<tr>${headers.map((h, i) => `<th${align(i)}>${escapeHtml(h)}</th>`).join('')}</tr>`;
      // Each cell names its column (data-label), so a narrow screen can show a row as a card of "column: value".
      const labels = headers.map((h) => ` data-label="${escapeHtml(h)}"`);
      const body = rows.map(
        (r) =>
          `<tr${r.highlight ? ' class="highlight"' : ''}>${r.cells.map((c, i) => `<td${align(i)}${labels[i] ?? ''}>${cellHtml(c)}</td>`).join('')}</tr>`,
      );
      return `<div class="table-wrap${headers.length > WIDE_TABLE_COLUMNS ? ' wide' : ''}"><table>\n<thead>${head}</thead>\n<tbody>\n${body.join('\n')}\n</tbody>\n</table></div>`;
    }
  }
}

function cellHtml(cell: Cell): string {
  return typeof cell === 'string'
    ? escapeHtml(cell)
    : `<div class="answer">${escapeHtml(truncateText(cell.long, HTML_LONG_TEXT_LIMIT))}</div>`;
}

export function inlineHtml(content: readonly Inline[]): string {
  return content
    .map((part) =>
      typeof part === 'string'
        ? escapeHtml(part)
        : 'strong' in part
          ? `<strong>${escapeHtml(part.strong)}</strong>`
          : `<code>${escapeHtml(part.code)}</code>`,
    )
    .join('');
}
