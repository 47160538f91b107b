/**
 * Routes of administration, for telling a dose given by another route from the one a question asks about ("1 mg IV"
 * answers no "What intramuscular dose ...?"). Full words in any case; abbreviations in capitals only, as clinicians
 * write them ("im" and "po" are too often parts of other words or spellings).
 */
const ROUTES: ReadonlyArray<{ route: string; words: RegExp; abbreviation: RegExp }> = [
  { route: 'intramuscular', words: /\bintramuscular(?:ly)?\b/i, abbreviation: /\bIM\b/ },
  { route: 'intravenous', words: /\bintravenous(?:ly)?\b/i, abbreviation: /\bIV\b/ },
  { route: 'subcutaneous', words: /\bsubcut(?:aneous(?:ly)?)?\b/i, abbreviation: /\b(?:SC|SQ)\b/ },
  { route: 'oral', words: /\boral(?:ly)?\b|\bby\s+mouth\b/i, abbreviation: /\bPO\b/ },
];

/** The routes `text` names. */
function routesNamed(text: string): Set<string> {
  return new Set(ROUTES.filter(({ words, abbreviation }) => words.test(text) || abbreviation.test(text)).map(({ route }) => route));
}

/**
 * The route an answer names when the question asks about another one and the answer never names the one asked
 * ("Epinephrine 1 mg IV push." for "What intramuscular dose ...?"); undefined when the stem names no route, or
 * several, or the answer names the asked route too.
 */
export function otherRouteNamed(answer: string, stem: string): string | undefined {
  const asked = routesNamed(stem);
  if (asked.size !== 1) return undefined;
  const named = routesNamed(answer);
  if ([...asked].some((route) => named.has(route))) return undefined;
  return [...named][0];
}
