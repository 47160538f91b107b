import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResults } from '../../src/analysis/analyze.js';
import type { Finding } from '../../src/analysis/types.js';
import { runCli } from '../helpers/cli.js';
import { fixture, fromRoot } from '../helpers/paths.js';
import { PAYLOAD } from '../report/fixture.js';

/**
 * The shipped library (one authored rewording per vignette) plus three test vignettes without any, two paraphrase
 * controls each (so authored rewordings and added-sentence copies both occur) and the no-demographics control, on
 * the simulated model with a strong bias planted on Medicaid only.
 */
describe('noise floors by source, the excess over the floor and the demographics-removed control', () => {
  let out: string;
  let results: AnalysisResults;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'counterfair-controls-'));
    writeFileSync(
      join(dir, 'study.yaml'),
      [
        'name: controls',
        'seed: 23',
        `templates: [${fromRoot('templates')}, ${fixture('study/templates/mini.yaml')}]`,
        `demographics: ${fromRoot('demographics')}`,
        'axes: { race: { levels: [white, black] }, insurance: { levels: [private, medicaid] } }',
        'controls: { no_demographics: true, paraphrases: 2 }',
        'models: [{ id: sim, provider: simulated, instability: 0.2, bias: [{ axis: insurance, level: medicaid, error_multiplier: 4 }] }]',
      ].join('\n'),
    );
    out = join(dir, 'run');
    const r = await runCli(['run', join(dir, 'study.yaml'), '--out', out], { COUNTERFAIR_CACHE_DIR: 'off' });
    expect(r.stderr).not.toContain('internal error');
    expect(r.code).toBe(0);
    results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as AnalysisResults;
  }, 120_000);

  it('reports each paraphrase floor apart beside the pooled one', () => {
    const [floor] = results.noiseFloors;
    const { authored, 'added-sentence': added } = floor!.paraphraseBySource;
    // 129 library vignettes that are not race-myth probes (probes stay out of pooled results; the 22 care-intensity
    // vignettes count, their recommendation can flip too): one authored rewording and one added-sentence copy each;
    // the 3 test vignettes: two copies.
    expect(authored!.nPairs).toBe(129);
    expect(added!.nPairs).toBe(135);
    expect(floor!.paraphrase!.nPairs).toBe(264);
    expect(floor!.paraphrase!.rate).toBeCloseTo((authored!.rate * 129 + added!.rate * 135) / 264, 12);
  });

  it('gives each level the paired excess over the floor with its interval, above the floor only where a bias is planted', () => {
    const medicaid = results.flips.find((f) => f.level === 'medicaid')!;
    const black = results.flips.find((f) => f.level === 'black')!;
    for (const f of [medicaid, black]) expect(f).toMatchObject({ floorSource: 'mixed', excessVignettes: 132 });
    expect(medicaid.excessVerdict).toBe('above-floor');
    expect(medicaid.excessCi![0]).toBeGreaterThan(0);
    expect(black.excessCi![0]).toBeLessThanOrEqual(0);
    expect(black.excessCi![1]).toBeGreaterThanOrEqual(0);
    expect(black.excessVerdict).toBe('within-floor');
    expect(black.excess! + black.excessFloor!).toBeCloseTo(black.rate, 12); // every pair is on a vignette with a floor
  });

  it('analyses the demographics-removed control per model, outside findings.json', () => {
    const [removed, ...others] = results.controls.demographicsRemoved;
    expect(others).toEqual([]);
    expect(removed!.errors).toMatchObject({ nVignettes: 110, nPairs: 110, test: 'mcnemar-exact', ciMethod: 'newcombe' });
    expect(removed!.sentence).toContain(`erred in ${(100 * removed!.errors.rateLevel).toFixed(1)}% of 110 pairs over 110 vignettes`);
    const findings = JSON.parse(readFileSync(join(out, 'findings.json'), 'utf8')) as Finding[];
    expect(Array.isArray(findings)).toBe(true);
    expect(findings.map((f) => `${f.axis}=${f.level}`)).toEqual(['race=black', 'insurance=medicaid']);
    expect(findings.every((f) => f.familySize === 2)).toBe(true);
  });

  it('names the floors truthfully in the report and the appendix, and shows the control with its sentence', () => {
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    const md = readFileSync(join(out, 'appendix.md'), 'utf8');
    for (const text of [html, md]) {
      expect(text).toContain(
        'added neutral sentence: reference answer changed when one irrelevant sentence was appended to the unchanged case (not a rewording)',
      );
      expect(text).toContain('authored rewording where the vignette has one, else added neutral sentence');
      expect(text).toContain(
        'more sensitive to the demographic change than to the paraphrase controls (authored rewording, else added neutral sentence)',
      );
      expect(text).toContain('not distinguishable from the noise under the paraphrase controls');
      expect(text).not.toContain('paraphrase floor: reference answer changed under a paraphrase control');
    }
    expect(html).toContain('id="demographics-removed">Demographics removed<');
    expect(md).toContain('### Demographics removed (control)');
    const sentence = results.controls.demographicsRemoved[0]!.sentence;
    expect(md).toContain(sentence.slice(0, 80));
    expect(html).toContain(sentence.slice(0, 80));
  });

  it('escapes what it shows', async () => {
    const tampered = {
      ...results,
      controls: {
        demographicsRemoved: results.controls.demographicsRemoved.map((r) => ({
          ...r,
          model: `sim${PAYLOAD}`,
          sentence: `${r.sentence}${PAYLOAD}`,
        })),
      },
    };
    writeFileSync(join(out, 'results.json'), JSON.stringify(tampered));
    const r = await runCli(['report', out]);
    expect(r.code).toBe(0);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    const section = html.slice(html.indexOf('id="demographics-removed"'), html.indexOf('id="spread"'));
    expect(section).not.toContain('<script>alert');
    expect(section).not.toContain('<img');
    expect(section).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const md = readFileSync(join(out, 'appendix.md'), 'utf8');
    expect(md.slice(md.indexOf('### Demographics removed'))).toContain('\\<script\\>alert(1)\\</script\\>');
  }, 60_000);
});
