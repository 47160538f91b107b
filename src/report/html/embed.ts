import { chartLibraries } from '../assets.js';
import type { Chart } from '../charts/common.js';
import type { FigureRef } from '../document/blocks.js';
import { escapeHtml, jsonForScript } from '../escape.js';
import { scopeSvgIds, svgWidth } from '../render/svg.js';

/**
 * Draws every chart with vega-embed once the libraries have loaded, in place of the static SVG each chart element
 * holds (what a reader with JavaScript off or blocked sees). SVG renderer (crisp, and what the browser test
 * inspects); `ast: true` makes Vega interpret expressions instead of compiling them with `new Function`, so the
 * page needs no 'unsafe-eval'. Vega-Lite's warnings are not logged (a container-wide chart with a row step always
 * warns that it cannot also fit the height), its errors are. When a chart cannot be drawn its static SVG is put
 * back, with a note. The body's data-charts attribute says when all are done.
 */
export const EMBED_SCRIPT = `(function () {
  var placeholders = Array.prototype.slice.call(document.querySelectorAll('[data-chart]'));
  Promise.all(placeholders.map(function (el) {
    var spec = JSON.parse(document.getElementById('spec-' + el.getAttribute('data-chart')).textContent);
    if (el.classList.contains('fit')) { spec.width = 'container'; spec.autosize = { type: 'fit-x', contains: 'padding' }; }
    var fallback = el.innerHTML;
    return vegaEmbed(el, spec, { actions: false, renderer: 'svg', ast: true, logger: vega.logger(vega.Error) }).then(
      function () { el.setAttribute('data-rendered', 'ok'); },
      function (err) {
        el.setAttribute('data-rendered', 'error');
        el.innerHTML = fallback;
        var note = document.createElement('p');
        note.className = 'empty';
        note.textContent = 'The interactive chart could not be drawn (' + err + '); this is the static one.';
        el.appendChild(note);
      });
  })).then(function () { document.body.setAttribute('data-charts', 'done'); });
})();`;

/** The scripts a page with charts runs: the three libraries, then the embedding script (each allowed by its hash). */
export function chartScripts(): string[] {
  return [...chartLibraries(), EMBED_SCRIPT];
}

/** A chart as the page shows it: its spec, and the SVG rendered from it in Node (the same as charts/NAME.svg). */
export interface DrawnChart {
  chart: Chart;
  svg: string;
}

/**
 * A figure in the page: the chart's static SVG (its ids scoped to the chart, as several share the page), which
 * vega-embed replaces with the interactive chart, and the spec beside it as inert, escaped JSON (the very spec of
 * charts/NAME.vl.json). A chart with a fixed plot width (class "fit") is drawn to its container's width instead, up
 * to the static chart's width, so it fits a phone.
 */
export function chartPlaceholder(drawn: (name: string) => DrawnChart | undefined): (figure: FigureRef) => string {
  return (figure) => {
    const name = escapeHtml(figure.name);
    const found = drawn(figure.name);
    if (found === undefined) throw new Error(`report: figure ${figure.name} has no chart`);
    const { spec } = found.chart;
    const fits = typeof (spec as { width?: unknown }).width === 'number';
    const style = fits ? ` style="max-width: ${svgWidth(found.svg)}px"` : '';
    return `<div class="chart${fits ? ' fit' : ''}" data-chart="${name}" role="img" aria-label="${escapeHtml(figure.title)}"${style}>${scopeSvgIds(found.svg, `${figure.name}-`)}</div>\n<script type="application/json" id="spec-${name}">${jsonForScript(spec)}</script>`;
  };
}
