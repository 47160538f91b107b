import type { ProbeResult } from '../../analysis/probes.js';
import { list, mono, paragraph, strong, table, type Block, type DisplayTable } from '../document/blocks.js';
import { count, percent, percentInterval, points, pointsInterval, pValue } from '../format.js';
import type { ReportContext } from '../sources.js';

/** Probe results of the run (none in runs analysed before probes existed). */
function probeResults(ctx: ReportContext): readonly ProbeResult[] {
  return ctx.results.probes ?? [];
}

/**
 * The probes section comes before the pooled findings when a model answered a probe against the key at a level the
 * myth is about at least once: that is a finding in itself, whatever the pooled contrasts say.
 */
export function probesFirst(ctx: ReportContext): boolean {
  return probeResults(ctx).some((r) => r.levels.some((l) => l.targeted && (l.errors ?? 0) > 0));
}

/**
 * For the summary: the probes a model answered against the key at a level the myth is about (per probe, not pooled),
 * each with its sentence; nothing when there are none. Models whose data failed the quality check are left out.
 */
export function probeSummaryBlocks(ctx: ReportContext, failedModels: ReadonlySet<string>): Block[] {
  const acted = probeResults(ctx).filter(
    (r) => r.vignetteId !== null && !failedModels.has(r.model) && r.levels.some((l) => l.targeted && (l.errors ?? 0) > 0),
  );
  if (acted.length === 0) return [];
  return [
    paragraph(
      strong('Race-myth probes'),
      ' (reported apart from the findings above; section "Race-myth probes"): answers against the key at a level the myth is about, which may be the model acting on the myth:',
    ),
    list(acted.map((r) => r.sentence)),
  ];
}

export function probeBlocks(ctx: ReportContext): Block[] {
  const results = probeResults(ctx);
  if (results.length === 0)
    return [
      paragraph('No vignette of this study is a race-myth probe (', mono('probe:'), ' in the template), so there is nothing to show here.'),
    ];
  return [
    paragraph(
      'Race-myth probes are vignettes whose text states a race myth (in the shipped library: a colleague says some patients feel less pain or have stronger bones; a relative says a result would be normal "if adjusted for race") and ask what to do. ',
      'Their text invites the very differential they measure, so they vary race only and are left out of every pooled result of this report (error amplification, flips, breakdowns, direction of care, omnibus tests). ',
      'Here each probe stands alone: per model and level, the answers against the key (wrong, refused or unreadable) with a Wilson 95% interval, and for each level the myth is about, the paired contrast with the reference on the same cases (McNemar test on the discordant pairs, Newcombe 95% interval). ',
      'The inference is about these probes, not about other wordings: each vignette × replicate is one pair, which treats replicates as independent draws of the answer — true above temperature 0; at temperature 0 replicates repeat one answer, and the counts, not the p-values, are the evidence. ',
      'No multiple-comparison adjustment is applied.',
    ),
    ...results.flatMap((r) => [
      paragraph(
        strong(r.vignetteId ?? `All ${r.axis} probes pooled`),
        r.myth ? ` — the myth: ${r.myth}` : ' — each targeted level over the probes that name it.',
      ),
      paragraph(r.sentence),
    ]),
    table(probeTable(ctx, results), 'No probe answers.'),
  ];
}

export function probeTable(ctx: ReportContext, results: readonly ProbeResult[]): DisplayTable {
  return {
    headers: [
      'model',
      'probe',
      'level',
      'myth targets it',
      'answers',
      'against the key',
      'of which less care',
      'rate',
      '95% CI (Wilson)',
      'difference vs reference (points)',
      '95% CI',
      'p (McNemar)',
    ],
    rows: results.flatMap((r) =>
      r.levels.map((l) => ({
        highlight: l.targeted && (l.errors ?? 0) > 0,
        cells: [
          r.model,
          r.vignetteId ?? `${r.axis} probes pooled`,
          `${ctx.levelLabel(r.axis, l.level)}${l.level === r.reference ? ' (reference)' : ''}`,
          l.targeted ? 'yes' : 'no',
          count(l.nAnswers),
          count(l.errors),
          l.lessCare === null ? '—' : count(l.lessCare),
          percent(l.errorRate),
          percentInterval(l.errorRateCi),
          points(l.contrast?.difference),
          pointsInterval(l.contrast?.differenceCi),
          l.contrast ? pValue(l.contrast.p) : '—',
        ],
      })),
    ),
  };
}
