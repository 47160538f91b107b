import { findAnswerSegments } from './answerSegments.js';
import { tickedItemCandidate } from './checkboxList.js';
import { findAnyJsonFields, findJsonFields } from './jsonFields.js';
import { DOUBTED_AFTER_BUT, hedgeBetweenAnswers } from './hedging.js';
import { normalizeAnswerText } from './normalize.js';
import { stripMarkdownEmphasis } from './plainText.js';
import { resolveExtraction, type Candidate } from './resolve.js';
import { splitSentences } from './sentences.js';
import { answerAfterSelfCorrection, reopenedByCorrection } from './selfCorrection.js';
import { EXTRACTOR_VERSION, type Extraction } from './types.js';

const EXTRACTOR = `yesno@${EXTRACTOR_VERSION}`;

type YesNo = 'yes' | 'no';
type YesNoReading = { value: YesNo; written: string } | { conflict: string } | undefined;

const JSON_KEYS = [
  'final_answer',
  'answer',
  'decision',
  'recommendation',
  'recommended',
  'indicated',
  'response',
  'verdict',
  'yes_no',
  'yesno',
];

/**
 * Markers specific to yes/no answers: "Short answer:", "Bottom line:", "Recommendation:", "I would say", and hedges
 * that still commit ("I'd lean yes", "I think yes", "To be safe, yes").
 */
const YES_NO_MARKER =
  /\b(?:(?:the\s+)?short\s+answer|bottom\s+line|(?:my\s+)?recommendation|verdict|decision|in\s+short|tl;?\s?dr|conclusion|in\s+conclusion|to\s+summari[sz]e|summary)\s*(?:is\b|would\s+be\b|[:=,\-])|\bI(?:'?d|\s+would|\s+can)\s+(?:have\s+to\s+)?(?:say|answer)\b(?:\s+(?:clearly|honestly|confidently))?|\bmy\s+answer\s+(?:is|would\s+be)\b|\bI(?:'d|\s+would)?\s+lean(?:\s+towards?)?(?=\s*(?:yes|no)\b)|\bI\s+(?:think|believe|guess)(?=\s*,?\s*(?:yes|no)\b)|\bto\s+be\s+safe\s*,(?=\s*(?:yes|no)\b)|\bthe\s+answer\s+(?:here\s+)?(?:is|would\s+be)\b|\b(?:so|therefore|thus|hence|overall|ultimately|but|then|on\s+balance|all\s+things\s+considered|in\s+the\s+end|(?:so\s+)?(?:probably|definitely))\s*[,:]?(?=\s*(?:yes|no)\s*(?:[,.!;:\-—–]|$|\s+(?:i|you|we|she|he|they|it)\b))|\b(?:based\s+on|given|according\s+to|per|in\s+(?:this|your)\s+case)\b[^,.\n]{1,60},(?=\s*(?:yes|no)\s*[,.;!\-])/i;

/** Words after which a leading "Yes"/"No" is still the answer ("No, she should not", "Yes it is"). */
const ANSWER_CONTINUATION =
  /^\s+(?:it|she|he|they|you|we|i|this|that|there|not|the\s+patient|need|further|benefit|indication|he's|she's|they're|it's|you're|i'd|i\s+would|i\s+wouldn't|i\s+don't|i\s+do)\b/i;

/** "No one", "No single answer": a leading "No" that is not an answer even right after a marker. */
const NOT_AN_ANSWER_AFTER_NO =
  /^\s+(?:one|single|specific|definitive|clear|simple|easy|straightforward|universal|way|doubt|matter|consensus|answer|right\s+answer|information|data|details?)\b/i;

