/** The problem an unclosed quote is, said where it opens. */
export const UNCLOSED_QUOTE =
  'a quoted field opens on this line and is never closed, so the rest of the file would be read as one cell: close the quote, or write a quote inside a quoted field as two ("")';

/**
 * The line on which a quoted CSV field opens and is never closed, or undefined when every quote closes. A CSV
 * parser reports this at the end of the file, where the field finally runs out; the user needs the line where the
 * stray quote is. Quotes open a field only at its start (RFC 4180); inside one, "" is an escaped quote.
 */
export function unclosedQuoteLine(text: string, delimiter: string): number | undefined {
  const scanner = new UnclosedQuoteScanner(delimiter);
  scanner.feed(text);
  return scanner.end();
}

/**
 * unclosedQuoteLine over a text given in pieces (a file read chunk by chunk): feed each piece, then `end()`. A
 * character whose meaning depends on the next one (a quote inside a quoted field, a carriage return) is held back
 * until the next piece shows it.
 */
export class UnclosedQuoteScanner {
  private line = 1;
  private openedOn: number | undefined;
  private atFieldStart = true;
  private held = '';

  constructor(private readonly delimiter: string) {}

  feed(piece: string): void {
    this.scan(this.held + piece, false);
  }

  /** The line of the quote still open at the end of the text, if any. */
  end(): number | undefined {
    this.scan(this.held, true);
    return this.openedOn;
  }

  private scan(text: string, final: boolean): void {
    this.held = '';
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      const needsNext = this.openedOn !== undefined ? ch === '"' : ch === '\r';
      if (needsNext && !final && i + 1 === text.length) {
        this.held = ch!;
        return;
      }
      if (this.openedOn !== undefined) {
        if (ch === '"') {
          if (text[i + 1] === '"') i++;
          else this.openedOn = undefined;
        } else if (ch === '\n') this.line++;
        continue;
      }
      if (ch === '"' && this.atFieldStart) this.openedOn = this.line;
      if (ch === '\n') this.line++;
      this.atFieldStart = ch === this.delimiter || ch === '\n' || (ch === '\r' && text[i + 1] === '\n');
    }
  }
}
