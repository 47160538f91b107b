import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnalysisResults } from '../../src/analysis/analyze.js';
import type { Variant } from '../../src/expand/types.js';
import type { Manifest } from '../../src/pipeline/manifest.js';
import { runCli } from '../helpers/cli.js';
import { fromRoot } from '../helpers/paths.js';

const MEDICARE_AT_45 = `implausible:
  - when: { insurance: medicare, age: "45" }
    reason: Medicare before 65 implies disability or end-stage kidney disease
    domains: [kidney-function]
`;

/** A study of the shipped kidney and stroke cases on the simulated model, varying age (reference 45) and insurance. */
function study(tail: string, design = 'one-at-a-time'): string {
  const dir = mkdtempSync(join(tmpdir(), 'counterfair-implausible-'));
  const file = join(dir, 'study.yaml');
  writeFileSync(
    file,
    [
      'seed: 7',
      `templates: [${fromRoot('templates/kidney-function.yaml')}, ${fromRoot('templates/stroke.yaml')}]`,
      `demographics: ${fromRoot('demographics')}`,
      'axes:',
      '  age: { levels: ["45", "75"], reference: "45" }',
      '  insurance: {}',
      `design: ${design}`,
      'models:',
      '  - { id: sim, provider: simulated }',
      tail,
    ].join('\n'),
  );
  return file;
}

async function expand(file: string): Promise<{ lines: Map<string, string>; stdout: string; stderr: string }> {
  const r = await runCli(['expand', file]);
  expect(r.stderr).not.toContain('internal error');
  expect(r.code).toBe(0);
  const lines = new Map(
    r.stdout
      .trimEnd()
      .split('\n')
      .map((line) => [(JSON.parse(line) as Variant).variantId, line]),
  );
  return { lines, stdout: r.stdout, stderr: r.stderr };
}

const variantsOf = (lines: Map<string, string>) => [...lines.values()].map((l) => JSON.parse(l) as Variant);

