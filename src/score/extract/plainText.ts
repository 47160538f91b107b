/**
 * Removes markdown decoration that sits between an answer marker and the answer ("**Answer:** B", "## Answer",
 * "> Answer: B", "_B_") so that marker patterns can be written once, for plain prose.
 *
 * Emphasis asterisks and double underscores are dropped anywhere; single underscores only when they wrap a word
 * (JSON keys such as `final_answer` must survive); heading hashes and blockquote markers only at line starts.
 * Bold spans are looked for by the extractors in the text *before* this step.
 */
export function stripMarkdownEmphasis(text: string): string {
  return text
    .replace(/\*+/g, '')
    .replace(/__/g, '')
    .replace(/(^|[^\w])_([^_\n]{1,80})_(?=[^\w]|$)/g, '$1$2')
    .replace(/^[^\S\n]*(?:#{1,6}|>+)[^\S\n]*/gm, '')
    .replace(/[^\S\n]{2,}/g, ' ');
}
