import {
  detectRefusal,
  extractChoice,
  extractNumeric,
  extractOrdinal,
  extractYesNo,
  type Extraction,
} from '../../../src/score/extract/index.js';

/**
 * Inputs built to provoke catastrophic backtracking or quadratic scans. The unit tests check that every extractor
 * stays total on them; how fast it does so is measured by `npm run bench:hostile-input`, not asserted in a test.
 */
export const HOSTILE: Readonly<Record<string, string>> = {
  openParens: '(A'.repeat(200_000),
  thinkTags: '<think>'.repeat(100_000),
  alternatives: 'A or '.repeat(100_000),
  asterisks: '*'.repeat(500_000),
  digits: '1'.repeat(300_000),
  numberList: '1, '.repeat(100_000),
  dashes: '1-'.repeat(100_000),
  markers: 'Answer: '.repeat(50_000),
  bold: '**B** '.repeat(50_000),
  mentions: 'ESI 2 '.repeat(50_000),
  refusals: 'I cannot provide '.repeat(30_000),
  units: '5 mg/kg/day/h/min '.repeat(20_000),
  labels: 'less urgent non-urgent '.repeat(20_000),
  jsonKeys: '{"answer": "'.repeat(50_000),
  boxed: '\\boxed{'.repeat(50_000),
  newlines: `${'\n'.repeat(500_000)}Yes`,
  longPreamble: `${'x'.repeat(1_000_000)}\nAnswer: D`,
};

const OPTIONS = { A: 'ESI 1', B: 'ESI 2', C: 'ESI 3', D: 'ESI 4' };
const SCALE = [
  { value: 1, label: 'Resuscitation' },
  { value: 2, label: 'Emergent' },
  { value: 3, label: 'Urgent' },
  { value: 4, label: 'Less urgent' },
  { value: 5, label: 'Non-urgent' },
];

/** Every extractor (and the refusal detector) on one text, as the scorer would run them. */
export function extractAll(text: string): { results: Extraction<string | number>[]; refusal: ReturnType<typeof detectRefusal> } {
  const results = [extractChoice(text, OPTIONS), extractYesNo(text), extractOrdinal(text, SCALE), extractNumeric(text, 'mg')];
  return { results, refusal: detectRefusal(text) };
}
