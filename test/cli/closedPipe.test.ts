import { describe, expect, it } from 'vitest';
import { spawnCli } from '../helpers/cliProcess.js';
import { fromRoot } from '../helpers/paths.js';

describe('a reader that closes the pipe early (`counterfair expand study.yaml | head -1`)', () => {
  it('ends quietly with exit 0: no EPIPE stack trace, no exit 1 (which means "gate failed")', async () => {
    const { child, exited } = spawnCli(['expand', fromRoot('examples/quickstart.yaml')], {}, { stdout: 'pipe' });
    let firstLine = '';
    child.stdout!.once('data', (chunk: Buffer) => {
      firstLine = chunk.toString().split('\n')[0]!;
      child.stdout!.destroy();
    });
    const { code, stderr } = await exited;
    expect(firstLine).toContain('"vignetteId"');
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(code).toBe(0);
  }, 60_000);
});
