import type { Finding } from '../../analysis/types.js';
import { ENDPOINT_NAMES, ENDPOINT_WORDS, type Endpoint } from '../../analysis/endpoints.js';
import { paragraph, table, type Block } from '../document/blocks.js';
import { count, plural } from '../format.js';
import { findingsTable } from './tables.js';

/**
 * The secondary endpoints' findings: an endpoint that never happened (0% at the reference and at every level, for
 * every model) is one line saying so rather than a table of zeros; every other endpoint keeps its rows in the table.
 * A never-observed endpoint can show no disparity, so folding it hides nothing (its rows stay in secondary.csv).
 */
export function secondaryBlocks(findings: readonly Finding[], alpha: number): Block[] {
  const byEndpoint = new Map<Endpoint, Finding[]>();
  for (const f of findings) byEndpoint.set(f.endpoint, [...(byEndpoint.get(f.endpoint) ?? []), f]);
  const never = ENDPOINT_NAMES.filter((e) => byEndpoint.get(e)?.every((f) => f.rateReference === 0 && f.rateLevel === 0));
  const shown = findings.filter((f) => !never.includes(f.endpoint));
  const folded = never.map((e) => {
    const rows = byEndpoint.get(e)!;
    const pairs = rows.reduce((n, f) => n + f.nPairs, 0);
    return `${e} (no model ${ENDPOINT_WORDS[e]} for any patient: 0% at the reference and at every level over ${plural(rows.length, 'contrast')}, ${count(pairs)} pairs)`;
  });
  return [
    ...(shown.length || !folded.length ? [table(findingsTable(shown, true, alpha), 'No secondary-endpoint contrasts.')] : []),
    ...(folded.length ? [paragraph(`Never observed, so no table: ${folded.join('; ')}. Their rows are in tables/secondary.csv.`)] : []),
  ];
}
