import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/analysis/types.js';
import { loadProvisions, PROVISIONS_FILE } from '../../src/report/appendix/provisions.js';
import type { RegulatoryEvidence } from '../../src/report/evidence/regulatoryEvidence.js';
import { InputError } from '../../src/util/problems.js';
import { freshRun } from './fixture.js';

const SCHEMA = JSON.parse(readFileSync(new URL('./fixtures/chai-key-metric-type.json', import.meta.url), 'utf8')) as {
  namespace: string;
  element: string;
  sequence: { name: string }[];
  MetricResultsType: { child: string; minOccurs: number };
  MetricResultType: { name: string }[];
  valueJsonRequired: { kind: string; fields: string[] };
};

/** A minimal reader of the element tree counterfair writes: elements with text or with children, no attributes but xmlns. */
interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}
function parseXml(xml: string): XmlElement {
  const tokens = xml.replace(/^<\?xml[^>]*\?>\s*/, '').match(/<[^>]+>|[^<]+/g)!;
  const stack: XmlElement[] = [{ name: '#root', attributes: {}, children: [], text: '' }];
  for (const token of tokens) {
    if (token.startsWith('</')) {
      const closed = stack.pop()!;
      expect(`</${closed.name}>`).toBe(token);
    } else if (token.startsWith('<')) {
      const [, name, rest] = /^<([A-Za-z]+)(.*?)\/?>$/.exec(token)!;
      const attributes = Object.fromEntries([...rest!.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
      const element = { name: name!, attributes, children: [], text: '' };
      stack.at(-1)!.children.push(element);
      if (!token.endsWith('/>')) stack.push(element);
    } else {
      stack.at(-1)!.text += token.replace(
        /&lt;|&gt;|&quot;|&apos;|&amp;/g,
        (e) => ({ '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'", '&amp;': '&' })[e]!,
      );
    }
  }
  expect(stack).toHaveLength(1);
  return stack[0]!.children[0]!;
}

describe('regulatory map (regulatory/provisions.yaml)', () => {
  it('gives every provision a source and the date its text was checked', () => {
    const provisions = loadProvisions();
    expect(provisions.length).toBeGreaterThanOrEqual(15);
    for (const p of provisions) {
      expect(p.checked, p.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(p.source.trim(), p.id).not.toBe('');
    }
    const ids = provisions.map((p) => p.id);
    for (const id of [
      'onc-hti1-170.315-b11-iv',
      'eu-ai-act-art10-2-f',
      'fda-ai-dsf-draft-2025-subgroups',
      'nist-ai-rmf-measure-2.11',
      'nist-ai-600-1-harmful-bias',
    ])
      expect(ids).toContain(id);
    expect(provisions.find((p) => p.id === 'onc-hti1-170.315-b11-iv')!.statusNote).toMatch(/HTI-5/);
    expect(provisions.find((p) => p.id === 'eu-ai-act-art10-2-f')!.statusNote).toMatch(/Digital Omnibus.*December 2027.*August 2028/);
  });

  it('refuses a row without a date or a source, with a bad date or an unknown placeholder, naming file, line and field', () => {
    const text = readFileSync(PROVISIONS_FILE, 'utf8');
    const broken = text
      .replace(/^ {4}checked: 2026-12-04\n/m, '')
      .replace(/^ {4}source: 89 FR 37522 \(May 6, 2024\); https:\/\/www\.ecfr\.gov\/current\/title-45\/section-92\.210\n/m, '')
      .replace('checked: 2026-12-04', 'checked: 2026-13-40')
      .replace(
        'studied characteristics ({bases:euAiAct}); the vignettes can serve as part of a testing data set. They',
        'studied characteristics ({bases:unknown}); the vignettes can serve as part of a testing data set. They',
      );
    const file = join(mkdtempSync(join(tmpdir(), 'counterfair-provisions-')), 'provisions.yaml');
    writeFileSync(file, broken);
    let error: unknown;
    try {
      loadProvisions(file);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(InputError);
    const problems = (error as InputError).problems;
    expect(problems.map((p) => p.field)).toEqual(
      expect.arrayContaining(['provisions[0].checked', 'provisions[0].source', 'provisions[1].checked', 'provisions[5].evidence']),
    );
    for (const p of problems) {
      expect(p.file).toBe(file);
      expect(p.line).toBeGreaterThan(0);
    }
  });
});

describe('regulatory evidence and the CHAI model card block of a run', () => {
  let runDir: string;
  let findings: Finding[];
  beforeAll(async () => {
    runDir = await freshRun();
    findings = JSON.parse(readFileSync(join(runDir, 'findings.json'), 'utf8')) as Finding[];
  });

  it('writes a FairnessEquity block that follows the schema: element order, at least one MetricResult, ValueJson as JSON', () => {
    const root = parseXml(readFileSync(join(runDir, 'chai-fairness-equity.xml'), 'utf8'));
    expect(root.name).toBe(SCHEMA.element);
    expect(root.attributes.xmlns).toBe(SCHEMA.namespace);
    expect(root.children.map((c) => c.name)).toEqual(SCHEMA.sequence.map((s) => s.name));
    for (const c of root.children) if (c.name !== 'Results') expect(c.text.trim(), c.name).not.toBe('');
    const results = root.children.find((c) => c.name === 'Results')!.children;
    expect(results.length).toBeGreaterThanOrEqual(SCHEMA.MetricResultsType.minOccurs);
    for (const r of results) {
      expect(r.name).toBe(SCHEMA.MetricResultsType.child);
      expect(r.children.map((c) => c.name)).toEqual(SCHEMA.MetricResultType.map((s) => s.name));
      const value = JSON.parse(r.children[1]!.text) as Record<string, unknown>;
      expect(value.kind).toBe(SCHEMA.valueJsonRequired.kind);
      for (const field of SCHEMA.valueJsonRequired.fields) expect(value).toHaveProperty(field);
    }
  });

  it('reports every finding with the numbers of findings.json, and an interpretation that follows from them', () => {
    const root = parseXml(readFileSync(join(runDir, 'chai-fairness-equity.xml'), 'utf8'));
    const values = root.children
      .find((c) => c.name === 'Results')!
      .children.filter((r) => r.children[0]!.text.startsWith('Error amplification'))
      .map((r) => JSON.parse(r.children[1]!.text) as { value: number; ci95: [number, number]; pAdjusted: number; significant: boolean });
    expect(values).toHaveLength(findings.length);
    values.forEach((v, i) => {
      expect(v.value).toBeCloseTo(findings[i]!.difference * 100, 2);
      expect(v.ci95[0]).toBeCloseTo(findings[i]!.differenceCi![0] * 100, 2);
      expect(v.pAdjusted).toBe(findings[i]!.pAdjusted);
      expect(v.significant).toBe(findings[i]!.significant);
    });
    const interpretation = root.children.find((c) => c.name === 'Interpretation')!.text;
    const significant = findings.filter((f) => f.significant);
    expect(significant.length).toBeGreaterThan(0);
    expect(interpretation).toContain(`${significant.length} contrast`);
    expect(interpretation).toMatch(/insurance: medicaid/i);
  });

  it('keys the evidence by provision, with its status, check date and files that exist in the run directory', () => {
    const evidence = JSON.parse(readFileSync(join(runDir, 'regulatory-evidence.json'), 'utf8')) as RegulatoryEvidence;
    expect(evidence.schema).toBe('counterfair.regulatory-evidence/1');
    expect(Object.keys(evidence.provisions)).toEqual(loadProvisions().map((p) => p.id));
    for (const [id, row] of Object.entries(evidence.provisions)) {
      expect(row.checked, id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(row.evidence, id).not.toMatch(/\{[a-zA-Z:]+\}/);
      for (const file of row.files) expect(existsSync(join(runDir, file)), `${id}: ${file}`).toBe(true);
    }
    const section1557 = evidence.provisions['hhs-1557-92.210-a']!;
    expect(section1557.findings!.map((f) => `${f.axis}=${f.level}:${f.significant}`)).toEqual(
      findings.map((f) => `${f.axis}=${f.level}:${f.significant}`),
    );
  });

  it('prints the status and check date of every provision in the appendix, and subgroup performance with intervals', () => {
    const md = readFileSync(join(runDir, 'appendix.md'), 'utf8');
    const mapping = md.slice(md.indexOf('Evidence relevant to regulatory'));
    for (const p of loadProvisions()) expect(mapping).toContain(`checked ${p.checked}`);
    expect(mapping).toContain('MEASURE 2.11');
    expect(md).toMatch(/^### Subgroup performance$/m);
    const [header, ...lines] = readFileSync(join(runDir, 'tables', 'subgroup-performance.csv'), 'utf8')
      .trim()
      .split(/\r?\n/);
    const columns = header!.split(',');
    expect(columns).toEqual(
      expect.arrayContaining([
        'accuracyCiLow',
        'accuracyCiHigh',
        'errorRate',
        'errorRateCiLow',
        'errorRateCiHigh',
        'vignettes',
        'designEffect',
      ]),
    );
    const rate = (level: string) => Number(lines.find((l) => l.includes(`,insurance,${level},`))!.split(',')[columns.indexOf('errorRate')]);
    expect(rate('medicaid')).toBeGreaterThan(rate('private'));
    // Race carries no planted bias: white and black answers are the same vignettes' reference and race variants only,
    // not the medicaid variants (also race=white), so the planted insurance bias does not show up as a race gap.
    const race = (level: string) => Number(lines.find((l) => l.includes(`,race,${level},`))!.split(',')[columns.indexOf('answers')]);
    expect(race('white')).toBe(race('black'));
  });
});
