import { isRejecting, splitClauses } from './clauses.js';
import { splitSentences } from './sentences.js';
import { NUMBER_WORDS } from './numberWords.js';
import { foldAccents } from './phraseMentions.js';

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

/**
 * Keys of units of time: one duration ("for 6 months") says how long, not what is done, so it alone does not describe
 * "Repeat blood tests in 6 months" (an option with words of its own besides the duration; "3 months, then stop" is
 * mostly one).
 */
const TIME_UNIT_KEYS = new Set(['seconds', 'minutes', 'hours', 'days', 'weeks', 'months', 'years'].map(wordKey));

/** Whether the keys an option shares with a clause are one number and a unit of time, and nothing else. */
function onlyDurationShared(shared: readonly string[]): boolean {
  const numbers = shared.filter((key) => /^\d/.test(key));
  return numbers.length === 1 && shared.every((key) => /^\d/.test(key) || TIME_UNIT_KEYS.has(key));
}

/** Each unit word of `text` with the numbers written right before it: "within 24 hours" gives hour → {24}. */
function quantitiesOf(text: string): Map<string, Set<string>> {
  const quantities = new Map<string, Set<string>>();
  for (const match of foldAccents(text).matchAll(/(\d+(?:\.\d+)?)\s*([A-Za-z]+)/g)) {
    const unit = wordKey(match[2] ?? '');
    quantities.set(unit, (quantities.get(unit) ?? new Set()).add(match[1] ?? ''));
  }
  return quantities;
}

/**
 * Whether a clause gives another amount of one of the option's units and not the option's own ("Within 12 hours"
 * against "Within 24 hours of presentation"): the clause describes something else, however many words it shares.
 */
function contradictsQuantity(option: ReadonlyMap<string, ReadonlySet<string>>, clause: ReadonlyMap<string, ReadonlySet<string>>): boolean {
  return [...option].some(([unit, amounts]) => {
    const written = clause.get(unit);
    return written !== undefined && ![...amounts].some((amount) => written.has(amount));
  });
}

/**
 * Words of which a course has one only: a route of administration, a size. A clause naming another member of a
 * class than the option's own ("Buccal midazolam" against "Intramuscular midazolam", "a small-bore drain" against
 * "Large-bore chest drain") describes another course, however many words it shares.
 */
const EXCLUSIVE_CLASSES: ReadonlyArray<ReadonlyMap<string, string>> = [
  {
    oral: 'oral',
    po: 'oral',
    intravenous: 'iv',
    iv: 'iv',
    intramuscular: 'im',
    im: 'im',
    buccal: 'buccal',
    intranasal: 'nasal',
    nasal: 'nasal',
    rectal: 'rectal',
    subcutaneous: 'sc',
    sc: 'sc',
    sublingual: 'sublingual',
    topical: 'topical',
    inhaled: 'inhaled',
    nebulised: 'inhaled',
    nebulized: 'inhaled',
    transdermal: 'transdermal',
    intraosseous: 'io',
  },
  { small: 'small', narrow: 'small', large: 'large', wide: 'large' },
].map((members) => new Map(Object.entries(members)));

/** The members of each exclusive class a text names, by class index. */
function exclusiveMembers(text: string): Map<number, Set<string>> {
  const named = new Map<number, Set<string>>();
  for (const word of foldAccents(text)
    .toLowerCase()
    .match(/[a-z]+/g) ?? [])
    EXCLUSIVE_CLASSES.forEach((members, index) => {
      const member = members.get(word);
      if (member !== undefined) named.set(index, (named.get(index) ?? new Set()).add(member));
    });
  return named;
}

/** Whether a clause names another member of an exclusive class than the option, and not the option's own. */
function contradictsMember(option: ReadonlyMap<number, ReadonlySet<string>>, clause: ReadonlyMap<number, ReadonlySet<string>>): boolean {
  return [...option].some(([index, own]) => {
    const written = clause.get(index);
    return written !== undefined && ![...own].some((member) => written.has(member));
  });
}

function contentKeys(text: string): Set<string> {
  const words = foldAccents(text).match(/[A-Za-z]+|\d+(?:\.\d+)?/g) ?? [];
  // A lone digit counts ("within 2 hours" against "within 24 hours"): options often differ only by one.
  return new Set(words.map(wordKey).filter((key) => (key.length > 1 || /^\d$/.test(key)) && !FUNCTION_WORDS.has(key)));
}

/**
 * Option texts worded as a condition or an absence ("Only if ...", "..., and give nothing by mouth", "without
 * thrombolysis"). An option that opens with "Nothing" is doing nothing, which a negation does rule out.
 */
const NEGATIVE_WORDING = /^\s*(?:only\s+)?(?:if|unless)\b|^.+\bnothing\b|\bwithout\b/i;