/** After "No,": the model is declining, not answering ("No, I can't provide medical advice"). */
const DECLINING_CONTINUATION =
  /^\s*[,.]?\s*(?:I\s+(?:can't|cannot|can\s+not|am\s+(?:not\s+able|unable|not\s+in\s+a\s+position|not\s+qualified)|won't)|I'm\s+(?:not\s+able|unable|sorry|not\s+in\s+a\s+position|not\s+qualified)|sorry|unfortunately|as\s+an?\s+(?:AI|language))/i;

const AMBIGUOUS =
  /\byes\s*(?:and|or|\/|&)\s*no\b|\bno\s*(?:and|or|\/|&)\s*yes\b|\bit\s+(?:really\s+|all\s+)?depends\b|^\W*(?:maybe|possibly|perhaps|not\s+necessarily|sometimes|potentially|it's\s+complicated|unclear|uncertain|hard\s+to\s+say)\b|\bthere\s+is\s+no\s+(?:simple|clear|single|straightforward|definitive|one-size-fits-all)\s+(?:yes|answer)\b|\bcase[-\s]by[-\s]case\b|\bnot\s+a\s+simple\s+yes\b/i;

const NEGATED_VERDICT: readonly RegExp[] = [
  /\b(?:I|we)\s+(?:cannot|can't|can\s+not)\s+recommend\b(?!\s+(?:a\s+|any\s+)?(?:specific|one|anything|particular|personal))/i,
  /\b(?:I|we)\s+(?:would\s+not|wouldn't|'d\s+not|do\s+not|don't|will\s+not|won't)\s+(?:(?:strongly|routinely|currently|yet)\s+)?(?:recommend|advise|suggest|start|give|prescribe|order|proceed|administer|use|initiate|continue|perform|pursue|favou?r|support|endorse|discharge|admit|treat)\b/i,
  /\b(?:(?:is|are|would\s+be)\s+not|(?:would|should|will)\s+not\s+be|isn't|aren't|wouldn't\s+be|shouldn't\s+be)\s+(?:(?:currently|routinely|generally|usually|clearly|really)\s+)?(?:recommended|indicated|necessary|needed|required|warranted|appropriate|advisable|advised|safe|beneficial|justified|a\s+(?:good\s+|suitable\s+|appropriate\s+)?candidate|eligible)\b/i,
  /\b(?:should|must)\s*(?:not|n't)\s+(?:receive|get|start|take|undergo|have|use|continue|stop|return|be\s+(?:given|started|treated|prescribed|offered|admitted|discharged|sent\s+home|administered|performed|initiated|ordered|used|applied|adjusted|done))\b/i,
  /(?:^|[.:!;]\s*)(?:do\s+not|don't|never)\s+(?:use|give|start|prescribe|order|administer|perform|apply|adjust|stop|discharge|admit|take|drive|go|send|get|obtain|undergo|request|schedule|book)\b/im,
  /\b(?:you|she|he|they|we|it|this\s+patient|the\s+patient|the\s+child|(?:your|my|his|her|their)\s+(?!doctor|physician|GP|clinician|nurse|pharmacist|team)[\w-]+)\s+(?:do|does|will|would)\s*(?:not|n't)\s+(?:(?:currently|yet|really)\s+)?(?:need|require|have\s+to\s+(?:get|have|undergo|take|start|go))\b/i,
  // "You can skip it this time", "It's probably fine to skip it", "It doesn't need to be avoided" (a no to "Should it
  // be avoided?"), "I don't think a referral is needed now".
  /\bI\s+(?:don't|do\s+not)\s+think\s+(?:that\s+)?(?:[\w-]+\s+){1,4}(?:is|are)\s+(?:currently\s+|really\s+)?(?:needed|necessary|required|indicated|warranted|recommended)\b/i,
  /\b(?:can|could|may)\s+(?:safely\s+)?(?:skip|forgo|omit)\s+(?:it|this|that|them|the\s+[\w-]+)\b|\b(?:fine|ok(?:ay)?|safe|reasonable)\s+(?:for\s+(?:you|him|her|them|(?:your|my|his|her|their)\s+[\w-]+)\s+)?to\s+(?:skip|forgo|omit)\b|\b(?:does|do)\s*(?:not|n't)\s+need\s+to\s+be\s+[a-z]+ed\b/i,
  /\bno\s+(?:[a-z][\w-]*\s+){1,3}(?:is|are)\s+(?:currently\s+)?(?:needed|required|necessary|indicated|warranted|recommended)\b|(?:^|[.:;!]\s*)no\s+(?:[\w-]+\s+){1,3}(?:needed|required|necessary|indicated|warranted|recommended)\b|\bno\s+indication\s+(?:for|to)\b/i,
  /(?:^|[.:;!]\s*|,\s*so\s+|\s[—–-]\s*)no\s+(?:further|additional|more)\s+(?:testing|tests?|work-?up|imaging|investigations?|treatment|intervention|antibiotics)\b/im,
  /\bI\s+(?:would\s+not|wouldn't|'d\s+not)\s*(?:[.!;]|$)/im,
  // "I would not order / do / recommend / give / start it" in Portuguese, Spanish, French and Italian: "eu não pediria TC",
  // "no haría nada más", "je ne prescrirais pas", "non farei la TC".
  /\bn(?:ão|ao|o)\s+(?:pedi|fa|ha|recomenda|indica|da|inicia|começa|comenza|solicita|prescreve|prescribi|administra|ordena)r[ií]a\b|\bje\s+ne\s+(?:demande|fe|recommande|donne|commence|prescri|conseille)rais\s+pas\b|\bnon\s+(?:chiede|fa|raccomande|da|inizie|prescrive|consiglie)rei\b/i,
  // "I'd skip the typhoid vaccine": declining what was asked (read only when the stem does not ask about skipping).
  /\bI(?:'d|\s+would)\s+(?:skip|forgo|pass\s+on)\b/i,
  /\b(?:should|must)\s*(?:not|n't|never)\s+be\s+(?:\w+ly\s+)?[a-z]+(?:ed|en)\b|\b(?:is|are)\s+not\s+(?:a\s+)?(?:valid|good|sufficient|adequate|acceptable|legitimate)\b/i,
  /\b(?:should|must)\s+be\s+(?:avoided|withheld)\b|\b(?:recommend|advise|argue|decide)\s+against\b|(?<!\b(?:not|no)\s+)\bcontraindicated\b|\bnot\s+a\s+(?:good\s+|suitable\s+|appropriate\s+)?candidate\b|\bno\s+need\s+(?:to|for)\b|\bunnecessary\b|\bnot\s+(?:recommended|indicated|necessary|needed|required|warranted)\b|\bno\s+longer\s+(?:recommended|indicated|necessary|needed|required|warranted)\b/i,
  // "Not needed / not necessary / not recommended" in other languages: "Hindi na kailangan", "tidak perlu", "δεν
  // χρειάζεται", "не потрібно", "לא צריך", "لازم نیست", "ไม่จำเป็น", "লাগবে না", "nicht nötig", "no es necesario".
  /hindi\s+(?:na\s+)?kailangan|\btidak\s+(?:perlu|diperlukan|dianjurkan)\b|δεν\s+(?:χρειάζεται|χρειάζεστε|απαιτείται|συνιστάται)|(?:^|[\s,.;:])не\s+(?:потрібн|нужн|обов['’]язков|рекомендуєтьс|рекомендуетс)|לא\s+(?:צריך|נדרש|נדרשת|מומלץ)|لازم\s+نیست|ไม่จำเป็น|(?:লাগবে|দরকার)\s+(?:না|নেই)|\bnicht\s+(?:nötig|notwendig|erforderlich|empfohlen)\b|\bno\s+(?:es\s+)?(?:necesari[oa]|recomendad[oa]|indicad[oa])\b|\bnão\s+(?:é\s+)?(?:necessári[oa]|recomendad[oa]|indicad[oa])|\bpas\s+(?:nécessaire|recommandée?|indiquée?)\b/i,
];
/**
 * Statements that a patient needs something: not an answer by themselves (the need may be for something other than
 * what was asked), but they veto a negated verdict ("She doesn't need admission; she needs antibiotics").
 */
const AFFIRMED_NEED =
  /\b(?:do|does|will)\s+need\b|\b(?:needs|requires)\s+(?:an?|the|urgent|immediate|further|prompt|emergency|to)\b|\b(?:you|they|we)\s+(?:need|require)\s+(?:an?|the|urgent|immediate|further|prompt|to)\b/i;

const AFFIRMED_VERDICT: readonly RegExp[] = [
  /\b(?:I|we)\s+(?:would\s+|'d\s+|do\s+|will\s+)?(?:strongly\s+)?(?:recommend|advise|suggest)\s+(?!against\b|(?:that\s+(?:you|they|she|he)\s+)?(?:to\s+)?(?:consult|speak|talk|see|seek|discuss|check|contact|reach|ask|follow\s+up\s+with|visit))\w/i,
  /(?<!\bno\s+(?:[a-z][\w-]*\s+){1,3})\b(?:is|are)\s+(?:(?:strongly|clearly|generally|definitely|also|still|absolutely|certainly)\s+)?(?:recommended|indicated|warranted|necessary|required|advisable|safe\s+to|a\s+(?:good\s+|suitable\s+|reasonable\s+|appropriate\s+)?candidate|eligible|justified|reasonable|appropriate)\b/i,
  /(?<!\b(?:not|n't|never)\s+)\b(?:should|must|needs?\s+to)\s+(?:(?:definitely|still|also|promptly|urgently|immediately)\s+)?(?:receive|get|start|take|undergo|have|continue|go\s+to|use|stop|return|be\s+(?:given|started|prescribed|offered|treated|admitted|referred|discharged|sent\s+home|seen|evaluated|administered|performed|initiated|ordered|obtained|used|done))\b/i,
  /\b(?:is|are|would\s+be)\s+(?:(?:perfectly|completely|reasonably)\s+)?safe\b(?!\s+to\s+(?:say|assume))/i,
  /\b(?:I|we)(?:\s+would|'d|\s+will)\s+(?:(?:probably|definitely|still|also)\s+)?(?:start|give|prescribe|order|proceed|administer|initiate|continue|admit|discharge|treat|get|refer|perform)\b/i,
  // "There's no reason to hold off; go ahead.": an imperative to proceed, not one to go and ask someone.
  /(?:^|[.!?;:—–-]\s*)(?:so\s+|yes,?\s+)?go\s+ahead\b(?!\s+(?:and\s+)?(?:ask|call|check|discuss|talk|speak|see|contact))/i,
  // "Metformin can be continued", "your friend can take the standard dose", "it's fine for her to keep going with it"
  // ("eGFR 45 is fine" judges a reason; "it would also be reasonable to start" weighs an alternative).
  /\b(?:fine|ok(?:ay)?|safe)\s+(?:for\s+(?:you|him|her|them|(?:your|my|his|her|their)\s+[\w-]+)\s+)?to\s+(?:keep\s+(?:going|taking|on)|continue|carry\s+on|take|use)\b|\bcan\s+(?:safely\s+)?be\s+(?:continued|taken|used|given|started)\b|\bcan\s+(?:safely\s+)?(?:continue|take|use|start)\s+(?:it|the|this|her|his|their)\b/i,
  // Double negatives commit: "It would not be unreasonable to give", "not contraindicated", "no contraindication".
  /\bnot\s+(?:be\s+)?(?:unreasonable|inappropriate|contraindicated)\b|\bno\s+contraindications?\b/i,
];

const NEGATED_VERDICT_ANYWHERE = NEGATED_VERDICT.map((pattern) => new RegExp(pattern.source, `${pattern.flags}g`));
const AFFIRMED_VERDICT_ANYWHERE = AFFIRMED_VERDICT.map((pattern) => new RegExp(pattern.source, `${pattern.flags}g`));

/** A sentence opening under a condition: its verdict holds only then ("If she is under 50, no testing is needed"). */
const CONDITION_OPENING = /^\W*(?:if|unless|when|whether|in\s+case)\b/i;
/**
 * A condition after a verdict in its clause, "if" in English and other languages ("unless" and "as long as" name an
 * exception to a verdict that stands: "CT isn't required unless the patient is 65 or older").
 */
const CONDITION_AFTER = /\b(?:if|jika|apabila|kung|si|se|wenn|falls)\b|(?:^|\s)(?:αν|אם|اگر)\s/i;
/** An embedded question before a verdict: "a cardiologist can advise on what testing is appropriate" decides nothing. */
const QUESTION_WORD_BEFORE = /\b(?:what|which|whether)\s+(?:[\w-]+\s+){0,3}$/i;
/** The alternative a question weighs against what it asks ("admit ... rather than discharge with follow-up?"). */
const STEM_ALTERNATIVE = /\b(?:rather\s+than|instead\s+of|versus|vs\.?)\s+([^?]+)/i;

/**
 * The first verdict (a match of one of `patterns`, global) that answers the question: its polarity is known (see
 * {@link polarityKnown}), its sentence does not open under a condition, it is not inside an embedded question, and
 * its clause does not name the alternative the stem weighs ("Discharge with follow-up is reasonable" answers neither
 * way whether to admit rather than discharge: the verdict is on the alternative).
 */
function committedVerdict(plain: string, patterns: readonly RegExp[], stem: string | undefined): string | undefined {
  const alternativeOnly = stem === undefined ? [] : alternativeOnlyRoots(stem);
  for (const pattern of patterns) {
    for (const match of plain.matchAll(pattern)) {
      const index = match.index ?? 0;
      if (!polarityKnown(match[0], stem)) continue;
      const sentenceStart = Math.max(...['.', '!', '?', '\n'].map((mark) => plain.lastIndexOf(mark, index - 1))) + 1;
      const before = plain.slice(sentenceStart, index);
      if (CONDITION_OPENING.test(before) || QUESTION_WORD_BEFORE.test(before)) continue;
      const clauseStart = Math.max(sentenceStart, plain.lastIndexOf(';', index - 1) + 1);
      const clauseEnd = /[.;!?\n]|$/.exec(plain.slice(index + match[0].length));
      const clause = plain.slice(clauseStart, index + match[0].length + (clauseEnd?.index ?? 0));
      if (alternativeOnly.some((root) => stemRoots(clause).has(root))) continue;
      // "No further test is needed if all the criteria are negative" (also "jika", "si", "wenn", ...): a verdict that
      // holds only under the condition that follows it.
      if (CONDITION_AFTER.test(plain.slice(index + match[0].length, index + match[0].length + (clauseEnd?.index ?? 0)))) continue;
      return match[0];
    }
  }
  return undefined;
}

/** Words between two opposite answers that make the later one a revision ("No. Wait, actually yes"). */
const REVISION_CUE =
  /\b(?:wait|actually|correction|sorry|I\s+mean|on\s+(?:second|further)\s+thought|on\s+reflection|let\s+me\s+(?:reconsider|correct|re-?check)|scratch\s+that|I\s+was\s+wrong)\b/i;
/**
 * "If the load becomes undetectable, no; until then, yes", "If her LDL is above 190, then yes, otherwise no": both
 * answers, each under a condition.
 */
const CONDITIONAL_BOTH =
  /(?:^|[.!?\n]\s*)(?:if|unless|when|once)\b[^.!?\n]*?,\s*(?:then\s+)?(?:yes|no)\b[^.!?\n]*\b(?:yes|no)\b|\b(?:if|unless|when|once|provided)\b[^.!?\n]*?\b(?:yes|no)\b[^.!?\n]*?\b(?:otherwise|if\s+not|or\s+else|else)\b[\s,:—–-]*(?:yes|no)\b/i;
/** A concluding "so yes" / "therefore, no" / "so with depression, no" anywhere in the text. */
const CONCLUDING_YES_NO = /\b(?:so|therefore|thus|hence)\s*,?\s+(?:[^,.;!?\n]{1,40},\s*)?(yes|no)\b(?=\s*(?:[.!;,]|$))/gi;

/**
 * A yes/no that closes the answer on its own ("... the threshold is 10 %. Yes.", "... that does not mean she should
 * skip it — yes.", "..., so with his asthma, no."), right after a verdict word ("It's recommended, yes: ..."), or a
 * sentence after the findings that opens with it and a semicolon or colon ("... risks haemolysis. No; give ..."): the
 * model's committed answer, after reasoning that may itself be worded negatively.
 */
function closingYesNo(plain: string): { value: YesNo; written: string } | undefined {
  const closing =
    /(?:^|[.!?]["')\]]*\s+|\s[—–-]\s*|(?<=[a-z]):\s*|(?:→|=>)[^.!?\n→]{0,40}?\s|\b(?:so|therefore|thus|hence)\b[^.!?\n,]{0,40},\s*|(?:^|[.!?]\s+)not\b[^.!?\n,]{1,40},\s*)\[?(yes|no)\]?\s*[.!]?\s*$/i.exec(
      plain.trim(),
    ) ??
    /\b(?:recommended|indicated|needed|necessary|required|warranted)\s*,\s*(yes|no)\b\s*[:.;!]/i.exec(plain) ??
    /(?<=[.!?]\s+|(?:→|=>)\s*)(yes|no)\s*[;:]\s/i.exec(plain);
  if (!closing) return undefined;
  return { value: (closing[1] ?? '').toLowerCase() === 'yes' ? 'yes' : 'no', written: closing[0].trim() };
}

/** A closing yes/no that an explicit opposite yes/no earlier in the answer contradicts, with no revision between. */
function contradictionOfClosing(plain: string, closing: { value: YesNo; written: string }): Candidate<YesNo> | undefined {
  const opposite = closing.value === 'yes' ? /(?:^|[.!?]\s+)no\b\s*[,.!]/i : /(?:^|[.!?]\s+)yes\b\s*[,.!]/i;
  const earlier = opposite.exec(plain);
  if (!earlier || REVISION_CUE.test(plain)) return undefined;
  return { status: 'ambiguous', explanation: `the answer closes with "${closing.written}" but also says "${earlier[0].trim()}"` };
}

/**
 * A last sentence that opens with yes/no and states its verdict ("I would get a CT. Yes, it's indicated."), or a last
 * clause "no <what the question asks about>" ("The best choice is observation without imaging — no CT."): the answer
 * concludes there, unless an earlier opposite yes/no or the sentence itself contradicts it.
 */
function closingSentenceVerdict(plain: string, stem: string | undefined): Candidate<YesNo> | undefined {
  const sentences = splitSentences(plain);
  const last = sentences.at(-1) ?? '';
  if (sentences.length < 2 && !/\s-\s|[:;]/.test(last)) return undefined;
  const opening = /^\W*(yes|no)\s*[,:—–-]\s*\S/i.exec(last);
  const noThing =
    stem === undefined
      ? undefined
      : /(?:^|\s-\s*|[:;]\s*)no\s+([a-z][\w-]*)(?:\s+(?:now|yet|today|for\s+now|at\s+present|currently))?\s*[.!]?\s*$/i.exec(last);
  const namesAsked = noThing !== undefined && noThing !== null && stemRoots(stem ?? '').has((noThing[1] ?? '').toLowerCase().slice(0, 4));
  const value: YesNo | undefined = opening ? ((opening[1] ?? '').toLowerCase() === 'yes' ? 'yes' : 'no') : namesAsked ? 'no' : undefined;
  if (value === undefined) return undefined;
  const written = (opening?.[0] ?? noThing?.[0] ?? '').trim();
  const contradiction = contradictionOfClosing(plain, { value, written }) ?? contradictionOfLeading(last, value, stem);
  if (contradiction) return contradiction;
  return { status: 'found', value, strength: 'strong', explanation: `the last sentence concludes "${last.slice(0, 60)}"` };
}

/** Breaks inside a sentence after which a clause opens as a sentence would: a dash or a semicolon. */
const CLAUSE_OPENING = /\s[—–-]\s|[—–;]/;

/** A speaker's label before a yes or no: "Nurse:", "ED attending:", "Pharmacist:". */
const SPEAKER_LABEL = /^\W*[A-Z][A-Za-z]*(?:\s+[A-Za-z]+){0,2}\s*:\W*(?=(?:yes|yeah|yep|no|nope)\b)/i;

/**
 * What a reply may say before its answer without answering anything: a greeting ("Hi! 👋"), a stated confidence
 * ("Confidence: 65 %."), or the question restated as "You asked whether ...".
 */
const PREAMBLE =
  /^(?:\s*(?:(?:hi|hello|hey|dear\s+\w+)\b[^.!?\n\w]*[.!,]?|confidence\s*[:=]?\s*\d+(?:\.\d+)?\s*%\s*[.;,]?|you\s+asked\s+(?:whether|if|what|about)\b[^.!?\n]{0,300}[.!?:]|(?:\p{Extended_Pictographic}|[\u2764\u2665])\uFE0F?))+\s*(?=\S)/iu;

/** A reply typed like a text message: lower case from its start and no sentence punctuation anywhere. */
function isUnpunctuatedReply(text: string): boolean {
  return /^[a-z]/.test(text.trim()) && !/[.!?;:]/.test(text);
}

/** A sentence that turns against what came before ("However, ...", "But ...", "That said, ..."). */
const CONTRAST_OPENING = /^\W*(?:however|but|that\s+said|having\s+said\s+that|still|nevertheless|even\s+so)\b/i;

/** Words that make a verdict about an alternative to what was asked ("observation without CT", "X instead"). */
const ALTERNATIVE_WORDS = /\b(?:without|instead|rather\s+than|alternatives?|other)\b/i;

/** A clause that draws the conclusion ("..., so the response is significant"). */
const CONCLUDING_CLAUSE = /\b(?:so|therefore|thus|hence|which\s+means|meaning|consequently)\b/i;

/**
 * Extracts a yes/no answer from a free-text answer.
 *
 * Precedence, most explicit first (the first rule that finds something decides):
 * 1. JSON (`{"answer": "no"}`, `{"answer": false}`).
 * 2. "Final answer" markers and `\boxed{}` (the last one).
 * 3. A leading "Yes"/"No" (also "Absolutely not", "Definitely", "Not at this time", and hedged but committed
 *    "Probably not", "Most likely yes", "Probably.", "Unlikely", and one-word verdicts "Indicated.", "Recommended."
 *    that are a sentence of their own, not a field name), followed by punctuation, the
 *    end, or a pronoun ("No, she should not", "Yes it is"); never "No one", "No single answer", never
 *    "No, I can't provide ..." (that is a refusal), and "Yes, if ...; otherwise no" is unparseable.
 * 4. "Answer:", "The short answer is", "Bottom line:", "Recommendation:", "I would say", "..., so yes", "Based on
 *    the guidelines, no" markers (the last one). After a marker, "No <noun>" also counts ("Recommendation: No
 *    opioids").
 * 5. Ambiguity: "yes and no", "it depends", "not necessarily", "case by case" -> unparseable, because the model
 *    did not commit.
 * 6. Bold "**Yes**"/"**No**" spans, then lines starting with "Yes"/"No": one distinct value, else unparseable
 *    (a conditional "Yes if ..., No if ..." answer).
 * 7. Only when no explicit yes/no was found: clear verdict verbs. Negated ones ("I would not recommend",
 *    "is not indicated", "should not receive", "contraindicated", "recommend against", an imperative "Do not use")
 *    mean no; affirmed ones ("I would recommend starting", "is indicated", "should receive", "is safe") mean yes;
 *    so do negated need statements ("You do not need an X-ray", "She doesn't require antibiotics", "No imaging is
 *    required", "no further testing"); both together are unparseable, as is a negated verdict next to a stated need
 *    ("doesn't need admission, but does need an echo") — unless the question's `stem` is given and only one of them
 *    restates what it asks about. Deferrals ("I recommend you consult your doctor") are not verdicts. This is a
 *    weak answer, so a text that declines ("I can't give personalized advice, but in general it is not
 *    recommended") stays a refusal.
 */
export function extractYesNo(text: string, stem?: string): Extraction<'yes' | 'no'> {
  return yesNoReader(stem)(text);
}

/** {@link extractYesNo} for one question's stem, for every answer read with it. */
export function yesNoReader(stem?: string): (text: string) => Extraction<'yes' | 'no'> {
  return (text) => {
    const clean = normalizeAnswerText(text);
    // "decision: no_admission": a snake_case value reads as the words it joins.
    const plain = stripMarkdownEmphasis(clean).replace(/\bno_(?=[a-z])/gi, 'no ');
    const whole = findYesNoCandidate(clean, plain, stem);
    const candidate =
      answerAfterSelfCorrection(plain, whole, (tail) => findYesNoCandidate(tail, tail, stem)) ??
      reopenedByCorrection(plain, whole, yesNoNamed) ??
      whole;
    return resolveExtraction(candidate, text, EXTRACTOR);
  };
}

function findYesNoCandidate(clean: string, plain: string, stem: string | undefined): Candidate<YesNo> {
  if (plain.length === 0) return { status: 'none', explanation: 'empty answer' };
  const fromReading = (reading: YesNoReading, source: string): Candidate<YesNo> | undefined => {
    if (reading === undefined) return undefined;
    if ('conflict' in reading) return { status: 'ambiguous', explanation: `${source}: ${reading.conflict}` };
    return { status: 'found', value: reading.value, strength: 'strong', explanation: `matched ${source} "${reading.written}"` };
  };

  for (const field of findJsonFields(clean, JSON_KEYS)) {
    if (typeof field.value === 'boolean') {
      return {
        status: 'found',
        value: field.value ? 'yes' : 'no',
        strength: 'strong',
        explanation: `matched JSON "${field.key}": ${field.value}`,
      };
    }
    const found = fromReading(readYesNoAt(String(field.value)), `JSON "${field.key}"`);
    if (found) return found;
  }

  const booleans = findAnyJsonFields(clean).filter((field) => typeof field.value === 'boolean');
  // {"transfuse": false, "hb_above_threshold": true}: of several booleans, the one whose key names what the stem asks.
  const askedBooleans = stem === undefined ? [] : booleans.filter((field) => keyNamesStemWord(field.key, stem));
  const onlyBoolean = booleans.length === 1 ? booleans[0] : askedBooleans.length === 1 ? askedBooleans[0] : undefined;
  if (onlyBoolean) {
    return {
      status: 'found',
      value: onlyBoolean.value ? 'yes' : 'no',
      strength: 'strong',
      explanation: `matched the only JSON boolean "${onlyBoolean.key}": ${String(onlyBoolean.value)}`,
    };
  }

  // {"give_alteplase": "yes"}: the only JSON field of any name holding a yes or a no.
  const yesNoStrings = findAnyJsonFields(clean).filter(
    (field) => typeof field.value === 'string' && /^\s*(?:yes|no)\s*$/i.test(field.value),
  );
  const onlyYesNo = booleans.length === 0 && yesNoStrings.length === 1 ? yesNoStrings[0] : undefined;
  if (onlyYesNo)
    return {
      status: 'found',
      value: String(onlyYesNo.value).trim().toLowerCase() === 'yes' ? 'yes' : 'no',
      strength: 'strong',
      explanation: `matched the only JSON yes/no "${onlyYesNo.key}": "${String(onlyYesNo.value)}"`,
    };

  // "eligible: yes", "screening_recommended: true": the one YAML-style field (a lower-case key, unlike a label such as
  // "Answer:", which the answer markers read) holding a yes or a no.
  const yamlFields = [...plain.matchAll(/^\s*[a-z][a-z0-9_]*\s*:\s*([Yy]es|[Nn]o|[Tt]rue|[Ff]alse)\s*$/gm)];
  const onlyYaml = booleans.length === 0 && yesNoStrings.length === 0 && yamlFields.length === 1 ? yamlFields[0] : undefined;
  if (onlyYaml)
    return {
      status: 'found',
      value: /^(?:yes|true)$/i.test(onlyYaml[1] ?? '') ? 'yes' : 'no',
      strength: 'strong',
      explanation: `matched the only YAML-style yes/no field "${onlyYaml[0].trim()}"`,
    };

  const ticked = tickedItemCandidate(plain, (item) => findYesNoCandidate(item, item, stem));
  if (ticked) return ticked;

  const segments = findAnswerSegments(plain);
  for (const segment of segments.filter((s) => s.tier === 'final').reverse()) {
    const found = fromReading(readYesNoAt(segment.segment, true), `"${segment.marker}" marker`);
    if (found) return found;
  }

  // "Is codeine a good choice for a poor metaboliser? No. ...": the question restated first, then the answer. A
  // speaker's label ("Nurse: Yes, ...", "ED attending: Yep") comes first too.
  const restated = plain
    .replace(/^[^.!?\n]{3,300}\?\s+(?=\S)/, '')
    .replace(SPEAKER_LABEL, '')
    .replace(PREAMBLE, '');
  // "yes get the mri now": in a reply without punctuation, the word opening it is set off as a sentence would be.
  // Not "yes and no", "yes no maybe": a reply naming the other answer too is left to the other rules.
  const answered =
    isUnpunctuatedReply(restated) && !/^\s*(?:and|or)\b|\b(?:yes|no|maybe|perhaps)\b/i.test(restated.replace(/^\W*\w+/, ''))
      ? restated.replace(/^(yes|yeah|yep|no|nope|nah)\s+(?=[a-z])/, '$1, ')
      : restated;
  // "Y", "N." alone, or "Y — cath." (the letter, then a dash or colon and a note).
  const leadingReading =
    /^\W*[YN]\W*$/i.test(answered) || /^\W*[YN]\s*(?:\s[—–-]|:)\s/.test(answered)
      ? { value: /^\W*Y/i.test(answered) ? ('yes' as const) : ('no' as const), written: answered.trim().slice(0, 20) }
      : readYesNoAt(answered);
  const leading = fromReading(leadingReading, 'leading');
  if (leading?.status === 'found') return contradictionOfLeading(answered, leading.value, stem) ?? leading;
  if (leading) return leading;
  const noThingAsked = leadingNoThingAsked(plain, stem);
  if (noThingAsked) return contradictionOfLeading(plain, 'no', stem) ?? noThingAsked;
  const imperative = stem === undefined ? undefined : imperativeOnTheQuestion(answered, stem);
  // An instruction the rest of the answer takes back is left to the other rules.
  if (imperative?.status === 'found' && contradictionOfLeading(answered, imperative.value, stem) === undefined) return imperative;

  // "Hb 8.1, stable, no CAD → no.", "Typical Bell's → no imaging.": clipped notes conclude after their last arrow.
  const arrow = Math.max(plain.lastIndexOf('→'), plain.lastIndexOf('=>'));
  const concluded = arrow < 0 ? '' : plain.slice(arrow).replace(/^(?:→|=>)\s*/, '');
  const afterArrow = concluded.length === 0 ? undefined : fromReading(readYesNoAt(concluded), 'conclusion after the arrow');
  if (afterArrow?.status === 'found') return afterArrow;
  const noThingAfterArrow = concluded.length === 0 ? undefined : leadingNoThingAsked(concluded, stem);
  if (noThingAfterArrow) return noThingAfterArrow;

  const closing = closingYesNo(plain);
  if (closing)
    return (
      contradictionOfClosing(plain, closing) ?? {
        status: 'found',
        value: closing.value,
        strength: 'strong',
        explanation: `the answer closes with "${closing.written}"`,
      }
    );

  const lastSentence = closingSentenceVerdict(plain, stem);
  if (lastSentence) return lastSentence;

  const conditional = CONDITIONAL_BOTH.exec(plain);
  if (conditional)
    return { status: 'ambiguous', explanation: `yes and no each under a condition ("${conditional[0].trim().slice(0, 80)}")` };

  const markerSegments = [
    ...segments.filter((s) => s.tier === 'answer').map((s) => ({ marker: s.marker, segment: s.segment, index: s.index })),
    ...[...plain.matchAll(new RegExp(YES_NO_MARKER.source, 'gi'))].map((match) => ({
      marker: match[0].trim(),
      segment: (plain.slice((match.index ?? 0) + match[0].length, (match.index ?? 0) + match[0].length + 200).split('\n')[0] ?? '').replace(
        /^\s*[:,]?\s*(?:that\s+)?/i,
        '',
      ),
      index: match.index ?? 0,
    })),
  ].sort((a, b) => a.index - b.index);
  for (const { marker, segment } of markerSegments.reverse()) {
    const found = fromReading(readYesNoAt(segment, true), `"${marker}" marker`);
    if (found) return found;
  }

  const instructed = stem === undefined ? undefined : instructionOnTheQuestion(plain, markerSegments, stem);
  if (instructed) return instructed;
  const fieldVerdict = stem === undefined ? undefined : fieldVerdictOnTheQuestion(plain, stem);
  if (fieldVerdict) return fieldVerdict;

  const ambiguity = AMBIGUOUS.exec(plain);
  if (ambiguity) return { status: 'ambiguous', explanation: `no committed answer ("${ambiguity[0].trim()}")` };

  for (const [source, spans] of [
    ['bold', [...clean.matchAll(/\*\*([^*\n]{1,120})\*\*/g)].map((match) => match[1] ?? '')],
    ['line start', plain.split('\n').map((line) => line.replace(/^\s*(?:[-•]\s+|\d+[.)]\s+)/, ''))],
  ] as const) {
    const values = new Map<YesNo, string>();
    for (const span of spans) {
      const reading = readYesNoAt(span);
      if (reading && 'value' in reading && !values.has(reading.value)) values.set(reading.value, span.trim().slice(0, 60));
    }
    const onlyValues = [...values][0];
    if (values.size === 1 && onlyValues) {
      const [value, written] = onlyValues;
      return { status: 'found', value, strength: 'strong', explanation: `matched ${source} "${written}"` };
    }
    if (values.size > 1) return { status: 'ambiguous', explanation: `both yes and no given (${source})` };
  }

  const predicate = stem === undefined ? undefined : predicateVerdict(plain, stem, false);
  if (predicate) return predicate;

  const avoidance = negatedAvoidance(plain, stem);
  const negated = committedVerdict(plain, NEGATED_VERDICT_ANYWHERE, stem) ?? (avoidance?.value === 'no' ? avoidance.written : undefined);
  const affirmed =
    committedVerdict(plain, AFFIRMED_VERDICT_ANYWHERE, stem) ??
    (avoidance?.value === 'yes' ? avoidance.written : undefined) ??
    (stem === undefined ? undefined : participleOnTheQuestion(plain, stem));
  const affirmedNeed = negated === undefined || affirmed !== undefined ? undefined : AFFIRMED_NEED.exec(plain)?.[0];
  if (negated !== undefined && (affirmedNeed !== undefined || affirmed !== undefined) && stem !== undefined) {
    const restated = verdictOnTheQuestion(plain, stem);
    if (restated) return restated;
  }
  if (negated !== undefined && affirmedNeed !== undefined) {
    return {
      status: 'ambiguous',
      explanation: `both a negated verdict ("${negated}") and a stated need ("${affirmedNeed}"), no explicit yes/no`,
    };
  }
  if (negated !== undefined && affirmed !== undefined) {
    return {
      status: 'ambiguous',
      explanation: `both a negated ("${negated}") and an affirmed ("${affirmed}") verdict, no explicit yes/no`,
    };
  }
  if (negated !== undefined)
    return { status: 'found', value: 'no', strength: 'weak', explanation: `negated verdict "${negated}" (no explicit yes/no)` };
  if (affirmed !== undefined)
    return { status: 'found', value: 'yes', strength: 'weak', explanation: `affirmed verdict "${affirmed}" (no explicit yes/no)` };
  const unchanged = stem !== undefined && CHANGE_ASKED.test(stem) ? KEEP_AS_IS.exec(plain)?.[0] : undefined;
  if (unchanged !== undefined)
    return {
      status: 'found',
      value: 'no',
      strength: 'weak',
      explanation: `asked about a change, the answer keeps things as they are ("${unchanged}")`,
    };
  const noThing = stem === undefined ? undefined : clippedNoThingAsked(plain, stem);
  if (noThing !== undefined)
    return { status: 'found', value: 'no', strength: 'weak', explanation: `clipped note "${noThing}" names what the question asks about` };
  return { status: 'none', explanation: 'no yes/no answer found' };
}

/** A question about changing a treatment ("Should the dose be reduced to 2.5 mg?", "Should she switch to ..."). */
const CHANGE_ASKED = /\b(?:reduc|lower|decreas|increas|rais|switch|chang|adjust|halv|doubl)\w*/i;
/**
 * An answer that keeps the treatment as it is ("should stay on 5 mg twice daily", "keep the current dose", "remain at
 * 40 mg"), which answers a question about changing it with a no.
 */
const KEEP_AS_IS =
  /\b(?:should|can|must|will|to)\s+(?:stay|remain)\s+(?:on|at)\b|\b(?:keep|continue|maintain)\s+(?:(?:on|at|with)\s+)?(?:the|her|his|their|your)\s+(?:current|same|usual|present)\s+(?:dose|dosage|regimen|treatment)\b/i;

/** A finite verb that makes a "no ..." clause a statement of fact ("no CT was done"), unless it states a need ("no CT is needed"). */
const FINITE_VERB =
  /\b(?:is|are|was|were|has|have|had|did|does|do|shows?|showed|found)\b(?!\s+(?:currently\s+|really\s+)?(?:needed|required|necessary|indicated|recommended|warranted)\b)/i;

/**
 * "Stable, no CAD — no transfusion now.", "... — reassurance, no cardiology referral.", "Not admission.": a clause of
 * a clipped note that is only "no" (or, as a sentence of three words at most, "not") before what the question asks
 * about (a word sharing its first four letters with the stem), without a verb that would make it a finding. The clause
 * as written, or undefined.
 */
function clippedNoThingAsked(plain: string, stem: string): string | undefined {
  const asked = stemRoots(stem);
  for (const clause of plain.split(/[.;:,!?\n→]|\s[—–-]\s|[—–]/)) {
    const noThing = /^\s*(?:(?:so|then|therefore|hence|thus)\s+)?(?:no|(not))\s+([a-z][\w-]*)/i.exec(clause);
    if (!noThing || FINITE_VERB.test(clause) || !asked.has((noThing[2] ?? '').toLowerCase().slice(0, 4))) continue;
    if (noThing[1] !== undefined && clause.trim().split(/\s+/).length > 3) continue;
    return clause.trim();
  }
  return undefined;
}

/**
 * "No aspirin for primary prevention." for "Should he take aspirin?": a leading "no" before what the question asks about,
 * in a clause without a verb that makes it a finding.
 */
function leadingNoThingAsked(text: string, stem: string | undefined): Candidate<YesNo> | undefined {
  const noThing = stem === undefined ? undefined : /^\W*no\s+([a-z][\w-]*)/i.exec(text);
  if (!noThing || !stemRoots(stem ?? '').has((noThing[1] ?? '').toLowerCase().slice(0, 4))) return undefined;
  // "No antibiotics were given before arrival" states a fact about the case, not a verdict.
  // Its clause ends at a spaced dash too: "No change - the genotype is normal" states no fact about a change.
  if (FINITE_VERB.test(/^[^.;:,!?\n]*?(?=\s[—–-]\s|[.;:,!?\n]|$)/.exec(text)?.[0] ?? '')) return undefined;
  return {
    status: 'found',
    value: 'no',
    strength: 'strong',
    explanation: `leading "${noThing[0].trim()}" names what the question asks about`,
  };
}

/** An answer opening with an instruction, possibly negated: "Give IV alteplase.", "Admit.", "Don't reduce it." */
const OPENING_IMPERATIVE = /^[\s*#>-]*(?:(don't|do\s+not|never)\s+)?([A-Za-z]{3,})\b/i;
/** Verbs of clinical instructions: only these open an answer as an instruction ("PrEP ...", "Alteplase ..." do not). */
const INSTRUCTION_VERB =
  /^(?:give|start|begin|initiate|admit|discharge|stop|discontinue|hold|cease|withdraw|continue|keep|take|order|perform|do|use|prescribe|administer|reduce|lower|decrease|increase|raise|repeat|refer|treat|screen|test|climb|drive|fly|resume|restart|switch|add|offer|vaccinate|anticoagulate|transfuse|intubate|operate|image|scan)$/i;
/** Instructions to end a treatment, which answer "Should it be continued?" with a no. */
const ENDING_INSTRUCTION = /^(?:stop|discontinue|hold|cease|withdraw)$/i;
/** Instructions to refrain from what the stem names ("Withhold heparin" for "Should heparin be given?"): a no. */
const REFRAINING_INSTRUCTION = /^(?:withhold|avoid|omit|defer|forgo)$/i;
/** Words after a verb that say how it is done, not what on ("Continue at a reduced dose"). */
const MANNER_OBJECT = /^(?:at|on)\s+(?:a|the)\s+(?:reduced|lower|higher|same|full|half|usual|smaller)\b/i;

/**
 * "Give IV alteplase." for "Should intravenous alteplase be given?", "Admit." for "... be admitted ...?", "Don't
 * reduce it." for "Should the dose be reduced?", "Discontinue." for "Should metformin be continued?": an answer that
 * opens by instructing the very action the question asks about (one of the instruction verbs, its first four letters
 * in a stem word, not in the alternative it weighs) says yes to it, or no when negated or when it ends what the stem
 * would continue or refrains from it ("Withhold heparin" for "... be given?"), when it acts on what the stem names (or
 * on nothing, a pronoun, or a manner: "Continue at a reduced dose"). A quoted instruction ('"Keep taking it" — False')
 * is not the answer's own.
 */
function imperativeOnTheQuestion(answered: string, stem: string): Candidate<YesNo> | undefined {
  const opening = OPENING_IMPERATIVE.exec(answered);
  const verb = (opening?.[2] ?? '').toLowerCase();
  if (!opening || !(INSTRUCTION_VERB.test(verb) || REFRAINING_INSTRUCTION.test(verb))) return undefined;
  // What the instruction acts on, up to the end of its clause: nothing ("Admit."), a pronoun ("Don't reduce it."), or
  // words of the stem ("Give IV alteplase."); not something else ("Start by checking her potassium.").
  const object = /^[^.;:,!?\n—–]*/.exec(answered.slice(opening[0].length))?.[0]?.trim() ?? '';
  const onTopic =
    /^(?:it|them|this|that|her|him|now|today|immediately)?$/i.test(object) ||
    MANNER_OBJECT.test(object) ||
    [...stemRoots(object)].some((root) => root !== verb.slice(0, 4) && stemRoots(stem).has(root));
  if (!onTopic) return undefined;
  const alternative = STEM_ALTERNATIVE.exec(stem);
  const asked = (alternative ? stem.slice(0, alternative.index) : stem).toLowerCase().match(/[a-z]{3,}/g) ?? [];
  const negated = opening[1] !== undefined;
  const root = verb.slice(0, 4);
  const restates = asked.some((word) => word.length >= root.length && word.startsWith(root));
  const ends =
    (ENDING_INSTRUCTION.test(verb) && asked.some((word) => /^(?:continu|keep)/.test(word))) ||
    (REFRAINING_INSTRUCTION.test(verb) && !restates);
  // "Don't hold it." for "Should she continue?": a double negation, left to the other rules (see polarityKnown).
  if (ends && negated) return undefined;
  if (!ends && !restates) return undefined;
  const value: YesNo = ends || negated ? 'no' : 'yes';
  return {
    status: 'found',
    value,
    strength: 'strong',
    explanation: `the answer opens by instructing what was asked: "${opening[0].trim()}"`,
  };
}

/** Whether `text` shares a content-word root with the stem (see {@link stemRoots}). */
function sharesStemRoot(text: string, stem: string): boolean {
  const asked = stemRoots(stem);
  return [...stemRoots(text)].some((root) => asked.has(root));
}

/**
 * Whether a JSON key (lower case, its separators dropped: "mrispine") holds the first five letters of a content word of
 * the stem ("spine", "transfused").
 */
function keyNamesStemWord(key: string, stem: string): boolean {
  const words = (stem.toLowerCase().match(/[a-z]{5,}/g) ?? []).filter((word) => !GENERIC_STEM_WORDS.test(word));
  return words.some((word) => key.includes(word.slice(0, 5)));
}

/**
 * "CT head: indicated.", "Criteria: not met.", "Start PEP: yes", "naloxone: offer", "imaging_now: none": a field closed
 * by a verdict word, on a line of its own.
 */
const FIELD_VERDICT =
  /^[\s*>-]*([A-Za-z][^:\n]{1,60}):\s*(?:(not\s+)?(?:indicated|recommended|warranted|necessary|required|needed|met|fulfilled|satisfied)|(yes|offer(?:ed)?|give|start)|(no|none|not\s+now|withhold|avoid))\s*[.!]?\s*$/gim;

/**
 * A field verdict whose field names what the stem asks ("CT head: indicated." for "Should a CT head scan be
 * performed?", "Orthostatic hypotension criteria: met."): yes, or no when negated. Fields with both verdicts, or naming
 * something else, are left to the other rules.
 */
function fieldVerdictOnTheQuestion(plain: string, stem: string): Candidate<YesNo> | undefined {
  const found = [...plain.matchAll(FIELD_VERDICT)].filter((match) => sharesStemRoot(match[1] ?? '', stem));
  const verdictOf = (match: RegExpMatchArray): YesNo => (match[2] !== undefined || match[4] !== undefined ? 'no' : 'yes');
  const values = new Set(found.map(verdictOf));
  const first = found[0];
  if (values.size !== 1 || first === undefined) return undefined;
  return {
    status: 'found',
    value: verdictOf(first),
    strength: 'strong',
    explanation: `a field verdict on what was asked: "${first[0].trim()}"`,
  };
}

/** A condition on an instruction: "... if the lactate is normal". */
const INSTRUCTION_CONDITION = /\s+(?:if|unless|when|once|until)\b/i;

/** A heading or field over the decision: "## Recommendation", "Plan:", "Disposition:". */
const DECISION_HEADING =
  /^[\s#*]*(?:(?:my\s+)?recommendation|plan|decision|disposition|action|management)[^\S\n]*(?::[^\S\n]*|:?[\s*]*\n+\s*)([^\n]+)/gim;

/**
 * "My recommendation: admit.", "## Recommendation\nAdmit for telemetry ...", "... safety-netting. Don't admit.": the
 * instruction on what the stem asks (see {@link imperativeOnTheQuestion}) after an answer marker, under a decision
 * heading, or as the last sentence. Disagreeing instructions are left to the other rules.
 */
function instructionOnTheQuestion(
  plain: string,
  markerSegments: ReadonlyArray<{ readonly segment: string }>,
  stem: string,
): Candidate<YesNo> | undefined {
  const places = [
    ...markerSegments.map(({ segment }) => segment),
    ...[...plain.matchAll(DECISION_HEADING)].map((match) => match[1] ?? ''),
    ...splitSentences(plain).slice(-1),
  ];
  const values = new Set<YesNo>();
  let committed: Candidate<YesNo> | undefined;
  for (const place of places) {
    // "Do not admit if the lactate is normal": an instruction under a condition commits to nothing, but it does
    // contradict an instruction the other way.
    const condition = INSTRUCTION_CONDITION.exec(place);
    const reading = imperativeOnTheQuestion(condition ? place.slice(0, condition.index) : place, stem);
    if (reading?.status !== 'found') continue;
    values.add(reading.value);
    if (!condition) committed ??= reading;
  }
  return values.size === 1 ? committed : undefined;
}

/** "should be screened", "needs to be admitted": a passive instruction whose participle may name what the stem asks. */
const SHOULD_BE_PARTICIPLE = /(?<!\b(?:not|never)\s+)\b(?:should|must|needs?\s+to|ought\s+to)\s+be\s+([a-z]{4,}(?:ed|en))\b/gi;

/**
 * "You should be screened at this visit." for "Is routine screening recommended ...?": a passive instruction whose
 * participle shares its first five letters with a stem word (not a verb of stopping or refraining, whose polarity
 * the other rules weigh), in a sentence that opens under no condition.
 */
function participleOnTheQuestion(plain: string, stem: string): string | undefined {
  const stemWords = stem.toLowerCase().match(/[a-z]{5,}/g) ?? [];
  for (const match of plain.matchAll(SHOULD_BE_PARTICIPLE)) {
    const participle = (match[1] ?? '').toLowerCase();
    if (STOPPING_VERB.test(participle) || REFRAINING_VERB.test(participle) || NEGATIVE_PARTICIPLE.test(participle)) continue;
    const sentenceStart = Math.max(...['.', '!', '?', '\n'].map((mark) => plain.lastIndexOf(mark, (match.index ?? 0) - 1))) + 1;
    // "can't tell you whether you should be referred": a verdict inside an embedded question is none.
    const before = plain.slice(sentenceStart, match.index);
    if (CONDITION_OPENING.test(before) || QUESTION_WORD_BEFORE.test(before)) continue;
    if (stemWords.some((word) => word.slice(0, 5) === participle.slice(0, 5))) return match[0];
  }
  return undefined;
}

/** Participles of not doing beyond the refraining verbs: "should be omitted", "should be discouraged". */
const NEGATIVE_PARTICIPLE = /^(?:omitted|cancel+ed|discouraged|forbidden|stopped)$/;

/** A bare "yes" or "no" standing as a verdict ("...: no.", "yes,"), not "no evidence" or "no longer". */
function yesNoNamed(text: string): YesNo[] {
  return [...text.matchAll(/\b(yes|no)\b(?=\s*(?:[.!,;:)—–-]|$))/gi)].map((match) => (match[1]?.toLowerCase() === 'yes' ? 'yes' : 'no'));
}

/** Verbs of not doing something: "You should not skip this" says yes to doing it. */
const AVOIDANCE_VERB = String.raw`(?:skip|miss|delay|postpone|put\s+off|forgo|omit|neglect|put\s+it\s+off)`;
const NEGATED_AVOIDANCE = new RegExp(
  String.raw`\b(?:should|must)\s*(?:not|n't|never)\s+${AVOIDANCE_VERB}\b|(?:^|[.:!;]\s*)(?:do\s+not|don't|never)\s+${AVOIDANCE_VERB}\b|\bno\s+reason\s+(?:not\s+to|to\s+(?:${AVOIDANCE_VERB}|withhold|avoid))\s+[a-z]+`,
  'im',
);

/**
 * A double negation ("You should not skip this", "Don't delay it", "There's no reason not to give it"): a yes to
 * doing it, or a no when the question itself asks about not doing it ("Can she skip the dose?"). A reason not to
 * stop is left to the stopping rules (see {@link polarityKnown}).
 */
function negatedAvoidance(plain: string, stem: string | undefined): { value: YesNo; written: string } | undefined {
  const match = NEGATED_AVOIDANCE.exec(plain)?.[0]?.trim();
  if (match === undefined || !polarityKnown(match, stem)) return undefined;
  const askedAboutAvoiding = stem !== undefined && new RegExp(`\\b${AVOIDANCE_VERB}`, 'i').test(stem);
  return { value: askedAboutAvoiding ? 'no' : 'yes', written: match };
}

/** Verbs that end a treatment: "don't stop losartan" says yes to continuing it and no to stopping it. */
const STOPPING_VERB = /\b(?:stop|stopp|discontinu|withh[eo]ld|hold|cease|quit|come\s+off|taper\s+off)/i;

/**
 * Whether a verdict's polarity answers the question: a verdict about stopping ("Don't stop the statin", "She should
 * stop the NSAID") says yes or no only to a question about stopping; asked whether to continue, take or start, it
 * would be read backwards, so it is not read at all.
 */
function polarityKnown(verdict: string | undefined, stem: string | undefined): verdict is string {
  if (verdict === undefined) return false;
  // Asked whether something suffices, "no repeat is needed" says yes: a need verdict would be read backwards.
  if (stem !== undefined && SUFFICIENCY.test(stem) && NEED_WORD.test(verdict)) return false;
  // "It should be avoided" answers "Should it be started?" with a no, but "Should it be avoided?" with a yes.
  if (stem !== undefined && REFRAINING_VERB.test(verdict) && !/\bnot\b|n't\b|\bnever\b/i.test(verdict) && REFRAINING_VERB.test(stem))
    return false;
  return !STOPPING_VERB.test(verdict) || (stem !== undefined && STOPPING_VERB.test(stem));
}

/** A question about whether something suffices ("Is this single troponin sufficient to exclude ...?"). */
const SUFFICIENCY = /\b(?:sufficient|suffices?|enough|adequate)\b/i;
/** A verdict on whether more is needed: "no repeat needed", "no further testing". */
const NEED_WORD = /\b(?:need(?:s|ed)?|require[sd]?|necessary)\b|\bno\s+(?:further|additional|more)\b/i;

/** Verbs of not doing something that a question may ask about ("Should the contrast CT be avoided?"). */
const REFRAINING_VERB = /\b(?:avoid|withh[eo]ld|hold(?:\s+off)?|skip|delay|defer|postpone|forgo)/i;

/** Short words that are not what a question asks about ("CT", "MRI", "dose" are). */
const SHORT_FUNCTION_WORDS =
  /^(?:is|a|an|the|be|to|for|of|in|on|at|by|as|my|me|he|she|it|we|you|do|did|his|her|its|our|and|or|nor|not|no|now|any|than|so|if|yes|are|was|has|had|can|may|get|got|will|also|then|them|they|your|from|into|over|such|some|more|less|very|only|just|when|what|who|why|how)$/;
/** Words of a question stem that say nothing about what is asked for. */
const GENERIC_STEM_WORDS =
  /^(?:should|would|could|about|there|their|these|those|which|being|patient|patients|person|friend|neighbou?r|recommended?|indicated|need|needed|needs|require[sd]?|receive[sd]?|given|start(?:ed)?|this|that|with|have|does|current(?:ly)?|appropriate)$/;

/**
 * Resolves verdicts that disagree ("He doesn't need admission, but he does need an echo") by the clause that restates
 * what the question asks about: the clauses holding a verdict are kept when they share a content word (first four
 * letters of a word, so "admission" meets "admitted"; short function words and verdict verbs do not count) with the stem; one value among them is a weak
 * answer, anything else leaves the conflict standing.
 */
function verdictOnTheQuestion(plain: string, stem: string): Candidate<YesNo> | undefined {
  const asked = stemRoots(stem);
  const found = new Map<YesNo, string>();
  for (const clause of plain.split(/[.;!?\n]|,?\s+but\s+|,\s*(?:however|although|though|whereas)\b/i)) {
    if (![...stemRoots(clause)].some((root) => asked.has(root))) continue;
    const no = NEGATED_VERDICT.some((pattern) => polarityKnown(pattern.exec(clause)?.[0], stem));
    const yes = AFFIRMED_VERDICT.some((pattern) => polarityKnown(pattern.exec(clause)?.[0], stem)) || AFFIRMED_NEED.test(clause);
    if (no && !yes && !found.has('no')) found.set('no', clause.trim());
    if (yes && !no && !found.has('yes')) found.set('yes', clause.trim());
    if (yes && no) return undefined;
  }
  const only = [...found][0];
  if (found.size !== 1 || !only) return undefined;
  return {
    status: 'found',
    value: only[0],
    strength: 'weak',
    explanation: `verdict on what the question asks ("${only[1].slice(0, 80)}"), other verdicts concern something else`,
  };
}

/**
 * A leading yes/no that the same answer takes back without saying so is a contradiction, not an answer: "Yes, a CT is
 * not indicated" (a negated verdict in the same sentence), "Yes.\n\nNo, you don't need ..." (a later line opens with
 * the opposite word and no revision cue such as "wait" or "actually" comes between), "No. ... so the response is
 * significant" (a concluding clause states the question's own predicate with the opposite polarity).
 */
function contradictionOfLeading(plain: string, value: YesNo, stem: string | undefined): Candidate<YesNo> | undefined {
  const conflict = (why: string): Candidate<YesNo> => ({ status: 'ambiguous', explanation: `leading "${value}" contradicted: ${why}` });
  const firstSentence = /^[^.!?\n]*/.exec(plain)?.[0] ?? '';
  const negatedInSentence = stem === undefined ? firstVerdict(firstSentence, NEGATED_VERDICT) : opposingVerdict(firstSentence, 'yes', stem);
  if (value === 'yes' && negatedInSentence !== undefined) return conflict(`"${negatedInSentence}" in the same sentence`);
  // Asked "Should the CT be avoided?", "Yes, you should get the CT" says yes to the opposite of what was asked.
  const doingInstead =
    stem !== undefined && REFRAINING_VERB.test(stem) && !REFRAINING_VERB.test(firstSentence)
      ? AFFIRMED_VERDICT.map((pattern) => pattern.exec(firstSentence)?.[0]).find((match) => match !== undefined)
      : undefined;
  if (value === 'yes' && doingInstead !== undefined) return conflict(`asked about refraining, but "${doingInstead}"`);
  // "No — it should definitely be done": an affirmed verdict on the question's subject in the same sentence.
  const affirmedInSentence = opposingVerdict(firstSentence.replace(/^\W*no\b/i, ''), 'no', stem);
  if (value === 'no' && affirmedInSentence !== undefined) return conflict(`"${affirmedInSentence}" in the same sentence`);
  const lines = plain.split('\n').slice(1);
  for (const [index, line] of lines.entries()) {
    const reading = readYesNoAt(line.replace(/^\s*(?:[-•]\s+|\d+[.)]\s+)/, ''));
    if (!reading || !('value' in reading) || reading.value === value) continue;
    const between = [plain.split('\n')[0] ?? '', ...lines.slice(0, index + 1)].join('\n');
    if (!REVISION_CUE.test(between)) return conflict(`a later line opens with "${reading.written}"`);
  }
  const sentences = splitSentences(plain);
  // "No, she doesn't need another — yes, every pregnancy": a clause after a dash or semicolon opens like a sentence.
  const pieces = sentences.flatMap((sentence) => sentence.split(CLAUSE_OPENING));
  for (const [index, piece] of pieces.entries()) {
    if (index === 0) continue;
    // Only a bare "No." / "Yes," counts here: "No further testing is needed" after "Yes." agrees with it.
    const reading = /^\W*(?:yes|no)\s*(?:[.,;:!]|$)/i.test(piece) ? readYesNoAt(piece) : undefined;
    if (!reading || !('value' in reading) || reading.value === value) continue;
    if (!REVISION_CUE.test(pieces.slice(0, index + 1).join(' '))) return conflict(`a later sentence opens with "${reading.written}"`);
  }
  // "Yes, screening is recommended. However, ... no screening is needed today.": a turn that reverses the verdict.
  for (const sentence of sentences.slice(1)) {
    if (!CONTRAST_OPENING.test(sentence)) continue;
    const verdicts = value === 'yes' ? NEGATED_VERDICT : AFFIRMED_VERDICT;
    const reversed = verdicts.map((pattern) => pattern.exec(sentence)?.[0]).find((match) => polarityKnown(match, stem));
    const onTopic = stem === undefined || [...stemRoots(sentence)].some((root) => stemRoots(stem).has(root));
    if (reversed !== undefined && onTopic && !REVISION_CUE.test(plain)) return conflict(`a later turn says "${reversed}"`);
  }
  // "Yes. There is no indication for this, so it should not be done.": a conclusion drawn against the leading word.
  for (const sentence of sentences.slice(1)) {
    const clause = CONCLUDING_CLAUSE.exec(sentence);
    const conclusion = clause === null ? '' : sentence.slice(clause.index);
    // "so observation without CT is appropriate" concludes for an alternative, not against what was asked.
    const reversed = ALTERNATIVE_WORDS.test(conclusion) ? undefined : opposingVerdict(conclusion, value, stem);
    if (reversed !== undefined && !REVISION_CUE.test(plain)) return conflict(`a later conclusion says "${reversed}"`);
  }
  for (const match of plain.matchAll(CONCLUDING_YES_NO)) {
    if ((match[1] ?? '').toLowerCase() === value) continue;
    if (!REVISION_CUE.test(plain.slice(0, (match.index ?? 0) + match[0].length))) return conflict(`a later "${match[0].trim()}"`);
  }
  const concluded = stem === undefined ? undefined : predicateVerdict(plain, stem, true);
  if (concluded?.status === 'found' && concluded.value !== value) return conflict(concluded.explanation);
  return undefined;
}

/**
 * A verdict in `clause` of the polarity opposite to `value` ("should not be done" against a "yes"), when it concerns
 * what the question asks: it names a word of the stem, or only a pronoun ("it", "this", "that") standing for it.
 */
function opposingVerdict(clause: string, value: YesNo, stem: string | undefined): string | undefined {
  const verdicts = value === 'yes' ? NEGATED_VERDICT : AFFIRMED_VERDICT;
  for (const pattern of verdicts) {
    const match = pattern.exec(clause);
    if (match === null || !polarityKnown(match[0], stem)) continue;
    if (stem === undefined) return match[0];
    // Only the verdict's own part of the sentence says what it is about: in "No, stop it — the doctor will switch you to
    // something that is safe", "is safe" is said of the replacement; in "so discharge on oral antibiotics is
    // appropriate", of the alternative the question weighs.
    const own = partAround(clause, match.index, match[0].length);
    const roots = stemRoots(own);
    if (alternativeOnlyRoots(stem).some((root) => roots.has(root))) continue;
    // A pronoun standing for what was asked counts, not a relative "that" ("something that is safe").
    if (/\b(?:it|this)\b|(?:^|[^\w\s])\s*that\b/i.test(own) || [...roots].some((root) => stemRoots(stem).has(root))) return match[0];
  }
  return undefined;
}

/** The first match of any of `patterns` in `text`. */
function firstVerdict(text: string, patterns: readonly RegExp[]): string | undefined {
  return patterns.map((pattern) => pattern.exec(text)?.[0]).find((match) => match !== undefined);
}

/** The part of a sentence around `[index, index + length)`, between dashes, semicolons, colons, "but" and ", so". */
function partAround(sentence: string, index: number, length: number): string {
  const boundary = /\s[—–-]\s|[;:—–]|,?\s+but\s+|,\s*so\s+/g;
  let start = 0;
  let end = sentence.length;
  for (const match of sentence.matchAll(boundary)) {
    const at = match.index ?? 0;
    if (at + match[0].length <= index) start = at + match[0].length;
    else if (at >= index + length) {
      end = at;
      break;
    }
  }
  return sentence.slice(start, end);
}

/** Roots of the alternative a stem weighs ("... rather than discharged on oral antibiotics?") that its question lacks. */
function alternativeOnlyRoots(stem: string): string[] {
  const alternative = STEM_ALTERNATIVE.exec(stem);
  if (!alternative) return [];
  const asked = stemRoots(stem.slice(0, alternative.index));
  return [...stemRoots(alternative[1] ?? '')].filter((root) => !asked.has(root));
}

/** Content-word roots of a question (first four letters; function words and generic verdict words left out). */
function stemRoots(stem: string): Set<string> {
  return new Set(
    (stem.toLowerCase().match(/[a-z0-9]{2,}/g) ?? [])
      .filter((word) => !GENERIC_STEM_WORDS.test(word) && (word.length >= 5 || !SHORT_FUNCTION_WORDS.test(word)))
      .map((word) => word.slice(0, 4)),
  );
}

/**
 * Whether the stem holds `predicate` itself: a word sharing its first six letters (or all of a shorter word), so
 * "sufficient" meets "sufficiently" but "contraindication" never meets "continued", as a four-letter root would.
 */
function stemNamesPredicate(stem: string, predicate: string): boolean {
  const head = predicate.slice(0, 6);
  return (stem.toLowerCase().match(/[a-z]{5,}/g) ?? []).some((word) => word.slice(0, 6) === head);
}

/**
 * The question's own predicate stated in the answer: "Is this result sufficient to exclude ...?" answered "a single
 * value ... is sufficient" (yes) or "is not sufficient" (no); "Is a race adjustment a valid reason ...?" answered "is
 * not a valid reason". The predicate is a word after "is/are" (of five letters or more) whose root the stem shares.
 * With `concluding`, only clauses that draw a conclusion ("so", "therefore") count. One polarity is a weak answer;
 * both are left to the other rules.
 */
function predicateVerdict(plain: string, stem: string, concluding: boolean): Candidate<YesNo> | undefined {
  const found = new Map<YesNo, string>();
  // A question ("Is codeine a good choice?") restates what is asked; it states no predicate.
  for (const clause of plain.replace(/[^.;!?\n]*\?/g, '.').split(/[.;!?\n]|,?\s+but\s+/i)) {
    if (concluding && !CONCLUDING_CLAUSE.test(clause)) continue;
    for (const match of clause.matchAll(
      /\b(?:is|are)\s+(not\s+|never\s+|no\s+)?(?:(?:a|an|the|clearly|definitely|still|also)\s+)?([a-z]{5,})\b/gi,
    )) {
      const word = (match[2] ?? '').toLowerCase();
      if (GENERIC_STEM_WORDS.test(word) || !stemNamesPredicate(stem, word)) continue;
      const value: YesNo = match[1] === undefined ? 'yes' : 'no';
      if (!found.has(value)) found.set(value, match[0]);
    }
  }
  const only = [...found][0];
  if (found.size !== 1 || !only) return undefined;
  return { status: 'found', value: only[0], strength: 'weak', explanation: `the question's predicate stated: "${only[1]}"` };
}

/** A yes/no at the start of `segment`, with its guards (see step 3 of {@link extractYesNo}). */
function readYesNoAt(written: string, afterMarker = false): YesNoReading {
  // An emoji before the word ("👍 Yes!", "❌ No") decorates it. "True." and "False." alone are a yes and a no (not
  // "True, she is 70, but ...", which concedes).
  // "Sí, se recomienda ...", "Sì, ...", "Oui, il faut ...", "Ja, ...", "Sim.", "Tak.", "Evet", "Có.", "نعم،", "是的。", "Да,",
  // "Ndiyo,", "हाँ,", "はい、", "네," are a yes and "Nein, ...", "Non.", "Não,", "Nee.", "Nie.", "Hayır", "Không.", "لا،", "不。",
  // "Нет,", "Hapana,", "नहीं,", "いいえ、", "아니요," a no ("No" is the same word in Spanish and Italian).
  // Only as a word of their own before punctuation (Turkish "evet"/"hayır", which mean nothing else, also before a
  // space): "Si el paciente ..." (if), "Có thể" (can) and "Non-urgent" are not answers.
  const segment = written
    .replace(/^\s*(?:[\p{Extended_Pictographic}\u2714\u2716]\uFE0F?\s*)+(?=\w)/u, '')
    .replace(/^(\s*["'(\[]?\s*)true(?=\s*(?:[.!](?:\s|$)|$))/i, '$1yes')
    .replace(/^(\s*["'(\[]?\s*)false(?=\s*(?:[.!](?:\s|$)|$))/i, '$1no')
    .replace(/^(\s*["'(\[]?\s*)evet(?=\s+[^\s\d.,;:!?])/i, '$1yes,')
    .replace(/^(\s*["'(\[]?\s*)hayır(?=\s+[^\s\d.,;:!?])/i, '$1no,')
    // Thai sets clauses apart with a space, not a comma: "ใช่ ควร..." is "Yes, ...".
    .replace(/^(\s*["'(\[]?\s*)ใช่(?=\s)/, '$1yes,')
    .replace(/^(\s*["'(\[]?\s*)ไม่(?=\s)/, '$1no,')
    .replace(
      /^(\s*["'(\[]?\s*)(?:(?:sí|sì|evet)(?=[\s,.!;:]|$)|ใช่(?=[,.!]|$)|(?:si|oui|ja|sim|tak|có|نعم|是的?|对|да|ndiyo|हाँ|हां|जी\s+हाँ|はい|네|ναι|ya|כן|হ্যাঁ|так|آره|بله|oo|igen|kyllä|da)(?=\s*[,.!;:、，。！]|\s+-\s|$))/i,
      '$1yes',
    )
    .replace(
      /^(\s*["'(\[]?\s*)(?:hayır(?=[\s,.!;:]|$)|ไม่(?=[,.!]|$)|(?:nein|non|não|nao|nee|nie|không|لا|不是|不用|不需要|不|否|нет|hapana|नहीं|जी\s+नहीं|いいえ|아니요|아니오|όχι|tidak|לא|না|ні|نه|خیر|hindi|nem|ei|ne)(?=\s*[,.!;:、，。！]|\s+-\s|$))/i,
      '$1no',
    );
  const match =
    /^\s*["'(\[]?\s*((?:(?:most|very|quite)\s+)?(?:probably|likely)\s*,?\s*(?:not\s+yet|not|no|yes)|(?:most|very|quite)\s+(?:probably|likely)|(?:absolutely|definitely|certainly|clearly)\s*,?\s*(?:yes|no)|probably|likely|almost\s+certainly\s+not|almost\s+certainly|(?:(?:very|highly|most)\s+)?unlikely|not\s+likely|indicated|recommended|warranted|necessary|required|absolutely\s+not|definitely\s+not|certainly\s+not|of\s+course\s+not|no\s+way|not\s+at\s+this\s+time|not\s+(?:right\s+|just\s+)?now|not\s+(?:just\s+)?yet|not\s+for\s+now|not\s+at\s+the\s+moment|not\s+really|not\s+recommended|not\s+indicated|not\s+at\s+all|without\s+(?:question|a\s+doubt|doubt)|I\s+(?:don't|do\s+not)\s+(?:think|believe)\s+so|I\s+(?:think|believe)\s+so|generally\s+(?:yes|no)|yes|yeah|yep|no|nope|nah|absolutely|definitely|certainly|of\s+course|affirmative|negative)\b(.*)$/is.exec(
      segment,
    );
  if (!match) return undefined;
  const word = (match[1] ?? '').toLowerCase().replace(/\s+/g, ' ');
  const rest = match[2] ?? '';
  const value: YesNo =
    /^(?:yes|yeah|yep|absolutely|definitely|certainly|of course|affirmative|indicated|recommended|warranted|necessary|required|without (?:question|a doubt|doubt)|i (?:think|believe) so|generally yes)$|^(?:(?:most|very|quite|almost) )?(?:probably|likely|certainly)(?:,? yes)?$|^(?:absolutely|definitely|clearly),? yes$/.test(
      word,
    )
      ? 'yes'
      : 'no';
  // A one-word verdict ("Indicated.", "Recommended, ...", "Recommended (grade B).", "Recommended — at 24–28 weeks") is an
  // answer only as a sentence of its own, never a field name ("Recommended: no").
  if (/^(?:indicated|recommended|warranted|necessary|required)$/.test(word) && !/^\s*(?:[.!,;)(]|\s[—–-]\s|$)/.test(rest)) return undefined;
  if (/^\s*(?:and|or|\/|&)\s*(?:yes|no)\b/i.test(rest)) return { conflict: `"${segment.slice(0, 20).trim()}"` };
  // "Yes 👍 every adult": an emoji after the word punctuates it.
  const punctuated = /^\s*(?:[.,!;:()\]"'\-—–]|\p{Extended_Pictographic}|$)/u.test(rest);
  const isCoreWord =
    /^(?:yes|yeah|yep|no|nope|nah|absolutely not|definitely not|certainly not|of course not|no way|(?:(?:most|very|quite) )?(?:probably|likely),? (?:not|no|yes)|(?:absolutely|definitely|certainly|clearly),? (?:yes|no))$/.test(
      word,
    );
  if (/^\s*,?\s*(?:only\s+)?(?:if|when|provided|as\s+long\s+as|assuming)\b[^.\n]*?[;,.]\s*(?:otherwise|if\s+not|else)\b/i.test(rest)) {
    return { conflict: `conditional answer "${segment.slice(0, 60).trim()}"` };
  }
  // "Probably not, though some would keep it — hard to say": a guess that the answer itself leaves open commits to
  // nothing ("Probably yes, provided ..." does commit, under its condition).
  const leftOpen = /^(?:(?:most|very|quite|almost) )?(?:probably|likely)\b/.test(word) ? hedgeBetweenAnswers(rest) : undefined;
  if (leftOpen !== undefined) return { conflict: `a guess left open ("${word} ... ${leftOpen}")` };
  // "so yes — but the criteria are met without it, so maybe not": the verdict is doubted as soon as it is given.
  const doubted = DOUBTED_AFTER_BUT.exec(rest);
  if (doubted) return { conflict: `a verdict doubted at once ("${doubted[0].slice(0, 60)}")` };
  // "Probably, if they're over 40.": a guess that holds only under a condition, with no verdict of its own.
  if (/^(?:probably|likely)$/.test(word) && /^\s*,?\s*(?:only\s+)?(?:if|when|provided|as\s+long\s+as|assuming)\b/i.test(rest))
    return { conflict: `a guess under a condition ("${segment.slice(0, 60).trim()}")` };
  const markerNoun = afterMarker && value === 'no' && word === 'no' && /^\s+[a-z]/i.test(rest) && !NOT_AN_ANSWER_AFTER_NO.test(rest);
  if (!punctuated && !markerNoun && !(isCoreWord && ANSWER_CONTINUATION.test(rest))) return undefined;
  if (value === 'no' && DECLINING_CONTINUATION.test(rest)) return undefined;
  return { value, written: `${match[1] ?? ''}${rest.slice(0, 1)}`.trim() };
}
