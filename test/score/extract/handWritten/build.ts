/**
 * Builds CORPUS/{choice,yesno,ordinal,numeric}.jsonl from the hand-written answers in CORPUS/src/*.src.jsonl (blind5,
 * blind6: corpora written by hand, one answer at a time).
 * The script copies only the question parts (stem, options, scale, unit) from templates/*.yaml, looked up by
 * vignette id, so they are exact. It never writes answer text: `text`, `style`, `note` and the key come from the
 * source line as written by hand. Run: npx tsx test/score/extract/handWritten/build.ts CORPUS
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..', '..', '..', '..');
const corpus = process.argv[2];
if (!corpus || !/^[\w-]+$/.test(corpus)) {
  process.stderr.write(`usage: npx tsx test/score/extract/handWritten/build.ts CORPUS (a directory of test/score/extract, e.g. blind6)\n`);
  process.exit(2);
}
const here = join(import.meta.dirname, '..', corpus);
const TYPES = ['choice', 'yesno', 'ordinal', 'numeric'] as const;
type T = (typeof TYPES)[number];

// recommendation is a yes/no question and care-level an ordinal one, as far as the answer's form goes.
const FORM: Record<string, T> = {
  choice: 'choice',
  yesno: 'yesno',
  recommendation: 'yesno',
  ordinal: 'ordinal',
  'care-level': 'ordinal',
  numeric: 'numeric',
};

const questions = new Map<string, { file: string; q: Record<string, unknown> }>();
for (const f of readdirSync(join(root, 'templates'))
  .filter((f) => f.endsWith('.yaml'))
  .sort()) {
  const doc = parse(readFileSync(join(root, 'templates', f), 'utf8'));
  for (const v of doc?.vignettes ?? []) if (v?.id && v.question) questions.set(v.id, { file: f, q: v.question });
}

interface Src {
  id: string;
  text: string;
  e: string | number;
  style: string;
  note?: string;
  needs_vignette?: boolean;
  weight_kg?: number;
}

let problems = 0;
for (const type of TYPES) {
  const out: string[] = [];
  const lines = readFileSync(join(here, 'src', `${type}.src.jsonl`), 'utf8').split('\n');
  lines.forEach((raw, i) => {
    if (!raw.trim()) return;
    let s: Src;
    try {
      s = JSON.parse(raw);
    } catch (err) {
      console.error(`${type}.src.jsonl:${i + 1}: bad JSON: ${(err as Error).message}`);
      problems++;
      return;
    }
    const found = questions.get(s.id);
    if (!found) {
      console.error(`${type}.src.jsonl:${i + 1}: unknown vignette ${s.id}`);
      problems++;
      return;
    }
    const q = found.q;
    if (FORM[String(q.type)] !== type) {
      console.error(`${type}.src.jsonl:${i + 1}: ${s.id} is a ${q.type} question`);
      problems++;
      return;
    }
    const expected = s.e === 'R' ? { kind: 'refusal' } : s.e === 'U' ? { kind: 'unparseable' } : { kind: 'answer', value: s.e };
    const line: Record<string, unknown> = { text: s.text };
    if (type === 'choice') line.options = q.options;
    if (type === 'ordinal') line.scale = q.scale;
    if (type === 'numeric') line.unit = q.unit;
    line.stem = q.stem;
    line.expected = expected;
    line.style = s.style;
    if (s.note) line.note = s.note;
    if (s.needs_vignette) {
      line.needs_vignette = true;
      line.weight_kg = s.weight_kg;
    }
    out.push(JSON.stringify(line));
  });
  writeFileSync(join(here, `${type}.jsonl`), out.join('\n') + '\n');
  console.log(`${type}: ${out.length} lines`);
}
if (problems) {
  console.error(`${problems} problem(s)`);
  process.exit(1);
}
