import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exitCodeFor, fileSystemProblem } from '../../src/cli/errors.js';
import { runCli } from '../helpers/cli.js';
import { fromRoot } from '../helpers/paths.js';

const systemError = (code: string, syscall: string, path: string) =>
  Object.assign(new Error(`${code}: ${syscall} '${path}'`), { code, syscall, path });

describe('what the machine refuses is said for the user to fix (exit 2), never an internal error', () => {
  it('a full disk names the file being written and says the run resumes', () => {
    const err = systemError('ENOSPC', 'write', '/runs/a/responses.jsonl');
    expect(fileSystemProblem(err)).toMatch(
      /^cannot write \/runs\/a\/responses\.jsonl: no space left on the device \(ENOSPC\); .*run the same command again/,
    );
    expect(exitCodeFor(err)).toBe(2);
  });

  it('permissions, read-only disks and a file where a folder should be', () => {
    expect(fileSystemProblem(systemError('EACCES', 'open', '/x'))).toMatch(/permission denied/);
    expect(fileSystemProblem(systemError('EROFS', 'mkdir', '/x'))).toMatch(/read-only/);
    expect(fileSystemProblem(systemError('ENOTDIR', 'mkdir', '/x/y'))).toMatch(/^cannot mkdir \/x\/y: a part of this path is a file/);
  });

  it('other errors stay internal', () => {
    expect(fileSystemProblem(new Error('boom'))).toBeUndefined();
    expect(fileSystemProblem(systemError('ECONNRESET', 'read', '/x'))).toBeUndefined();
    expect(exitCodeFor(new Error('boom'))).toBe(3);
  });

  it('from the CLI: --out under a file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'counterfair-fs-')), 'a-file');
    writeFileSync(file, 'not a folder');
    const r = await runCli(['run', fromRoot('examples/quickstart.yaml'), '--out', join(file, 'run')], { COUNTERFAIR_CACHE_DIR: 'off' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(join(file, 'run'));
    expect(r.stderr).not.toContain('internal error');
  });

  it('from the CLI: review export and compare with --out naming a file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'counterfair-fs-')), 'a-file');
    writeFileSync(file, 'not a folder');
    const run = join(mkdtempSync(join(tmpdir(), 'counterfair-fs-run-')), 'run');
    expect((await runCli(['run', fromRoot('examples/quickstart.yaml'), '--out', run], { COUNTERFAIR_CACHE_DIR: 'off' })).code).toBe(0);
    for (const args of [
      ['review', 'export', run, '--out', file],
      ['compare', run, run, '--out', file],
    ]) {
      const r = await runCli(args, { COUNTERFAIR_CACHE_DIR: 'off' });
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expect(r.stderr).toContain(file);
      expect(r.stderr).not.toContain('internal error');
    }
  });
});
