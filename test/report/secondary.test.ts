import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/analysis/types.js';
import { blocksToHtml } from '../../src/report/document/html.js';
import { secondaryBlocks } from '../../src/report/content/secondary.js';

const finding = (endpoint: Finding['endpoint'], model: string, level: string, rateReference: number, rateLevel: number): Finding => ({
  endpoint,
  model,
  axis: 'race',
  level,
  reference: 'white',
  nVignettes: 40,
  nPairs: 40,
  rateReference,
  rateLevel,
  difference: rateLevel - rateReference,
  differenceCi: [-0.05, 0.05],
  ratio: Number.NaN,
  ratioCi: null,
  oddsRatio: Number.NaN,
  test: 'mcnemar-exact',
  statistic: 0,
  p: 1,
  logP: 0,
  ciMethod: 'newcombe',
  ratioCiMethod: 'bonett-price',
  wrongOnlyAtLevel: 0,
  wrongOnlyAtReference: 0,
  pAdjusted: 1,
  adjustment: 'holm',
  significant: false,
  nExcludedPairs: 0,
  sentence: '',
  differenceCiSimultaneous: [-0.06, 0.06],
  ratioCiSimultaneous: null,
  simultaneousLevel: 0.975,
  simultaneousKind: 'bonferroni',
  familySize: 2,
});

const rowsOf = (html: string, endpoint: string) => (html.match(new RegExp(`<tr[^>]*><td[^>]*>${endpoint}</td>`, 'g')) ?? []).length;

describe('secondary endpoints in the report', () => {
  it('folds an endpoint that is 0% at every level and in every model into one line and keeps the rest as rows', () => {
    const findings = [
      finding('refusal', 'm1', 'black', 0, 0),
      finding('refusal', 'm2', 'black', 0, 0),
      finding('refusal', 'm2', 'asian', 0, 0),
      finding('unparseable', 'm1', 'black', 0, 0),
      finding('unparseable', 'm2', 'black', 0, 0.025), // one model, one level: not all zero, stays a table row
      finding('request-error', 'm1', 'black', 0, 0),
    ];
    const html = blocksToHtml(secondaryBlocks(findings, 0.05), () => '');
    expect(rowsOf(html, 'refusal')).toBe(0);
    expect(rowsOf(html, 'request-error')).toBe(0);
    expect(rowsOf(html, 'unparseable')).toBe(2);
    expect(html).toContain(
      'Never observed, so no table: refusal (no model refused to answer for any patient: 0% at the reference and at every level over 3 contrasts, 120 pairs); request-error',
    );
    expect(html).not.toMatch(/unparseable \(no model/);
  });

  it('shows no table when every endpoint was never observed, and the empty message when there are no contrasts', () => {
    const html = blocksToHtml(secondaryBlocks([finding('refusal', 'm1', 'black', 0, 0)], 0.05), () => '');
    expect(html).not.toContain('<table');
    expect(html).toContain('Never observed, so no table: refusal');
    expect(blocksToHtml(secondaryBlocks([], 0.05), () => '')).toContain('No secondary-endpoint contrasts.');
  });
});
