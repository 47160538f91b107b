import { readFileSync } from 'node:fs';
import { packageFile } from './packageFile.js';

/** counterfair's own name and version, from its package.json (kept light: `--version` and `--help` read it). */
export function toolVersion(): { name: string; version: string } {
  const pkg = JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { name: string; version: string };
  return { name: pkg.name, version: pkg.version };
}
