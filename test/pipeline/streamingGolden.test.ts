import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { fixture, fromRoot, repoRoot } from '../helpers/paths.js';

/**
 * The run-directory files written by `run`, `analyze` and `report` on the quickstart study, as sha256 per file
 * (the run directory's own path replaced by `<RUN>`). The golden was produced by the code before run-directory
 * files were streamed (whole-file strings); streaming must not change a byte. Regenerate only for an intended
 * output change: COUNTERFAIR_UPDATE_GOLDEN=1 npx vitest run test/pipeline/streamingGolden.test.ts
 */
const GOLDEN = fixture('golden/quickstartHashes.json');

/** The checkout's path, which vignettes.jsonl and the report name (each template's file). */
const root = repoRoot.replace(/\/$/, '');

function hashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder).sort()) {
      const path = join(folder, entry);
      // The lock is transient; manifest.json (tool and dependency versions), scores-source.json (digests of files that
      // name the checkout), digests.json (file times) and PNG charts (fonts) depend on the machine; score reuse has its
      // own tests.
      if (
        entry === 'run.lock' ||
        entry === 'digests.json' ||
        entry === 'manifest.json' ||
        entry === 'scores-source.json' ||
        entry === 'scores-table.bin' ||
        entry.endsWith('.png')
      )
        continue;
      if (statSync(path).isDirectory()) walk(path);
      else {
        // The report quotes the Node version it ran on: CI runs these tests on several.
        const text = readFileSync(path)
          .toString('latin1')
          .split(dir)
          .join('<RUN>')
          .split(root)
          .join('<root>')
          .split(process.versions.node)
          .join('<node>');
        out[relative(dir, path)] = createHash('sha256').update(Buffer.from(text, 'latin1')).digest('hex');
      }
    }
  };
  walk(dir);
  return out;
}

describe('run-directory files are byte-identical to the whole-string writer', () => {
  it('quickstart: run, analyze, then report', { timeout: 600_000 }, async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'counterfair-golden-')), 'run');
    const steps: Record<string, Record<string, string>> = {};
    const run = await runCli(['run', fromRoot('examples/quickstart.yaml'), '--out', out, '--json']);
    expect(run.stderr).not.toContain('internal error');
    expect(run.code).toBe(0);
    steps.run = hashes(out);
    const analyze = await runCli(['analyze', out]);
    expect(analyze.code, analyze.stderr).toBe(0);
    steps.analyze = hashes(out);
    const report = await runCli(['report', out]);
    expect(report.code, report.stderr).toBe(0);
    steps.report = hashes(out);
    if (process.env.COUNTERFAIR_UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, `${JSON.stringify(steps, null, 2)}\n`);
    expect(steps).toEqual(JSON.parse(readFileSync(GOLDEN, 'utf8')));
  });
});
