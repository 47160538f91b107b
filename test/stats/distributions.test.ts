import { describe, expect, it } from 'vitest';
import {
  binomialLogCdf,
  chiSquareLogSf,
  gammaIncLogQ,
  normalLogSf,
  betaIncReg,
  betaQuantile,
  binomialCdf,
  binomialPmf,
  binomialSf,
  chiSquareCdf,
  chiSquareSf,
  logBinomialPmf,
  logGamma,
  normalCdf,
  normalQuantile,
  normalSf,
  studentTCdf,
  studentTQuantile,
  studentTSf,
} from '../../src/stats/distributions.js';

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

/** exact binomial lower tail for p = 1/2 from BigInt binomial coefficients */
function exactHalfCdf(k: number, n: number): number {
  let c = 1n;
  let s = 0n;
  for (let i = 0; i <= k; i++) {
    s += c;
    c = (c * BigInt(n - i)) / BigInt(i + 1);
  }
  const shift = Math.max(0, s.toString(2).length - 64);
  return Number(s >> BigInt(shift)) * Math.pow(2, shift - n);
}

describe('normal distribution', () => {
  it('matches known values including the far tail', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(rel(normalSf(1.959963984540054), 0.025)).toBeLessThan(1e-15);
    expect(rel(normalSf(10), 7.619853024160527e-24)).toBeLessThan(1e-14);
    expect(rel(normalSf(37.5), 4.605353009581955e-308)).toBeLessThan(1e-13);
    expect(normalSf(-3) + normalCdf(-3)).toBeCloseTo(1, 15);
  });
  it('quantile inverts the cdf to ~1e-15 and is antisymmetric', () => {
    for (const p of [1e-300, 1e-20, 1e-5, 0.025, 0.3]) {
      expect(rel(normalCdf(normalQuantile(p)), p)).toBeLessThan(1e-13);
    }
    for (const p of [0.01, 0.3]) expect(normalQuantile(1 - p)).toBeCloseTo(-normalQuantile(p), 14);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 15);
    expect(normalQuantile(0.025)).toBeCloseTo(-normalQuantile(0.975), 15);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1.5)).toBeNaN();
  });
});

describe('chi-square', () => {
  it('df = 2 is exp(-x/2), also far in the tail', () => {
    for (const x of [0.1, 3, 50, 1000]) expect(rel(chiSquareSf(x, 2), Math.exp(-x / 2))).toBeLessThan(1e-13);
  });
  it('df = 1 equals 2·Φ(−√x)', () => {
    for (const x of [0.01, 1, 3.841458820694124, 25, 400]) expect(rel(chiSquareSf(x, 1), 2 * normalSf(Math.sqrt(x)))).toBeLessThan(1e-13);
    expect(rel(chiSquareSf(3.841458820694124, 1), 0.05)).toBeLessThan(1e-14);
  });
  it('cdf + sf = 1 and degenerate inputs', () => {
    // the cdf is jStat's (relative error ≤ 1e-9, measured 3.5e-13 here); the sf is ours, computed directly
    expect(rel(chiSquareCdf(7.85, 19), 1 - chiSquareSf(7.85, 19))).toBeLessThan(1e-9);
    expect(chiSquareSf(0, 3)).toBe(1);
    expect(chiSquareSf(Infinity, 3)).toBe(0);
    expect(chiSquareSf(2, 0)).toBeNaN();
  });
  it('cdf (jStat) matches closed forms to 1e-9, lower tail included', () => {
    // df = 2: F(x) = 1 − e^{−x/2} = −expm1(−x/2); df = 1: F(x) = erf(√(x/2)) = 1 − 2·Φ(−√x)
    for (const x of [1e-200, 1e-8, 0.3, 5, 40]) expect(rel(chiSquareCdf(x, 2), -Math.expm1(-x / 2))).toBeLessThan(1e-9);
    for (const x of [0.5, 3.841458820694124, 20]) expect(rel(chiSquareCdf(x, 1), 1 - 2 * normalSf(Math.sqrt(x)))).toBeLessThan(1e-9);
    expect(rel(chiSquareCdf(3.841458820694124, 1), 0.95)).toBeLessThan(1e-9);
    // lower tail: P(X² ≤ x) for df = 4 is 1 − e^{−x/2}(1 + x/2); tiny x keeps relative precision
    const x = 1e-6;
    expect(rel(chiSquareCdf(x, 4), (x * x) / 8 - x ** 3 / 24)).toBeLessThan(1e-9);
    expect(chiSquareCdf(0, 3)).toBe(0);
    expect(chiSquareCdf(Infinity, 3)).toBe(1);
    expect(chiSquareCdf(2, 0)).toBeNaN();
    expect(chiSquareCdf(NaN, 2)).toBeNaN();
  });
});

describe('Student t', () => {
  it('df = 1 is the Cauchy distribution', () => {
    for (const t of [0.5, 3]) expect(rel(studentTSf(t, 1), 0.5 - Math.atan(t) / Math.PI)).toBeLessThan(1e-13);
    expect(rel(studentTSf(1e6, 1), Math.atan(1e-6) / Math.PI)).toBeLessThan(1e-12); // far tail, no cancellation
  });
  it('is symmetric and the quantile inverts the cdf', () => {
    expect(studentTSf(-2.5, 5)).toBeCloseTo(1 - studentTSf(2.5, 5), 15);
    expect(studentTSf(1e-8, 3)).toBeLessThan(0.5);
    for (const df of [1, 2, 5, 19, 999]) {
      for (const p of [1e-10, 0.025, 0.3, 0.975]) {
        const t = studentTQuantile(p, df);
        expect(rel(studentTCdf(t, df), p)).toBeLessThan(1e-12);
      }
    }
    // df = 2 closed form: t = (2p − 1)/√(2p(1 − p))
    const p = 0.975;
    expect(rel(studentTQuantile(p, 2), (2 * p - 1) / Math.sqrt(2 * p * (1 - p)))).toBeLessThan(1e-14);
    expect(studentTQuantile(0.975, 9)).toBeCloseTo(2.262157162798205, 14); // mpmath: 2.2621571627982055086
  });
});

