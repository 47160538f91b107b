import { describeCombination } from '../../expand/combinations.js';
import { callout, list, paragraph, type Block } from '../document/blocks.js';
import { plural } from '../format.js';
import type { ReportContext } from '../sources.js';
import { pairsWhere } from '../../pairing/pairs.js';

/**
 * The study's implausible combinations: each rule with its reason, how many variants of how many vignettes it kept
 * from being rendered, and which contrasts lost those vignettes. A contrast left with no vignette at all is absent
 * from the findings, and the report says so rather than letting it vanish.
 */
export function implausibleBlocks(ctx: ReportContext): Block[] {
  const rules = ctx.manifest.implausible?.rules ?? [];
  if (rules.length === 0) return [];
  const excluded = ctx.results.exclusions.filter((e) => e.rule !== undefined);
  const measured = new Set(ctx.results.findings.map((f) => `${f.axis}=${f.level}`));
  const vanished: string[] = [];
  const items = rules.map((rule, index) => {
    const rows = excluded.filter((e) => e.rule === index);
    const scope = rule.domains ? `${rule.domains.length === 1 ? 'domain' : 'domains'} ${rule.domains.join(', ')}` : 'every domain';
    const head = `${describeCombination(rule.when)} (${scope}): ${rule.reason}.`;
    if (rows.length === 0) return `${head} It matched no variant of this study.`;
    const lost = new Map<string, number>();
    for (const id of rows.flatMap((e) => e.variantIds ?? [])) {
      const contrast = id.slice(id.indexOf('~') + 1);
      lost.set(contrast, (lost.get(contrast) ?? 0) + 1);
    }
    for (const contrast of lost.keys())
      if (!contrast.includes(',') && !measured.has(contrast) && !vanished.includes(contrast)) vanished.push(contrast);
    const total = rows.reduce((n, e) => n + (e.variantsNotRendered ?? 0), 0);
    const contrasts = [...lost].map(([c, n]) => `${c} (${plural(n, 'vignette')})`).join(', ');
    return `${head} ${plural(total, 'variant')} of ${plural(rows.length, 'vignette')} not rendered; these contrasts are measured without those vignettes: ${contrasts}.`;
  });
  const affected = new Set(excluded.map((e) => e.vignetteId));
  const inexact = ctx.contrasts.flatMap((c) =>
    pairsWhere(c, (p) => p.marginal && affected.has(p.vignetteId)).map(() => `${c.axis}=${c.level}`),
  );
  return [
    paragraph(
      'Combinations of levels across axes that the study declares implausible are never rendered; each rule, its reason and what it ruled out (every variant is listed in the table below and in results.json exclusions):',
    ),
    list(items),
    ...(vanished.length > 0
      ? [
          callout(
            `No pair is left for ${vanished.join(', ')}: every variant of ${vanished.length === 1 ? 'this contrast' : 'these contrasts'} matched an implausible combination, so ${vanished.length === 1 ? 'it is' : 'they are'} absent from the findings. Move the study's reference level (axes.<axis>.reference) to measure it.`,
          ),
        ]
      : []),
    ...(inexact.length > 0
      ? [
          callout(
            `${plural(inexact.length, 'pair')} (${[...new Set(inexact)].join(', ')}) lost ${inexact.length === 1 ? 'its' : 'their'} exact partner, the variant differing in that axis alone, to a ruled-out combination: ${inexact.length === 1 ? 'it is' : 'they are'} compared with the vignette's reference variant instead, so ${inexact.length === 1 ? 'it changes' : 'they change'} other cues too and the model's levels are estimated with vignette fixed effects (other axes held fixed) rather than by direct paired comparison.`,
          ),
        ]
      : []),
  ];
}
