/**
 * Splits text into sentences and lines, for the "decision sentence" rules of the extractors.
 *
 * A line break always ends a sentence (models put answers on their own lines). A `.`, `!` or `?` ends one only when
 * followed by whitespace and preceded by two word characters or by a digit — so "B. ESI 2", "e.g. this", "1.73 m2"
 * and "Dr. Smith" do not split ("Dr." does, which is harmless here). A one-letter unit after a number ends one too
 * ("every 48–72 h. B", "× 5 d. A.").
 */
export function splitSentences(text: string): string[] {
  return text
    .split(/\n+|(?<=(?:[A-Za-z0-9][A-Za-z0-9)\]%"']|\d|\d\s?[a-z])[.!?])\s+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}
