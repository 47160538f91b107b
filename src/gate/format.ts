import { simultaneousLabel } from '../analysis/sentence.js';
import { decimal, decimalInterval, pValue, plural, ratio } from '../report/format.js';
import type { GateContrast, GateResult } from './types.js';

const HEADERS = [
  'model',
  'axis',
  'level',
  'reference',
  'domain',
  'vignettes',
  'difference (points)',
  'family CI',
  'ratio',
  'adjusted p',
  'exceeds',
];
const equivalenceHeaders = (level: string) => [
  'model',
  'axis',
  'level',
  'reference',
  'domain',
  'vignettes',
  'difference (points)',
  `${level} CI`,
  'ratio',
  `ratio ${level} CI`,
  'verdict',
];

/** The verdict, the rule in words and a table of what exceeded (or, on a pass, what was significant but within). */
export function formatGateText(result: GateResult): string {
  if (result.refused) return formatRefusal(result);
  if (result.thresholds.mode === 'equivalence') return formatEquivalence(result);
  const failing = result.contrasts.filter((c) => c.failed);
  const withinButSignificant = result.contrasts.filter((c) => c.significant && !c.failed);
  const lines = [
    gateVerdictLine(result),
    `Rule: ${gateRule(result)}`,
    ...(result.passed
      ? [
          'A pass here means no disparity beyond the thresholds was significant, not that the data show every disparity is below them (that is --mode equivalence).',
        ]
      : []),
    ...result.notes.map((n) => `Note: ${n}`),
  ];
  const shown = result.passed ? withinButSignificant : failing;
  if (shown.length)
    lines.push(
      '',
      result.passed ? 'Significant but within the thresholds:' : 'Exceeded:',
      ...textTable(HEADERS, shown.map(row)),
      `family CI: ${familyIntervalNote(result.thresholds.alpha, shown)}`,
    );
  lines.push(...cautions(result.contrasts));
  return `${lines.join('\n')}\n`;
}

function formatEquivalence(result: GateResult): string {
  const failing = result.contrasts.filter((c) => c.failed);
  const level = `${Math.round(100 * result.thresholds.equivalenceConfLevel!)}%`;
  const lines = [gateVerdictLine(result), `Rule: ${gateRule(result)}`, ...result.notes.map((n) => `Note: ${n}`)];
  if (failing.length) {
    lines.push(
      '',
      'Not shown within the margins:',
      ...textTable(equivalenceHeaders(level), failing.map(equivalenceRow)),
      '',
      ...failing.map((c) => `${contrastName(c)}: ${c.reason}`),
    );
  }
  lines.push(...cautions(result.contrasts));
  return `${lines.join('\n')}\n`;
}

/** One line per contrast with a caution, after the verdict's table: "Caution: sim insurance=medicaid: ...". */
export function cautions(contrasts: readonly GateContrast[]): string[] {
  return contrasts.flatMap((c) => (c.caution ? [`Caution: ${contrastName(c)}: ${c.caution}`] : []));
}

/** The verdict in one sentence: "counterfair gate: FAILED — 1 of 5 contrasts exceeds the thresholds.", "... REFUSED ...". */
export function gateVerdictLine(result: GateResult): string {
  const contrasts = plural(result.checked, 'contrast');
  if (result.refused)
    return `counterfair gate: REFUSED — this run cannot support a verdict (${plural(result.refusals.length, 'reason')}); no pass or failure is given:`;
  if (result.thresholds.mode === 'equivalence') {
    const level = `${Math.round(100 * result.thresholds.equivalenceConfLevel!)}%`;
    return result.passed
      ? `counterfair gate: passed — all ${contrasts} are shown to be within the margins (every ${level} interval inside them).`
      : `counterfair gate: FAILED — ${result.failed} of ${contrasts} ${result.failed === 1 ? 'is' : 'are'} not shown to be within the margins (${result.failed - result.inconclusive} beyond them, ${result.inconclusive} inconclusive${result.inconclusive ? ': more vignettes needed' : ''}).`;
  }
  const withinButSignificant = result.contrasts.filter((c) => c.significant && !c.failed).length;
  return result.passed
    ? `counterfair gate: passed — none of ${contrasts} exceeds the thresholds${withinButSignificant ? ` (${plural(withinButSignificant, 'significant disparity', 'significant disparities')} within them)` : ''}.`
    : `counterfair gate: FAILED — ${result.failed} of ${contrasts} ${result.failed === 1 ? 'exceeds' : 'exceed'} the thresholds.`;
}

/** The rule the verdict applied, in words. */
export function gateRule(result: GateResult): string {
  return result.thresholds.mode === 'equivalence' ? describeEquivalenceRule(result) : describeRule(result);
}

function formatRefusal(result: GateResult): string {
  return [gateVerdictLine(result), ...result.refusals.map((r) => `  - ${r}`), ...result.notes.map((n) => `Note: ${n}`), ''].join('\n');
}

function limits({ thresholds: t }: GateResult, equivalence: boolean): string {
  return [
    ...(t.maxDifferencePoints !== null
      ? [equivalence ? `within ±${t.maxDifferencePoints} points` : `|difference| > ${t.maxDifferencePoints} points`]
      : []),
    ...(t.maxRatio !== null
      ? [equivalence ? `ratio within ${decimal(1 / t.maxRatio, 2)} to ${t.maxRatio}` : `ratio (either way) > ${t.maxRatio}`]
      : []),
  ].join(equivalence ? ' and ' : ' or ');
}

