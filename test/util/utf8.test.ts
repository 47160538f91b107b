import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/util/problems.js';
import { decodeUtf8, reportUndecodableLines } from '../../src/util/utf8.js';
import { runCli } from '../helpers/cli.js';

const latin1 = (text: string) => Buffer.from(text, 'latin1');

describe('decodeUtf8', () => {
  it('decodes UTF-8, a byte-order mark kept for the parsers', () => {
    const problems: Problem[] = [];
    expect(decodeUtf8('f.csv', Buffer.from('\ufeffa,b\nJosé,Ünal\n', 'utf8'), problems)).toBe('\ufeffa,b\nJosé,Ünal\n');
    expect(problems).toEqual([]);
  });

  it('refuses invalid bytes, naming each line that has them instead of replacing characters', () => {
    const problems: Problem[] = [];
    expect(decodeUtf8('f.csv', latin1('a,b\nok,fine\nJosé,1\nx,y\nNuñez,2\n'), problems)).toBeUndefined();
    expect(problems.map((p) => p.line)).toEqual([3, 5]);
    expect(problems[0]!.message).toMatch(/not UTF-8.*save it as UTF-8/);
  });

  it('names the same lines when the bytes come in pieces cut inside a character or a line', () => {
    const bytes = Buffer.concat([Buffer.from('a,b\nJosé ok,1\n', 'utf8'), latin1('Nuñez,2\n'), Buffer.from('x,ü\n', 'utf8'), latin1('é')]);
    for (let cut = 0; cut <= bytes.length; cut++) {
      const problems: Problem[] = [];
      reportUndecodableLines('f.csv', [bytes.subarray(0, cut), bytes.subarray(cut)], problems);
      expect(problems.map((p) => p.line)).toEqual([3, 5]);
    }
  });

  it('names the first five lines and counts the rest', () => {
    const problems: Problem[] = [];
    decodeUtf8('f.csv', latin1(Array.from({ length: 8 }, () => 'é').join('\n')), problems);
    expect(problems.map((p) => p.line ?? null)).toEqual([1, 2, 3, 4, 5, null]);
    expect(problems[5]!.message).toBe('3 more lines are not UTF-8 (8 in all)');
  });
});

describe('files that are not UTF-8, from the user side', () => {
  const dir = mkdtempSync(join(tmpdir(), 'counterfair-utf8-'));

  it('import: exit 2 naming the file and line, nothing imported', async () => {
    const file = join(dir, 'answers.csv');
    writeFileSync(file, latin1('case,model,gold,answer,race\nc1,m,A,A,white\nc1,m,A,B,Peña\n'));
    const r = await runCli([
      'import',
      file,
      '--columns',
      'vignette=case,model=model,gold=gold,answer=answer,axes.race.column=race,axes.race.reference=white,answers=extracted',
      '--out',
      join(dir, 'run'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:3: bytes that are not UTF-8`);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  it('a study file: exit 2 naming the line', async () => {
    const file = join(dir, 'study.yaml');
    writeFileSync(file, latin1('name: café study\nseed: 1\n'));
    const r = await runCli(['expand', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:1: bytes that are not UTF-8`);
  });
});
