import { renderAsync } from '@resvg/resvg-js';
import { CHART_FONT } from '../charts/common.js';
import { FONT_FILES } from './fonts.js';

/** PNGs are drawn at twice the SVG's size so they stay sharp in documents and slides. */
export const PNG_SCALE = 2;

/**
 * An SVG as PNG bytes, with resvg (no browser). System fonts are never loaded: only the vendored DejaVu files,
 * which the charts name, so text renders and the bytes do not depend on the machine. Rendered on libuv's thread
 * pool, so a report's charts are drawn in parallel with each other and with the rest of the report (rasterising
 * was half of a report's time on the main thread); the bytes are the same as a synchronous render's.
 */
export async function renderPng(svg: string): Promise<Buffer> {
  const image = await renderAsync(svg, {
    fitTo: { mode: 'zoom', value: PNG_SCALE },
    font: { loadSystemFonts: false, fontFiles: [...FONT_FILES], defaultFontFamily: CHART_FONT, sansSerifFamily: CHART_FONT },
  });
  return image.asPng();
}
