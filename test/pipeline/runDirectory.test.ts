import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readJsonl, RUN_SCHEMA_VERSION, scoreKeysFile } from '../../src/pipeline/runDir.js';
import { InputError } from '../../src/util/problems.js';
import { runCli } from '../helpers/cli.js';
import { writeTestStudy } from '../helpers/study.js';

/** A process id that cannot be alive: Linux caps pids at 2^22. */
const DEAD_PID = 99_999_999;
const ENV = { COUNTERFAIR_CACHE_DIR: 'off' };

/** Exit 2, the file (and line) named, and none of the marks of a crash. */
function expectBadInput(r: { code: number; stderr: string }, named: string): void {
  expect(r.stderr).toContain(named);
  expect(r.stderr).not.toContain('internal error');
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.code).toBe(2);
}

describe('the run directory: missing, damaged and foreign files are bad input', () => {
  const root = mkdtempSync(join(tmpdir(), 'counterfair-rundir-'));
  const study = join(root, 'study.yaml');
  const original = join(root, 'original');
  let copies = 0;
  /** A scratch copy of the analysed run that a test can break. */
  const copyRun = () => {
    const dir = join(root, `copy-${++copies}`);
    cpSync(original, dir, { recursive: true });
    return dir;
  };

  beforeAll(async () => {
    writeTestStudy(study, { name: 'run directory', seed: 3, models: ['{ id: sim, provider: simulated }'] });
    const r = await runCli(['run', study, '--out', original], ENV);
    expect(r.stderr).not.toContain('internal error');
    expect(r.code).toBe(0);
  }, 120_000);

  it('writes the schema version first in manifest.json and results.json', () => {
    for (const file of ['manifest.json', 'results.json']) {
      const text = readFileSync(join(original, file), 'utf8');
      expect(text.startsWith(`{\n  "schemaVersion": ${RUN_SCHEMA_VERSION},\n`), file).toBe(true);
    }
    expect(readFileSync(join(original, 'results.json'), 'utf8').match(/"schemaVersion"/g)).toHaveLength(1);
  });

  it('names the file and line of a garbage scores.jsonl line (report, gate, compare)', async () => {
    const dir = copyRun();
    const scores = join(dir, 'scores.jsonl');
    const lines = readFileSync(scores, 'utf8').split('\n');
    lines[1] = '{"key": "torn';
    writeFileSync(scores, lines.join('\n'));
    const report = await runCli(['report', dir], ENV);
    expectBadInput(report, `${scores}:2: is not valid JSON; re-create it with \`counterfair analyze ${dir}\``);
    expectBadInput(
      await runCli(['gate', dir, '--domains', 'emergency-triage', '--max-difference', '10'], ENV),
      `${scores}:2: is not valid JSON`,
    );
    expectBadInput(await runCli(['compare', original, dir, '--out', join(root, 'comparison')], ENV), `${scores}:2: is not valid JSON`);
  });

  it('counts blank lines when it names a damaged JSONL line', () => {
    const file = join(root, 'blank-lines.jsonl');
    writeFileSync(file, '{"a": 1}\n\n\n[1, 2]\n');
    expect(() => readJsonl(file)).toThrow(InputError);
    expect(() => readJsonl(file)).toThrow(`${file}:4: is not a JSON object`);
  });

  it('names results.json when it is not JSON, with the line where parsing stopped', async () => {
    const dir = copyRun();
    const results = join(dir, 'results.json');
    writeFileSync(results, '{\n  "schemaVersion": 1,\n  "findings": []\n  "worstCases": []\n}\n');
    const r = await runCli(['report', dir], ENV);
    expectBadInput(r, `${results}:4: is not valid JSON (`);
    expect(r.stderr).toContain(`); re-create it with \`counterfair analyze ${dir}\``);
    // Where V8 gives no position it quotes the text around the error: on the message's one line.
    writeFileSync(results, 'garbage\n');
    const quoted = await runCli(['report', dir], ENV);
    expectBadInput(quoted, `${results}: is not valid JSON (`);
    expect(quoted.stderr.trimEnd().split('\n')).toHaveLength(2);
  });

  it('names a field results.json cannot be used without', async () => {
    const dir = copyRun();
    const results = join(dir, 'results.json');
    writeFileSync(results, '{ "schemaVersion": 1, "findings": {} }\n');
    const r = await runCli(['report', dir], ENV);
    expectBadInput(r, `${results}: findings: must be a JSON array`);
    expect(r.stderr).toContain(`${results}: worstCases: is missing`);
  });

  it('refuses a directory without manifest.json (analyze, report, gate)', async () => {
    const dir = copyRun();
    const manifest = join(dir, 'manifest.json');
    const before = readFileSync(join(dir, 'scores.jsonl'), 'utf8');
    writeFileSync(manifest, '');
    expectBadInput(await runCli(['analyze', dir], ENV), `${manifest}: is not valid JSON (the file is empty)`);
    rmSync(manifest);
    for (const command of ['analyze', 'report', 'gate'])
      expectBadInput(await runCli([command, dir], ENV), `${manifest}: not a counterfair run directory (no manifest.json)`);
    expect(readFileSync(join(dir, 'scores.jsonl'), 'utf8')).toBe(before);
    expect(existsSync(join(dir, 'run.lock'))).toBe(false);
  });

  it('refuses a manifest.json or results.json of a newer schema version, and reads files without one', async () => {
    const dir = copyRun();
    const manifest = join(dir, 'manifest.json');
    const results = join(dir, 'results.json');
    const withVersion = (file: string, version: number | undefined) => {
      const value = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      if (version === undefined) delete value.schemaVersion;
      else value.schemaVersion = version;
      writeFileSync(file, JSON.stringify(value, null, 2));
    };
    withVersion(manifest, RUN_SCHEMA_VERSION + 1);
    const newer = await runCli(['analyze', dir], ENV);
    expectBadInput(
      newer,
      `${manifest}: schemaVersion: is ${RUN_SCHEMA_VERSION + 1}: written by a newer counterfair (this one reads up to schema version ${RUN_SCHEMA_VERSION}); upgrade counterfair`,
    );
    withVersion(manifest, undefined);
    withVersion(results, RUN_SCHEMA_VERSION + 1);
    expectBadInput(await runCli(['report', dir], ENV), `${results}: schemaVersion: is ${RUN_SCHEMA_VERSION + 1}`);
    // A run made before the field existed has neither: it is read as it always was.
    withVersion(results, undefined);
    const older = await runCli(['report', dir], ENV);
    expect(older.stderr).toBe('');
    expect(older.code).toBe(0);
  });

  it('refuses to run into a folder that is not a counterfair run, and leaves it as it was', async () => {
    const out = join(root, 'my-documents');
    mkdirSync(join(out, 'charts'), { recursive: true });
    writeFileSync(join(out, 'notes.txt'), 'precious');
    writeFileSync(join(out, 'charts', 'mine.svg'), '<svg/>');
    const r = await runCli(['run', study, '--out', out, '--force'], ENV);
    expectBadInput(
      r,
      `${out}: is not empty (charts, notes.txt) and is not a counterfair run (no manifest.json): nothing in it was changed`,
    );
    const dataFile = join(root, 'outputs.csv');
    writeFileSync(dataFile, 'vignette,gold,answer,race\nv1,A,A,white\nv1,A,B,black\n');
    const imported = await runCli(
      [
        'import',
        dataFile,
        '--columns',
        'vignette=vignette,gold=gold,answer=answer,axes.race.column=race,axes.race.reference=white',
        '--out',
        out,
      ],
      ENV,
    );
    expectBadInput(imported, `${out}: is not empty`);
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('precious');
    expect(readFileSync(join(out, 'charts', 'mine.svg'), 'utf8')).toBe('<svg/>');
    expect(readdirSync(out).sort()).toEqual(['charts', 'notes.txt']);
  });

  it('refuses a different study into an existing run unless --force, which replaces it', async () => {
    const dir = copyRun();
    writeFileSync(join(dir, 'mine.txt'), 'kept');
    const other = writeTestStudy(join(root, 'other.yaml'), {
      name: 'another study',
      seed: 4,
      models: ['{ id: sim, provider: simulated }'],
    });
    const before = readFileSync(join(dir, 'responses.jsonl'), 'utf8');
    const refused = await runCli(['run', other, '--out', dir], ENV);
    expectBadInput(
      refused,
      `${join(dir, 'manifest.json')}: holds a run of study "run directory", not of study "another study"; choose another --out`,
    );
    expect(refused.stderr).toContain('pass --force to replace that run');
    expect(readFileSync(join(dir, 'responses.jsonl'), 'utf8')).toBe(before);
    expect(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).study.name).toBe('run directory');

    const forced = await runCli(['run', other, '--out', dir, '--force'], ENV);
    expect(forced.stderr).not.toContain('internal error');
    expect(forced.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).study.name).toBe('another study');
    expect(readFileSync(join(dir, 'responses.jsonl'), 'utf8')).not.toBe(before);
    expect(readFileSync(join(dir, 'mine.txt'), 'utf8')).toBe('kept');
  }, 120_000);

  it('resumes its own study without --force, edited or not', async () => {
    const dir = copyRun();
    const edited = join(root, 'edited.yaml');
    writeFileSync(edited, `${readFileSync(study, 'utf8')}\ngate: { max_difference: 5 }\n`);
    const r = await runCli(['run', edited, '--out', dir], ENV);
    expect(r.code).toBe(0);
    expect(Number(/(\d+) responses already recorded/.exec(r.stderr)?.[1])).toBeGreaterThan(0);
  }, 120_000);

  it("removes temporary files whose writer died, and keeps a live writer's", async () => {
    const dir = copyRun();
    // The key bytes of a score table being built (killed while scoring) are one of them.
    const stale = [
      join(dir, `variants.jsonl.tmp-${DEAD_PID}`),
      join(dir, 'tables', `spread.csv.tmp-${DEAD_PID}`),
      join(dir, `scores-table.bin.keys.tmp-${DEAD_PID}`),
    ];
    const live = join(dir, `adjudications.jsonl.tmp-${process.pid}`);
    for (const file of [...stale, live]) writeFileSync(file, 'partial');
    const r = await runCli(['analyze', dir], ENV);
    expect(r.code).toBe(0);
    for (const file of stale) expect(existsSync(file), file).toBe(false);
    expect(existsSync(live)).toBe(true);
    // Named as such by the code that makes it.
    const keys = scoreKeysFile(dir);
    expect(keys.path).toBe(join(dir, `scores-table.bin.keys.tmp-${process.pid}`));
    keys.dispose();
  });

  it('takes the run lock before writing anything', async () => {
    const dir = copyRun();
    const scores = join(dir, 'scores.jsonl');
    const modified = statSync(scores).mtimeMs;
    writeFileSync(join(dir, 'run.lock'), String(process.pid)); // a live holder
    const r = await runCli(['analyze', dir], ENV);
    expectBadInput(r, `${dir}: is in use by another counterfair run (process ${process.pid})`);
    expect(statSync(scores).mtimeMs).toBe(modified);
    expectBadInput(await runCli(['report', dir], ENV), 'is in use by another counterfair run');
    writeFileSync(join(dir, 'run.lock'), String(DEAD_PID)); // left by a killed run: taken over
    expect((await runCli(['analyze', dir], ENV)).code).toBe(0);
    expect(existsSync(join(dir, 'run.lock'))).toBe(false);
  });
});