describe('implausible combinations across axes (study `implausible:`)', () => {
  it('one-at-a-time, reference age 45: no Medicare variant of a kidney case at 45; every other variant byte-identical; deterministic', async () => {
    const without = await expand(study(''));
    const withRule = await expand(study(MEDICARE_AT_45));
    const again = await expand(study(MEDICARE_AT_45));
    expect(again.stdout).toBe(withRule.stdout);

    const dropped = [...without.lines.keys()].filter((id) => !withRule.lines.has(id));
    const expected = variantsOf(without.lines).filter(
      (v) => v.domain === 'kidney-function' && v.attributes.insurance === 'medicare' && v.attributes.age === '45',
    );
    // The shipped kidney cases pin age for some vignettes (58, 64, ...): only those at 45 match this rule.
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(
      variantsOf(without.lines).filter((v) => v.domain === 'kidney-function' && v.attributes.insurance === 'medicare').length,
    );
    expect(dropped.sort()).toEqual(expected.map((v) => v.variantId).sort());
    for (const [id, line] of withRule.lines) expect(line).toBe(without.lines.get(id));
    // Stroke cases keep their Medicare-at-45 variant: the rule names the kidney domain only.
    expect(
      variantsOf(withRule.lines).some((v) => v.domain === 'stroke' && v.attributes.insurance === 'medicare' && v.attributes.age === '45'),
    ).toBe(true);
    expect(withRule.stderr).toContain(`${expected.length} not rendered (implausible combinations`);
  });

  it('"<65" on an age axis also matches ages a vignette pins', async () => {
    const { lines } = await expand(study(MEDICARE_AT_45.replace('age: "45"', 'age: "<65"')));
    const kidney = variantsOf(lines).filter((v) => v.domain === 'kidney-function');
    expect(kidney.length).toBeGreaterThan(0);
    expect(kidney.filter((v) => v.attributes.insurance === 'medicare' && Number(v.attributes.age) < 65)).toEqual([]);
    expect(kidney.some((v) => v.attributes.insurance === 'medicare' && v.attributes.age === '75')).toBe(false); // one-at-a-time: Medicare only at reference age
  });

  it('factorial: drops only the Medicare × 45 cell; the remaining cells and their reference are exactly as without the rule', async () => {
    const design = '{ kind: factorial, axes: [age, insurance] }';
    const without = await expand(study('', design));
    const withRule = await expand(study(MEDICARE_AT_45, design));
    const dropped = [...without.lines.keys()].filter((id) => !withRule.lines.has(id));
    const kidneyIds = new Set(
      variantsOf(without.lines)
        .filter((v) => v.domain === 'kidney-function')
        .map((v) => v.vignetteId),
    );
    const unpinned = [...kidneyIds].filter((id) => without.lines.has(`${id}~age=75`));
    expect(unpinned.length).toBeGreaterThan(0);
    expect(dropped.sort()).toEqual(unpinned.map((id) => `${id}~insurance=medicare`).sort());
    for (const id of unpinned) {
      expect(withRule.lines.get(`${id}~age=75,insurance=medicare`)).toBe(without.lines.get(`${id}~age=75,insurance=medicare`));
      expect(withRule.lines.get(`${id}~ref`)).toBe(without.lines.get(`${id}~ref`));
    }
  });

  it('a run lists every variant not rendered, with reason and count, in results.json, the manifest and the report', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'counterfair-implausible-run-')), 'run');
    const r = await runCli(['run', study(MEDICARE_AT_45), '--out', out]);
    expect(r.stderr).not.toContain('internal error');
    expect(r.code).toBe(0);
    const variants = readFileSync(join(out, 'variants.jsonl'), 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Variant);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as AnalysisResults;
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
    const rows = results.exclusions.filter((e) => e.rule !== undefined);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toMatchObject({
        rule: 0,
        axis: 'insurance × age',
        value: 'not insurance=medicare with age=45',
        reason: 'Medicare before 65 implies disability or end-stage kidney disease',
        when: { insurance: 'medicare', age: '45' },
        variantsNotRendered: 1,
      });
      expect(row.variantIds).toEqual([`${row.vignetteId}~insurance=medicare`]);
      expect(variants.some((v) => v.variantId === row.variantIds![0])).toBe(false);
      expect(variants.find((v) => v.variantId === `${row.vignetteId}~ref`)!.domain).toBe('kidney-function');
    }
    // The per-vignette exclusions (pinned axes) are still there.
    expect(results.exclusions.some((e) => e.rule === undefined && e.axis === 'age')).toBe(true);
    expect(manifest.implausible).toEqual({
      rules: [
        {
          when: { insurance: 'medicare', age: '45' },
          reason: 'Medicare before 65 implies disability or end-stage kidney disease',
          domains: ['kidney-function'],
        },
      ],
      excluded: rows,
    });
    // Medicare is measured on the stroke cases and the kidney cases that pin another age only.
    const medicare = results.findings.find((f) => f.axis === 'insurance' && f.level === 'medicare')!;
    expect(medicare.nVignettes).toBe(variants.filter((v) => v.variantId.endsWith('~insurance=medicare')).length);

    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain(
      `insurance=medicare with age=45 (domain kidney-function): Medicare before 65 implies disability or end-stage kidney disease. ${rows.length} variants of ${rows.length} vignettes not rendered`,
    );
    for (const row of rows) expect(html).toContain(row.variantIds![0]);
    expect(readFileSync(join(out, 'tables', 'exclusions.csv'), 'utf8')).toContain('variantsNotRendered');
  });

  it('factorial run: the report counts the pairs whose exact partner was the dropped cell', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'counterfair-implausible-run-')), 'run');
    const r = await runCli(['run', study(MEDICARE_AT_45, '{ kind: factorial, axes: [age, insurance] }'), '--out', out]);
    expect(r.code).toBe(0);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as AnalysisResults;
    const dropped = results.exclusions.filter((e) => e.rule === 0).length;
    expect(dropped).toBeGreaterThan(0);
    // Each dropped Medicare × 45 cell was the age partner of that vignette's Medicare × 75 cell.
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain(`${dropped} pairs (age=75) lost their exact partner`);
  });

  it('says so when a contrast loses every vignette', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'counterfair-implausible-run-')), 'run');
    const everywhere = 'implausible:\n  - { when: { insurance: medicare, age: "<65" }, reason: Medicare before 65 implies disability }\n';
    const r = await runCli(['run', study(everywhere), '--out', out]);
    expect(r.code).toBe(0);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as AnalysisResults;
    expect(results.findings.some((f) => f.axis === 'insurance' && f.level === 'medicare')).toBe(false);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('No pair is left for insurance=medicare');
  });

  it('a bad rule is bad input: exit 2, file:line:field and the valid choices', async () => {
    const file = study(
      [
        'implausible:',
        '  - when: { insurance: medicare, agee: "45" }',
        '    reason: typo in the axis',
        '  - when: { insurance: medicaire }',
        '    reason: typo in the level',
        '  - when: { insurance: "<65" }',
        '  - when: { insurance: medicare }',
        '    reason: x',
        '    domain: [stroke]',
        '',
      ].join('\n'),
    );
    const r = await runCli(['expand', file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${file}:11: implausible[0].when.agee: unknown axis "agee"; axes of this study: age, insurance`);
    expect(r.stderr).toContain(
      `${file}:13: implausible[1].when.insurance: unknown level "medicaire" of insurance; levels in this study: private, medicare, medicaid, uninsured`,
    );
    expect(r.stderr).toContain(`${file}:15: implausible[2].when.insurance: "<65" (below an age) applies to an age axis only`);
    expect(r.stderr).toContain(`${file}:15: implausible[2].reason: is required`);
    expect(r.stderr).toContain(`${file}:18: implausible[3].domain: unknown field; expected one of when, reason, domains`);
  });

  it("a rule naming no vignette's domain, or matching a reference, is bad input", async () => {
    const file = study(
      [
        'implausible:',
        '  - when: { insurance: medicare }',
        '    reason: unknown domain',
        '    domains: [kidney]',
        '  - when: { insurance: private, age: "45" }',
        '    reason: matches the reference',
        '',
      ].join('\n'),
    );
    const r = await runCli(['expand', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${file}:13: implausible[0].domains[0]: no vignette of this study has domain "kidney"; domains: kidney-function, stroke`,
    );
    expect(r.stderr).toContain(
      `${file}:14: implausible[1].when: matches the reference variant of 12 vignette(s) (kidney-no-race-adjustment-patient, kidney-ckd-gfr-category, kidney-metformin-egfr-38 and 9 more), which every pair is compared against; move the study's reference`,
    );
  });
});
