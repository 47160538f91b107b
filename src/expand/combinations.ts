import type { ImplausibleCombination } from '../study/types.js';

/** `"<65"`: an age-axis condition matching any age below 65 years. */
const AGE_BELOW = /^<\s*(\d+)$/;

/** The upper bound of an age condition `"<N"`, or undefined when the condition names a level. */
export function ageBelow(condition: string): number | undefined {
  const m = AGE_BELOW.exec(condition);
  return m ? Number(m[1]) : undefined;
}

/** Whether one `when` entry holds for a level id (an age level's id is its years). */
function conditionHolds(condition: string, level: string | undefined): boolean {
  if (level === undefined) return false;
  const below = ageBelow(condition);
  return below === undefined ? level === condition : /^\d+$/.test(level) && Number(level) < below;
}

/** The first of `rules` that applies to `domain` and whose every `when` entry holds for `levels`. */
export function matchingCombination(
  rules: readonly ImplausibleCombination[],
  domain: string,
  levels: ReadonlyMap<string, string>,
): ImplausibleCombination | undefined {
  return rules.find(
    (rule) =>
      (rule.domains === undefined || rule.domains.includes(domain)) &&
      Object.entries(rule.when).every(([axis, condition]) => conditionHolds(condition, levels.get(axis))),
  );
}

/**
 * A vignette's variants that an implausible combination of the study rules out: a row of results.json `exclusions`
 * (the fields of a per-vignette exclusion, plus the rule and what was not rendered).
 */
export interface CombinationExclusion {
  vignetteId: string;
  /** Index of the rule in the study's `implausible:` list. */
  rule: number;
  /** The rule's axes, "insurance × age". */
  axis: string;
  /** "not insurance=medicare with age=45". */
  value: string;
  reason: string;
  when: Record<string, string>;
  variantsNotRendered: number;
  variantIds: string[];
}

/** "insurance=medicare with age<65": a rule's `when` as the report shows it. */
export function describeCombination(when: Readonly<Record<string, string>>): string {
  return Object.entries(when)
    .map(([axis, condition]) => (ageBelow(condition) === undefined ? `${axis}=${condition}` : `${axis}${condition.replace(/\s+/g, '')}`))
    .join(' with ');
}
