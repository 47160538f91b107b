import { excessReading, FLOOR_NAMES, type FloorRate, type FloorSource } from '../../analysis/flips.js';
import { shiftP } from '../../analysis/shifts.js';
import { agreement, familyLabel, type Agreement } from '../../analysis/sentence.js';
import type { Finding } from '../../analysis/types.js';
import type { DisplayTable } from '../document/blocks.js';
import {
  count,
  decimal,
  decimalInterval,
  percent,
  percentInterval,
  points,
  pointsInterval,
  pValue,
  ratio,
  ratioInterval,
} from '../format.js';
import type { ReportContext } from '../sources.js';
import { correctAnswer } from './describe.js';
import { byText } from '../order.js';
import { CONTRAST_HEADERS, contrastCells, withCues } from './cueModes.js';

/**
 * The report's tables as displayed (formatted, a selection of columns). The CSV files under tables/ hold every
 * field unformatted; these are for reading.
 */

export function findingsTable(findings: readonly Finding[], withEndpoint: boolean, alpha: number): DisplayTable {
  const family = familyHeader(findings, alpha);
  const headers = [
    'model',
    'axis',
    'level',
    'reference',
    'vignettes',
    'pairs',
    'excluded pairs',
    'rate at reference',
    'rate at level',
    'difference (points)',
    '95% CI, unadjusted',
    `${family} (points)`,
    'ratio',
    'ratio 95% CI, unadjusted',
    `ratio ${family}`,
    'extra errors: wrong / refused / unreadable',
    'test',
    'statistic',
    'p',
    'adjusted p',
    'verdict',
  ];
  // Declared contrast families: which family (its adjustment) each row belongs to; the column is absent otherwise.
  const declared = findings.some((f) => f.contrast !== undefined);
  const lead = [...(withEndpoint ? ['endpoint'] : []), ...(declared ? ['contrast family'] : [])];
  return {
    headers: [...lead, ...headers],
    rows: findings.map((f) => {
      const cells = [
        f.model,
        f.axis,
        withCues(f.level, f),
        f.reference,
        count(f.nVignettes),
        count(f.nPairs),
        count(f.nExcludedPairs),
        percent(f.rateReference),
        percent(f.rateLevel),
        points(f.difference),
        pointsInterval(f.differenceCi),
        pointsInterval(f.differenceCiSimultaneous),
        ratio(f.ratio),
        ratioInterval(f.ratioCi),
        ratioInterval(f.ratioCiSimultaneous),
        extraErrors(f),
        f.test,
        decimal(f.statistic, 3),
        pValue(f.p),
        pValue(f.pAdjusted),
        VERDICTS[agreement(f.significant, f.differenceCiSimultaneous)],
      ];
      const leading = [...(withEndpoint ? [f.endpoint] : []), ...(declared ? [`${f.contrast ?? ''} (${f.adjustment})`] : [])];
      return { cells: [...leading, ...cells], highlight: f.significant };
    }),
  };
}

/**
 * How the level's extra errors (b − c) split by kind: discordant pairs where only the level erred minus those where
 * only the reference did, wrong / refused / unreadable ("+9 / 0 / +3"); a dash for other endpoints and older runs.
 */
function extraErrors(f: Finding): string {
  const d = f.discordantOutcomes;
  if (!d) return '—';
  const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');
  return (['incorrect', 'refusal', 'unparseable'] as const).map((k) => signed(d.levelOnly[k] - d.referenceOnly[k])).join(' / ');
}

const VERDICTS: Record<Agreement, string> = {
  significant: 'significant',
  'not-significant': 'not significant',
  'borderline-test-only': 'borderline: adjusted test significant, simultaneous CI includes 0',
  'borderline-interval-only': 'borderline: simultaneous CI excludes 0, adjusted test not significant',
};

/** The family intervals' column; findings from an older results.json have none, and the column says so. */
function familyHeader(findings: readonly Finding[], alpha: number): string {
  return familyLabel(findings, alpha) ?? 'simultaneous CI (not in this results.json)';
}

