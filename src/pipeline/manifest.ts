import { dirname, relative, resolve } from 'node:path';
import type { Axis } from '../demographics/types.js';
import type { CombinationExclusion } from '../expand/combinations.js';
import type { ImplausibleCombination, NameOptions, Study } from '../study/types.js';
import { crossesCueModes } from '../study/cues.js';
import { cuesName, type CueMode } from '../template/render.js';
import { packageVersion } from '../util/packages.js';
import { toolVersion } from '../util/toolVersion.js';
import type { StudySubset } from '../study/subset.js';

const DEPENDENCIES = ['openai', '@faker-js/faker', 'vega', 'vega-lite', 'vega-embed', 'jstat', 'yaml', 'commander', 'csv-parse'];

export interface Manifest {
  /** The run directory's schema version (runDir.ts RUN_SCHEMA_VERSION; absent in runs made before it existed). */
  schemaVersion?: number;
  tool: { name: string; version: string; node: string; dependencies: Record<string, string> };
  /**
   * `cues`: the study's cue mode, or the first of the modes it crosses (the controls' mode); `cueModes`: every mode
   * it crosses, in order (absent when it renders one, as in runs made before modes could be crossed).
   */
  study: {
    name: string;
    file: string;
    sha256: string;
    seed: number;
    design: Study['design'];
    cues: CueMode;
    cueModes?: CueMode[];
    controls: Study['controls'];
    replicates: number;
  };
  templates: Record<string, string>;
  demographics: Record<string, string>;
  /** The study's axes in full (levels, labels, cue text), so a run can be re-analysed without the study files. */
  axes: Axis[];
  /** Model settings without secrets: the key's environment variable name, never its value. */
  models: Record<string, unknown>[];
  analysis: Study['analysis'];
  /** The data-quality thresholds (absent in runs made before they existed: the defaults apply). */
  quality?: Study['quality'];
  /**
   * Under implicit or both cues: whether generic (Faker) names were allowed for levels without a name pool, and
   * every level combination that got one (absent in explicit-cue runs and runs made before it existed).
   */
  names?: NameOptions;
  /**
   * The study's implausible combinations and every variant each ruled out, per vignette (absent when the study
   * declares none, and in runs made before they existed).
   */
  implausible?: { rules: ImplausibleCombination[]; excluded: CombinationExclusion[] };
  /** Present when the run asked only a subset of the study (smoke test): what was kept and the filters. */
  subset?: StudySubset;
  /** When the run directory was first created; kept on resume so re-rendering is byte-identical. */
  startedAt: string;
}

export { toolVersion };

/** `previous`: the manifest the run directory held, whose start time a resumed run keeps. */
export function buildManifest(
  study: Study,
  previous: Manifest | undefined,
  clock: () => number,
  excluded: CombinationExclusion[] = [],
): Manifest {
  return {
    tool: {
      ...toolVersion(),
      node: process.versions.node,
      dependencies: Object.fromEntries(DEPENDENCIES.map((d) => [d, packageVersion(d)])),
    },
    study: {
      name: study.name,
      file: study.file,
      sha256: study.hashes.study,
      seed: study.seed,
      design: study.design,
      cues: study.cueModes[0]!,
      ...(crossesCueModes(study.cueModes) ? { cueModes: study.cueModes } : {}),
      controls: study.controls,
      replicates: study.replicates,
    },
    templates: study.hashes.templates,
    demographics: study.hashes.demographics,
    axes: study.axes.map((a) => ({ ...a, file: relative(dirname(resolve(study.file)), a.file) })),
    models: study.models.map((m) => ({ ...m })),
    analysis: study.analysis,
    quality: study.quality,
    ...(study.cueModes.some(cuesName) ? { names: study.names } : {}),
    ...(study.implausible.length > 0 ? { implausible: { rules: study.implausible, excluded } } : {}),
    ...(study.subset ? { subset: study.subset } : {}),
    startedAt: previous?.study.sha256 === study.hashes.study ? previous.startedAt : new Date(clock()).toISOString(),
  };
}

/** The cue modes of a run: the ones it crosses, or its one mode. */
export function manifestCueModes(manifest: Pick<Manifest, 'study'>): CueMode[] {
  return manifest.study.cueModes ?? [manifest.study.cues];
}
