import { PRONOUNS } from './lexicon.js';
import { mention, placeholder } from './mention.js';
import { sexWords } from './sexWords.js';
import type { Mention } from './types.js';

/** Pronouns with the placeholder each would become; `his` and `her` are decided by the word after them. */
export function pronouns(text: string): Mention[] {
  // Lowercase or capitalised only: "HE" is hepatic encephalopathy, "HER2" a receptor.
  return [...text.matchAll(/\b([Hh]e|[Hh]im|[Hh]is|[Hh]imself|[Ss]he|[Hh]er|[Hh]ers|[Hh]erself)\b/dg)].map((m) => {
    const word = m[1]!;
    const entry = PRONOUNS[word.toLowerCase()]!;
    const after = text.slice(m.index! + word.length);
    const key =
      entry.slot === 'his'
        ? standsAlone(after)
          ? 'theirs'
          : 'their'
        : entry.slot === 'her'
          ? herIsObject(text.slice(0, m.index), after)
            ? 'them'
            : 'their'
          : entry.slot;
    return { ...mention(m, 1, { attribute: 'pronoun', gender: entry.gender }), slot: placeholder(key, word) };
  });
}

/** "his" with no noun after it ("the choice is his."). */
function standsAlone(after: string): boolean {
  return /^\s*(?:[.,;:!?)/]|$|and\b|or\b)/.test(after);
}

/**
 * "her" as an object ("gave her aspirin", "told her that") rather than a possessive ("her mother"): after a verb
 * that takes a person and a thing (give, tell, offer, prescribe, ...), or before punctuation, an article or
 * determiner, a preposition, a conjunction, a number, or an adverb of time or place; and in a pronoun list
 * ("she/her/hers").
 */
function herIsObject(before: string, after: string): boolean {
  if (
    /\b(?:give|gives|gave|giving|offer|offers|offered|tell|tells|told|show|shows|showed|send|sends|sent|prescribe|prescribes|prescribed|hand|hands|handed|teach|teaches|taught|ask|asks|asked|pay|paid|wish|wished|allow|allowed|owe|owed|lend|lent|sell|sold|buy|bought|get|got)\s+$/i.test(
      before,
    )
  )
    return true;
  // A state after "her" is what someone found her in ("found her unresponsive"), not something of hers.
  if (
    /^\s+(?:unresponsive|unconscious|confused|disoriented|lethargic|obtunded|pale|cyanotic|diaphoretic|sweaty|cold|drowsy|asleep|awake|agitated|combative|seizing|shaking|crying|lying|slumped|sitting|gasping|vomiting|bleeding)\b/i.test(
      after,
    )
  )
    return true;
  // A time written in words after "her" ("with her two days ago") is no thing of hers.
  if (
    /^\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|several|a few)\s+(?:hours?|days?|nights?|weeks?|months?|years?)\s+(?:ago|earlier|before|later)\b/i.test(
      after,
    )
  )
    return true;
  return /^\s*(?:[.,;:!?)/]|$|\d(?![\d.]*[- ](?:year|month|week|day)s?[- ]old)|(?:a|an|the|this|that|these|those|some|any|no|every|to|in|on|at|with|for|from|about|into|onto|of|by|over|after|before|during|until|and|or|but|if|because|when|while|as|than|so|up|down|out|off|home|back|again|once|twice|today|tonight|yesterday|tomorrow|now|then|here|there|well|why|what|how|where|which|who|whether|not|regularly|daily|weekly|every)\b)/i.test(
    after,
  );
}

/**
 * Sentences written in capitals ("70 YO F W/ PAINFUL BLISTERS. HER BIOPSY SHOWS ... LINEAR IgG"): pronouns and sex
 * words in capitals found in their lowercase reading, with no slot, since no placeholder renders capitals back. Kept
 * as written, they pin sex. A sentence counts when most of its words are in capitals, so a unit or a lab name in
 * mixed case ("IgG", "mg") does not hide it; "HE" in a sentence in lowercase, or after "HX OF", is hepatic
 * encephalopathy, not read.
 */
export function capitalSentences(text: string): Mention[] {
  const out: Mention[] = [];
  for (const line of text.matchAll(/[^\n.!?;]+/g)) {
    const words = line[0].match(/[A-Za-z][A-Za-z'’]+/g) ?? [];
    const capitals = words.filter((w) => w === w.toUpperCase());
    if (capitals.length < 3 || capitals.length < 0.7 * words.length) continue;
    const lower = line[0].toLowerCase();
    if (lower.length !== line[0].length) continue;
    for (const m of [...pronouns(lower), ...sexWords(lower)]) {
      const start = line.index! + m.start;
      const surface = text.slice(start, start + m.surface.length);
      if (surface !== surface.toUpperCase()) continue; // a word in lowercase is read as written
      // "HX OF HE", "H/O HE", "HE, ASCITES": hepatic encephalopathy in a history list, not a pronoun.
      if (surface === 'HE' && /\b(?:OF|HX|H\/O|W\/|AND|WITH)\s+$/.test(text.slice(Math.max(0, start - 6), start))) continue;
      const { slot: _slot, ...unslotted } = m;
      out.push({
        ...unslotted,
        start,
        end: start + m.surface.length,
        surface,
        reason: 'written in capitals: no slot renders it back, so it is kept as written',
      });
    }
  }
  return out;
}
