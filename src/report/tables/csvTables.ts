import type { FloorRate, NoiseFloor } from '../../analysis/flips.js';
import type { ProbeContrast } from '../../analysis/probes.js';
import type { ReportContext } from '../sources.js';
import { recordsToCsv } from './csv.js';
import { variantOutcomes } from '../data/variantOutcomes.js';

/**
 * Every table of the report as CSV, unformatted and complete (the HTML shows formatted selections). File names
 * are fixed here, never derived from data. Worst cases carry both answer texts in full.
 */
export function csvTables(ctx: ReportContext): { name: string; csv: string }[] {
  const { results } = ctx;
  const text = (key: string) => ctx.responseTexts.get(key) ?? null;
  const tables: [string, readonly object[]][] = [
    ['findings', results.findings],
    ['secondary', results.secondaryFindings],
    ['shifts', results.shifts],
    [
      'marginal-homogeneity',
      (results.marginalHomogeneity ?? []).map(({ table, categories, categoriesTested, ...row }) => ({
        ...row,
        categories: categories.join(';'),
        categoriesTested: categoriesTested.join(';'),
        table: table.map((r) => r.join(' ')).join(';'),
      })),
    ],
    ['flips', results.flips],
    ['flip-matrix', ctx.flipCells],
    ['noise-floors', results.noiseFloors.flatMap(noiseFloorRows)],
    [
      'demographics-removed',
      (results.controls?.demographicsRemoved ?? []).map(({ model, errors, flips, sentence }) => ({
        model,
        ...errors,
        flipPairs: flips.nPairs,
        flips: flips.flips,
        flipRate: flips.rate,
        flipCi: flips.ci,
        flipExcess: flips.excess,
        flipExcessCi: flips.excessCi,
        flipExcessFloor: flips.excessFloor,
        floorSource: flips.floorSource,
        sentence,
      })),
    ],
    ['worst-cases', results.worstCases.map((w) => ({ ...w, referenceText: text(w.referenceKey), levelText: text(w.levelKey) }))],
    ['spread', results.spread],
    ['spread-summaries', results.spreadSummaries],
    ['axis-tests', results.axisTests.map((t) => ({ ...t, levels: t.levels.join(';') }))],
    ['intersections', results.intersections],
    ['exclusions', results.exclusions],
    ['subgroup-performance', results.subgroups ?? []],
    [
      'probes',
      (results.probes ?? []).flatMap(({ levels, targetLevels, ...probe }) =>
        levels.map(({ contrast, vignetteIds, ...level }) => ({
          ...probe,
          targetLevels: targetLevels.join(';'),
          ...level,
          vignetteIds: vignetteIds.join(';'),
          ...prefixed(contrast),
        })),
      ),
    ],
    // Each variant on its own (results.json's outcomeCounts pool the reference variant into every axis's reference level).
    ['outcome-counts', variantOutcomes(ctx).map(({ outcomes, ...row }) => ({ ...row, ...outcomes }))],
    [
      'data-quality',
      (results.dataQuality?.models ?? []).map(({ requestErrorsByKind, errorCauses, degenerate, problems, ...row }) => ({
        ...row,
        requestErrorsByKind: JSON.stringify(requestErrorsByKind),
        mostFrequentError: errorCauses[0]?.message ?? null,
        degenerate: JSON.stringify(degenerate),
        problems: problems.join('; '),
      })),
    ],
  ];
  return tables.map(([name, records]) => ({ name, csv: recordsToCsv(records) }));
}

/** One row per floor: `replicate`, `paraphrase` (both sources pooled), `paraphrase-authored`, `paraphrase-added-sentence`. */
function noiseFloorRows(n: NoiseFloor): object[] {
  const floors: [string, FloorRate | null | undefined][] = [
    ['replicate', n.replicate],
    ['paraphrase', n.paraphrase],
    ['paraphrase-authored', n.paraphraseBySource?.authored],
    ['paraphrase-added-sentence', n.paraphraseBySource?.['added-sentence']],
  ];
  return floors.flatMap(([floor, rate]) => (rate ? [{ model: n.model, floor, ...rate }] : []));
}

/** A probe level's paired contrast as `contrast*` columns (none for untargeted levels: the union of columns leaves them empty). */
function prefixed(contrast: ProbeContrast | null): Record<string, unknown> {
  return Object.fromEntries(Object.entries(contrast ?? {}).map(([k, v]) => [`contrast${k[0]!.toUpperCase()}${k.slice(1)}`, v]));
}
