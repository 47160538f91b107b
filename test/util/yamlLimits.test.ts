import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_YAML_BYTES, readYamlFile } from '../../src/util/yaml.js';
import type { Problem } from '../../src/util/problems.js';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'counterfair-yaml-'));
const write = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};
const read = (file: string) => {
  const problems: Problem[] = [];
  return { source: readYamlFile(file, problems), problems };
};

// Nine lists of nine aliases each: 9^7 values from a few hundred bytes.
const BOMB = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefg'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdef'[i]}`).join(',')}]`),
].join('\n');

describe('YAML inputs that would exhaust memory or mislead', () => {
  it('an alias bomb is a problem naming the file, not a crash', () => {
    const { source, problems } = read(write('bomb.yaml', BOMB));
    expect(source).toBeUndefined();
    expect(problems).toEqual([{ file: join(dir, 'bomb.yaml'), message: expect.stringMatching(/aliases \(\*name\) expand too far/) }]);
  });

  it('a few aliases still work', () => {
    const { source, problems } = read(write('aliases.yaml', 'base: &b { x: 1 }\none: *b\ntwo: *b\n'));
    expect(problems).toEqual([]);
    expect(source!.value).toEqual({ base: { x: 1 }, one: { x: 1 }, two: { x: 1 } });
  });

  it('a file over the size cap is refused before it is read', () => {
    const file = write('huge.yaml', `name: x\n# ${'x'.repeat(MAX_YAML_BYTES)}\n`);
    const { source, problems } = read(file);
    expect(source).toBeUndefined();
    expect(problems[0]!.message).toMatch(/^is 10\.0 MB; a YAML input may be at most 10 MB/);
  });

  it('a duplicate key is named, on its line', () => {
    const { problems } = read(write('dup.yaml', 'name: a\nseed: 1\nname: b\n'));
    expect(problems).toEqual([{ file: join(dir, 'dup.yaml'), line: 3, message: 'the key "name" appears twice in one mapping; keep one' }]);
  });

  it('a field whose value is a block is located on its key line', () => {
    const { source } = read(write('block.yaml', 'name: a\nbogus:\n  x: 1\n  y: 2\nlist:\n  - 1\n'));
    expect(source!.lineOf(['bogus'])).toBe(2);
    expect(source!.lineOf(['list'])).toBe(5);
    expect(source!.lineOf(['bogus', 'y'])).toBe(4);
  });

  it('from the CLI: exit 2 with the file named, no internal error', async () => {
    const study = join(mkdtempSync(join(tmpdir(), 'counterfair-bomb-')), 'study.yaml');
    writeFileSync(study, `${BOMB}\nname: bomb\n`);
    const r = await runCli(['expand', study]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${study}: its aliases`);
    expect(r.stderr).not.toContain('internal error');
  });
});
