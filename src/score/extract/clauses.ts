import { isRejectingHeading, isRejectingLabel } from './negation.js';
import { splitSentences } from './sentences.js';

/**
 * Words that make a clause reject what it names rather than choose it: negations ("don't stop losartan", "isn't
 * enough", "no longer recommended", "instead of", "rather than", "no features for ICU", "no indication for admission")
 * and judgements ("is wrong", "outdated", "unsafe",
 * "overkill", "a last resort", "too long", "delays treatment", "a myth", "raises your bleeding risk", "I'd be careful
 * about ..."). A mention is not a choice: an option named
 * in such a clause is being ruled out.
 */
const REJECTING_CLAUSE =
  /\b(?:not|no\s+longer|never|neither|nor|avoid(?:ed|ing)?|instead\s+of|rather\s+than|wrong|incorrect|outdated|old(?:er)?\s+(?:teaching|labell?ing|threshold|criterion|practice)|unsafe|dangerous|harmful|excessive|overkill|over-?(?:screening|treatment|treating|triage|dos(?:e|es|ed|ing))|under-?dos(?:e|es|ed|ing)|under-?(?:treatment|treating|triage)|unnecessary|insufficient|inadequate|inappropriate|contraindicated|discouraged|abandoned|superseded|last\s+resorts?|second-?best|too\s+(?:much|long|short|high|low|late|early|aggressive|conservative|little|weak|strong|slow|risky|mild)|delays?|wastes?|misses|myth|no\s+(?:evidence|benefit|role|need)|no\s+(?:[\w-]+\s+){0,2}(?:features?|indications?|criteria|grounds)\s+(?:for|of|to|warranting|requiring)|without\s+(?:extra|additional|any|proven)\s+benefit|mistake|loses?\s+(?:time|brain|tissue|days|hours)|reserved\s+for|lacks?|worse|worsens?|(?:only\s+)?applies\s+(?:only\s+)?to|(?:slows?|delays?|impairs?|hinders?)\s+(?:recovery|healing)|isn't|aren't|wasn't|won't|don't|doesn't|shouldn't|wouldn't|can't|cannot|needn't|careful\s+(?:about|with)|wary\s+of|cautious\s+(?:about|with)|(?:raises?|increases?|doubles?|carr(?:y|ies))\s+(?:the\s+|your\s+|his\s+|her\s+|their\s+|an?\s+)?(?:[\w/-]+\s+)?risk)\b|n't\b/i;

/**
 * Sentences cut into clauses at the places where models turn from one option to the next: semicolons, colons,
 * dashes, "but", "however", "whereas", "while", ", and", ", so", "so", ", not", ", don't". Parentheses stay with their clause, so "(C)"
 * belongs to the words it labels.
 */
