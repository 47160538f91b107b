import { stripMarkdownEmphasis } from './plainText.js';
import { detectRefusal } from './refusal.js';
import type { Extraction } from './types.js';

const EXTRACTOR = 'differential';

/**
 * Reads a ranked differential diagnosis from a model's answer and returns the rank (1 = listed first) of the first
 * item naming the correct diagnosis (`names`: its name and accepted synonyms), or 0 when the list does not name it.
 *
 * The list is, in order of preference: numbered items ("1. ...", "2) ...", "#3 ..."), then bulleted lines, then one
 * line of items separated by commas or semicolons after a "differential"/"diagnoses" label, then the answer's only
 * line split on commas and semicolons. A name matches an item when the item contains its words in order as whole words
 * (case, accents, punctuation and hyphens ignored): "Acute aortic dissection (Stanford A)" names "aortic dissection",
 * "dissection of the thoracic aorta" does not — list every wording to accept as a synonym. An item stating the diagnosis is excluded ("ruled out", "unlikely", "not
 * X") does not count as naming it. Refusals are refusals; an answer with no list, or with items that repeat a rank,
 * is unparseable.
 */
export function extractDifferential(text: string, names: readonly string[]): Extraction<number> {
  const plain = stripMarkdownEmphasis(text);
  // A numbered or bulleted list is an answer whatever surrounds it; without one, refusal language decides first, so
  // "I'm sorry, I can't diagnose this" is not read as a two-item list.
  // Bold markers go, but a leading "#" stays: "#1 Pneumonia" numbers an item (stripMarkdownEmphasis drops it as a heading).
  let items = markedItems(text.replace(/\*+/g, '')).map(stripMarkdownEmphasis);
  if (items.length === 0) {
    const refusal = detectRefusal(text);
    if (refusal.refusal) return { kind: 'refusal', extractor: EXTRACTOR, explanation: refusal.explanation };
    items = inlineItems(plain);
  }
  if (items.length === 0) return { kind: 'unparseable', extractor: EXTRACTOR, explanation: 'no list of diagnoses found' };
  const wanted = names.map(words).filter((w) => w.length > 0);
  const rank = items.findIndex((item) => {
    const itemWords = words(item);
    return !EXCLUDED.test(item) && wanted.some((name) => containsWords(itemWords, name));
  });
  return rank >= 0
    ? {
        kind: 'answer',
        value: rank + 1,
        extractor: EXTRACTOR,
        explanation: `named at rank ${rank + 1} of ${items.length}: "${items[rank]}"`,
      }
    : { kind: 'answer', value: 0, extractor: EXTRACTOR, explanation: `not among the ${items.length} diagnoses listed` };
}

const EXCLUDED = /\b(ruled out|excluded|unlikely|less likely than|not (?:consistent|likely|supported)|no evidence of)\b|^\s*not\b/i;
const NUMBERED = /^\s*(?:#(\d{1,2})[.):\]]?|\(?(\d{1,2})[.):\]])\s*(.+)$/;
const BULLET = /^\s*[-*•]\s+(.+)$/;
const LABELLED = /\b(?:differential(?: diagnos[ie]s)?|diagnos[ie]s|ddx)\b[^:\n]*:\s*(.+)$/im;

/** The items of the answer's numbered list, else of its bulleted lines, in order (see extractDifferential). */
function markedItems(text: string): string[] {
  const lines = text.split(/\r?\n/);
  const numbered = lines.flatMap((line) => {
    const m = NUMBERED.exec(line);
    return m ? [{ n: Number(m[1] ?? m[2]), item: m[3]!.trim() }] : [];
  });
  if (numbered.length > 0) {
    // A second list numbered from 1 again (a restatement, or "other causes") is not part of the ranking.
    const ranked: string[] = [];
    for (const { n, item } of numbered) {
      if (n !== ranked.length + 1) break;
      ranked.push(item);
    }
    return ranked;
  }
  return lines.flatMap((line) => BULLET.exec(line)?.slice(1, 2) ?? []).map((b) => b.trim());
}

/**
 * The items of a line listing diagnoses: after a "differential"/"diagnoses" label, or the answer's only line. Each
 * item must read as a name (a few words, no sentence inside), so a prose sentence with commas is not taken for a list.
 */
function inlineItems(text: string): string[] {
  const lines = text.split(/\r?\n/);
  const labelled = LABELLED.exec(text)?.[1];
  const nonEmpty = lines.map((l) => l.trim()).filter((l) => l.length > 0);
  const line = labelled ?? (nonEmpty.length === 1 ? nonEmpty[0] : undefined);
  if (line === undefined) return [];
  const parts = line
    .replace(/\.$/, '')
    .split(/\s*[;,]\s*|\s+(?:and|or)\s+(?=[^,;]*$)/i)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  const nameLike = parts.every((p) => p.split(/\s+/).length <= 8 && !/[.!?]\s/.test(p));
  return parts.length > 1 && nameLike ? parts : [];
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

function containsWords(item: readonly string[], name: readonly string[]): boolean {
  for (let start = 0; start + name.length <= item.length; start++) if (name.every((w, i) => item[start + i] === w)) return true;
  return false;
}
