/**
 * `npm run build`'s second step: the CLI as one bundle in dist/bundle/ (its entry `main.js`, the scoring worker's
 * `scoreWorker.js`, and a chunk per lazily imported part), which `bin/counterfair.js` starts. Node then resolves and
 * compiles a few files instead of some hundreds of modules from dist/ and node_modules, which was most of a run's
 * start-up. The library (`import 'counterfair'`) stays the compiled modules of dist/.
 *
 * The bundle must sit two folders below the package root, as dist/util/ does: `packageFile` finds the shipped data
 * (assets/, regulatory/, templates/) from there. @resvg/resvg-js stays outside: it loads a native binary built for
 * the machine it was installed on.
 */
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** Bundles the CLI into `outdir` (dist/bundle of the package, or a test's copy of the package). */
export async function bundleCli(outdir: string): Promise<void> {
  await build({
    absWorkingDir: root,
    entryPoints: { main: 'src/cli/main.ts', scoreWorker: 'src/score/scoreWorker.ts' },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['@resvg/resvg-js'],
    // CommonJS dependencies inside an ES module bundle call `require` for Node's built-in modules.
    banner: {
      js: "import { createRequire as createRequireInBundle } from 'node:module';\nconst require = createRequireInBundle(import.meta.url);",
    },
    legalComments: 'eof',
    logLevel: 'warning',
  });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await bundleCli(resolve(root, process.argv[2] ?? 'dist/bundle'));
}
