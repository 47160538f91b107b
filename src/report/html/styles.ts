/**
 * The stylesheet of the report and of the appendix PDF. Prose keeps a readable measure while tables may use the
 * whole width of a large screen; on a phone every table row becomes a card of "column: value" lines (the cells
 * carry their column's name), so nothing scrolls sideways. In print nothing may scroll (a printed scroll box
 * silently drops the columns beyond its edge), so tables shrink their type and wrap their cells until they fit the
 * page, A4 or Letter, and rows and figures are kept whole. Charts scale down to their column's width.
 */
export const STYLES = `
body { font-family: 'DejaVu Sans', system-ui, sans-serif; margin: 2rem auto; max-width: 1500px; padding: 0 1rem; color: #222; line-height: 1.45; overflow-wrap: anywhere; }
p, ul, nav, figcaption, details, pre, .callout { max-width: 62rem; }
h1 { font-size: 1.7rem; } h2 { margin-top: 2.5rem; border-bottom: 1px solid #ddd; padding-bottom: 0.2rem; } h3 { margin-top: 1.8rem; }
nav ol { columns: 2; font-size: 0.9rem; }
.table-wrap { overflow-x: auto; margin: 0.8rem 0; }
table { border-collapse: collapse; font-size: 0.8rem; }
th, td { border: 1px solid #ccc; padding: 0.25rem 0.4rem; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
td.num, th.num { text-align: right; }
.wide table { font-size: 0.68rem; } .wide th, .wide td { padding: 0.2rem 0.22rem; }
tr.highlight td { background: #fdecea; }
.answer { white-space: pre-wrap; overflow-wrap: anywhere; max-width: 34rem; max-height: 22rem; overflow-y: auto; font-size: 0.78rem; }
.callout { border-left: 4px solid #c0392b; padding: 0.6rem 1rem; background: #fdf2f1; }
.callout.note { border-left-color: #2c7fb8; background: #eef5fb; }
.empty { color: #666; font-style: italic; }
figure { margin: 1rem 0; } figcaption { font-size: 0.85rem; color: #444; max-width: 60rem; }
figure img { max-width: 100%; }
.chart { overflow-x: auto; }
.chart svg { display: block; max-width: 100%; height: auto; }
pre { background: #f7f7f7; padding: 1rem; overflow-x: auto; font-size: 0.75rem; white-space: pre-wrap; overflow-wrap: anywhere; }
code { font-size: 0.85em; background: #f3f3f3; padding: 0 0.2em; overflow-wrap: anywhere; }
details > summary { cursor: pointer; color: #2c5d8a; }
@media screen and (max-width: 700px) {
  body { margin: 1rem auto; padding: 0 0.6rem; }
  nav ol { columns: 1; }
  .table-wrap table, .table-wrap tbody, .table-wrap tr, .table-wrap td { display: block; }
  .table-wrap thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  .table-wrap tr { border: 1px solid #ccc; margin: 0 0 0.7rem; }
  .table-wrap td { border: none; border-bottom: 1px solid #eee; display: grid; grid-template-columns: minmax(7rem, 40%) 1fr; gap: 0.6rem; text-align: left; }
  .table-wrap td::before { content: attr(data-label); font-weight: bold; color: #555; overflow-wrap: anywhere; }
  .answer { max-width: none; }
}
@page { margin: 12mm 10mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 9pt; }
  nav { display: none; }
  h2, h3 { break-after: avoid; } figure, tr { break-inside: avoid; }
  .table-wrap, .chart, pre, .answer { overflow: visible; max-height: none; }
  table, .wide table { width: 100%; font-size: 6.5pt; line-height: 1.25; }
  th, td, .wide th, .wide td { padding: 1px 2px; overflow-wrap: break-word; hyphens: manual; }
  thead { display: table-header-group; }
  .answer { max-width: none; font-size: 6.5pt; }
  pre { font-size: 6pt; padding: 0.3rem; }
  figure img { max-width: 100%; height: auto; }
}
`;
