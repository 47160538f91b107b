import { DEFAULT_ANALYSIS } from '../study/defaults.js';
import { basename } from 'node:path';
import type { Axis } from '../demographics/types.js';
import { toolVersion, type Manifest } from '../pipeline/manifest.js';
import type { Design, QualityThresholds } from '../study/types.js';
import type { ImportMapping } from './mapping.js';

/** What an imported run records about its source, beside the usual manifest fields. */
export interface ImportRecord {
  file: string;
  sha256: string;
  format: ImportMapping['format'];
  /** The mapping as validated (columns, axes or variants, defaults). */
  mapping: ImportMapping;
  /** Data rows read from the file. */
  rows: number;
  /** Rows left out with --skip-bad-rows; each is listed in `problems` (and import-problems.txt). */
  skippedRows: number;
  problems: string[];
  warnings: string[];
}

export type ImportedManifest = Manifest & { import: ImportRecord };

/** The import record of a run directory's manifest, or undefined for a run made by `counterfair run`. */
export function importRecord(manifest: Manifest): ImportRecord | undefined {
  return (manifest as Partial<ImportedManifest>).import;
}

/** An imported run has no study: it is analysed with the study defaults, unless an analysis file or flags say otherwise. */
export const IMPORT_ANALYSIS: Manifest['analysis'] = DEFAULT_ANALYSIS;

/** The name an imported run goes by in its manifest (a study's name in a run): the source file's name. */
export function importedStudyName(file: string): string {
  return `imported: ${basename(file)}`;
}

export interface ImportManifestInput {
  record: ImportRecord;
  seed: number;
  design: Design;
  axes: Axis[];
  models: string[];
  replicates: number;
  startedAt: string;
  quality: QualityThresholds;
  /** The settings the import is analysed with (IMPORT_ANALYSIS unless given). */
  analysis?: Manifest['analysis'];
}

/**
 * A manifest for outputs produced elsewhere: the source file and its sha256 stand where a study would, the axes
 * come from the mapping, and the models are the ids found in the file (provider `imported`).
 */
export function importManifest({
  record,
  seed,
  design,
  axes,
  models,
  replicates,
  startedAt,
  quality,
  analysis = IMPORT_ANALYSIS,
}: ImportManifestInput): ImportedManifest {
  return {
    tool: { ...toolVersion(), node: process.versions.node, dependencies: {} },
    study: {
      name: importedStudyName(record.file),
      file: record.file,
      sha256: record.sha256,
      seed,
      design,
      cues: 'explicit',
      controls: { noDemographics: false, paraphrases: 0 },
      replicates,
    },
    templates: {},
    demographics: {},
    axes,
    models: models.map((id) => ({ id, provider: 'imported' })),
    analysis,
    quality,
    startedAt,
    import: record,
  };
}
