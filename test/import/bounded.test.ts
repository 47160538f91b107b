import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeRunDirectory } from '../../src/pipeline/analyzeRunDir.js';
import { spawnCli } from '../helpers/cliProcess.js';

/**
 * 100,000 answers (625 vignettes x 4 race levels x 8 models x 5 replicates) in one long CSV, imported by the built CLI
 * in a child whose heap is capped at 64 MB. The import keeps what vignettes and variants need (2,500 variants here),
 * never the answers: the rows are read record by record and the responses written as they come. The import before
 * streaming (the whole table, every observation and every response in memory at once) ran out of heap on this file
 * at this cap. `--no-analyze` stops before scoring: the analysis holds one score per answer, by design.
 */
describe('import in bounded memory', () => {
  it('imports 100,000 answers with a 64 MB heap, every answer written; analysing them announces each step', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'counterfair-bounded-import-'));
    const file = join(dir, 'answers.csv');
    const lines = ['case,model,rep,gold,answer,race'];
    for (let v = 0; v < 625; v++)
      for (let m = 0; m < 8; m++)
        for (let r = 0; r < 5; r++)
          for (const [i, race] of ['white', 'black', 'hispanic', 'asian'].entries()) {
            const gold = 'ABCD'[v % 4]!;
            lines.push(`case-${v},m${m},${r},${gold},${(v + m + r + i) % 5 === 0 ? 'ABCD'[(v + 1) % 4] : gold},${race}`);
          }
    writeFileSync(file, `${lines.join('\n')}\n`);
    const out = join(dir, 'run');
    const columns =
      'vignette=case,model=model,replicate=rep,gold=gold,answer=answer,axes.race.column=race,axes.race.reference=white,answers=extracted';
    const { exited } = spawnCli(['import', file, '--columns', columns, '--out', out, '--no-analyze'], {
      NODE_OPTIONS: '--max-old-space-size=64',
    });
    const { code, stderr } = await exited;
    expect(stderr).not.toMatch(/heap out of memory|internal error/);
    expect(code).toBe(0);
    expect(stderr).toContain(`imported 100000 of 100000 rows from ${file}`);
    const responses = readFileSync(join(out, 'responses.jsonl'), 'utf8').trim().split('\n');
    expect(responses).toHaveLength(100_000);
    expect(JSON.parse(responses[99_999]!)).toMatchObject({
      modelId: 'm7',
      vignetteId: 'case-624',
      variantId: 'case-624~race=asian',
      replicate: 4,
    });
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.import).toMatchObject({ rows: 100_000, skippedRows: 0 });
    expect(manifest.study.replicates).toBe(5);
    expect(readFileSync(join(out, 'variants.jsonl'), 'utf8').trim().split('\n')).toHaveLength(2_500);

    // Analysed, a run this large says which step it is in and, on a clock that moves 10 s a reading, how far scoring
    // has got: every 4,096 answers.
    const logged: string[] = [];
    let now = 0;
    await analyzeRunDirectory(out, { scoringWorkers: 1, log: (line) => logged.push(line), clock: () => (now += 10_000) });
    const scored = logged.filter((line) => line.startsWith('counterfair: scored '));
    expect(scored).toHaveLength(Math.floor(100_000 / 4096));
    expect(scored[0]).toBe('counterfair: scored 4,096/100,000 answers (4%)');
    expect(logged.filter((line) => !scored.includes(line))).toEqual([
      'counterfair: scoring 100,000 answers',
      'counterfair: analysing 100,000 scores',
      'counterfair: writing the report',
    ]);
    logged.length = 0;
    await analyzeRunDirectory(out, { log: (line) => logged.push(line) });
    expect(logged[0]).toMatch(/^counterfair: scores read back from scores.jsonl/);
  }, 180_000);
});
