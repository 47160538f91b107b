import { paragraph, strong, type Block } from '../document/blocks.js';
import type { ReportContext } from '../sources.js';

/**
 * A report's title names what was audited in this run, the models the manifest records, not the study's name:
 * `run --model` replaces a study's models, so a study named for its simulated model can be run against a real
 * one, and its name would then head the page with a claim about a model that was never asked.
 */
export function reportTitle(kind: string, ctx: ReportContext): string {
  return `${kind}: ${auditedModels(ctx)}`;
}

/** "gpt-4o (openai: gpt-4o-2024-08-06)", "sim (simulated model)", joined for several models. */
export function auditedModels(ctx: ReportContext): string {
  const names = ctx.manifest.models.map((m) => {
    const id = String(m.id);
    if (m.kind === 'simulated') return `${id} (simulated model)`;
    return typeof m.model === 'string' && m.model !== id ? `${id} (${m.model})` : id;
  });
  if (names.length === 0) return 'no model';
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** The line under the title: which study, from which file, when. */
export function studyLine(ctx: ReportContext): Block {
  const { study, startedAt } = ctx.manifest;
  return paragraph(strong('Study: '), study.name, ` (${study.file}, seed ${study.seed}); run started ${startedAt}.`);
}
