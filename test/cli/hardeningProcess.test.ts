import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnCli } from '../helpers/cliProcess.js';
import { coreLibrary, fromRoot } from '../helpers/paths.js';

/**
 * One malformed input of each class, run the way a user runs it: the shipped bin as a separate process. Each must
 * end with exit 2 and a message naming the file (and line or field where there is one), never "internal error" or a
 * stack trace — and never print a secret it was given.
 */
const dir = mkdtempSync(join(tmpdir(), 'counterfair-hardening-'));
const write = (name: string, content: string | Buffer) => {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
};
const studyWith = (name: string, lines: string[]) =>
  write(
    name,
    [
      `name: ${name}`,
      'seed: 1',
      `templates: [${coreLibrary()}]`,
      `demographics: ${fromRoot('demographics')}`,
      'axes: { race: { levels: [white, black] } }',
      ...lines,
    ].join('\n'),
  );
const COLUMNS = 'vignette=case,model=model,gold=gold,answer=answer,axes.race.column=race,axes.race.reference=white,answers=extracted';
const KEY = 'sk-proj-Zx8Yw7Vu6Ts5Rq4Po3Nm2Lk1';
const BOMB = [
  'a: &a ["x","x","x","x","x","x","x","x","x"]',
  ...'bcdefg'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdef'[i]}`).join(',')}]`),
].join('\n');

const cases: { name: string; args: () => string[]; expected: RegExp }[] = [
  {
    name: 'a YAML alias bomb',
    args: () => ['expand', write('bomb.yaml', `${BOMB}\nname: bomb\n`)],
    expected: /bomb\.yaml: its aliases \(\*name\) expand too far/,
  },
  {
    name: 'a duplicate key',
    args: () => ['expand', write('dup.yaml', 'name: a\nseed: 1\nname: b\n')],
    expected: /dup\.yaml:3: the key "name" appears twice/,
  },
  {
    name: 'an import file that is not UTF-8',
    args: () => [
      'import',
      write('latin1.csv', Buffer.from('case,model,gold,answer,race\nc1,m,A,A,Peña\n', 'latin1')),
      '--columns',
      COLUMNS,
      '--out',
      join(dir, 'latin1'),
    ],
    expected: /latin1\.csv:2: bytes that are not UTF-8/,
  },
  {
    name: 'an unclosed CSV quote',
    args: () => [
      'import',
      write('quote.csv', 'case,model,gold,answer,race\nc1,m,A,"A,white\nc2,m,A,B,white\n'),
      '--columns',
      COLUMNS,
      '--out',
      join(dir, 'quote'),
    ],
    expected: /quote\.csv:2: a quoted field opens on this line and is never closed/,
  },
  {
    name: 'a key pasted into api_key_env',
    args: () => [
      'run',
      studyWith('key.yaml', [`models: [{ id: m, provider: openai, model: gpt, api_key_env: ${KEY.replace(/-/g, '_')} }]`]),
      '--out',
      join(dir, 'key'),
    ],
    expected: /models\[0\]\.api_key_env: looks like an API key/,
  },
  {
    name: 'a base_url that is not a URL',
    args: () => [
      'run',
      studyWith('url.yaml', ['models: [{ id: m, provider: openai, model: gpt, base_url: "localhost 8000" }]']),
      '--out',
      join(dir, 'url'),
    ],
    expected: /models\[0\]\.base_url: "localhost 8000" is not a URL/,
  },
  {
    name: '--out naming a file',
    args: () => ['run', fromRoot('examples/quickstart.yaml'), '--out', write('a-file', 'x')],
    expected: /a-file: is a file, not a folder/,
  },
  {
    name: 'a key given to --api-key-env',
    args: () => [
      'run',
      fromRoot('examples/quickstart.yaml'),
      '--model',
      'gpt',
      '--base-url',
      'http://127.0.0.1:9/v1',
      '--api-key-env',
      KEY,
    ],
    expected: /--api-key-env: looks like an API key/,
  },
];

describe('malformed input, the CLI run as a process', () => {
  for (const c of cases) {
    it(`${c.name}: exit 2, located, no internal error, no secret echoed`, async () => {
      const { code, stderr } = await spawnCli(c.args(), { COUNTERFAIR_CACHE_DIR: 'off' }).exited;
      expect({ code, stderr }).toMatchObject({ code: 2, stderr: expect.stringMatching(c.expected) });
      expect(stderr).not.toMatch(/internal error|\n\s+at /);
      expect(stderr).not.toContain(KEY);
      expect(stderr).not.toContain(KEY.replace(/-/g, '_'));
    });
  }
});
