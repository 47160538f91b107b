import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { runBrowserTests, HeadlessChromium } from './chromium.js';
import { freshRun, injectPayloads } from './fixture.js';

interface Probe {
  charts: { name: string; rendered: string | null; marks: number; texts: number }[];
  images: number;
  scripts: number;
  hostileTextShown: boolean;
}

/** Runs in the page once every chart has settled: what was drawn, and whether any payload became markup. */
const PROBE = `(() => ({
  charts: [...document.querySelectorAll('[data-chart]')].map((el) => ({
    name: el.getAttribute('data-chart'),
    rendered: el.getAttribute('data-rendered'),
    marks: el.querySelectorAll('svg g[class*="role-mark"] > *').length,
    texts: el.querySelectorAll('svg text').length,
  })),
  images: document.querySelectorAll('img').length,
  scripts: document.querySelectorAll('script').length,
  hostileTextShown: document.body.textContent.includes('<img src=x onerror=alert(1)>'),
}))()`;

interface Layout {
  viewport: number;
  pageOverflow: number;
  charts: {
    name: string;
    rendered: string | null;
    svg: boolean;
    width: number;
    height: number;
    left: number;
    right: number;
    marks: number;
    texts: number;
    smallestText: number;
    outside: string[];
  }[];
  tables: { header: string; overflow: number }[];
}

/**
 * What a reader sees of each chart and table: the chart's SVG (interactive or static) with its size and place, every
 * text and mark that lies outside the SVG's box (cut off), the smallest text's height, and how far each table box
 * and the page scroll sideways.
 */
const LAYOUT = `(() => {
  const viewport = document.documentElement.clientWidth;
  const inside = (r, box) => r.left >= box.left - 1 && r.right <= box.right + 1 && r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
  const charts = [...document.querySelectorAll('[data-chart]')].map((el) => {
    const name = el.getAttribute('data-chart');
    const svg = el.querySelector('svg');
    if (!svg) return { name, rendered: el.getAttribute('data-rendered'), svg: false, width: 0, height: 0, left: 0, right: 0, marks: 0, texts: 0, smallestText: 0, outside: [] };
    const box = svg.getBoundingClientRect();
    const marks = [...svg.querySelectorAll('g[class*="role-mark"] > *')];
    const texts = [...svg.querySelectorAll('text')].filter((t) => t.textContent.trim() !== '');
    const outside = [...marks, ...texts].filter((e) => { const r = e.getBoundingClientRect(); return r.width + r.height > 0 && !inside(r, box); }).map((e) => (e.textContent || e.tagName).slice(0, 60));
    return { name, rendered: el.getAttribute('data-rendered'), svg: true, width: box.width, height: box.height, left: box.left, right: box.right, marks: marks.length, texts: texts.length, smallestText: Math.min(...texts.map((t) => t.getBoundingClientRect().height)), outside };
  });
  const tables = [...document.querySelectorAll('.table-wrap')].map((w) => ({ header: (w.querySelector('th') || {}).textContent || '', overflow: w.scrollWidth - w.clientWidth }));
  return { viewport, pageOverflow: document.documentElement.scrollWidth - viewport, charts, tables };
})()`;

const CHART_NAMES = ['flips-heatmap', 'forest', 'shifts-numeric', 'shifts-ordinal', 'spread-domain', 'spread-perspective'];
const CHARTS_DONE = `document.body && document.body.getAttribute('data-charts') === 'done'`;

describe.skipIf(!runBrowserTests)('report.html in headless Chromium (offline)', () => {
  let runDir: string;
  let browser: HeadlessChromium;
  beforeAll(async () => {
    runDir = await freshRun();
    injectPayloads(runDir);
    expect((await runCli(['report', runDir])).code).toBe(0);
    browser = HeadlessChromium.launch();
  });
  afterAll(async () => browser?.close());

  it('draws every chart, runs no injected script, loads nothing, and saves a screenshot', async () => {
    const url = pathToFileURL(join(runDir, 'report.html')).href;
    const { observed, probed, screenshot } = await browser.inspect<Probe>(url, CHARTS_DONE, PROBE);
    const screenshotPath = join(runDir, 'report-screenshot.png');
    writeFileSync(screenshotPath, screenshot);
    expect(screenshot.subarray(1, 4).toString()).toBe('PNG');

    expect(probed.charts.map((c) => c.name).sort()).toEqual(CHART_NAMES);
    for (const chart of probed.charts) {
      expect({ chart: chart.name, rendered: chart.rendered }).toEqual({ chart: chart.name, rendered: 'ok' });
      expect(chart.marks, chart.name).toBeGreaterThan(0);
      expect(chart.texts, chart.name).toBeGreaterThan(0);
    }
    // The payloads are shown as text, and none became an element or ran.
    expect(probed.hostileTextShown).toBe(true);
    expect(probed.images).toBe(0);
    expect(probed.scripts).toBe(3 + probed.charts.length + 1); // libraries, one inert JSON spec per chart, the embed script
    expect(observed.dialogs).toEqual([]);
    expect(observed.problems).toEqual([]);
    expect(observed.requests).toEqual([url]);
  });

  // A phone, a desktop, and a hospital browser that runs no script: every chart is drawn whole inside the
  // viewport, nothing in it is cut off, and no table (nor the page) scrolls sideways.
  for (const [width, javaScript] of [
    [390, true],
    [1400, true],
    [390, false],
    [1400, false],
  ] as const) {
    it(`shows every chart and every table whole at ${width} px with JavaScript ${javaScript ? 'on' : 'off'}`, async () => {
      const url = pathToFileURL(join(runDir, 'report.html')).href;
      const ready = javaScript ? CHARTS_DONE : `document.readyState === 'complete'`;
      const { probed, screenshot } = await browser.inspect<Layout>(url, ready, LAYOUT, { width, javaScript });
      writeFileSync(join(runDir, `report-${width}px-js-${javaScript ? 'on' : 'off'}.png`), screenshot);
      expect(probed.viewport).toBe(width);
      expect(probed.pageOverflow).toBeLessThanOrEqual(0);
      expect(probed.charts.map((c) => c.name).sort()).toEqual(CHART_NAMES);
      for (const chart of probed.charts) {
        const seen = {
          chart: chart.name,
          rendered: chart.rendered,
          svg: chart.svg,
          outside: chart.outside,
          inViewport: chart.left >= 0 && chart.right <= width,
        };
        expect(seen).toEqual({ chart: chart.name, rendered: javaScript ? 'ok' : null, svg: true, outside: [], inViewport: true });
        expect(chart.marks, chart.name).toBeGreaterThan(0);
        expect(chart.texts, chart.name).toBeGreaterThan(3);
        expect(chart.height, chart.name).toBeGreaterThan(60);
        expect(chart.smallestText, `${chart.name}: smallest text`).toBeGreaterThanOrEqual(6);
      }
      expect(probed.tables.length).toBeGreaterThan(10);
      expect(probed.tables.filter((t) => t.overflow > 0)).toEqual([]);
    });
  }
});
