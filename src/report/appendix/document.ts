import { diagnosisRankBlocks } from '../content/diagnosisRank.js';
import type { ChartSet } from '../charts/index.js';
import { figureBlock } from '../content/figures.js';
import {
  demographicsRemovedBlocks,
  findingsBlocks,
  flipsBlocks,
  shiftsBlocks,
  spreadBlocks,
  worstCaseBlocks,
  otherTestsBlocks,
} from '../content/sections.js';
import { limitationsBlocks } from '../content/limitations.js';
import { methodsBlocks } from '../content/methods.js';
import { dataQualityBlocks } from '../content/dataQuality.js';
import { cueModeBlocks } from '../content/cueModes.js';
import { summaryBlocks } from '../content/summary.js';
import { hasJudgePanel, judgePanelBlocks } from '../content/judgePanel.js';
import { heading, type Block } from '../document/blocks.js';
import { probeBlocks, probesFirst } from '../content/probes.js';
import type { ReportContext } from '../sources.js';
import { regulatoryBlocks } from './regulatory.js';
import { subgroupBlocks } from '../content/subgroups.js';
import { reportTitle, studyLine } from '../content/title.js';
import { manifestAnnexBlocks, reproducibilityBlocks } from './reproducibility.js';
import { designBlocks, modelBlocks, scopeBlocks, scoringBlocks, vignetteBlocks } from './studyDescription.js';

/** The fairness appendix a regulator reads: numbered sections in a fixed order, the results in tables. */
export function appendixBlocks(ctx: ReportContext, charts: ChartSet): Block[] {
  const probes = [heading(3, 'Race-myth probes'), ...probeBlocks(ctx)];
  const first = probesFirst(ctx);
  const sections: [string, Block[]][] = [
    ['Intended use and scope', scopeBlocks(ctx)],
    ['Summary of results', summaryBlocks(ctx)],
    ['Vignette set and axes', vignetteBlocks(ctx)],
    ['Design', designBlocks(ctx)],
    ['Models and parameters', modelBlocks(ctx)],
    ['Data quality', dataQualityBlocks(ctx)],
    [
      'Scoring and human review',
      [...scoringBlocks(ctx), ...(hasJudgePanel(ctx) ? [heading(3, 'Judge panel'), ...judgePanelBlocks(ctx)] : [])],
    ],
    ['Statistical methods', methodsBlocks(ctx)],
    [
      'Results',
      [
        ...(first ? probes : []),
        heading(3, 'Error amplification'),
        ...figureBlock(charts, 'forest'),
        ...findingsBlocks(ctx),
        ...(ctx.results.cueModes ? [heading(3, 'Cue modes compared'), ...cueModeBlocks(ctx)] : []),
        heading(3, 'Other endpoints and omnibus tests'),
        ...otherTestsBlocks(ctx),
        heading(3, 'Subgroup performance'),
        ...subgroupBlocks(ctx),
        heading(3, 'Flips and noise floors'),
        ...flipsBlocks(ctx, charts),
        heading(3, 'Demographics removed (control)'),
        ...demographicsRemovedBlocks(ctx),
        heading(3, 'By domain and perspective'),
        ...spreadBlocks(ctx, charts),
        heading(3, 'Direction of care'),
        ...shiftsBlocks(ctx, charts),
        ...(ctx.results.diagnosisRanks ? [heading(3, 'Diagnosis rank'), ...diagnosisRankBlocks(ctx)] : []),
        heading(3, 'Worst cases'),
        ...worstCaseBlocks(ctx),
        ...(first ? [] : probes),
      ],
    ],
    ['Limitations', limitationsBlocks(ctx, 'appendix')],
    ['Reproducibility manifest', reproducibilityBlocks(ctx)],
    ['Evidence relevant to regulatory and guidance requirements', regulatoryBlocks(ctx, ctx.provisions)],
  ];
  return [
    heading(1, reportTitle('Fairness appendix', ctx)),
    studyLine(ctx),
    ...sections.flatMap(([title, blocks], i) => [heading(2, `${i + 1}. ${title}`), ...blocks]),
    ...manifestAnnexBlocks(ctx),
  ];
}
