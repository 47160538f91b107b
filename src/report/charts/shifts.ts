import { shiftP } from '../../analysis/shifts.js';
import type { ShiftScale } from '../../analysis/shifts.js';
import { pValue } from '../format.js';
import type { ReportContext } from '../sources.js';
import { BLUE, chartBase, GREY, RED, round, type Chart } from './common.js';

const SCALE_WORDS: Record<ShiftScale, { name: string; unit: string; what: string }> = {
  'ordinal-steps': { name: 'shifts-ordinal', unit: 'scale steps', what: 'ordinal answers (triage level, pain score, risk category)' },
  'numeric-relative': { name: 'shifts-numeric', unit: 'fraction of the correct value', what: 'numeric answers (doses, scores, eGFR)' },
};

const LESS = 'less care';
const SAME = 'no shift';
const MORE = 'more care';

/**
 * Distribution of signed shifts for one answer scale: per level, one dot per distinct per-vignette shift sized
 * by how many vignettes share it, coloured by direction (under-triage and under-dosing are not the same harm as
 * over-treatment), with the mean shift and its 95% CI from the analysis drawn over it.
 */
export function shiftChart(ctx: ReportContext, scale: ShiftScale): Chart | null {
  const these = ctx.vignetteShifts.filter((s) => s.scale === scale);
  if (these.length === 0) return null;
  const words = SCALE_WORDS[scale];
  const contrasts = [...new Map(these.map((s) => [ctx.contrastLabel(s), s])).values()]
    .sort(ctx.contrastOrder)
    .map((s) => ctx.contrastLabel(s));
  const dots = new Map<string, { contrast: string; shift: number; direction: string; vignettes: number }>();
  for (const s of these) {
    const shift = round(s.shift) ?? 0;
    const key = `${ctx.contrastLabel(s)}\u0000${shift}`;
    const dot = dots.get(key) ?? {
      contrast: ctx.contrastLabel(s),
      shift,
      direction: shift < 0 ? LESS : shift > 0 ? MORE : SAME,
      vignettes: 0,
    };
    dot.vignettes++;
    dots.set(key, dot);
  }
  const means = ctx.results.shifts
    .filter((f) => f.scale === scale)
    .map((f) => ({
      contrast: ctx.contrastLabel(f),
      mean: round(f.meanShift),
      low: round(f.meanShiftCi?.[0]) ?? round(f.meanShift),
      high: round(f.meanShiftCi?.[1]) ?? round(f.meanShift),
      wilcoxonP: pValue(shiftP(f)),
      vignettes: f.nVignettes,
    }));
  const y = { field: 'contrast', type: 'nominal', sort: contrasts, title: null } as const;
  const title = `Direction of care: ${words.what}`;
  return {
    name: words.name,
    title,
    caption: [
      `Per vignette, the level's answer minus the reference's answer in ${words.unit}, signed so that negative means less care at the level (under-triage, under-dosing). Dot size: number of vignettes with that shift. Black: mean shift with 95% CI (paired t); the Wilcoxon signed-rank p is in the shifts table (unadjusted).`,
    ],
    spec: {
      ...chartBase('Direction of care', words.what),
      width: 480,
      height: { step: 22 },
      layer: [
        { data: { values: [{}] }, mark: { type: 'rule', color: '#888', strokeDash: [4, 3] }, encoding: { x: { datum: 0 } } },
        {
          data: { values: [...dots.values()] },
          mark: { type: 'circle', opacity: 0.6 },
          encoding: {
            y,
            x: { field: 'shift', type: 'quantitative', title: ['shift at level vs reference', `(${words.unit})`], scale: { padding: 12 } },
            size: {
              field: 'vignettes',
              type: 'quantitative',
              title: 'vignettes',
              scale: { range: [20, 400] },
              legend: { orient: 'bottom', direction: 'vertical' },
            },
            color: {
              field: 'direction',
              type: 'nominal',
              scale: { domain: [LESS, SAME, MORE], range: [RED, GREY, BLUE] },
              title: null,
              legend: { orient: 'bottom', direction: 'vertical' },
            },
            tooltip: [
              { field: 'contrast', type: 'nominal', title: 'level' },
              { field: 'shift', type: 'quantitative' },
              { field: 'vignettes', type: 'quantitative' },
            ],
          },
        },
        {
          data: { values: means },
          mark: { type: 'rule', color: 'black', strokeWidth: 2 },
          encoding: { y, x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } },
        },
        {
          data: { values: means },
          mark: { type: 'tick', color: 'black', thickness: 2, size: 14 },
          encoding: {
            y,
            x: { field: 'mean', type: 'quantitative' },
            tooltip: [
              { field: 'contrast', type: 'nominal', title: 'level' },
              { field: 'mean', type: 'quantitative', title: 'mean shift' },
              { field: 'low', type: 'quantitative', title: '95% CI low' },
              { field: 'high', type: 'quantitative', title: '95% CI high' },
              { field: 'wilcoxonP', type: 'nominal', title: 'p (Wilcoxon, or adjusted model)' },
              { field: 'vignettes', type: 'quantitative' },
            ],
          },
        },
      ],
    },
  };
}