export function flipsTable(ctx: ReportContext): DisplayTable {
  return {
    headers: [
      'model',
      'axis',
      'level',
      'pairs',
      'flips',
      'flip rate',
      '95% CI (Wilson), unadjusted',
      'floor used',
      'floor rate (mean over vignettes)',
      'excess over the floor, paired by vignette (points)',
      '95% CI (paired t over vignettes), unadjusted',
      'vignettes',
      'reading',
    ],
    rows: ctx.results.flips.map((f) => {
      // Runs analysed before the paired excess have only the unpaired point difference: no interval, no reading.
      const paired = f.excessVignettes !== undefined;
      return {
        cells: [
          f.model,
          f.axis,
          withCues(f.level, f),
          count(f.nPairs),
          count(f.flips),
          percent(f.rate),
          percentInterval(f.ci),
          paired ? floorName(f.floorSource) : 'not in this results.json',
          percent(f.excessFloor),
          points(f.excess),
          pointsInterval(f.excessCi),
          count(f.excessVignettes),
          paired ? excessReading(f, 'the demographic change') : 'no interval in this results.json',
        ],
        highlight: f.excessVerdict === 'above-floor',
      };
    }),
  };
}

/** The floor's name as the report says it; an added sentence is never called a rewording. */
function floorName(source: FloorSource | null): string {
  return source === null ? 'none (no paraphrase controls on these vignettes)' : FLOOR_NAMES[source];
}

export function noiseFloorTable(ctx: ReportContext): DisplayTable {
  const floor = (f: FloorRate | null | undefined) =>
    f ? `${percent(f.rate)} (${percentInterval(f.ci)}; ${f.nPairs} pairs)` : 'not measured';
  return {
    headers: [
      'model',
      'replicate floor: reference answer changed between replicates',
      "authored rewording: reference answer changed under the author's rewording of the case",
      'added neutral sentence: reference answer changed when one irrelevant sentence was appended to the unchanged case (not a rewording)',
      'both paraphrase controls pooled',
    ],
    rows: ctx.results.noiseFloors.map((n) => ({
      cells: n.paraphraseBySource
        ? [
            withCues(n.model, n),
            floor(n.replicate),
            floor(n.paraphraseBySource.authored),
            floor(n.paraphraseBySource['added-sentence']),
            floor(n.paraphrase),
          ]
        : [withCues(n.model, n), floor(n.replicate), 'not in this results.json', 'not in this results.json', floor(n.paraphrase)],
    })),
  };
}

/** The demographics-removed control per model: both error rates, the paired difference and test, and the flips. */
export function demographicsRemovedTable(ctx: ReportContext): DisplayTable {
  return {
    headers: [
      'model',
      'vignettes',
      'pairs',
      'excluded pairs',
      'error at reference',
      'error with demographics removed',
      'difference (points)',
      '95% CI, unadjusted',
      'test',
      'p (unadjusted)',
      'answer changed',
      'excess over the floor (points)',
      '95% CI (paired t over vignettes)',
      'floor used',
    ],
    rows: (ctx.results.controls?.demographicsRemoved ?? []).map(({ model, errors: e, flips: f }) => ({
      cells: [
        model,
        count(e.nVignettes),
        count(e.nPairs),
        count(e.nExcludedPairs),
        percent(e.rateReference),
        percent(e.rateLevel),
        points(e.difference),
        pointsInterval(e.differenceCi),
        e.test,
        pValue(e.p),
        `${f.flips} of ${f.nPairs} (${percent(f.rate)})`,
        points(f.excess),
        pointsInterval(f.excessCi),
        floorName(f.floorSource),
      ],
    })),
  };
}