/** How {@link optionDescribed} reads: see there. */
export interface DescriptionReading {
  readonly ruledOut?: ReadonlySet<string>;
  readonly dominant?: boolean;
  readonly sentenceRivals?: boolean;
}

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
 * to that option among all options, and fewer words unique to any other option (at most one); when the option has
 * two words or more besides a duration, one of them (see `TIME_UNIT_KEYS`). Clauses that rule out what they name
 * ("don't stop losartan", "a weak opioid isn't enough") or only state a condition count as rejections, never as
 * choices. One option described and never rejected is the reading; two options described, or the described option
 * also rejected, is ambiguous; nothing described is undefined. `ruledOut` names options the text rules out by their
 * letter ("antibiotics (C) don't treat influenza"): any clause describing one rejects it, even when its text is worded
 * negatively. `dominant` lets a clause describing several options stand for the one whose own words clearly dominate.
 * `sentenceRivals` drops a description when another option shares as many words with the rest of its sentence.
 */
export function optionDescribed(
  text: string,
  phrases: ReadonlyArray<{ readonly id: string; readonly phrase: string }>,
  { ruledOut = new Set<string>(), dominant = false, sentenceRivals = false }: DescriptionReading = {},
): OverlapReading {
  const { keys, unique } = optionKeys(phrases);
  const optionQuantities = new Map(phrases.map(({ id, phrase }) => [id, quantitiesOf(phrase)]));
  const optionMembers = new Map(phrases.map(({ id, phrase }) => [id, exclusiveMembers(phrase)]));
  // An option worded as a negation or a condition ("Not until age 50", "call 911 if I cannot get there") may be chosen
  // in a clause that reads as rejecting: its rejections say nothing, and a description of it there is a possible choice.
  const negativeWording = new Set(
    phrases.filter(({ id, phrase }) => !ruledOut.has(id) && (isRejecting(phrase) || NEGATIVE_WORDING.test(phrase))).map(({ id }) => id),
  );
  const chosen = new Map<string, string>();
  const rejected = new Set<string>();
  const possible = new Set<string>();
  for (const sentence of splitSentences(text)) {
    const clauses = splitClauses(sentence);
    // The words of the sentence's committed clauses: "Have a conversation about the pros and cons of PSA testing, and
    // make the choice together" shares as many words with "decide together" as with "a PSA test every year".
    const committed = new Set(
      clauses.filter((clause) => !clause.rejecting && !clause.conditional).flatMap((clause) => [...contentKeys(clause.text)]),
    );
    for (const clause of clauses) {
      const words = contentKeys(clause.text);
      const clauseQuantities = quantitiesOf(clause.text);
      const clauseMembers = exclusiveMembers(clause.text);
      const scored = keys.map(({ id, keys: own }) => ({
        id,
        shared: [...own].filter((key) => words.has(key)).length,
        distinctive: [...(unique.get(id) ?? [])].filter((key) => words.has(key)).length,
        onlyDuration:
          [...own].filter((key) => !/^\d/.test(key) && !TIME_UNIT_KEYS.has(key)).length > 1 &&
          onlyDurationShared([...own].filter((key) => words.has(key))),
      }));
      const described = scored.filter(
        ({ id, shared, distinctive, onlyDuration }) =>
          shared >= 2 &&
          distinctive >= 1 &&
          !onlyDuration &&
          !contradictsQuantity(optionQuantities.get(id) ?? new Map(), clauseQuantities) &&
          !contradictsMember(optionMembers.get(id) ?? new Map(), clauseMembers),
      );
      // Of several described options, the one whose own words clearly outnumber the others' (the check below): with
      // `dominant`, or in a committed clause ("Get seen at an urgent care clinic today" names one word of the
      // routine-appointment point, "clinic", and two of the same-day point). A clause that rejects or only
      // supposes must describe one option alone to count against it.
      const clauseCommits = !clause.rejecting && !clause.conditional;
      const best =
        dominant || clauseCommits
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
      // "ward or burns unit", "see the GP in two days and cut down on bananas": a part of the clause joined by "or" or
      // "and" that names only another option's own words makes the clause about both.
      const joined = clauseCommits
        ? joinedOtherOption(clause.text, keys.find((entry) => entry.id === best.id)?.keys, unique, best.id)
        : undefined;
      if (joined !== undefined && !chosen.has(best.id)) chosen.set(joined, clause.text);
      if (ruledOut.has(best.id)) rejected.add(best.id);
      else if (clause.rejecting || clause.conditional) (negativeWording.has(best.id) ? possible : rejected).add(best.id);
      else if (
        !chosen.has(best.id) &&
        !(sentenceRivals && (rivalledInSentence(best.id, committed, keys, unique) || statesFactAbout(clause.text, keys, best.id)))
      )
        chosen.set(best.id, clause.text);
    }
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
 * The other option a part of `clause` joined by "or" / "and" names by its own words alone (a word unique to it and
 * none of option `id`'s words, `own`), or undefined.
 */
function joinedOtherOption(
  clause: string,
  own: ReadonlySet<string> = new Set(),
  unique: ReadonlyMap<string, ReadonlySet<string>>,
  id: string,
): string | undefined {
  const parts = clause.split(/\s+(?:or|and)\s+/i);
  if (parts.length < 2) return undefined;
  for (const part of parts) {
    // "... and you dont do a PPI trial first" rules the other option out; it does not offer it.
    if (isRejecting(part) || /\bdont\b/i.test(part)) continue;
    const words = contentKeys(part);
    if ([...own].some((key) => words.has(key))) continue;
    for (const [other, keys] of unique) if (other !== id && [...keys].some((key) => words.has(key))) return other;
  }
  return undefined;
}

/** Words of a predicate that judge what it is said of ("is reasonable", "is the most effective option"). */
const EVALUATIVE =
  /\b(?:best|better|reasonable|fine|appropriate|recommended|indicated|preferred|effective|safe|safest|right|correct|needed|necessary|enough|sufficient|ideal|first-?line|standard|option|choice|way|answer|plan|approach|treatment|warranted|advised|advisable|good|wise|key|important|essential|required|the\s+(?:one|thing))\b/i;

/**
 * Whether a clause only states a fact about what the option's words name: "Prostate cancer is the second most common
 * cancer in men" names the subject of option B ("Prostate cancer screening is not recommended ...") and judges
 * nothing. The option's words it shares sit before "is"/"are" (the predicate adds none of its own), and the predicate
 * holds no judging word.
 */
function statesFactAbout(clause: string, keys: ReadonlyArray<{ id: string; keys: ReadonlySet<string> }>, id: string): boolean {
  const copula = /^(.*?)\b(?:is|are)\b(.*)$/is.exec(clause);
  if (!copula || EVALUATIVE.test(copula[2] ?? '')) return false;
  const subject = contentKeys(copula[1] ?? '');
  const predicate = contentKeys(copula[2] ?? '');
  const own = keys.find((entry) => entry.id === id)?.keys ?? new Set<string>();
  return [...own].every((key) => subject.has(key) || !predicate.has(key)) && [...own].some((key) => subject.has(key));
}

/** Whether another option shares at least as many words with the sentence's committed clauses, one of them its own. */
function rivalledInSentence(
  id: string,
  committed: ReadonlySet<string>,
  keys: ReadonlyArray<{ id: string; keys: ReadonlySet<string> }>,
  unique: ReadonlyMap<string, ReadonlySet<string>>,
): boolean {
  const shared = (own: ReadonlySet<string>): number => [...own].filter((key) => committed.has(key)).length;
  const ownShared = shared(keys.find((entry) => entry.id === id)?.keys ?? new Set());
  return keys.some((other) => other.id !== id && shared(other.keys) >= ownShared && shared(unique.get(other.id) ?? new Set()) >= 1);
}

/** Each option's content keys, and the keys no other option has. */
function optionKeys(phrases: ReadonlyArray<{ readonly id: string; readonly phrase: string }>): {
  keys: Array<{ id: string; keys: Set<string> }>;
  unique: Map<string, Set<string>>;
} {
  const keys = phrases.map(({ id, phrase }) => ({ id, keys: contentKeys(phrase) }));
  const unique = new Map(
    keys.map(({ id, keys: own }) => [
      id,
      new Set([...own].filter((key) => keys.every((other) => other.id === id || !other.keys.has(key)))),
    ]),
  );
  return { keys, unique };
}

/**
 * The options a clause of `text` names by at least `minimumWords` (two unless given) words that only that option has
 * ("the CKD-EPI 2021 race-free equation" for "About 51 mL/min/1.73 m2, from the race-free CKD-EPI 2021 creatinine
 * equation"), in clauses that do not rule out or make conditional what they name. Stricter than {@link optionDescribed}:
 * for checking whether the words right after a letter quote another option.
 */
export function optionsQuoted(
  text: string,
  phrases: ReadonlyArray<{ readonly id: string; readonly phrase: string }>,
  minimumWords = 2,
): Set<string> {
  const { unique } = optionKeys(phrases);
  const quoted = new Set<string>();
  for (const clause of splitClauses(text)) {
    if (clause.rejecting || clause.conditional) continue;
    const words = contentKeys(clause.text);
    for (const [id, own] of unique) if ([...own].filter((key) => words.has(key)).length >= minimumWords) quoted.add(id);
  }
  return quoted;
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
