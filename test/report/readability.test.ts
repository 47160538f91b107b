import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { freshRun, readJson } from './fixture.js';
import { htmlTables } from './printed.js';

/** The one p-value format (src/util/pValue.ts): four decimals, two significant digits below 1e-4, a floor, a dash. */
const P_VALUE = /^(?:[01]\.\d{4}|\d\.\de-\d+|< 1e-300|—)(?: \(adjusted model\))?$/;

describe('what a reader sees first', () => {
  let runDir: string;
  let html: string;
  beforeAll(async () => {
    runDir = await freshRun();
    html = readFileSync(join(runDir, 'report.html'), 'utf8');
  });

  it('writes every p-value of every table in the one format', () => {
    let seen = 0;
    for (const table of htmlTables(html)) {
      const pColumns = table.headers.flatMap((h, i) => (/(^|\s)p($|\s)|p-value/.test(h) ? [i] : []));
      for (const row of table.rows) {
        for (const i of pColumns) {
          expect(row[i], `${table.headers[i]}: ${row[i]}`).toMatch(P_VALUE);
          seen++;
        }
      }
    }
    expect(seen).toBeGreaterThan(20);
  });

  it('folds the raw manifest away instead of printing pages of JSON', () => {
    const manifest = html.slice(html.indexOf('<h2 id="manifest">'));
    expect(manifest).toMatch(/<details><summary>Show the run manifest \(JSON, \d+ lines\)<\/summary>\n<pre>\{/);
    expect(html.match(/&quot;sha256&quot;/g)).toHaveLength(1);
  });

  it('titles the report by the models the run audited, not by the study name (a --model run keeps the study)', async () => {
    expect(html).toContain('<h1>counterfair equity report: sim (simulated model)</h1>');
    const manifestPath = join(runDir, 'manifest.json');
    const manifest = readJson<{ study: { name: string }; models: Record<string, unknown>[] }>(manifestPath);
    // What `run --model gpt-4o-mini --base-url ...` records: the study's models replaced by the one model.
    manifest.models = [
      {
        id: 'gpt-4o-mini',
        kind: 'openai',
        model: 'gpt-4o-mini',
        baseUrl: 'http://127.0.0.1:9/v1',
        apiKeyEnv: 'OPENAI_API_KEY',
        params: {},
      },
    ];
    writeFileSync(manifestPath, JSON.stringify(manifest));
    expect((await runCli(['report', runDir])).code).toBe(0);
    const again = readFileSync(join(runDir, 'report.html'), 'utf8');
    const title = /<title>([^<]*)<\/title>/.exec(again)![1]!;
    const h1 = /<h1>([^<]*)<\/h1>/.exec(again)![1]!;
    for (const shown of [title, h1]) {
      expect(shown).toBe('counterfair equity report: gpt-4o-mini');
      expect(shown).not.toContain('simulated');
    }
    // The study is still named, as the study, under the title.
    expect(again).toContain(`<p><strong>Study: </strong>${manifest.study.name} (`);
    expect(readFileSync(join(runDir, 'appendix.md'), 'utf8')).toMatch(/^# Fairness appendix: gpt-4o-mini$/m);
  });
});
