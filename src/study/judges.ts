import { judgeFingerprint, type ProviderRegistry } from '../providers/registry.js';
import type { FieldReader } from '../util/fields.js';
import { stableStringify } from '../util/hash.js';
import type { FieldPath } from '../util/yaml.js';
import { PANEL_RULES, type JudgePanel, type JudgeSpec, type PanelJudge, type Study } from './types.js';

/**
 * The study's judges as one panel: `judges:` with its `panel:` rule, or a single `judge:` as a panel of one (its id
 * is its model's id); undefined when free text is not judged.
 */
export function studyPanel(study: Pick<Study, 'judge' | 'panel'>): JudgePanel | undefined {
  if (study.panel) return study.panel;
  return study.judge ? { rule: 'majority', judges: [{ id: study.judge.model.id, spec: study.judge }] } : undefined;
}

/**
 * `judges: [{ id, model, prompt_version, pairwise }, ...]` and `panel: majority | unanimous-correct`. Each entry
 * reads as a `judge:` section (`readEntry`) plus its id. Refused, every problem at once: a list of fewer than two
 * (one judge is `judge:`), both `judge:` and `judges:`, duplicate ids, two judges asked exactly the same thing
 * (their judgement keys would coincide, so the second would only repeat the first's answers), judges that disagree
 * on `pairwise` (the pairwise verdict is the panel's), and an even panel under `majority`, which ties whenever the
 * judges split evenly: a tie is undecided, never a silent pick, so such a panel is refused rather than left to
 * send its splits to review.
 */
export function readJudgePanel(
  r: FieldReader,
  study: Record<string, unknown>,
  providers: ProviderRegistry,
  seed: number,
  readEntry: (raw: unknown, path: FieldPath) => JudgeSpec | undefined,
): JudgePanel | undefined {
  if (study.judges === undefined) {
    if (study.panel !== undefined) r.problem(['panel'], 'applies to a `judges:` list; a single `judge:` needs no rule (remove `panel:`)');
    return undefined;
  }
  if (study.judge !== undefined) r.problem(['judges'], 'a study has `judge:` (one judge) or `judges:` (a panel), not both; remove one');
  const rule = r.oneOf(study, 'panel', PANEL_RULES, [], { optional: true }) ?? 'majority';
  const entries = r.list(study.judges, ['judges']) ?? [];
  const read: { at: number; judge: PanelJudge }[] = [];
  entries.forEach((raw, at) => {
    const path: FieldPath = ['judges', at];
    const obj = r.record(raw, path);
    const id = obj ? r.string(obj, 'id', path) : undefined;
    const spec = obj ? readEntry(obj, path) : undefined;
    if (id !== undefined && spec) read.push({ at, judge: { id, spec } });
  });
  const judges = read.map((x) => x.judge);
  if (entries.length < 2)
    r.problem(['judges'], `lists ${entries.length} judge(s); a panel needs at least 2 (for one judge write \`judge:\`)`);
  checkDistinct(r, read, providers, seed);
  if (new Set(judges.map((j) => j.spec.pairwise)).size > 1)
    r.problem(['judges'], "the judges disagree on `pairwise`; the pairwise verdict is the panel's, so set it the same for every judge");
  if (rule === 'majority' && entries.length >= 2 && entries.length % 2 === 0)
    r.problem(
      [study.panel === undefined ? 'judges' : 'panel'],
      `a panel of ${entries.length} judges under \`panel: majority\` ties whenever its judges split evenly, and a tie is undecided (unscored and sent to clinician review, never a silent pick); use an odd number of judges, or \`panel: unanimous-correct\``,
    );
  return judges.length === entries.length && entries.length >= 2 ? { rule, judges } : undefined;
}

function checkDistinct(
  r: FieldReader,
  judges: readonly { at: number; judge: PanelJudge }[],
  providers: ProviderRegistry,
  seed: number,
): void {
  const ids = new Map<string, number>();
  const fingerprints = new Map<string, string>();
  for (const { at, judge } of judges) {
    const sameId = ids.get(judge.id);
    if (sameId !== undefined)
      r.problem(['judges', at, 'id'], `"${judge.id}" is also the id of judges[${sameId}]; give each judge its own id`);
    else ids.set(judge.id, at);
    const fingerprint = stableStringify(judgeFingerprint(judge.spec.model, seed, providers));
    const twin = fingerprints.get(fingerprint);
    if (twin !== undefined)
      r.problem(
        ['judges', at, 'model'],
        `is asked exactly what judge "${twin}" is asked (same provider, model and parameters), so its verdicts would only repeat that judge's; give it another model or settings (a simulated judge: another accuracy)`,
      );
    else fingerprints.set(fingerprint, judge.id);
  }
}
