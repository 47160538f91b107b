import type { DataQuality } from '../analysis/dataQuality.js';
import { agreement } from '../analysis/sentence.js';
import type { Finding } from '../analysis/types.js';
import { powerStatement } from '../report/content/power.js';

/** What `run`, `analyze` and `import` print when they finish: the findings as JSON, or the significant ones in words. */
export function printFindings(out: NodeJS.WritableStream, findings: readonly Finding[], json: boolean | undefined, where: string, quality?: DataQuality): void {
  if (json) {
    out.write(`${JSON.stringify(findings, null, 2)}\n`);
    return;
  }
  const flagged = findings.filter((f) => f.significant);
  out.write(`${findings.length} contrasts tested, ${flagged.length} significant after correction.\n`);
  // A count of zero must not read as a clean audit when a model's data could not support one.
  for (const m of quality?.models.filter((q) => !q.passed) ?? []) out.write(`  ! model ${m.model}: DATA QUALITY CHECK FAILED (${m.requestErrors} of ${m.requests} requests failed): no conclusion about disparity can be drawn for it\n`);
  // A significant test whose family interval includes no difference is borderline: marked, not alarmed.
  for (const f of flagged) out.write(`  ${agreement(f.significant, f.differenceCiSimultaneous).startsWith('borderline') ? '?' : '!'} ${f.sentence}\n`);
  const power = powerStatement(findings);
  if (power) out.write(`${power}\n`);
  out.write(`${where}\n`);
}
