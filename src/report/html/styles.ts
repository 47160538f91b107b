/**
 * The stylesheet of the report and of the appendix PDF. On screen a wide table scrolls inside its own box; in print
 * nothing may scroll (a printed scroll box silently drops the columns beyond its edge), so tables shrink their type
 * and wrap their cells until they fit the page, A4 or Letter, and rows and figures are kept whole.
 */
export const STYLES = `
body { font-family: 'DejaVu Sans', system-ui, sans-serif; margin: 2rem auto; max-width: 1150px; padding: 0 1rem; color: #222; line-height: 1.45; }
h1 { font-size: 1.7rem; } h2 { margin-top: 2.5rem; border-bottom: 1px solid #ddd; padding-bottom: 0.2rem; } h3 { margin-top: 1.8rem; }
nav ol { columns: 2; font-size: 0.9rem; }
.table-wrap { overflow-x: auto; margin: 0.8rem 0; }
table { border-collapse: collapse; font-size: 0.8rem; }
th, td { border: 1px solid #ccc; padding: 0.25rem 0.45rem; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
td.num, th.num { text-align: right; white-space: nowrap; }
tr.highlight td { background: #fdecea; }
.answer { white-space: pre-wrap; overflow-wrap: anywhere; max-width: 34rem; max-height: 22rem; overflow-y: auto; font-size: 0.78rem; }
.callout { border-left: 4px solid #c0392b; padding: 0.6rem 1rem; background: #fdf2f1; }
.empty { color: #666; font-style: italic; }
figure { margin: 1rem 0; } figcaption { font-size: 0.85rem; color: #444; max-width: 60rem; }
figure img { max-width: 100%; }
.chart { overflow-x: auto; }
pre { background: #f7f7f7; padding: 1rem; overflow-x: auto; font-size: 0.75rem; white-space: pre-wrap; overflow-wrap: anywhere; }
code { font-size: 0.85em; background: #f3f3f3; padding: 0 0.2em; overflow-wrap: anywhere; }
details > summary { cursor: pointer; color: #2c5d8a; }
@page { margin: 12mm 10mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 9pt; }
  nav { display: none; }
  h2, h3 { break-after: avoid; } figure, tr { break-inside: avoid; }
  .table-wrap, .chart, pre, .answer { overflow: visible; max-height: none; }
  table { width: 100%; font-size: 6.5pt; line-height: 1.25; }
  th, td { padding: 1px 2px; overflow-wrap: break-word; hyphens: manual; }
  td.num, th.num { white-space: normal; }
  thead { display: table-header-group; }
  .answer { max-width: none; font-size: 6.5pt; }
  pre { font-size: 6pt; padding: 0.3rem; }
  figure img { max-width: 100%; height: auto; }
}
`;
