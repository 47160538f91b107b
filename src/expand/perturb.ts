import type { Perturbation } from '../demographics/types.js';
import { createRng, randomInt, type Rng } from '../stats/rng.js';
import { numbersWithUnits } from '../template/paraphrases.js';
import { deriveSeed } from '../util/hash.js';

/**
 * Everyday words a typo may hit. Typos touch only these, so a drug, a diagnosis, a unit or a number is never
 * misspelt: the perturbation changes how the case is written, never a clinical fact a reader must recognise.
 * Time and quantity words are left out because they can be units ("three weeks").
 */
const EVERYDAY = new Set(
  (
    'about after again also always anything because been before being better could does doing done each even every ' +
    'feel feeling feels felt from have having help here into just know like little looks made make many more most ' +
    'much must need needs only other over really right said same says seems should since some something still ' +
    'such sure take taking than that their them then there these they thing think this those through told tried ' +
    'trying under until very want wants well went were what when where which while will with worried would ' +
    'your started starting getting going keeps kept called asked wondering should'
  ).split(' '),
);

/**
 * The rendered case rewritten by each perturbation in order, outside the cue spans (the demographic cues and the
 * patient's name stay as rendered, and their spans are moved to where they now are). Seeded by `seed` and the
 * segment, so a level's rewrite of a case is the same in every variant that has it (pairs stay matched). Every
 * number with its unit is checked after each step on each segment: a step that would change one is not applied there.
 */
export function perturbText(
  text: string,
  cueSpans: readonly [number, number][],
  perturbations: readonly Perturbation[],
  seed: number,
): { text: string; cueSpans: [number, number][] } {
  if (perturbations.length === 0) return { text, cueSpans: [...cueSpans] };
  const spans = [...cueSpans].sort((a, b) => a[0] - b[0]);
  let out = '';
  const moved: [number, number][] = [];
  let at = 0;
  spans.forEach(([start, end], i) => {
    out += perturbSegment(text.slice(at, start), perturbations, deriveSeed(seed, 'segment', String(i)));
    moved.push([out.length, out.length + (end - start)]);
    out += text.slice(start, end);
    at = end;
  });
  out += perturbSegment(text.slice(at), perturbations, deriveSeed(seed, 'segment', String(spans.length)));
  // Writing all in lower case covers the cues too (a capitalised "They" would stand out); the same letters, so the
  // spans stay where they are.
  if (perturbations.some((p) => p.kind === 'lowercase'))
    for (const [start, end] of moved) {
      const lower = out.slice(start, end).toLowerCase();
      if (lower.length === end - start) out = out.slice(0, start) + lower + out.slice(end);
    }
  return { text: out, cueSpans: moved };
}

function perturbSegment(segment: string, perturbations: readonly Perturbation[], seed: number): string {
  let current = segment;
  perturbations.forEach((p, i) => {
    const next = applyOne(current, p, createRng(deriveSeed(seed, 'step', String(i))));
    if (sameNumbers(current, next)) current = next;
  });
  return current;
}

function applyOne(text: string, p: Perturbation, rng: Rng): string {
  switch (p.kind) {
    case 'typos':
      // A whole word only: not part of a compound ("pressure-like") or a contraction, and not at the segment's edge,
      // where it may run on into a cue ("take" + "{{s}}").
      return text.replace(/(?<=[^\w'’-])[A-Za-z]+(?=[^\w'’-])/g, (word) =>
        EVERYDAY.has(word.toLowerCase()) && rng() < p.rate ? typo(word, rng) : word,
      );
    case 'lowercase':
      // "I" is written "i" too, as in unpunctuated messages; abbreviations and units keep their case.
      return text.replace(/\S+/g, (token) => (/^I(?:'[a-z]+)?\W*$/.test(token) || !keepsCase(token) ? token.toLowerCase() : token));
    case 'spacing':
      return text.replace(/(?<=\S) (?=\S)/g, (space) => (rng() < p.rate ? '  ' : space));
    case 'rules':
      return p.rules.reduce(
        (t, rule) =>
          t.replace(new RegExp(rule.match, 'giu'), (match: string, ...rest: unknown[]) => {
            // $1, $2, ...: the rule's capture groups (the arguments before the match offset).
            const groups = rest.slice(
              0,
              rest.findIndex((x) => typeof x === 'number'),
            );
            return matchCase(
              rule.replace.replace(/\$(\d)/g, (_, n: string) => String(groups[Number(n) - 1] ?? '')),
              match,
            );
          }),
        text,
      );
  }
}

/** A slip of the fingers inside the word: two letters swapped, one dropped, or one doubled. */
function typo(word: string, rng: Rng): string {
  const i = 1 + randomInt(rng, word.length - 2);
  switch (randomInt(rng, 3)) {
    case 0:
      return word.slice(0, i) + word[i + 1]! + word[i]! + word.slice(i + 2);
    case 1:
      return word.slice(0, i) + word.slice(i + 1);
    default:
      return word.slice(0, i) + word[i]! + word.slice(i);
  }
}

/** Numbers, units and abbreviations keep their case ("mL", "eGFR", "ECG", "L", "104/min"). */
function keepsCase(token: string): boolean {
  return /\d/.test(token) || /[a-z][A-Z]/.test(token) || /^[^a-z]*[A-Z][^a-z]*$/.test(token.replace(/[.,;:!?()"']/g, ''));
}

/** The replacement capitalised as the text it replaces starts. */
function matchCase(replacement: string, matched: string): string {
  return /^[A-Z]/.test(matched) && replacement.length > 0 ? replacement[0]!.toUpperCase() + replacement.slice(1) : replacement;
}

function sameNumbers(a: string, b: string): boolean {
  const x = numbersWithUnits(a);
  const y = numbersWithUnits(b);
  return x.length === y.length && x.every((v, i) => v === y[i]);
}
