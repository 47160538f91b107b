import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { fixture, fromRoot, repoRoot } from '../helpers/paths.js';

/**
 * A study that declares no `contrasts:` is analysed exactly as before declared contrasts existed: every output of
 * the quickstart run hashes as the outputs recorded before that change (fixtures/quickstart/outputHashes.json,
 * with the checkout's path replaced by `<root>`, since the report names the study file). tables/outcome-counts.csv
 * is left out: it deliberately changed to count each variant on its own. manifest.json (tool and node versions) and
 * the PNG charts (fonts) depend on the machine. When an analysis change is meant to alter these outputs, record the
 * new hashes (COUNTERFAIR_UPDATE_GOLDEN=1 npx vitest run test/e2e/quickstartUnchanged.test.ts) and say why in the
 * commit.
 */
describe('quickstart outputs without declared contrasts', () => {
  it('are byte-identical to the outputs recorded before contrasts could be declared', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'counterfair-unchanged-')), 'run');
    const r = await runCli(['run', fromRoot('examples/quickstart.yaml'), '--out', out]);
    expect(r.code).toBe(0);
    const expected = JSON.parse(readFileSync(fixture('quickstart/outputHashes.json'), 'utf8')) as Record<string, string>;
    const root = repoRoot.replace(/\/$/, '');
    const actual = Object.fromEntries(
      Object.keys(expected).map((file) => [
        file,
        createHash('sha256')
          // The report quotes the Node version it ran on: CI runs this test on several.
          .update(readFileSync(join(out, file), 'utf8').split(root).join('<root>').split(process.versions.node).join('<node>'))
          .digest('hex'),
      ]),
    );
    if (process.env.COUNTERFAIR_UPDATE_GOLDEN === '1')
      writeFileSync(fixture('quickstart/outputHashes.json'), `${JSON.stringify(actual, null, 2)}\n`);
    else expect(actual).toEqual(expected);
  });
});
