import type { Axis } from '../demographics/types.js';
import type { ScoreList } from '../score/rows.js';
import { pairedT } from '../stats/pairedT.js';
import { isWrong } from '../pairing/pairs.js';

/**
 * Intersectional cell of a factorial design: level a of axis A together with level b of axis B (other axes at
 * reference), against the all-reference variant, and the interaction: does being (a, b) cost more than the
 * two single effects add up to? Per vignette, d = y(a,b) − y(a,ref) − y(ref,b) + y(ref,ref) with y the error
 * rate over replicates; tested with a one-sample t test of d (paired t against 0) and a 95% CI on its mean.
 */
export interface IntersectionCell {
  model: string;
  axisA: string;
  levelA: string;
  axisB: string;
  levelB: string;
  nVignettes: number;
  rateCell: number;
  rateReference: number;
  /** Mean interaction d; positive means the combination is worse than the sum of its parts. */
  interaction: number;
  interactionCi: [number, number] | null;
  p: number;
}

export function analyzeIntersections(
  scores: ScoreList,
  axes: readonly Axis[],
  crossed: readonly string[],
  modelIds: readonly string[],
): IntersectionCell[] {
  if (crossed.length < 2) return [];
  const rates = new Map<string, [number, number]>(); // model|vignette|attributes -> [wrong, n]
  const references = new Map<string, Record<string, string>>(); // model|vignette -> reference attributes
  for (const s of scores) {
    if (s.kind !== 'reference' && s.kind !== 'demographic') continue;
    const wrong = isWrong(s.outcome);
    if (wrong === null) continue;
    const key = cellKey(s.modelId, s.vignetteId, s.attributes);
    const r = rates.get(key) ?? [0, 0];
    r[0] += wrong ? 1 : 0;
    r[1]++;
    rates.set(key, r);
    if (s.kind === 'reference') references.set(`${s.modelId}\u0000${s.vignetteId}`, s.attributes);
  }
  const out: IntersectionCell[] = [];
  const crossedAxes = axes.filter((a) => crossed.includes(a.id));
  for (const model of modelIds) {
    for (let i = 0; i < crossedAxes.length; i++) {
      for (let j = i + 1; j < crossedAxes.length; j++) {
        const A = crossedAxes[i]!;
        const B = crossedAxes[j]!;
        for (const a of A.levels.filter((l) => l.id !== A.reference)) {
          for (const b of B.levels.filter((l) => l.id !== B.reference)) {
            const d: number[] = [];
            let cell = 0;
            let ref = 0;
            for (const [key, base] of references) {
              if (!key.startsWith(`${model}\u0000`)) continue;
              if (base[A.id] !== A.reference || base[B.id] !== B.reference) continue; // an axis is pinned here
              const vignette = key.slice(model.length + 1);
              const y = (la: string, lb: string) => rate(rates.get(cellKey(model, vignette, { ...base, [A.id]: la, [B.id]: lb })));
              const [yab, ya0, y0b, y00] = [y(a.id, b.id), y(a.id, B.reference), y(A.reference, b.id), y(A.reference, B.reference)];
              if ([yab, ya0, y0b, y00].some((v) => v === undefined)) continue;
              d.push(yab! - ya0! - y0b! + y00!);
              cell += yab!;
              ref += y00!;
            }
            if (d.length === 0) continue;
            const moved = d.some((x) => x !== 0);
            const t =
              d.length >= 2 && moved
                ? pairedT(
                    d,
                    d.map(() => 0),
                  )
                : undefined;
            out.push({
              model,
              axisA: A.id,
              levelA: a.id,
              axisB: B.id,
              levelB: b.id,
              nVignettes: d.length,
              rateCell: cell / d.length,
              rateReference: ref / d.length,
              interaction: d.reduce((s, x) => s + x, 0) / d.length,
              interactionCi: t && Number.isFinite(t.ciLow) ? [t.ciLow, t.ciHigh] : moved ? null : [0, 0],
              p: t && Number.isFinite(t.pValue) ? t.pValue : 1,
            });
          }
        }
      }
    }
  }
  return out;
}

function rate(r: [number, number] | undefined): number | undefined {
  return r ? r[0] / r[1] : undefined;
}

function cellKey(model: string, vignette: string, attributes: Readonly<Record<string, string>>): string {
  return `${model}\u0000${vignette}\u0000${Object.keys(attributes)
    .sort()
    .map((k) => `${k}=${attributes[k]}`)
    .join(',')}`;
}