export function shiftsTable(ctx: ReportContext): DisplayTable {
  return {
    headers: [
      ...CONTRAST_HEADERS,
      'scale',
      'vignettes',
      'mean shift',
      '95% CI (paired t, or adjusted model), unadjusted',
      'less care',
      'more care',
      'Wilcoxon p',
      't-test p',
    ],
    rows: ctx.results.shifts.map((s) => ({
      cells: [
        ...contrastCells(s),
        s.scale,
        count(s.nVignettes),
        decimal(s.meanShift, 3, true),
        decimalInterval(s.meanShiftCi, 3),
        percent(s.lessCare),
        percent(s.moreCare),
        s.method ? 'not computed' : pValue(s.wilcoxonP),
        s.method ? `${pValue(s.tP)} (adjusted model)` : pValue(s.tP),
      ],
      highlight: shiftP(s) < ctx.manifest.analysis.alpha && s.meanShift < 0,
    })),
  };
}

export function marginalHomogeneityTable(ctx: ReportContext): DisplayTable {
  const margins = (table: number[][], side: 'reference' | 'level') =>
    table.map((row, i) => (side === 'reference' ? row.reduce((a, b) => a + b, 0) : table.reduce((a, r) => a + r[i]!, 0))).join(' / ');
  return {
    headers: [
      'model',
      'axis',
      'level',
      'reference',
      'answers',
      'categories',
      'vignettes (one pair each)',
      'reference',
      'level',
      'Stuart-Maxwell χ²',
      'df',
      'p',
      'adjusted p',
    ],
    rows: (ctx.results.marginalHomogeneity ?? []).map((t) => ({
      cells: [
        t.model,
        t.axis,
        withCues(t.level, t),
        t.reference,
        t.scale === 'ordinal-care' ? 'ordinal' : 'all',
        t.categories.join(' / '),
        count(t.nVignettes),
        margins(t.table, 'reference'),
        margins(t.table, 'level'),
        decimal(t.statistic, 3),
        count(t.df),
        pValue(t.p),
        pValue(t.pAdjusted),
      ],
      highlight: t.significant,
    })),
  };
}

export function axisTestsTable(ctx: ReportContext): DisplayTable {
  return {
    headers: ['model', 'axis', 'levels', 'vignettes (complete blocks)', 'test', 'statistic', 'df', 'p (unadjusted)'],
    rows: ctx.results.axisTests.map((t) => ({
      cells: [
        t.model,
        withCues(t.axis, t),
        t.levels.join(', '),
        count(t.nVignettes),
        t.test,
        decimal(t.statistic, 3),
        t.denominatorDf === undefined ? count(t.df) : `${count(t.df)}, ${count(t.denominatorDf)}`,
        pValue(t.p),
      ],
    })),
  };
}

export function intersectionsTable(ctx: ReportContext): DisplayTable {
  return {
    headers: [
      'model',
      'level A',
      'level B',
      'vignettes',
      'error in cell',
      'error at reference',
      'interaction (points)',
      '95% CI, unadjusted',
      'p (unadjusted)',
    ],
    rows: ctx.results.intersections.map((c) => ({
      cells: [
        withCues(c.model, c),
        `${c.axisA}: ${c.levelA}`,
        `${c.axisB}: ${c.levelB}`,
        count(c.nVignettes),
        percent(c.rateCell),
        percent(c.rateReference),
        points(c.interaction),
        pointsInterval(c.interactionCi),
        pValue(c.p),
      ],
    })),
  };
}

export const NO_HETEROGENEITY = 'no evidence that the disparity differs between groups';

export function spreadSummaryTable(ctx: ReportContext): DisplayTable {
  return {
    headers: [
      'model',
      'axis',
      'level',
      'by',
      'groups with discordant vignettes',
      'heterogeneity χ²',
      'df',
      'p (unadjusted)',
      'adjusted p',
      'group with the largest disparity',
      'largest difference (points)',
      'SD of difference across groups (points)',
    ],
    rows: ctx.results.spreadSummaries.map((s) => {
      const h = s.heterogeneity;
      // Older results.json: no heterogeneity test, so no group is named.
      const where = s.worstGroupSupported ? s.worstGroup : h ? NO_HETEROGENEITY : 'not tested (older results.json)';
      return {
        cells: [
          s.model,
          s.axis,
          withCues(s.level, s),
          s.by,
          count(h?.nGroups),
          decimal(h?.statistic, 3),
          count(h?.df),
          pValue(h?.p),
          pValue(h?.pAdjusted),
          where,
          points(s.worstDifference),
          decimal(100 * s.sdDifference, 1),
        ],
        highlight: s.worstGroupSupported,
      };
    }),
  };
}

