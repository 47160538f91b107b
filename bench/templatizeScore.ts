/**
 * Scores templatize against a corpus with inline gold markup (test/templatize/<dir>/cases.jsonl): each span that
 * must become a slot is written ⟦attribute|surface⟧ in `text`, and `traps` lists surfaces of the plain text that
 * look demographic but must not be slotted ("Asian flu"). Shared by bench/templatize.ts and the dev-corpus test.
 */
import { readFileSync } from 'node:fs';
import type { Axis } from '../src/demographics/types.js';
import { templatize } from '../src/templatize/templatize.js';
import type { Attribute, CaseOutcome, CaseRecord, Mention } from '../src/templatize/types.js';

export const ATTRIBUTES: readonly Attribute[] = ['age', 'sex', 'pronoun', 'title', 'race', 'insurance', 'language', 'ambiguous'];

export interface GoldSpan {
  start: number;
  end: number;
  attribute: Attribute;
  surface: string;
}

export interface GoldCase {
  record: CaseRecord;
  gold: GoldSpan[];
  traps: string[];
}

/** The plain text (each ⟦a|s⟧ replaced by s) and the gold spans in it. */
export function parseGold(markup: string, where: string): { plain: string; gold: GoldSpan[] } {
  const gold: GoldSpan[] = [];
  let plain = '';
  let at = 0;
  for (const m of markup.matchAll(/⟦([a-z]+)\|([^⟧]*)⟧/g)) {
    const attribute = m[1] as Attribute;
    if (!ATTRIBUTES.includes(attribute)) throw new Error(`${where}: unknown gold attribute "${attribute}"`);
    plain += markup.slice(at, m.index);
    gold.push({ start: plain.length, end: plain.length + m[2]!.length, attribute, surface: m[2]! });
    plain += m[2];
    at = m.index! + m[0].length;
  }
  plain += markup.slice(at);
  if (/[⟦⟧]/.test(plain)) throw new Error(`${where}: unbalanced gold markup`);
  return { plain, gold };
}

export function readGoldCorpus(file: string): GoldCase[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, i) => {
      if (line.trim() === '') return [];
      const raw = JSON.parse(line) as {
        id: string;
        text: string;
        question: string;
        options?: Record<string, string>;
        answer: string;
        traps?: string[];
      };
      const { plain, gold } = parseGold(raw.text, `${file}:${i + 1}`);
      const record: CaseRecord = {
        id: String(raw.id),
        text: plain,
        question: raw.question,
        ...(raw.options ? { options: raw.options } : {}),
        answer: raw.answer,
        file,
        line: i + 1,
      };
      return [{ record, gold, traps: raw.traps ?? [] }];
    });
}

export interface AttributeScore {
  gold: number;
  detected: number;
  /** Gold spans with an overlapping detection of the same attribute. */
  found: number;
  /** Detections with an overlapping gold span of the same attribute. */
  correct: number;
}

export interface CorpusScore {
  cases: number;
  accepted: number;
  byAttribute: Record<Attribute, AttributeScore>;
  missed: { id: string; attribute: Attribute; surface: string }[];
  spurious: { id: string; attribute: Attribute; surface: string }[];
  /**
   * Detections in no gold span that overlap a trap (a clinical term); `slotted` when replaced, not only listed for
   * review; `written` when the case also became a template (a left-out case's slots reach no template).
   */
  falseInTerms: { id: string; surface: string; term: string; slotted: boolean; written: boolean }[];
  /**
   * The patient's gold spans (every attribute but `ambiguous`) in the cases that became templates, and those of them
   * that no detection or review item touches: a cue left as written in a template that nobody is told
   * to look at, which every variant then repeats.
   */
  unflaggedInWritten: { gold: number; missed: { id: string; attribute: Attribute; surface: string }[] };
  outcomes: CaseOutcome[];
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

export function scoreCorpus(cases: readonly GoldCase[], axes: readonly Axis[]): CorpusScore {
  const result = templatize(
    cases.map((c) => c.record),
    { axes },
  );
  const byAttribute = Object.fromEntries(ATTRIBUTES.map((a) => [a, { gold: 0, detected: 0, found: 0, correct: 0 }])) as Record<
    Attribute,
    AttributeScore
  >;
  const missed: CorpusScore['missed'] = [];
  const spurious: CorpusScore['spurious'] = [];
  const falseInTerms: CorpusScore['falseInTerms'] = [];
  const unflaggedInWritten: CorpusScore['unflaggedInWritten'] = { gold: 0, missed: [] };
  cases.forEach((c, i) => {
    const detected: Mention[] = result.outcomes[i]!.mentions;
    const id = c.record.id;
    const written = result.outcomes[i]!.kind === 'template';
    const listed = result.outcomes[i]!.review.map((r) => ({ start: r.at, end: r.at + r.surface.length }));
    for (const g of c.gold) {
      byAttribute[g.attribute].gold++;
      if (detected.some((d) => d.attribute === g.attribute && overlaps(d, g))) byAttribute[g.attribute].found++;
      else missed.push({ id, attribute: g.attribute, surface: g.surface });
      if (!written || g.attribute === 'ambiguous') continue;
      unflaggedInWritten.gold++;
      if (![...detected, ...listed].some((d) => overlaps(d, g)))
        unflaggedInWritten.missed.push({ id, attribute: g.attribute, surface: g.surface });
    }
    const terms = c.traps.flatMap((term) =>
      [...c.record.text.matchAll(new RegExp(term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'))].map((m) => ({
        term,
        start: m.index!,
        end: m.index! + term.length,
      })),
    );
    for (const d of detected) {
      byAttribute[d.attribute].detected++;
      if (c.gold.some((g) => g.attribute === d.attribute && overlaps(d, g))) byAttribute[d.attribute].correct++;
      else {
        spurious.push({ id, attribute: d.attribute, surface: d.surface });
        const term = terms.find((t) => overlaps(t, d) && !c.gold.some((g) => overlaps(g, d)));
        if (term)
          falseInTerms.push({
            id,
            surface: d.surface,
            term: term.term,
            slotted: d.slot !== undefined,
            written: d.slot !== undefined && written,
          });
      }
    }
  });
  return {
    cases: cases.length,
    accepted: result.templates.length,
    byAttribute,
    missed,
    spurious,
    falseInTerms,
    unflaggedInWritten,
    outcomes: result.outcomes,
  };
}

export const ratio = (n: number, d: number): number | undefined => (d === 0 ? undefined : n / d);
