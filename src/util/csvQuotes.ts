/** The problem an unclosed quote is, said where it opens. */
export const UNCLOSED_QUOTE =
  'a quoted field opens on this line and is never closed, so the rest of the file would be read as one cell: close the quote, or write a quote inside a quoted field as two ("")';

/**
 * The line on which a quoted CSV field opens and is never closed, or undefined when every quote closes. A CSV
 * parser reports this at the end of the file, where the field finally runs out; the user needs the line where the
 * stray quote is. Quotes open a field only at its start (RFC 4180); inside one, "" is an escaped quote.
 */
export function unclosedQuoteLine(text: string, delimiter: string): number | undefined {
  let line = 1;
  let openedOn: number | undefined;
  let atFieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (openedOn !== undefined) {
      if (ch === '"') {
        if (text[i + 1] === '"') i++;
        else openedOn = undefined;
      } else if (ch === '\n') line++;
      continue;
    }
    if (ch === '"' && atFieldStart) openedOn = line;
    if (ch === '\n') line++;
    atFieldStart = ch === delimiter || ch === '\n' || (ch === '\r' && text[i + 1] === '\n');
  }
  return openedOn;
}
