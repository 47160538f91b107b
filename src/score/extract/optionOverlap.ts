import { isRejecting, splitClauses } from './clauses.js';
import { NUMBER_WORDS } from './numberWords.js';

/** Words that say nothing about which option is meant. */
const FUNCTION_WORDS = new Set(
  (
    'a an the to in into of with for and or on at by as is are be it its this that these those my your our their his her him them they ' +
    'you i we me he she patient patients should would could can may might will do does done per than then from about such e g eg ' +
    'also only any some each other before after until if when while there here what which who up out off over under ' +
    'no not without never none nothing'
  ).split(' '),
);

/**
 * A word's comparison key: lower case, an ending "-ing", "-ed", "-es", "-s" or "-e" dropped, cut to five letters, so
 * "lowering" = "lower", "placed" = "place" = "placing", "antibiotics" = "antibiotic". Number words become digits.
 */
function wordKey(word: string): string {
  const lower = word.toLowerCase();
  const numeric = NUMBER_WORDS[lower];
  if (numeric !== undefined) return String(numeric);
  if (/^\d/.test(lower)) return lower;
  const stem = lower.length > 4 ? lower.replace(/(?:ing|ed|es|s|e)$/, '') : lower;
  return stem.slice(0, 5);
}

function contentKeys(text: string): Set<string> {
  const words = text.match(/[A-Za-z]+|\d+(?:\.\d+)?/g) ?? [];
  // A lone digit counts ("within 2 hours" against "within 24 hours"): options often differ only by one.
  return new Set(words.map(wordKey).filter((key) => (key.length > 1 || /^\d$/.test(key)) && !FUNCTION_WORDS.has(key)));
}

/**
 * Option texts worded as a condition or an absence ("Only if ...", "..., and give nothing by mouth", "without
 * thrombolysis"). An option that opens with "Nothing" is doing nothing, which a negation does rule out.
 */
const NEGATIVE_WORDING = /^\s*(?:only\s+)?(?:if|unless)\b|^.+\bnothing\b|\bwithout\b/i;

export type OverlapReading =
  | { readonly status: 'found'; readonly id: string; readonly clause: string }
  /** `negated`: an option worded as a negation is described in a negated clause, which may be choosing it. */
  | { readonly status: 'ambiguous'; readonly explanation: string; readonly negated: boolean }
  | undefined;

/**
 * The option (or scale point) a text describes in its own words, without naming it: "add empagliflozin" for "Add an
 * SGLT2 inhibitor such as empagliflozin or dapagliflozin", "go to the emergency department right now" for "Emergency
 * department now (call emergency services if needed)".
 *
 * A clause describes an option when it holds at least two of the option's content words, at least one of them unique
 * to that option among all options, and fewer words unique to any other option (at most one). Clauses that rule out what they name
 * ("don't stop losartan", "a weak opioid isn't enough") or only state a condition count as rejections, never as
 * choices. One option described and never rejected is the reading; two options described, or the described option
 * also rejected, is ambiguous; nothing described is undefined. `ruledOut` names options the text rules out by their
 * letter ("antibiotics (C) don't treat influenza"): any clause describing one rejects it, even when its text is worded
 * negatively. `dominant` lets a clause describing several options stand for the one whose own words clearly dominate.
 */
