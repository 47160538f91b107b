import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parse, stringify } from 'yaml';
import type { Variant } from '../../src/expand/types.js';
import type { Manifest } from '../../src/pipeline/manifest.js';
import { simulatedDecision, type SimulatedSpec } from '../../src/providers/simulatedDecision.js';
import { runCli } from '../helpers/cli.js';
import { CORE_LIBRARY_FILES, fromRoot } from '../helpers/paths.js';

const ACCURACY = 0.85;
const UNPARSEABLE_RATE = 0.01;

/**
 * The error amplification the simulated model was built to have on this run's vignettes: each variant errs with
 * probability u + (1 − u) · errorRate, errorRate from the simulator itself (src/providers/simulatedDecision.ts:
 * the vignette's drawn difficulty times any injected bias), so the expected paired difference of a level against
 * its reference is the mean over vignettes of (1 − u)(errorRate_level − errorRate_reference). This is the truth the
 * run estimates, given its vignettes; it is computed, not measured.
 */
export function injectedAmplification(runDir: string, model: string, axis: string, level: string): number {
  const manifest = JSON.parse(readFileSync(join(runDir, 'manifest.json'), 'utf8')) as Manifest;
  const spec = manifest.models.find((m) => m.id === model) as unknown as SimulatedSpec;
  const variants = readFileSync(join(runDir, 'variants.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Variant);
  const reference = new Map(variants.filter((v) => v.kind === 'reference').map((v) => [v.vignetteId, v]));
  const atLevel = variants.filter((v) => v.kind === 'demographic' && v.attributes[axis] === level && reference.has(v.vignetteId));
  const errorRate = (v: Variant) => simulatedDecision(spec, manifest.study.seed, v, 0).errorRate;
  const total = atLevel.reduce((sum, v) => sum + (1 - spec.unparseableRate) * (errorRate(v) - errorRate(reference.get(v.vignetteId)!)), 0);
  return total / atLevel.length;
}

/**
 * The accuracy the simulated model was built to have on this run's audit variants (reference and demographic, one
 * replicate weighs like another): the mean over them of (1 − u)(1 − errorRate), by the same simulator formula.
 */
export function injectedAccuracy(runDir: string, model: string): number {
  const manifest = JSON.parse(readFileSync(join(runDir, 'manifest.json'), 'utf8')) as Manifest;
  const spec = manifest.models.find((m) => m.id === model) as unknown as SimulatedSpec;
  const audited = readFileSync(join(runDir, 'variants.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Variant)
    .filter((v) => v.kind === 'reference' || v.kind === 'demographic');
  const correct = (v: Variant) => (1 - spec.unparseableRate) * (1 - simulatedDecision(spec, manifest.study.seed, v, 0).errorRate);
  return audited.reduce((sum, v) => sum + correct(v), 0) / audited.length;
}

export interface SimulatedModel {
  id: string;
  medicaidMultiplier: number;
}

/**
 * A study over the core library's choice and yes/no vignettes (the question types an import can rebuild) that
 * render every level (no `implausible` ones: a wide file has a cell for every variant, and an empty cell is a
 * missing answer, not a variant never asked; no race-myth probes, which vary race only and which an import cannot mark),
 * race (3 levels) and insurance (4 levels) one at a time, on simulated models with an injected Medicaid bias.
 * Returns the study file.
 */
export function simulatedStudy(dir: string, models: readonly SimulatedModel[], extra = ''): string {
  const templates = join(dir, 'templates');
  mkdirSync(templates, { recursive: true });
  for (const path of CORE_LIBRARY_FILES) {
    const file = basename(path);
    const library = parse(readFileSync(fromRoot(path), 'utf8')) as {
      vignettes: { question: { type: string }; implausible?: unknown[]; probe?: unknown }[];
    };
    library.vignettes = library.vignettes.filter(
      (v) => (v.question.type === 'choice' || v.question.type === 'yesno') && !v.implausible?.length && !v.probe,
    );
    writeFileSync(join(templates, file), stringify(library));
  }
  const modelYaml = models
    .map(
      (m) =>
        `  - { id: ${m.id}, provider: simulated, accuracy: ${ACCURACY}, unparseable_rate: ${UNPARSEABLE_RATE}, bias: [{ axis: insurance, level: medicaid, error_multiplier: ${m.medicaidMultiplier} }] }`,
    )
    .join('\n');
  const file = join(dir, 'study.yaml');
  writeFileSync(
    file,
    `name: simulated comparison\nseed: 4242\ntemplates: [templates]\ndemographics: ${fromRoot('demographics')}\naxes:\n  race: { levels: [white, black, hispanic] }\n  insurance: {}\ndesign: one-at-a-time\nmodels:\n${modelYaml}\n${extra}`,
  );
  return file;
}

/** Writes the study into a fresh folder, runs it and returns the run directory. */
export async function runSimulated(models: readonly SimulatedModel[], extra = ''): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'counterfair-sim-'));
  const study = simulatedStudy(dir, models, extra);
  const out = join(dir, 'run');
  const r = await runCli(['run', study, '--out', out]);
  if (r.code !== 0) throw new Error(`run failed (${r.code}): ${r.stderr}`);
  return out;
}
