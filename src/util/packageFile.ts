import { fileURLToPath } from 'node:url';

/**
 * The path of a file shipped with counterfair (package.json, assets/, templates/, demographics/, regulatory/), from
 * the package's root. This module is two folders below the root in every form counterfair runs as: src/util/ (from
 * source), dist/util/ (compiled) and dist/bundle/ (the CLI's bundle, which inlines it), so one relative URL serves all.
 */
export function packageFile(path: string): string {
  return fileURLToPath(new URL(`../../${path}`, import.meta.url));
}
