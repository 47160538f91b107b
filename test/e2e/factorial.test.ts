import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnalysisResults } from '../../src/analysis/analyze.js';
import { runCli } from '../helpers/cli.js';
import { coreLibrary, fromRoot } from '../helpers/paths.js';

describe('a factorial study with replicates on the simulated model', () => {
  it('holds other axes fixed, uses the clustered test, and reports the intersectional cells', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'counterfair-factorial-'));
    writeFileSync(
      join(dir, 'study.yaml'),
      [
        'name: factorial',
        'seed: 12',
        `templates: [${coreLibrary()}]`,
        `demographics: ${fromRoot('demographics')}`,
        'axes: { race: { levels: [white, black] }, insurance: { levels: [private, medicaid] } }',
        'design: factorial',
        'replicates: 2',
        'models: [{ id: sim, provider: simulated, bias: [{ axis: insurance, level: medicaid, error_multiplier: 3 }] }]',
        'analysis: { bootstrap_resamples: 300 }',
      ].join('\n'),
    );
    const out = join(dir, 'run');
    const r = await runCli(['run', join(dir, 'study.yaml'), '--out', out], { COUNTERFAIR_CACHE_DIR: 'off' });
    expect(r.stderr).not.toContain('internal error');
    expect(r.code).toBe(0);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as AnalysisResults;
    const medicaid = results.findings.find((f) => f.level === 'medicaid')!;
    // Two pairs per vignette and replicate (race held at white and at black), two replicates.
    expect(medicaid.nPairs).toBe(medicaid.nVignettes * 4);
    expect(medicaid).toMatchObject({ test: 'clustered-mcnemar', ciMethod: 'rao-scott', significant: true });
    expect(results.findings.find((f) => f.level === 'black')!.significant).toBe(false);
    const [cell] = results.intersections;
    expect(cell).toMatchObject({ axisA: 'race', levelA: 'black', axisB: 'insurance', levelB: 'medicaid' });
    expect(cell!.nVignettes).toBeGreaterThan(90);
    expect(cell!.p).toBeGreaterThan(0.01); // no interaction was injected
  });
});
