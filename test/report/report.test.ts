import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResults } from '../../src/analysis/analyze.js';
import { renderPng, PNG_SCALE } from '../../src/report/render/png.js';
import { runCli } from '../helpers/cli.js';
import { runBrowserTests } from './chromium.js';
import { freshRun, reportFiles } from './fixture.js';
import { decodePng } from './png.js';

const CHARTS = ['flips-heatmap', 'forest', 'shifts-numeric', 'shifts-ordinal', 'spread-domain', 'spread-perspective'];
const SECTIONS = [
  'summary',
  'amplification',
  'flips',
  'spread',
  'shifts',
  'worst-cases',
  'other-tests',
  'exclusions',
  'methods',
  'limitations',
  'files',
  'manifest',
];

describe('counterfair report', () => {
  let runDir: string;
  let html: string;
  beforeAll(async () => {
    runDir = await freshRun();
    html = readFileSync(join(runDir, 'report.html'), 'utf8');
  });

  it('writes a self-contained page with every section, led by the worst finding', () => {
    for (const id of SECTIONS) expect(html).toContain(`<h2 id="${id}">`);
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+href=/i);
    expect(html).toContain('vegaEmbed(');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!;
    expect(csp).toContain(`default-src 'none'`);
    // Scripts only by hash: no 'unsafe-inline', no 'unsafe-eval' (Vega interprets expressions instead).
    expect(csp).toMatch(/script-src( 'sha256-[A-Za-z0-9+/=]+'){4};/);
    const summary = html.slice(html.indexOf('<h2 id="summary">'), html.indexOf('<h2 id="amplification">'));
    expect(summary).toMatch(/Largest significant disparity.*insurance was given as Medicaid/s);
    expect(summary).toContain('In plain words:');
    expect(html).toContain('McNemar');
    expect(html).toContain('Holm');
    expect(html.length).toBeLessThan(1_500_000);
  });

  it('writes each chart as Vega-Lite JSON, SVG with DejaVu text, and a PNG twice the SVG size with visible text', async () => {
    for (const name of CHARTS) {
      const spec = JSON.parse(readFileSync(join(runDir, 'charts', `${name}.vl.json`), 'utf8')) as { config: { font: string } };
      expect(spec.config.font).toBe('DejaVu Sans');
      const svg = readFileSync(join(runDir, 'charts', `${name}.svg`), 'utf8');
      const texts = svg.match(/<text[^>]*>/g) ?? [];
      expect(texts.length, name).toBeGreaterThan(3);
      for (const t of texts) expect(t).toContain('font-family="DejaVu Sans"');
      const png = decodePng(readFileSync(join(runDir, 'charts', `${name}.png`)));
      const [, width, height] = /<svg[^>]* width="(\d+)" height="(\d+)"/.exec(svg)!.map(Number);
      expect([png.width, png.height]).toEqual([width! * PNG_SCALE, height! * PNG_SCALE]);
    }
    // Text is in the pixels: the same chart without its text elements differs in many pixels.
    const svg = readFileSync(join(runDir, 'charts', 'forest.svg'), 'utf8');
    const withText = decodePng(readFileSync(join(runDir, 'charts', 'forest.png'))).pixels;
    const withoutText = decodePng(await renderPng(svg.replace(/<text[^>]*>[^<]*<\/text>/g, ''))).pixels;
    let differing = 0;
    for (let i = 0; i < withText.length; i += 4) if (withText.readUInt32BE(i) !== withoutText.readUInt32BE(i)) differing++;
    expect(differing).toBeGreaterThan(5000);
  });

  it('re-renders byte-identical files, the same as `run` wrote', async () => {
    const fromRun = reportFiles(runDir);
    expect([...fromRun.keys()]).toEqual(
      expect.arrayContaining([
        'report.html',
        'appendix.md',
        'tables/findings.csv',
        'tables/secondary.csv',
        'tables/shifts.csv',
        'tables/flips.csv',
        'tables/worst-cases.csv',
        'tables/spread.csv',
        ...CHARTS.flatMap((c) => [`charts/${c}.vl.json`, `charts/${c}.svg`, `charts/${c}.png`]),
      ]),
    );
    for (let i = 0; i < 2; i++) {
      const r = await runCli(['report', runDir]);
      expect(r.code).toBe(0);
      const again = reportFiles(runDir);
      expect([...again.keys()]).toEqual([...fromRun.keys()]);
      for (const [path, bytes] of fromRun) expect(again.get(path)!.equals(bytes), path).toBe(true);
    }
  });

  it('writes an appendix with methods, a reproducibility manifest and the regulatory mapping, claiming no compliance', () => {
    const md = readFileSync(join(runDir, 'appendix.md'), 'utf8');
    for (const section of [
      'Intended use and scope',
      'Vignette set and axes',
      'Design',
      'Models and parameters',
      'Scoring and human review',
      'Statistical methods',
      'Results',
      'Limitations',
      'Reproducibility manifest',
      'Evidence relevant to regulatory and guidance requirements',
    ]) {
      expect(md).toMatch(new RegExp(`^## \\d+\\. ${section}$`, 'm'));
    }
    const mapping = md.slice(md.indexOf('Evidence relevant to regulatory'));
    expect(mapping).toMatch(
      /^\| provision \| what it asks \(paraphrased\) \| evidence from this run \| what this evidence does not establish \| status \(text checked\) \|$/m,
    );
    for (const provision of [
      '45 CFR 92.210(a)',
      '45 CFR 92.210(b)',
      '45 CFR 92.210(c)',
      'HTI-1',
      '170.315(b)(11)',
      'Article 10(2)(f)',
      'Article 10(2)(g)',
      'Good Machine Learning Practice',
    ])
      expect(mapping).toContain(provision);
    expect(mapping).toContain('not a statement of compliance');
    expect(md).not.toMatch(/\bcompliant with\b/i);
    const manifest = JSON.parse(readFileSync(join(runDir, 'manifest.json'), 'utf8')) as {
      study: { sha256: string; seed: number };
      startedAt: string;
    };
    expect(md).toContain(manifest.study.sha256);
    expect(md).toContain(manifest.startedAt);
    expect(md).toMatch(/!\[[^\]]+\]\(charts\/forest\.png\)/);
  });

  it('labels every interval, quotes the family interval beside adjusted significance, and marks exploratory highlights', () => {
    const md = readFileSync(join(runDir, 'appendix.md'), 'utf8');
    const results = JSON.parse(readFileSync(join(runDir, 'results.json'), 'utf8')) as AnalysisResults;
    const m = results.findings.length;
    expect(md).toContain(`| 95% CI, unadjusted | simultaneous 95% CI, Holm family of ${m} (points) |`);
    expect(md).toContain(
      `with intervals at the family's level (simultaneous 95% CI, Holm family of ${m}), the ones consistent with the adjusted significance`,
    );
    for (const f of results.findings) {
      expect(f.simultaneousLevel).toBeCloseTo(1 - 0.05 / m, 12);
      expect(f.sentence).toContain(`simultaneous 95% CI, Holm family of ${m}`);
    }
    // Spread: no group is named without a rejected heterogeneity test; every group shows n and an interval.
    expect(md).toContain('no evidence that the disparity differs between groups');
    for (const s of results.spreadSummaries)
      if (!s.worstGroupSupported)
        expect(s.heterogeneity.pAdjusted >= 0.05 || Number.isNaN(s.heterogeneity.pAdjusted) || s.heterogeneity.pAdjusted === null).toBe(
          true,
        );
    expect(md).toMatch(
      /\| group \| vignettes \| pairs \| rate at reference \| rate at level \| difference \(points\) \| 95% CI, unadjusted \|/,
    );
    // Stuart-Maxwell on the ordinal answers, in results.json and in one sentence of the report.
    expect(results.marginalHomogeneity.length).toBeGreaterThan(0);
    expect(results.marginalHomogeneity.find((t) => t.scale === 'ordinal-care')).toMatchObject({
      test: 'stuart-maxwell',
      clusters: 'first-pair-per-vignette',
      categories: ['less care', 'correct level', 'more care'],
    });
    expect(results.marginalHomogeneity.find((t) => t.scale === 'outcome')).toMatchObject({
      categories: ['correct', 'incorrect', 'refusal', 'unparseable'],
    });
    expect(md).toMatch(/Stuart-Maxwell test on each level's table of answer categories .* one pair per vignette \(its first replicate\)/);
    // Exploratory labels wherever an unadjusted highlight appears.
    for (const where of ['Flip rates per level', 'Omnibus tests', 'Mean shift per level'])
      expect(md).toMatch(new RegExp(`${where}[^\n]*Exploratory, not adjusted for multiple comparisons`));
    expect(md).toMatch(/Exploratory, not adjusted for multiple comparisons: the \d+ vignettes? where a level was treated worse/);
    expect(md.match(/Exploratory, not adjusted for multiple comparisons/g)!.length).toBeGreaterThanOrEqual(5);
    // The plain-words claim quotes the contrasted cues (constructed by counterfair), never "nothing else changed".
    expect(md).not.toContain('Nothing else in the case changed');
    expect(md).toContain('counterfair built both variants from the same case text; they differ in one cue:');
  });

  it('writes every table as CSV with a header row', () => {
    const findings = readFileSync(join(runDir, 'tables', 'findings.csv'), 'utf8').split('\r\n');
    expect(findings[0]!.split(',')).toEqual(
      expect.arrayContaining([
        'endpoint',
        'model',
        'axis',
        'level',
        'reference',
        'nVignettes',
        'nPairs',
        'nExcludedPairs',
        'rateReference',
        'rateLevel',
        'difference',
        'differenceCiLow',
        'differenceCiHigh',
        'ratio',
        'ratioCiLow',
        'ratioCiHigh',
        'test',
        'statistic',
        'p',
        'pAdjusted',
        'significant',
        'sentence',
      ]),
    );
    expect(findings.filter((l) => l !== '')).toHaveLength(1 + 3);
    const worst = readFileSync(join(runDir, 'tables', 'worst-cases.csv'), 'utf8');
    expect(worst.split('\r\n')[0]).toContain('referenceText,levelText');
  });

  it.skipIf(!runBrowserTests)('prints the appendix to PDF with --pdf', async () => {
    const r = await runCli(['report', runDir, '--pdf']);
    expect(r.code).toBe(0);
    expect(readFileSync(join(runDir, 'appendix.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('skips the PDF with a note when Chromium is missing', async () => {
    const r = await runCli(['report', runDir, '--pdf'], { COUNTERFAIR_CHROMIUM: join(runDir, 'no-such-chromium') });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('appendix.pdf skipped');
  });

  it('names the missing analysis when a directory has no results', async () => {
    const r = await runCli(['report', join(runDir, 'charts')]);
    expect(r.code).toBe(2);
    expect(existsSync(join(runDir, 'charts', 'report.html'))).toBe(false);
  });
});
