import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const fixture = (path: string) => fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url));
export const fromRoot = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/**
 * The shipped library's first thirteen domain files (110 vignettes, 107 outside race-myth probes). Tests that need a
 * realistic library but not the whole of it — whole runs on the simulated model, fake endpoints, comparisons — run on
 * these, whose counts they state, so CI time does not grow with every vignette added to the library. Tests about the
 * library itself (validation, keys, review log, quickstart) read all of templates/.
 */
export const CORE_LIBRARY_FILES = [
  'cancer-screening',
  'chest-pain',
  'emergency-triage',
  'infectious-disease',
  'kidney-function',
  'medication-dosing',
  'mental-health',
  'obstetrics',
  'paediatrics',
  'pain-management',
  'pulmonary-function',
  'sepsis',
  'stroke',
].map((name) => `templates/${name}.yaml`);

/** The core library as the comma-separated absolute paths a study's `templates: [...]` takes. */
export const coreLibrary = (): string => CORE_LIBRARY_FILES.map(fromRoot).join(', ');
