import { isWrong } from '../../pairing/pairs.js';
import { pooledScores } from '../../analysis/probes.js';
import type { ReportContext } from '../sources.js';
import { byText } from '../order.js';

export type GroupBy = 'domain' | 'perspective';

/** Error rate of the reference variants in one domain or perspective: the baseline amplification adds to. */
export interface GroupError {
  model: string;
  by: GroupBy;
  group: string;
  nAnswers: number;
  errorRate: number;
}

/** Error (wrong, refused or unparseable) among answered reference variants, per model and group, sorted; race-myth probes left out, as in the spread they are the baseline of. */
export function groupErrors(ctx: ReportContext, by: GroupBy): GroupError[] {
  const counts = new Map<string, GroupError & { wrong: number }>();
  for (const s of pooledScores(ctx.scores, ctx.vignettes)) {
    if (s.kind !== 'reference') continue;
    const wrong = isWrong(s.outcome);
    if (wrong === null) continue;
    const group = by === 'domain' ? s.domain : s.perspective;
    const key = `${s.modelId}\u0000${group}`;
    const row = counts.get(key) ?? { model: s.modelId, by, group, nAnswers: 0, errorRate: 0, wrong: 0 };
    row.nAnswers++;
    if (wrong) row.wrong++;
    counts.set(key, row);
  }
  return [...counts.values()]
    .sort((a, b) => byText(a.model, b.model) || byText(a.group, b.group))
    .map(({ wrong, ...row }) => ({ ...row, errorRate: wrong / row.nAnswers }));
}
