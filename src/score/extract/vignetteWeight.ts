/** A body weight in kilograms, not part of a per-kg dose ("82 kg", "82-kg", "82.5 kilograms"; not "1 mg/kg"). */
const WEIGHT_KG = /(?<![\d.,/])(\d{1,3}(?:\.\d+)?)\s*-?\s*(?:kg|kgs|kilograms?)(?![A-Za-z0-9/])/gi;

/**
 * The patient's weight stated in a rendered vignette, in kg, when exactly one distinct weight is stated; otherwise
 * undefined (no weight, or several — a weight change, a sibling's weight — where picking one would be a guess).
 * Lets the numeric extractor turn a per-kg answer ("1 mg/kg") into the total a question asks for. Pounds are not
 * read: a vignette giving only pounds leaves per-kg answers unparseable rather than converted twice.
 */
export function findVignetteWeightKg(vignette: string): number | undefined {
  const weights = new Set<number>();
  for (const match of vignette.matchAll(WEIGHT_KG)) {
    const before = vignette.slice(Math.max(0, (match.index ?? 0) - 8), match.index ?? 0);
    if (/\bper\s*$/i.test(before)) continue;
    weights.add(Number(match[1]));
  }
  const [only] = weights;
  return weights.size === 1 && only !== undefined && only > 0 ? only : undefined;
}
