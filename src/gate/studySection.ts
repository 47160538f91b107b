import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { importRecord } from '../import/manifest.js';
import type { Manifest } from '../pipeline/manifest.js';
import { readGateSection } from '../study/gateSection.js';
import type { GateSettings } from '../study/types.js';
import { FieldReader } from '../util/fields.js';
import { sha256Hex } from '../util/hash.js';
import { failOnProblems, type Problem } from '../util/problems.js';
import { readYamlFile } from '../util/yaml.js';

/** The study's `gate:` section for a run, or why it cannot be used. */
export type StudyGate = { file: string; settings: GateSettings | undefined } | { file: null; unavailable: string };

/**
 * Reads the `gate:` section of the study that produced a run: the file the manifest names (as given to `run`,
 * resolved from the working directory) or `studyFile`. Only a file whose sha256 equals the manifest's is used, so
 * the thresholds are those of the study the run was made with; after editing `gate:`, re-run the study with the
 * same --out (every response is reused, no model is asked) or pass the thresholds as flags. Only the gate section
 * is read, so a run can be gated where its templates are not. A malformed section is bad input.
 */
export function readStudyGate(manifest: Manifest, studyFile: string | undefined): StudyGate {
  if (studyFile === undefined && importRecord(manifest)) return { file: null, unavailable: 'an imported run has no study file' };
  const file = resolve(studyFile ?? manifest.study.file);
  if (!existsSync(file)) return { file: null, unavailable: `the study file ${file} is not found (pass --study FILE)` };
  if (sha256Hex(readFileSync(file)) !== manifest.study.sha256)
    return { file: null, unavailable: `the study file ${file} has changed since the run (its sha256 differs from the manifest's)` };
  const problems: Problem[] = [];
  const source = readYamlFile(file, problems);
  failOnProblems(problems);
  const reader = new FieldReader(source!, problems);
  const root = reader.record(source!.value, []);
  const settings = root
    ? readGateSection(
        reader,
        root.gate,
        manifest.axes.map((a) => a.id),
      )
    : undefined;
  failOnProblems(problems);
  return { file, settings };
}
