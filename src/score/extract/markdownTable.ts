/** A cell that marks its row as the chosen one. */
const MARK = /^(?:✅|✓|✔️?|☑️?|yes|correct|selected|chosen|←)(?:\s|$|[—–:-])/i;
/** A cell that marks its row as not chosen (or leaves it empty). */
const UNMARK = /^(?:❌|✗|✘|✖️?|no|incorrect|—|–|-|)(?:\s|$|[—–:-])/i;

/** The body rows of markdown tables in `text`, each as its trimmed cells without emphasis. */
function tableRows(text: string): string[][] {
  return text
    .split('\n')
    .filter((line) => /^\s*\|.*\|\s*$/.test(line) && !/^\s*\|[\s:|-]+\|\s*$/.test(line))
    .map((line) =>
      line
        .trim()
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.replace(/\*+/g, '').trim()),
    );
}

/**
 * The first cell of the one row a markdown table marks as chosen ("| D | Obstructive | ✅ |" among rows marked ❌;
 * "| 3 | **Yes** — 2+ resources |" among "No"), or undefined. The header row is never a candidate, and every other
 * row must be marked as not chosen in the same column: a table that marks nothing, or several rows, is a walk-through, not an answer.
 */
export function markedTableRow(text: string): string | undefined {
  const [, ...body] = tableRows(text);
  if (body.length < 2) return undefined;
  const marked = body.filter((cells) => cells.slice(1).some((cell) => MARK.test(cell)));
  const chosen = marked.length === 1 ? marked[0] : undefined;
  if (chosen === undefined) return undefined;
  // The column holding the mark must say "not chosen" in every other row.
  const column = chosen.findIndex((cell, index) => index > 0 && MARK.test(cell));
  const others = body.filter((cells) => cells !== chosen);
  return others.every((cells) => UNMARK.test(cells[column] ?? '')) ? chosen[0] : undefined;
}

/** The last cell of a table row labelled "Total" ("| **Total** | **9** |"), or undefined. */
export function tableTotal(text: string): string | undefined {
  const totals = tableRows(text).filter((cells) => /^(?:total|total\s+score|sum)$/i.test(cells[0] ?? ''));
  return totals.length === 1 ? totals[0]?.at(-1) : undefined;
}
