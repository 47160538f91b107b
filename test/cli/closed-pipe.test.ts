import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../helpers/paths.js';

describe('a reader that closes the pipe early (`counterfair expand study.yaml | head -1`)', () => {
  it('ends quietly with exit 0: no EPIPE stack trace, no exit 1 (which means "gate failed")', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', fromRoot('src/cli/main.ts'), 'expand', fromRoot('examples/quickstart.yaml')], { cwd: fromRoot('.'), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let firstLine = '';
    child.stdout.once('data', (chunk: Buffer) => {
      firstLine = chunk.toString().split('\n')[0]!;
      child.stdout.destroy();
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(firstLine).toContain('"vignetteId"');
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(code).toBe(0);
  }, 60_000);
});
