import type { Candidate } from './resolve.js';

/** A line opening with a ticked box: "- [x] B. ...", "[X] Yes", "☑ 3. ...". */
const BOX_TICKED = /^\s*(?:[-*•]\s*)?(?:\[\s*[xX✓✔]\s*\]|☑|☒)\uFE0F?\s*(\S.*)$/;
/** A line opening with an empty box: "- [ ] A. ...", "☐ No". */
const BOX_EMPTY = /^\s*(?:[-*•]\s*)?(?:\[\s*\]|☐)/;
/** A line opening with a tick mark: "✅ B — Atorvastatin", "✔ Yes". */
const TICK_MARK = /^\s*(?:[-*•]\s*)?(?:✅|✔|✓)\uFE0F?\s*(\S.*)$/;

/** Any box, ticked or empty, for splitting a line that holds several. */
const ANY_BOX = /\[\s*[xX✓✔]?\s*\]|☑|☒|☐/g;
const BEFORE_BOX = /(?=\[\s*[xX✓✔]?\s*\]|☑|☒|☐)/;

export type TickedItem =
  | { readonly status: 'one'; readonly text: string; readonly boxed: boolean }
  | { readonly status: 'several' | 'none'; readonly explanation: string };

/**
 * The one item a checkbox list ticks ("[ ] Yes\n[x] No", "- [ ] A. ...\n- [x] B. ..."), or why the list gives no single
 * item; undefined when the text has no checkbox list.
 *
 * A checkbox list restates every option, so the last option it names is not the answer and the options' texts say
 * nothing about which was chosen: only the tick does. A list of boxes ticking several items, or none, commits to no
 * single answer. Tick marks without boxes ("✅ B — Atorvastatin\n❌ C", "✅ Yes") are also used as bullets, so only a
 * single one is read, and callers accept it only when its text is itself an explicit answer.
 */
export function tickedItem(plain: string): TickedItem | undefined {
  // "☑ Yes ☐ No", "Significant? [x] yes [ ] no": boxes written on one line are items of their own.
  const lines = plain.split('\n').flatMap((line) => ((line.match(ANY_BOX)?.length ?? 0) >= 2 ? line.split(BEFORE_BOX) : [line]));
  const ticked = lines.flatMap((line) => BOX_TICKED.exec(line)?.[1]?.trim() ?? []);
  const empty = lines.filter((line) => BOX_EMPTY.test(line)).length;
  if (ticked.length + empty >= 2 || ticked.length === 1) {
    const only = ticked.length === 1 ? ticked[0] : undefined;
    if (only !== undefined) return { status: 'one', text: only, boxed: true };
    if (ticked.length > 1) return { status: 'several', explanation: `a checkbox list ticks ${ticked.length} items` };
    return { status: 'none', explanation: 'a checkbox list ticks no item' };
  }
  const marks = lines.flatMap((line) => TICK_MARK.exec(line)?.[1]?.trim() ?? []);
  const onlyMark = marks.length === 1 ? marks[0] : undefined;
  return onlyMark === undefined ? undefined : { status: 'one', text: onlyMark, boxed: false };
}

/**
 * What a checkbox list answers, read by `find` from the ticked item's text alone: its explicit answer, or ambiguous
 * when boxes tick several items, none, or an item that names no answer; undefined when there is no list (or a lone
 * tick mark whose text is not an explicit answer), so the extractor goes on with its other rules.
 */
export function tickedItemCandidate<T>(plain: string, find: (text: string) => Candidate<T>): Candidate<T> | undefined {
  const item = tickedItem(plain);
  if (item === undefined) return undefined;
  if (item.status !== 'one') return { status: 'ambiguous', explanation: item.explanation };
  const reading = find(item.text);
  if (reading.status === 'found' && reading.strength === 'strong')
    return { ...reading, explanation: `the one ticked item "${item.text.slice(0, 60)}": ${reading.explanation}` };
  if (!item.boxed) return undefined;
  return { status: 'ambiguous', explanation: `the ticked item "${item.text.slice(0, 60)}" names no single answer` };
}