describe('binomial', () => {
  it('cdf/sf agree with exact BigInt sums for p = 1/2', () => {
    for (const [k, n] of [
      [2, 7],
      [86, 236],
      [0, 25],
      [480, 980],
      [4500, 10000],
    ] as const) {
      expect(rel(binomialCdf(k, n, 0.5), exactHalfCdf(k, n))).toBeLessThan(1e-12);
    }
    expect(binomialCdf(3, 10, 0.5)).toBeCloseTo(176 / 1024, 15);
    expect(binomialSf(3, 10, 0.5)).toBeCloseTo(848 / 1024, 15);
  });
  it('pmf is accurate and normalised; edges', () => {
    expect(binomialPmf(2, 7, 0.5)).toBeCloseTo(21 / 128, 15);
    expect(logBinomialPmf(0, 25, 0.5)).toBeCloseTo(-25 * Math.LN2, 13);
    let s = 0;
    for (let k = 0; k <= 40; k++) s += binomialPmf(k, 40, 0.3);
    expect(s).toBeCloseTo(1, 14);
    expect(binomialCdf(-1, 5, 0.3)).toBe(0);
    expect(binomialCdf(5, 5, 0.3)).toBe(1);
    expect(() => binomialCdf(1, -2, 0.5)).toThrow(/n must be a non-negative integer/);
  });
});

describe('beta', () => {
  it('incomplete beta special cases', () => {
    expect(betaIncReg(1, 1, 0.3)[0]).toBeCloseTo(0.3, 15);
    expect(rel(betaIncReg(2, 1, 0.3)[0], 0.09)).toBeLessThan(1e-14);
  });
  it('quantile: closed forms and round trips', () => {
    expect(betaQuantile(0.3, 1, 1)).toBeCloseTo(0.3, 15);
    expect(rel(betaQuantile(0.025, 3, 1), Math.pow(0.025, 1 / 3))).toBeLessThan(1e-14);
    expect(rel(betaQuantile(1e-10, 1, 100), -Math.expm1(Math.log1p(-1e-10) / 100))).toBeLessThan(1e-12);
    expect(betaQuantile(0.025, 3, 8)).toBeCloseTo(0.06673951117773447, 15);
    for (const [p, a, b] of [
      [0.975, 500, 501],
      [0.025, 1, 10000],
      [0.5, 0.5, 0.5],
    ] as const) {
      expect(rel(betaIncReg(a, b, betaQuantile(p, a, b))[0], p)).toBeLessThan(1e-12);
    }
  });
  it('log-gamma', () => {
    expect(logGamma(0.5)).toBeCloseTo(0.5723649429247001, 15);
    expect(rel(logGamma(100), 359.1342053695754)).toBeLessThan(1e-15);
  });
});

describe('log-scale tails (p below the double range)', () => {
  const relErr = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
  it('agree with the log of the tail wherever the tail is representable', () => {
    for (const [x, df] of [
      [0.5, 1],
      [3.84, 1],
      [30, 1],
      [50, 4],
      [200, 7],
      [600, 2],
    ] as const) {
      expect(relErr(chiSquareLogSf(x, df), Math.log(chiSquareSf(x, df)))).toBeLessThan(1e-12);
    }
    for (const z of [-2, 0, 1, 5, 20, 37]) expect(relErr(normalLogSf(z), Math.log(normalSf(z)))).toBeLessThan(1e-12);
    for (const [k, n] of [
      [3, 10],
      [40, 100],
      [0, 900],
      [5, 1000],
    ] as const)
      expect(relErr(binomialLogCdf(k, n, 0.5), Math.log(binomialCdf(k, n, 0.5)))).toBeLessThan(1e-12);
  });
  it('stay finite and exact where the tail underflows', () => {
    // log P(X <= 0), X ~ Bin(2000, 1/2) = −2000 log 2; P(X <= 3) = (1 + 2000 + C(2000,2) + C(2000,3))/2^2000
    expect(relErr(binomialLogCdf(0, 2000, 0.5), -2000 * Math.log(2))).toBeLessThan(1e-14);
    expect(relErr(binomialLogCdf(3, 2000, 0.5), Math.log(1 + 2000 + 1999000 + 1331334000) - 2000 * Math.log(2))).toBeLessThan(1e-13);
    // log Φ(−40) = −804.60844201375…; Mills-ratio asymptote −z²/2 − log(z√(2π)) − log(1 + 1/z²)… agrees to 1e-9
    expect(relErr(normalLogSf(40), -804.6084420137538)).toBeLessThan(1e-13);
    const z = Math.sqrt(2300);
    const mills = -(z * z) / 2 - Math.log(z * Math.sqrt(2 * Math.PI)) + Math.log(1 - 1 / z ** 2 + 3 / z ** 4 - 15 / z ** 6);
    expect(relErr(chiSquareLogSf(2300, 1), Math.log(2) + mills)).toBeLessThan(1e-12);
    expect(chiSquareSf(2300, 1)).toBe(0);
    expect(gammaIncLogQ(5, Infinity)).toBe(-Infinity);
    expect(chiSquareLogSf(0, 3)).toBe(0);
    expect(chiSquareLogSf(NaN, 1)).toBeNaN();
  });
});
