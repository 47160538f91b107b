import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { bundleCli } from '../../scripts/bundleCli.js';
import { fromRoot } from './paths.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The shipped bin (bin/counterfair.js) beside a dist/ compiled for this test run: what CLI-process tests spawn. */
    cliBin: string;
  }
}

/**
 * Vitest global setup: compiles src/ once per test run with the package's own build (`tsc -p tsconfig.build.json`,
 * then the CLI's bundle)
 * into .cache/test-package/, laid out as the package ships (bin/, dist/, package.json, assets/, regulatory/), and provides the
 * path of its bin to the tests. Not into the checkout's dist/: the pack test's `npm pack` rebuilds that one while
 * other tests run, and a process started mid-rewrite would read half a file. The build is incremental (its
 * tsbuildinfo sits beside its dist/), so a run after an unchanged one costs a few seconds, not a full compile.
 */
export default async function setup(project: TestProject): Promise<void> {
  const root = fromRoot('.cache/test-package');
  mkdirSync(join(root, 'bin'), { recursive: true });
  execFileSync(
    process.execPath,
    [
      fromRoot('node_modules/typescript/bin/tsc'),
      '-p',
      fromRoot('tsconfig.build.json'),
      '--outDir',
      join(root, 'dist'),
      '--incremental',
      '--tsBuildInfoFile',
      join(root, 'build.tsbuildinfo'),
    ],
    { cwd: fromRoot('.'), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  // The CLI's bundle, which bin/counterfair.js starts (the build's second step, see scripts/bundleCli.ts).
  await bundleCli(join(root, 'dist', 'bundle'));
  copyFileSync(fromRoot('bin/counterfair.js'), join(root, 'bin', 'counterfair.js'));
  copyFileSync(fromRoot('package.json'), join(root, 'package.json'));
  // The data folders the CLI reads at run time, as the package ships them (the regulatory map is read by every report).
  for (const folder of ['assets', 'regulatory']) if (!existsSync(join(root, folder))) symlinkSync(fromRoot(folder), join(root, folder));
  project.provide('cliBin', join(root, 'bin', 'counterfair.js'));
}