export function optionDescribed(
  text: string,
  phrases: ReadonlyArray<{ readonly id: string; readonly phrase: string }>,
  ruledOut: ReadonlySet<string> = new Set(),
  dominant = false,
): OverlapReading {
  const keys = phrases.map(({ id, phrase }) => ({ id, keys: contentKeys(phrase) }));
  const unique = new Map(
    keys.map(({ id, keys: own }) => [
      id,
      new Set([...own].filter((key) => keys.every((other) => other.id === id || !other.keys.has(key)))),
    ]),
  );
  // An option worded as a negation or a condition ("Not until age 50", "call 911 if I cannot get there") may be chosen
  // in a clause that reads as rejecting: its rejections say nothing, and a description of it there is a possible choice.
  const negativeWording = new Set(
    phrases.filter(({ id, phrase }) => !ruledOut.has(id) && (isRejecting(phrase) || NEGATIVE_WORDING.test(phrase))).map(({ id }) => id),
  );
  const chosen = new Map<string, string>();
  const rejected = new Set<string>();
  const possible = new Set<string>();
  for (const clause of splitClauses(text)) {
    const words = contentKeys(clause.text);
    const scored = keys.map(({ id, keys: own }) => ({
      id,
      shared: [...own].filter((key) => words.has(key)).length,
      distinctive: [...(unique.get(id) ?? [])].filter((key) => words.has(key)).length,
    }));
    const described = scored.filter(({ shared, distinctive }) => shared >= 2 && distinctive >= 1);
    // `dominant`: of several described options, the one whose own words clearly outnumber the others' (the check below).
    // Only for looking for a contradiction, where reading too much errs towards unparseable.
    const best = dominant
      ? described.reduce<(typeof described)[number] | undefined>(
          (leader, entry) => (leader === undefined || entry.distinctive > leader.distinctive ? entry : leader),
          undefined,
        )
      : described.length === 1
        ? described[0]
        : undefined;
    // Another option's own words in the same clause (more than a stray one) make the clause about both.
    const clear =
      best !== undefined &&
      scored.every((other) => other.id === best.id || (other.distinctive <= 1 && other.distinctive < best.distinctive));
    if (!clear || !best) continue;
    if (ruledOut.has(best.id)) rejected.add(best.id);
    else if (clause.rejecting || clause.conditional) (negativeWording.has(best.id) ? possible : rejected).add(best.id);
    else if (!chosen.has(best.id)) chosen.set(best.id, clause.text);
  }
  if (chosen.size > 1)
    return { status: 'ambiguous', explanation: `the answer describes several options (${[...chosen.keys()].join(', ')})`, negated: false };
  const unsettled = [...possible].find((id) => !chosen.has(id));
  if (unsettled !== undefined)
    return {
      status: 'ambiguous',
      explanation: `option ${unsettled} is described in a negated or conditional clause, and its own text is worded that way`,
      negated: true,
    };
  const only = [...chosen][0];
  if (!only) return undefined;
  const [id, clause] = only;
  if (rejected.has(id))
    return { status: 'ambiguous', explanation: `option ${id} is both described ("${clause.slice(0, 60)}") and ruled out`, negated: false };
  return { status: 'found', id, clause };
}

/**
 * A short reply made only of words of one option's text, at least one of them that option's own ("Thrombectomy." for
 * "Mechanical thrombectomy", "Warfarin." for "Warfarin instead of antiplatelet drugs"): that option. A reply of six
 * words or more, one that rules something out ("Not thrombectomy"), or one whose words several options share is not.
 */
export function optionNamedByWords(
  text: string,
  phrases: ReadonlyArray<{ readonly id: string; readonly phrase: string }>,
): string | undefined {
  const reply = text.trim().replace(/[.!]+$/, '');
  if (reply.length === 0 || /[.!?;:\n]/.test(reply) || reply.split(/\s+/).length > 5 || isRejecting(reply)) return undefined;
  if (/^\W*(?:no|not|maybe|perhaps|possibly|probably|either|neither)\b/i.test(reply)) return undefined;
  const words = contentKeys(reply);
  if (words.size === 0) return undefined;
  const keys = phrases.map(({ id, phrase }) => ({ id, keys: contentKeys(phrase) }));
  const covering = keys.filter(({ keys: own }) => [...words].every((word) => own.has(word)));
  const only = covering.length === 1 ? covering[0] : undefined;
  if (only === undefined) return undefined;
  const distinctive = [...words].some((word) => keys.every((other) => other.id === only.id || !other.keys.has(word)));
  return distinctive ? only.id : undefined;
}
