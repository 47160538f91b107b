import { attributive, mention } from './mention.js';
import type { Mention } from './types.js';

/** "on Medicaid", "uninsured", "privately insured" have slots; other insurance wordings are stated only. */
export function insurance(text: string): Mention[] {
  const stated =
    (level: string, slot?: string) =>
    (m: RegExpMatchArray): Mention => ({
      ...mention(m, 0, { attribute: 'insurance', stated: { axis: 'insurance', level } }),
      ...(slot ? { slot } : {}),
      ...(slot === undefined && attributive(text, m)
        ? { reason: 'it stands before a noun, where other levels\' words ("on Medicaid") do not fit' }
        : {}),
    });
  const levelOf = (word: string) => (/care/i.test(word) ? 'medicare' : 'medicaid');
  return [
    ...insuranceFields(text),
    ...[...text.matchAll(/\bon (Medicaid|Medicare|Medi-Cal)\b/dg)].map((m) => stated(levelOf(m[1]!), '{{insurance_status}}')(m)),
    // Before a noun ("an uninsured man") the slot would read "an on Medicaid man": stated only, so the axis is pinned.
    ...[...text.matchAll(/\buninsured\b/dg)].map((m) => stated('uninsured', attributive(text, m) ? undefined : '{{insurance_status}}')(m)),
    ...[...text.matchAll(/\bprivately insured\b/dg)].map((m) =>
      stated('private', attributive(text, m) ? undefined : '{{insurance_status}}')(m),
    ),
    ...[...text.matchAll(/\b(?:has |with |covered by |insured (?:through|by) |enrolled in )?(Medicaid|Medicare|Medi-Cal)\b/dg)].map((m) =>
      stated(levelOf(m[1]!))(m),
    ),
    ...[
      ...text.matchAll(/\b(?:no|without|lacks|lost (?:his|her|their)) (?:health |medical )?(?:insurance|coverage)\b|\bself-pay\b/dgi),
    ].map(stated('uninsured')),
    ...[
      ...text.matchAll(
        /\b(?:private|commercial|employer[- ](?:sponsored|based|provided)) (?:health )?insurance\b|\bcommercially insured\b/dgi,
      ),
    ].map(stated('private')),
    ...[...text.matchAll(/\b(?:does not|doesn't|did not|didn't) have (?:any )?(?:health |medical )?insurance\b/dgi)].map(
      stated('uninsured'),
    ),
    // The patient's possessive before these stays a pronoun slot of its own: "lost {{their}} Medicaid coverage".
    ...[...text.matchAll(/(?<=\blost (?:his|her|their) )(?:Medicaid|Medicare|Medi-Cal|insurance)(?: coverage)?/dg)].map(
      stated('uninsured'),
    ),
    ...[...text.matchAll(/(?<=\bon (?:his|her|their) )parents['’]? (?:health )?(?:insurance|plan)\b/dg)].map(stated('private')),
    ...[...text.matchAll(/\bon an? (?:high-deductible|employer|PPO|HMO|commercial)(?: health)? plan\b/dg)].map(stated('private')),
  ];
}

/**
 * "Payer: Medicaid", "FC: Medicare", "Coverage: Commercial (BCBS PPO)", "Insurance: self-pay": only the value is the
 * span (D1). A value that is exactly a level's label ("Medicaid") has a slot; other values of a known level are
 * stated only; a value of no level ("Tricare") is not read.
 */
function insuranceFields(text: string): Mention[] {
  const re =
    /\b(?:(?:Primary |Secondary )?[Pp]ayer|PAYER|FC|Financial class|Coverage|COVERAGE|Insurance|INSURANCE|Insurer)\s*:\s*([A-Za-z][^\n;]*?)(?=\s{2,}|\n|\.(?:\s|$)|;|$)/dg;
  return [...text.matchAll(re)].flatMap((m): Mention[] => {
    const value = m[1]!;
    const level = /medicaid|medi-cal/i.test(value)
      ? 'medicaid'
      : /medicare/i.test(value)
        ? 'medicare'
        : /self[- ]?pay|uninsured|^none\b/i.test(value)
          ? 'uninsured'
          : /commercial|private|employer|BCBS|Blue Cross|Aetna|Cigna|United ?Health|PPO|HMO/i.test(value)
            ? 'private'
            : undefined;
    if (!level) return [];
    const exact = /^(?:Medicaid|Medicare)$/.test(value);
    return [
      {
        ...mention(m, 1, { attribute: 'insurance', stated: { axis: 'insurance', level } }),
        ...(exact ? { slot: '{{insurance_label}}' } : {}),
      },
    ];
  });
}
