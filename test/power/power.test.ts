import { describe, expect, it } from 'vitest';
import { discordance } from '../../src/power/discordance.js';
import { mcnemarPower, vignettesForPower } from '../../src/power/mcnemarPower.js';
import { simulatePower } from '../../src/power/simulate.js';
import { runCli } from '../helpers/cli.js';
import { bruteForcePower } from '../helpers/power.js';

describe('power', () => {
  it('classical independent errors: discordant probabilities p1(1-p0) and p0(1-p1)', () => {
    const d = discordance({ baseline: 0.2, amplification: 1.5, instability: 1, difficulty: 'fixed' });
    expect(d.levelOnly).toBeCloseTo(0.3 * 0.8, 15);
    expect(d.referenceOnly).toBeCloseTo(0.2 * 0.7, 15);
  });

  it('the fast exact McNemar power equals the brute-force definition', () => {
    const d = { levelOnly: 0.12, referenceOnly: 0.04 };
    for (const n of [15, 60, 151]) expect(mcnemarPower(n, d, 0.05)).toBeCloseTo(bruteForcePower(n, d.levelOnly, d.referenceOnly, 0.05), 12);
  });

  it('agrees with simulating the simulated model, and finds the smallest adequate n', () => {
    const d = discordance({ baseline: 0.2, amplification: 1.5, instability: 0.15, difficulty: 'uniform' });
    const analytic = mcnemarPower(120, d, 0.05);
    const simulated = simulatePower({
      vignettes: 120,
      replicates: 1,
      baseline: 0.2,
      amplification: 1.5,
      instability: 0.15,
      alpha: 0.05,
      simulations: 300,
      seed: 3,
    });
    expect(Math.abs(analytic - simulated)).toBeLessThan(0.06);
    const n = vignettesForPower(d, 0.05, 0.8)!;
    expect(mcnemarPower(n, d, 0.05)).toBeGreaterThanOrEqual(0.8);
    expect(mcnemarPower(n - 1, d, 0.05)).toBeLessThan(0.8);
  });

  it('counterfair power prints the vignettes needed, and rejects nonsense', async () => {
    const r = await runCli(['power', '--baseline', '0.2', '--amplification', '1.5', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.vignettesNeeded).toBe(
      vignettesForPower(discordance({ baseline: 0.2, amplification: 1.5, instability: 1, difficulty: 'fixed' }), 0.05, 0.8),
    );
    const bad = await runCli(['power', '--baseline', '2', '--amplification', '1.5']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/baseline.*expected a number from/);
  });
});
