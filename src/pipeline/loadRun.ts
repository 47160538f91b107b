import { closeSync, existsSync, openSync } from 'node:fs';
import { readLineAt, scanLines } from '../run/jsonlFile.js';
import type { Variant } from '../expand/types.js';
import type { ResponseRecord } from '../run/types.js';
import type { Vignette } from '../template/types.js';
import { InputError } from '../util/problems.js';
import type { AnalyzedStudy } from './analyzeRun.js';
import { manifestCueModes, readManifest, type Manifest } from './manifest.js';
import { readJsonl, runFile } from './runDir.js';

/** A run directory read back: everything needed to re-score, re-analyse and re-render without any model. */
export interface LoadedRun {
  dir: string;
  manifest: Manifest;
  study: AnalyzedStudy;
  vignettes: Vignette[];
  variants: Variant[];
}

/** Reads a run directory's manifest, vignettes and variants; a missing or foreign directory is bad input. */
export function loadRun(dir: string): LoadedRun {
  const manifest = readManifest(dir);
  if (!manifest) throw new InputError([{ file: runFile(dir, 'manifest'), message: 'not a counterfair run directory (no manifest.json); pass the directory `counterfair run` wrote' }]);
  for (const name of ['vignettes', 'variants'] as const) {
    if (!existsSync(runFile(dir, name))) throw new InputError([{ file: runFile(dir, name), message: 'missing from the run directory; re-run `counterfair run` with this --out to recreate it' }]);
  }
  const study: AnalyzedStudy = {
    name: manifest.study.name,
    seed: manifest.study.seed,
    design: manifest.study.design,
    axes: manifest.axes,
    analysis: manifest.analysis,
    ...(manifest.quality ? { quality: manifest.quality } : {}),
    cueModes: manifestCueModes(manifest),
    modelIds: manifest.models.map((m) => String(m.id)),
  };
  return { dir, manifest, study, vignettes: readJsonl<Vignette>(runFile(dir, 'vignettes')), variants: readJsonl<Variant>(runFile(dir, 'variants')) };
}

/**
 * The recorded responses of a run: for every request, its success if it ever succeeded, else its last failure, in
 * the order requests first appear. Read lazily: one pass indexes byte offsets, and each iteration reads the records
 * back one at a time, so a run's texts are never all in memory.
 */
export function readFinalResponses(dir: string): Iterable<ResponseRecord> {
  const path = runFile(dir, 'responses');
  const offsets = new Map<string, { offset: number; answered: boolean }>();
  scanLines(
    path,
    (line, offset) => {
      if (line.trim() === '') return;
      let r: Pick<ResponseRecord, 'key' | 'error'>;
      try {
        r = JSON.parse(line) as Pick<ResponseRecord, 'key' | 'error'>;
      } catch {
        throw new InputError([{ file: path, message: `the record at byte ${offset} is not valid JSON (a crash mid-write leaves a torn last line: re-run \`counterfair run\` with this --out to repair it)` }]);
      }
      const previous = offsets.get(r.key);
      if (!previous?.answered) offsets.set(r.key, { offset, answered: r.error === null });
    },
    { final: 'include' },
  );
  return {
    *[Symbol.iterator]() {
      const fd = openSync(path, 'r');
      try {
        for (const { offset } of offsets.values()) yield JSON.parse(readLineAt(fd, offset)) as ResponseRecord;
      } finally {
        closeSync(fd);
      }
    },
  };
}