function scope({ thresholds: t }: GateResult): string {
  return [
    t.axes ? `axes ${t.axes.join(', ')}` : 'every axis',
    t.domains ? `each of the domains ${t.domains.join(', ')}` : 'the whole run',
  ].join(', ');
}

function describeRule(result: GateResult): string {
  const t = result.thresholds;
  const basis = t.useCiBound
    ? "the bound nearer no difference of each contrast's family interval (at the level its adjustment implies, so interval and adjusted p agree)"
    : 'the point estimates';
  const adjustment = result.contrasts.some((c) => c.contrast !== undefined) ? "its declared contrast family's" : t.adjustment;
  return `a contrast fails when significant after ${adjustment} adjustment (adjusted p < ${t.alpha}) and ${limits(result, false)}, judged on ${basis}; ${scope(result)}.`;
}

function describeEquivalenceRule(result: GateResult): string {
  const t = result.thresholds;
  const level = `${Math.round(100 * t.equivalenceConfLevel!)}%`;
  return (
    `equivalence (TOST at alpha ${t.alpha}): a contrast passes only when its ${level} interval (1 − 2 × alpha) lies ${limits(result, true)}; ` +
    `an interval straddling a margin is inconclusive and fails. The run passes only when every contrast does (intersection-union test: no multiplicity correction needed); ${scope(result)}. ` +
    'A pass means the data show every disparity is below the margins, not merely that none was significant.'
  );
}

/** Headers and cells of a table of contrasts, in the columns of the gate's mode. */
export function contrastTable(result: GateResult, contrasts: readonly GateContrast[]): { headers: string[]; rows: string[][] } {
  if (result.thresholds.mode === 'equivalence')
    return {
      headers: equivalenceHeaders(`${Math.round(100 * result.thresholds.equivalenceConfLevel!)}%`),
      rows: contrasts.map(equivalenceRow),
    };
  return { headers: HEADERS, rows: contrasts.map(row) };
}

/**
 * What the superiority table's `family CI` column holds, in words: "simultaneous 95% CI, Holm family of 10" for each
 * family shown; a contrast without a family interval (a care contrast at another alpha, an older run) shows its 95% interval, marked "unadjusted".
 */
export function familyIntervalNote(alpha: number, contrasts: readonly GateContrast[]): string {
  const labels = new Set(
    contrasts.map((c) =>
      c.family ? simultaneousLabel(c.family.kind, alpha, c.adjustment, c.family.size) : '95% CI, unadjusted (no family interval)',
    ),
  );
  return [...labels].join('; ');
}

function row(c: GateContrast): string[] {
  const exceeded = [...(c.exceeds.difference ? ['difference'] : []), ...(c.exceeds.ratio ? ['ratio'] : [])].join(', ') || '—';
  return [
    c.model,
    c.axis,
    levelCell(c),
    referenceCell(c),
    c.domain ?? 'all',
    String(c.nVignettes),
    decimal(c.differencePoints, 1, true),
    c.family ? decimalInterval(c.family.differenceCiPoints, 1) : `${decimalInterval(c.differenceCiPoints, 1)} (unadjusted)`,
    ratio(c.ratio),
    pValue(c.pAdjusted),
    exceeded,
  ];
}

function equivalenceRow(c: GateContrast): string[] {
  const ratioCi = c.equivalenceRatioCi ? `${ratio(c.equivalenceRatioCi[0])} to ${ratio(c.equivalenceRatioCi[1])}` : '—';
  return [
    c.model,
    c.axis,
    levelCell(c),
    referenceCell(c),
    c.domain ?? 'all',
    String(c.nVignettes),
    decimal(c.differencePoints, 1, true),
    decimalInterval(c.equivalenceDifferenceCiPoints, 1),
    ratio(c.ratio),
    ratioCi,
    c.verdict,
  ];
}

/** The level compared against, with the declared contrast family it was tested and adjusted in. */
function referenceCell(c: GateContrast): string {
  return c.contrast === undefined ? c.reference : `${c.reference} [${c.contrast}]`;
}

/** "sim race=black", with the cue mode of a run that crosses modes ("with implicit cues") and the domain. */
export function contrastName(
  c: Pick<GateContrast, 'model' | 'axis' | 'level' | 'domain' | 'cues' | 'contrast' | 'reference' | 'measure'>,
): string {
  const declared = c.contrast === undefined ? '' : ` vs ${c.reference} [${c.contrast}]`;
  return `${c.model} ${c.axis}=${c.level}${declared}${c.cues ? ` with ${c.cues} cues` : ''}${c.domain ? ` in ${c.domain}` : ''}${measureNote(c)}`;
}

/** The level, with its cue mode in a run that crosses modes, and what is counted when it is not errors. */
function levelCell(c: GateContrast): string {
  return `${c.cues ? `${c.level} (${c.cues} cues)` : c.level}${measureNote(c)}`;
}

/** Care-intensity contrasts count recommendations of more care, not errors: said wherever a contrast is named. */
function measureNote(c: Pick<GateContrast, 'measure'>): string {
  return c.measure === 'more-care' ? ' (more-care recommendations)' : '';
}

/** Left-aligned columns padded to their widest cell, for terminals and CI logs. */
function textTable(headers: readonly string[], rows: readonly string[][]): string[] {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)];
}