/** Every group's n and unadjusted 95% interval, so a large difference in a small group reads as the noise it may be. */
export function spreadRowsTable(ctx: ReportContext): DisplayTable {
  return {
    headers: [
      'model',
      'axis',
      'level',
      'by',
      'group',
      'vignettes',
      'pairs',
      'rate at reference',
      'rate at level',
      'difference (points)',
      '95% CI, unadjusted',
    ],
    rows: ctx.results.spread.map((r) => ({
      cells: [
        r.model,
        r.axis,
        withCues(r.level, r),
        r.by,
        r.group,
        count(r.nVignettes),
        count(r.nPairs),
        percent(r.rateReference),
        percent(r.rateLevel),
        points(r.difference),
        pointsInterval(r.differenceCi),
      ],
    })),
  };
}

export function exclusionsTable(ctx: ReportContext): DisplayTable {
  return {
    headers: ['vignette', 'axis', 'pinned to (or combination ruled out)', 'reason', 'variants not rendered'],
    rows: [...ctx.results.exclusions]
      .sort((a, b) => byText(a.vignetteId, b.vignetteId) || byText(a.axis, b.axis))
      .map((e) => ({ cells: [e.vignetteId, e.axis, e.value, e.reason, e.variantIds?.join(', ') ?? '—'] })),
  };
}

export function outcomesTable(ctx: ReportContext): DisplayTable {
  // `answered` (care-intensity recommendations, never graded) only in runs that have them.
  const graded = ['correct', 'incorrect'] as const;
  const rest = ['refusal', 'unparseable', 'unscored', 'error'] as const;
  const byModel = new Map<string, Map<string, number>>();
  for (const s of ctx.scores) {
    const row = byModel.get(s.modelId) ?? new Map<string, number>();
    row.set(s.outcome, (row.get(s.outcome) ?? 0) + 1);
    byModel.set(s.modelId, row);
  }
  const answered = [...byModel.values()].some((row) => row.has('answered'));
  const outcomes = answered ? [...graded, 'answered' as const, ...rest] : [...graded, ...rest];
  return {
    headers: ['model', 'answers', ...outcomes],
    rows: ctx.modelIds.map((m) => {
      const row = byModel.get(m) ?? new Map<string, number>();
      return { cells: [m, String([...row.values()].reduce((a, b) => a + b, 0)), ...outcomes.map((o) => String(row.get(o) ?? 0))] };
    }),
  };
}

/** Worst cases with the two answers side by side: what was scored, then the model's own words. */
export function worstCasesTable(ctx: ReportContext): DisplayTable {
  const text = (key: string) => {
    if (!ctx.responseTexts.has(key)) return '(response text not found in responses.jsonl)';
    return ctx.responseTexts.get(key) ?? '(no text: the request failed)';
  };
  return {
    headers: ['case', 'reference variant answered', 'level variant answered'],
    rows: ctx.results.worstCases.map((w, i) => {
      const vignette = ctx.vignettesById.get(w.vignetteId);
      const label = ctx.contrastLabel(w);
      return {
        cells: [
          `${i + 1}. ${label} — ${w.vignetteId} (${w.domain}, ${w.questionType}); correct answer: ${correctAnswer(vignette?.question, ctx.questionTypes)}; harm ${decimal(w.harm, 2)}, worse in ${percent(w.consistency)} of ${w.nPairs} pair(s)`,
          { long: `Scored: ${w.referenceAnswer}\n\n${text(w.referenceKey)}` },
          { long: `Scored: ${w.levelAnswer}\n\n${text(w.levelKey)}` },
        ],
      };
    }),
  };
}
