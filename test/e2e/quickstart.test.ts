import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/analysis/types.js';
import { loadProvisions } from '../../src/report/appendix/provisions.js';
import type { RegulatoryEvidence } from '../../src/report/evidence/regulatoryEvidence.js';
import { runCli } from '../helpers/cli.js';
import { fromRoot } from '../helpers/paths.js';

describe('quickstart on the simulated model', () => {
  it('flags the injected Medicaid bias and nothing else', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'counterfair-quick-')), 'run');
    const r = await runCli(['run', fromRoot('examples/quickstart.yaml'), '--out', out, '--json']);
    expect(r.stderr).not.toContain('internal error');
    expect(r.code).toBe(0);
    const findings = JSON.parse(readFileSync(join(out, 'findings.json'), 'utf8')) as Finding[];
    expect(JSON.parse(r.stdout)).toMatchObject({
      schema: 'counterfair.findings/1',
      runDir: out,
      report: join(out, 'report.html'),
      complete: true,
      findings,
    });
    // Enough vignettes for power: the library, not a toy.
    const medicaid = findings.find((f) => f.axis === 'insurance' && f.level === 'medicaid')!;
    expect(medicaid.nVignettes).toBeGreaterThanOrEqual(60);
    expect(medicaid.pAdjusted).toBeLessThan(0.05);
    expect(medicaid.difference).toBeGreaterThan(0);
    expect(medicaid.ratio).toBeGreaterThan(1.5);
    const others = findings.filter((f) => f !== medicaid);
    expect(others.length).toBeGreaterThanOrEqual(8);
    for (const f of others)
      expect({ contrast: `${f.axis}=${f.level}`, significant: f.pAdjusted < 0.05 }).toEqual({
        contrast: `${f.axis}=${f.level}`,
        significant: false,
      });

    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+href=/i);
    expect(html).toContain('vegaEmbed(');
    for (const file of ['manifest.json', 'variants.jsonl', 'responses.jsonl', 'scores.jsonl', 'findings.json', 'report.html']) {
      expect(readFileSync(join(out, file), 'utf8').length).toBeGreaterThan(0);
    }

    // The evidence a governance board files: every provision keyed, every supporting file there, and a model-card
    // block whose interpretation names the one significant contrast (the schema checks are in test/report).
    const evidence = JSON.parse(readFileSync(join(out, 'regulatory-evidence.json'), 'utf8')) as RegulatoryEvidence;
    expect(Object.keys(evidence.provisions)).toEqual(loadProvisions().map((p) => p.id));
    for (const row of Object.values(evidence.provisions))
      for (const file of row.files) expect(existsSync(join(out, file)), file).toBe(true);
    const card = readFileSync(join(out, 'chai-fairness-equity.xml'), 'utf8');
    expect(card.match(/<Label>Error amplification: /g)).toHaveLength(findings.length);
    expect(card).toMatch(/<Interpretation>1 contrast of \d+ showed significantly more errors[^<]*insurance: medicaid/);
  });
});
