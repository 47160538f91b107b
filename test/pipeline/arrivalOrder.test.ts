import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/stats/rng.js';
import { runCli } from '../helpers/cli.js';
import { fromRoot } from '../helpers/paths.js';

const OUTPUTS = ['scores.jsonl', 'findings.json', 'results.json', 'report.html', 'appendix.md'];

describe('outputs never depend on the order answers arrived', () => {
  it('`analyze` of a run whose responses.jsonl lines arrived shuffled writes the same bytes as `run`', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'counterfair-order-'));
    const study = join(dir, 'study.yaml');
    writeFileSync(
      study,
      [
        'seed: 9',
        `templates: [${fromRoot('templates/sepsis.yaml')}, ${fromRoot('templates/stroke.yaml')}]`,
        `demographics: ${fromRoot('demographics')}`,
        'axes:',
        '  race: { levels: [white, black] }',
        '  insurance: { levels: [private, medicaid] }',
        'replicates: 2',
        'models:',
        '  - { id: a, provider: simulated, instability: 0.3 }',
        '  - { id: b, provider: simulated, accuracy: { default: 0.6 } }',
      ].join('\n'),
    );
    const out = join(dir, 'run');
    expect((await runCli(['run', study, '--out', out])).code).toBe(0);
    const before = OUTPUTS.map((f) => readFileSync(join(out, f), 'utf8'));

    const lines = readFileSync(join(out, 'responses.jsonl'), 'utf8').trimEnd().split('\n');
    const rng = createRng(3);
    for (let i = lines.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
    }
    writeFileSync(join(out, 'responses.jsonl'), `${lines.join('\n')}\n`);
    expect((await runCli(['analyze', out])).code).toBe(0);
    OUTPUTS.forEach((f, i) => expect(readFileSync(join(out, f), 'utf8'), f).toBe(before[i]));
  }, 120_000);
});
