import { code, heading, paragraph, table, type Block, type DisplayTable } from '../document/blocks.js';
import type { ReportContext } from '../sources.js';
import { byText } from '../order.js';

/**
 * What someone needs to reproduce the run and check that nothing changed: content hashes of the study, templates
 * and demographics, the seed, tool and dependency versions, model identifiers and the recorded date.
 */
export function reproducibilityBlocks(ctx: ReportContext): Block[] {
  const { manifest } = ctx;
  const rows: [string, string][] = [
    ['tool', `${manifest.tool.name} ${manifest.tool.version}`],
    ['Node.js', manifest.tool.node],
    ...Object.entries(manifest.tool.dependencies)
      .sort(([a], [b]) => byText(a, b))
      .map(([name, version]): [string, string] => [`dependency ${name}`, version]),
    ['study file', manifest.study.file],
    ['study sha256', manifest.study.sha256],
    ['seed', String(manifest.study.seed)],
    ...Object.entries(manifest.templates)
      .sort(([a], [b]) => byText(a, b))
      .map(([file, hash]): [string, string] => [`template ${file}`, hash]),
    ...Object.entries(manifest.demographics)
      .sort(([a], [b]) => byText(a, b))
      .map(([file, hash]): [string, string] => [`demographics ${file}`, hash]),
    ...ctx.modelIds.map((id): [string, string] => [
      `model ${id}`,
      (ctx.servedModels[id] ?? []).join(', ') || 'no served model id reported',
    ]),
    [
      'analysis',
      `alpha ${manifest.analysis.alpha}, adjustment ${manifest.analysis.adjustment}, ${manifest.analysis.bootstrapResamples} bootstrap resamples`,
    ],
    ['run started', manifest.startedAt],
  ];
  const summary: DisplayTable = { headers: ['item', 'value'], rows: rows.map((cells) => ({ cells })) };
  return [
    table(summary, 'No manifest.'),
    paragraph(
      'To re-render this report, appendix, charts and tables from the run directory without asking any model: counterfair report RUN_DIR (the output is byte-identical). The run manifest in full is the annex at the end of this appendix.',
    ),
  ];
}

/** The raw manifest, last: pages of JSON for a machine or an auditor, after everything a person reads. */
export function manifestAnnexBlocks(ctx: ReportContext): Block[] {
  return [
    heading(2, 'Annex: the run manifest in full'),
    paragraph('manifest.json as recorded in the run directory.'),
    code(JSON.stringify(ctx.manifest, null, 2)),
  ];
}