const CLAUSE_BREAK =
  /\s*(?:;|:|\s[—–-]\s|[—–]|\bbut\b|\bhowever\b|\bwhereas\b|\bwhile\b|\balthough\b|,\s*(?:and|so|then)\b|\bso\b|→|=>|,\s*(?=(?:not|don't|do\s+not|never)\b)|(?=\b(?:rather\s+than|instead\s+of|versus|vs\.?)\s))\s*/i;

const CONDITION_WORD = /\b(?:if|unless|when)\b/i;
const CONVERSE_WORD = /\b(?:if\s+not|otherwise|or\s+else)\b/i;

/** A sentence with a condition and then its converse ("X if ...; if not, Y", "A when ..., otherwise B"): it commits to neither. */
function answersBothWays(sentence: string): boolean {
  const condition = CONDITION_WORD.exec(sentence);
  return condition !== null && CONVERSE_WORD.test(sentence.slice(condition.index + condition[0].length));
}

/** A break after which the sentence turns against the clause before it ("It has resolved, but it is not safe to wait"). */
const CONCEDING_BREAK = /\b(?:but|however)\b/i;

/** An embedded question ("ask your dentist which pain medicine is appropriate"): what it names is asked about, not chosen. */
export const EMBEDDED_QUESTION = /\b(?:ask|check|discuss|advise|tell|decide|know)\b[^.;]{0,80}?\b(?:which|what|whether|between)\b/i;

/** See {@link Clause.conditional}. */
const UNCOMMITTED_CLAUSE = new RegExp(
  String.raw`^(?:or\b\s*,?\s*)?(?:if|unless|whether|when|either)\b|\b(?:options|choices|alternatives)\s+(?:are|include|would\s+be)\b|\b(?:are|were)\s+(?:both\s+)?(?:used|options|possible|reasonable|acceptable|alternatives|available)\b|\b(?:only\s+if|depending\s+on|depends\s+on|possibly|maybe|perhaps|might|could)\b|\bI(?:'d|\s+would)?\s+need\b|\b(?:though|although|while|whereas)\s+(?:some|others|many)\b|\b(?:some|others)\s+(?:would|might|prefer)\b|\bneed\s+to\s+know\b|\bwithout\s+knowing\b|\beither\b[^.;]{0,80}?\bor\b|\b(?:fine|ok(?:ay)?|reasonable|safe|enough|acceptable)\s+(?:only\s+)?if\b|${EMBEDDED_QUESTION.source}`,
  'i',
);

/** A negation inside a relative clause describes the case, not the option ("pain that is not controlled by ..."). */
const RELATIVE_NEGATION = /\b(?:that|which|who)\s+(?:is|are|was|were|has|have|had|do|does|did)(?:\s+not|n't)\b[^,;]*/gi;
/**
 * A negation inside a condition that follows what it qualifies says when, not what is ruled out: "go to the emergency
 * department now, or call 911 if you can't get there safely" recommends the ED.
 */
const CONDITION_NEGATION = /(?<=\S.*)\b(?:if|in\s+case)\b[^,;.]*?(?:\bnot\b|n't\b|\bcannot\b)[^,;.]*/gi;

export interface Clause {
  readonly text: string;
  /** Whether the clause rules out what it names (see {@link REJECTING_CLAUSE}). */
  readonly rejecting: boolean;
  /**
   * Whether the clause commits to nothing: a condition ("if ...", "or, if ...", "unless ...", "depending on ..."), a question, a
   * concession the sentence then turns against ("It has resolved, but ..."), a permission under a condition ("an echo
   * in 3 months should be fine if the ECG is normal"), a list of
   * options ("the options are ...", "both ... are used"), a hedge ("possibly
   * plus codeine"), a request for missing input ("I'd need the z-score to grade severity"), an embedded question
   * ("ask your dentist which pain medicine is appropriate", "need her age to decide between 5 mg and 2.5 mg"), a view
   * attributed to others ("though some would recheck in 5 years"), alternatives ("either urgent care or the emergency
   * department"), or one branch of a
   * sentence that answers both ways ("X if you have had it before; if not, nothing").
   */
  readonly conditional: boolean;
}

/** The clauses of `text`, in order, each marked rejecting and/or conditional. */
export function splitClauses(text: string): Clause[] {
  return splitSentences(text).flatMap((sentence) => {
    // A question ("Stop metformin? No.") considers what it names; it does not choose it.
    const sentenceConditional = /^\s*(?:if|unless|whether|when)\b/i.test(sentence) || /\?\s*$/.test(sentence) || answersBothWays(sentence);
    const breaks = [...sentence.matchAll(new RegExp(CLAUSE_BREAK.source, 'gi'))];
    const parts = sentence.split(CLAUSE_BREAK);
    // "What I'd avoid: codeine (A); tramadol (C)": a rejecting heading rules out every clause after it in its sentence.
    const headed = /:/.test(breaks[0]?.[0] ?? '') && isRejectingHeading(parts[0] ?? '');
    return parts
      .map((clause, index) => ({
        clause: clause.trim(),
        conceded: CONCEDING_BREAK.test(breaks[index]?.[0] ?? ''),
        // "Not this one: Start oral doxycycline": a rejecting label rules out the clause it introduces.
        labelledRejected: index > 0 && (headed || (/[:-]/.test(breaks[index - 1]?.[0] ?? '') && isRejectingLabel(parts[index - 1] ?? ''))),
      }))
      .filter(({ clause }) => clause.length > 0)
      .map(({ clause, conceded, labelledRejected }) => ({
        text: clause,
        rejecting: labelledRejected || isRejecting(clause),
        conditional: sentenceConditional || conceded || UNCOMMITTED_CLAUSE.test(clause),
      }));
  });
}

const CLAUSE_REACH = 300;

/**
 * Whether the text at `[start, end)` sits in a clause that rules out what it names ("giving it without lowering (B) is
 * unsafe"). With `fromComma`, the clause starts after the last comma before the mention: a letter labels the phrase
 * it closes, so "Since you've never been screened, start now (option B)" does not rule B out.
 */
export function isInRejectingClause(text: string, start: number, end: number, fromComma = false): boolean {
  // A clause is local: looking at most CLAUSE_REACH characters either side keeps this linear in long answers.
  const before = text.slice(Math.max(0, start - CLAUSE_REACH), start);
  const after = text.slice(end, end + CLAUSE_REACH);
  // A comma inside the mention's own parentheses ("take an antacid (A, D)") lists labels; it starts no phrase.
  const openParen = before.lastIndexOf('(') > before.lastIndexOf(')') ? before.lastIndexOf('(') : before.length;
  const clauseStart = fromComma ? Math.max(lastBreak(before), before.slice(0, openParen).lastIndexOf(',') + 1) : lastBreak(before);
  const nextBreak = after.search(new RegExp(`${CLAUSE_BREAK.source}|[.!?](?:\\s|$)|\\n`, 'i'));
  const clause = `${before.slice(clauseStart)}${text.slice(start, end)}${nextBreak < 0 ? after : after.slice(0, nextBreak)}`;
  return isRejecting(clause) || underRejectingHeading(before);
}

/**
 * "What I would NOT do: codeine (A), tramadol (C). My recommendation: …": a sentence that opens with a heading that
 * rules out what follows, then lists options after its colon. Each item is its own clause without a negation, so the
 * heading is what rejects them, up to the end of its sentence.
 */
function underRejectingHeading(before: string): boolean {
  const sentenceStart = Math.max(before.search(/[^.!?\n]*$/), 0);
  const sentence = before.slice(sentenceStart);
  const colon = sentence.indexOf(':');
  return colon >= 0 && isRejectingHeading(sentence.slice(0, colon));
}

/** Whether a clause rules out what it names (a negation in a relative clause or a trailing condition does not count). */
export function isRejecting(clause: string): boolean {
  return REJECTING_CLAUSE.test(clause.replace(RELATIVE_NEGATION, '').replace(CONDITION_NEGATION, '').replace(PROMPTLY, ''));
}

/** "without delay", "with no delay": urgency, not a rejection ("delays treatment" is one). */
const PROMPTLY = /\b(?:without|with\s+no)\s+(?:further\s+|any\s+)?delay\b/gi;

function lastBreak(before: string): number {
  let position = 0;
  for (const match of before.matchAll(new RegExp(`${CLAUSE_BREAK.source}|[.!?]\\s|\\n`, 'gi')))
    position = (match.index ?? 0) + match[0].length;
  return position;
}
