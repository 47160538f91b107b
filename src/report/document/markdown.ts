import { numericColumns, type Block, type Cell, type Inline } from './blocks.js';
import { truncateText } from './truncate.js';

/** Model answers longer than this are cut in Markdown tables (the CSV keeps them whole). */
export const MARKDOWN_LONG_TEXT_LIMIT = 300;

/** Renders blocks as CommonMark/GFM. Figures point at the PNG files written beside the appendix. */
export function blocksToMarkdown(blocks: readonly Block[]): string {
  return `${blocks.map(blockToMarkdown).join('\n\n')}\n`;
}

function blockToMarkdown(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `${'#'.repeat(block.level)} ${escapeMarkdown(block.text, false)}`;
    case 'paragraph':
      return inlineMarkdown(block.content);
    case 'callout':
      return `> ${inlineMarkdown(block.content)}`;
    case 'list':
      return block.items.map((item) => `- ${inlineMarkdown(item)}`).join('\n');
    case 'code':
      return fenced(block.text);
    case 'figure':
      return `![${escapeMarkdown(block.figure.title)}](charts/${block.figure.name}.png)\n\n${inlineMarkdown(block.caption)}`;
    case 'table': {
      const { headers, rows } = block.table;
      if (rows.length === 0) return escapeMarkdown(block.empty);
      const numeric = numericColumns(block.table);
      const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
      const rule = headers.map((_, i) => (numeric.has(i) ? '---:' : '---'));
      return [line(headers.map((h) => escapeMarkdown(h))), line(rule), ...rows.map((r) => line(r.cells.map(cellMarkdown)))].join('\n');
    }
  }
}

function cellMarkdown(cell: Cell): string {
  // A cell follows "| " on its line, so nothing in it can open a block: only inline markup needs escaping.
  return escapeMarkdown(typeof cell === 'string' ? cell : truncateText(cell.long, MARKDOWN_LONG_TEXT_LIMIT), false);
}

function inlineMarkdown(content: readonly Inline[]): string {
  return content
    .map((part, i) =>
      typeof part === 'string'
        ? escapeMarkdown(part, i === 0)
        : 'strong' in part
          ? `**${escapeMarkdown(part.strong, false)}**`
          : codeSpan(part.code),
    )
    .join('');
}

/**
 * Text as literal Markdown on one line: every character that can open inline markup (emphasis, code, links,
 * HTML, entities, table cells) is backslash-escaped anywhere, and a line start that would open a block is escaped
 * too unless the text follows other markup on its line, so untrusted text can neither inject HTML nor break a
 * table. Only what CommonMark reads as a block marker is escaped (a heading's #s, a list's - + or "1." followed by
 * a space or the end, a setext or thematic rule of = or -), so "21.8%" or "-3.2 points" reach a reader as written.
 */
export function escapeMarkdown(text: string, atLineStart = true): string {
  const inline = text.replace(/\s+/g, ' ').replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`);
  if (!atLineStart) return inline;
  return inline
    .replace(/^(#{1,6})(?= |$)/, '\\$1')
    .replace(/^([-+])(?= |$)/, '\\$1')
    .replace(/^([=-])(?=[ =-]*$)/, '\\$1')
    .replace(/^(\d{1,9})([.)])(?= |$)/, '$1\\$2');
}

/** A code span whose delimiter is longer than any backtick run inside it. */
function codeSpan(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  const fence = '`'.repeat(longestRun(flat, '`') + 1);
  return `${fence}${flat.startsWith('`') || flat.endsWith('`') ? ` ${flat} ` : flat}${fence}`;
}

function fenced(text: string): string {
  const fence = '`'.repeat(Math.max(3, longestRun(text, '`') + 1));
  return `${fence}\n${text}\n${fence}`;
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}
