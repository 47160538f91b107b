/**
 * The event a duration is counted from, when the answer names it by an action on something ("after stopping the PPI",
 * "from the end of the antibiotic course", "since finishing chemotherapy"): the words for that something.
 */
const COUNTED_FROM =
  /\b(?:after|since|from|following)\s+(?:stopping|finishing|completing|starting|ending|the\s+(?:end|start|last\s+dose)\s+of)\s+(?:(?:the|your|his|her|their|a|an)\s+)?([a-z][\w-]*(?:\s+[a-z][\w-]*)?)/i;

/** Words that name no particular event ("after stopping it", "after finishing the medicine"). */
const GENERIC = new Set([
  'it',
  'them',
  'this',
  'that',
  'drug',
  'drugs',
  'medicine',
  'medicines',
  'medication',
  'medications',
  'treatment',
  'course',
  'therapy',
]);

/** A question stem that counts from an event of its own ("between the end of X and ...", "after starting X"). */
const STEM_COUNTS_FROM = /\b(?:after|since|from|following|between)\b/i;

/**
 * Why a duration does not answer the stem, or undefined: it is counted from an event the stem never names ("Wait 2
 * weeks after stopping the PPI" when the stem asks for the interval after the end of the antibiotics). Words are
 * compared by their first five letters ("antibiotics" = "antibiotic").
 */
export function countedFromAnotherEvent(answer: string, stem: string): string | undefined {
  if (!STEM_COUNTS_FROM.test(stem)) return undefined;
  const anchor = COUNTED_FROM.exec(answer);
  if (!anchor) return undefined;
  const words = (anchor[1] ?? '').toLowerCase().split(/\s+/);
  if (words.some((word) => GENERIC.has(word))) return undefined;
  const key = (word: string): string => word.slice(0, 5);
  const stemKeys = new Set((stem.toLowerCase().match(/[a-z][\w-]*/g) ?? []).map(key));
  return words.some((word) => stemKeys.has(key(word))) ? undefined : anchor[0];
}
