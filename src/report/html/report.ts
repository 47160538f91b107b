import { diagnosisRankBlocks } from '../content/diagnosisRank.js';
import type { ChartSet } from '../charts/index.js';
import {
  demographicsRemovedBlocks,
  flipsBlocks,
  findingsBlocks,
  otherTestsBlocks,
  reviewBlocks,
  shiftsBlocks,
  spreadBlocks,
  worstCaseBlocks,
} from '../content/sections.js';
import { figureBlock } from '../content/figures.js';
import { limitationsBlocks } from '../content/limitations.js';
import { methodsBlocks } from '../content/methods.js';
import { dataQualityBlocks } from '../content/dataQuality.js';
import { cueModeBlocks } from '../content/cueModes.js';
import { summaryBlocks } from '../content/summary.js';
import { exclusionsTable } from '../content/tables.js';
import { implausibleBlocks } from '../content/implausible.js';
import { probeBlocks, probesFirst } from '../content/probes.js';
import { hasJudgePanel, judgePanelBlocks } from '../content/judgePanel.js';
import { code, heading, list, mono, paragraph, table, type Block } from '../document/blocks.js';
import { blocksToHtml } from '../document/html.js';
import { escapeHtml } from '../escape.js';
import { chartPlaceholder, chartScripts } from './embed.js';
import { plural } from '../format.js';
import type { ReportContext } from '../sources.js';
import { renderPage } from './page.js';
import { subgroupBlocks } from '../content/subgroups.js';
import { reportTitle, studyLine } from '../content/title.js';

/**
 * The self-contained equity report: summary first, then each view of the evidence, then methods and provenance.
 * Race-myth probes come before the pooled findings when a model answered one against the key at a targeted level.
 */
export function renderReportHtml(ctx: ReportContext, charts: ChartSet, svgs: ReadonlyMap<string, string>): string {
  const title = reportTitle('counterfair equity report', ctx);
  const probes: [string, string, Block[]] = ['probes', 'Race-myth probes', probeBlocks(ctx)];
  const first = probesFirst(ctx);
  const sections: [string, string, Block[]][] = [
    ['summary', 'Summary', summaryBlocks(ctx)],
    ['data-quality', 'Data quality', dataQualityBlocks(ctx)],
    ...(first ? [probes] : []),
    ['amplification', 'Error amplification', [...figureBlock(charts, 'forest'), ...findingsBlocks(ctx)]],
    ...(ctx.results.cueModes ? [['cue-modes', 'Cue modes compared', cueModeBlocks(ctx)] as [string, string, Block[]]] : []),
    ['flips', 'Flips', flipsBlocks(ctx, charts)],
    ['demographics-removed', 'Demographics removed', demographicsRemovedBlocks(ctx)],
    ['spread', 'By domain and perspective', spreadBlocks(ctx, charts)],
    ['shifts', 'Direction of care', shiftsBlocks(ctx, charts)],
    ...(ctx.results.diagnosisRanks ? [['diagnosis-rank', 'Diagnosis rank', diagnosisRankBlocks(ctx)] as [string, string, Block[]]] : []),
    ['worst-cases', 'Worst cases', worstCaseBlocks(ctx)],
    ['other-tests', 'Other endpoints and omnibus tests', otherTestsBlocks(ctx)],
    ['subgroups', 'Subgroup performance', subgroupBlocks(ctx)],
    ...(first ? [] : [probes]),
    [
      'exclusions',
      'Exclusions',
      [
        paragraph('Axes a vignette never varies because they are clinically relevant to it, and why.'),
        ...implausibleBlocks(ctx),
        table(exclusionsTable(ctx), 'No vignette excludes an axis.'),
      ],
    ],
    ...(hasJudgePanel(ctx) ? [['judges', 'Judge panel', judgePanelBlocks(ctx)] as [string, string, Block[]]] : []),
    ['review', 'Human review', reviewBlocks(ctx)],
    ['methods', 'Methods', methodsBlocks(ctx)],
    ['limitations', 'Limitations', limitationsBlocks(ctx, 'report')],
    ['files', 'Files', filesBlocks(charts)],
    ['manifest', 'Run manifest', manifestBlocks(ctx)],
  ];
  const toc = `<nav><ol>${sections.map(([id, name]) => `<li><a href="#${id}">${escapeHtml(name)}</a></li>`).join('')}</ol></nav>`;
  const figures = chartPlaceholder((name) => {
    const chart = charts.get(name);
    const svg = svgs.get(name);
    return chart && svg !== undefined ? { chart, svg } : undefined;
  });
  const content = sections.flatMap(([id, name, blocks]) => [heading(2, name, id), ...blocks]);
  const body = [blocksToHtml([heading(1, title), studyLine(ctx)], figures), toc, blocksToHtml(content, figures)].join('\n');
  return renderPage({ title, body, scripts: chartScripts() });
}

function filesBlocks(charts: ChartSet): Block[] {
  return [
    paragraph('Beside this page in the run directory (', plural(charts.size, 'chart'), ', each as Vega-Lite JSON, SVG and PNG):'),
    list([
      [mono('appendix.md'), ' (and ', mono('appendix.pdf'), ' when rendered with --pdf): the fairness appendix.'],
      [mono('charts/<name>.vl.json'), ', ', mono('.svg'), ', ', mono('.png'), `: ${[...charts.keys()].join(', ')}.`],
      [mono('tables/*.csv'), ': every table in full, unformatted.'],
      [
        mono('findings.json'),
        ', ',
        mono('results.json'),
        ', ',
        mono('scores.jsonl'),
        ', ',
        mono('responses.jsonl'),
        ': the data behind everything here.',
      ],
    ]),
  ];
}

/** The manifest as recorded, folded: the reproducibility facts a reader needs are in Methods and the appendix. */
function manifestBlocks(ctx: ReportContext): Block[] {
  const json = JSON.stringify(ctx.manifest, null, 2);
  return [
    paragraph(
      'Study and template hashes, seed, tool and dependency versions, models and parameters, as recorded in ',
      mono('manifest.json'),
      '.',
    ),
    code(json, `Show the run manifest (JSON, ${plural(json.split('\n').length, 'line')})`),
  ];
}
