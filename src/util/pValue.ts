/**
 * The one p-value formatter of every human-readable output (finding sentences, report, appendix, compare, gate):
 * four decimals, scientific notation with two significant digits below 0.0001, and "< 1e-300" below 1e-300 —
 * where a double has no relative precision left and a p-value computed as a tail probability may have underflowed
 * to 0 (the statistics keep such p-values on the log scale, e.g. `logPValue` of McNemar). A value that does not
 * exist (null, as JSON writes NaN, or NaN) is a dash.
 *
 * @example
 * formatPValue(0.04321); // "0.0432"
 * formatPValue(2e-5); // "2.0e-5"
 * formatPValue(0); // "< 1e-300"
 */
export function formatPValue(p: number | null | undefined): string {
  if (typeof p !== 'number' || Number.isNaN(p)) return '—';
  if (p < 1e-300) return '< 1e-300';
  return p < 0.0001 ? p.toExponential(1) : p.toFixed(4);
}
