/**
 * A small document model shared by the HTML report, the Markdown appendix and the appendix PDF, so each piece of
 * prose and each table is written once and rendered (and escaped) by one renderer per format. All text in a block
 * is plain text; renderers escape it.
 */
export type Inline = string | { strong: string } | { code: string };

/** A table cell: short text, or a long untrusted text (a model's answer) shown as a wrapped, truncated block. */
export type Cell = string | { long: string };

export interface DisplayTable {
  headers: string[];
  rows: { cells: Cell[]; highlight?: boolean }[];
}

const NUMBER = String.raw`[+-]?(?:\d+(?:\.\d+)?(?:e[+-]?\d+)?%?|∞|—)`;
/** A number, percentage, dash or "low to high" interval of them, and nothing else. */
const NUMERIC_CELL = new RegExp(`^${NUMBER}(?: to ${NUMBER})?$`);

/** Columns whose every cell reads as a number (or a dash): right-aligned by every renderer. */
export function numericColumns(table: DisplayTable): Set<number> {
  const out = new Set<number>();
  const looksNumeric = (cell: Cell | undefined) => typeof cell === 'string' && NUMERIC_CELL.test(cell);
  table.headers.forEach((_, i) => {
    if (table.rows.every((r) => looksNumeric(r.cells[i]))) out.add(i);
  });
  return out;
}

/** A chart placed in a document; how it is drawn (vega-embed, inline SVG, image link) is the renderer's choice. */
export interface FigureRef {
  name: string;
  title: string;
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string; id?: string }
  | { kind: 'paragraph'; content: Inline[] }
  /** A sentence set apart: an alert (a disparity, a failure) unless its tone says it is good or neutral news. */
  | { kind: 'callout'; content: Inline[]; tone?: 'note' }
  | { kind: 'list'; items: Inline[][] }
  | { kind: 'table'; table: DisplayTable; empty: string }
  /** Preformatted text; with `collapsed`, a renderer that can fold shows only that label until the reader opens it. */
  | { kind: 'code'; text: string; collapsed?: string }
  | { kind: 'figure'; figure: FigureRef; caption: Inline[] };

export const heading = (level: 1 | 2 | 3, text: string, id?: string): Block => ({ kind: 'heading', level, text, id });
export const paragraph = (...content: Inline[]): Block => ({ kind: 'paragraph', content });
export const callout = (...content: Inline[]): Block => ({ kind: 'callout', content });
/** A callout that is not an alert: an improvement, or nothing to act on. */
export const note = (...content: Inline[]): Block => ({ kind: 'callout', content, tone: 'note' });
export const list = (items: (Inline | Inline[])[]): Block => ({ kind: 'list', items: items.map((i) => (Array.isArray(i) ? i : [i])) });
/** A table, or the `empty` sentence when it has no rows (an empty table says nothing). */
export const table = (t: DisplayTable, empty: string): Block => ({ kind: 'table', table: t, empty });
export const code = (text: string, collapsed?: string): Block =>
  collapsed === undefined ? { kind: 'code', text } : { kind: 'code', text, collapsed };
export const figure = (f: FigureRef, ...caption: Inline[]): Block => ({ kind: 'figure', figure: f, caption });
export const strong = (text: string): Inline => ({ strong: text });
export const mono = (text: string): Inline => ({ code: text });
