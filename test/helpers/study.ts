import { writeFileSync } from 'node:fs';
import { fixture, fromRoot } from './paths.js';

/**
 * Writes a small study over race (white, black) and insurance (private, medicaid) for endpoint tests. `models` are
 * YAML flow mappings, one per model; `templates` defaults to the three-vignette test fixture; `axes` replaces the
 * axes (one YAML line each, as under `axes:`); `extra` are more top-level lines (a `quality:` section, say).
 */
export function writeTestStudy(
  file: string,
  options: { name: string; seed: number; models: string[]; templates?: string; axes?: string[]; extra?: string[] },
): string {
  writeFileSync(
    file,
    [
      `name: ${options.name}`,
      `seed: ${options.seed}`,
      `templates: [${options.templates ?? fixture('study/templates')}]`,
      `demographics: ${fromRoot('demographics')}`,
      'axes:',
      ...(options.axes ?? ['race: { levels: [white, black] }', 'insurance: { levels: [private, medicaid] }']).map((a) => `  ${a}`),
      'models:',
      ...options.models.map((m) => `  - ${m}`),
      ...(options.extra ?? []),
    ].join('\n'),
  );
  return file;
}
