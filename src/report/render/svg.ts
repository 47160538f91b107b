import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/**
 * A Vega-Lite spec as an SVG string, rendered in Node without a browser or canvas (renderer 'none'). Text widths
 * are estimated, so the browser's layout of the same spec can differ by a few pixels.
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  try {
    return stableIds(await view.toSVG());
  } finally {
    view.finalize();
  }
}

/**
 * Vega numbers gradients and clip paths from a process-wide counter, so the same chart rendered twice in one
 * process gets different ids. Renumbering them by first appearance makes the SVG a function of the spec alone.
 */
export function stableIds(svg: string): string {
  const renamed = new Map<string, string>();
  const perPrefix = new Map<string, number>();
  return svg.replace(/(id="|url\(#)([A-Za-z_-]+?)(\d+)(?=[")])/g, (_, lead: string, prefix: string, digits: string) => {
    const old = `${prefix}${digits}`;
    let name = renamed.get(old);
    if (!name) {
      const next = perPrefix.get(prefix) ?? 0;
      perPrefix.set(prefix, next + 1);
      renamed.set(old, (name = `${prefix}${next}`));
    }
    return `${lead}${name}`;
  });
}

/**
 * Prefixes every id of an SVG, and every reference to one, so several SVGs inlined in one page cannot capture
 * each other's clip paths and gradients. The prefix must be safe in an attribute and in url(#...).
 */
export function scopeSvgIds(svg: string, prefix: string): string {
  if (!/^[A-Za-z][\w-]*$/.test(prefix)) throw new Error(`scopeSvgIds: prefix ${JSON.stringify(prefix)} is not a plain identifier`);
  return svg.replace(/(\sid="|url\(#|href="#)/g, `$1${prefix}`);
}

/** The width an SVG declares on its root element, in pixels. */
export function svgWidth(svg: string): number {
  const match = /^<svg[^>]*?\swidth="(\d+(?:\.\d+)?)"/.exec(svg);
  if (!match) throw new Error('svgWidth: the SVG declares no width');
  return Number(match[1]);
}
