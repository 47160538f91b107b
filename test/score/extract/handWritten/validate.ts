/**
 * Validates CORPUS/{choice,yesno,ordinal,numeric}.jsonl (a hand-written corpus: blind5, blind6): every line parses as JSON and has the fields of its type,
 * `expected` is well formed (an option letter of its options, yes/no, a value of its scale, a finite number),
 * and no two lines (across all four files) have the same text. Prints counts per type × expected kind and per style.
 * Run: npx tsx test/score/extract/handWritten/validate.ts CORPUS [--styles]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const corpus = process.argv[2];
if (!corpus || !/^[\w-]+$/.test(corpus)) {
  process.stderr.write(
    `usage: npx tsx test/score/extract/handWritten/validate.ts CORPUS (a directory of test/score/extract, e.g. blind6)\n`,
  );
  process.exit(2);
}
const here = join(import.meta.dirname, '..', corpus);
const TYPES = ['choice', 'yesno', 'ordinal', 'numeric'] as const;
const REQUIRED: Record<string, string[]> = {
  choice: ['text', 'options', 'stem', 'expected', 'style'],
  yesno: ['text', 'stem', 'expected', 'style'],
  ordinal: ['text', 'scale', 'stem', 'expected', 'style'],
  numeric: ['text', 'unit', 'stem', 'expected', 'style'],
};
const OPTIONAL = ['note', 'needs_vignette', 'weight_kg'];

const errors: string[] = [];
const seen = new Map<string, string>();
const kinds: Record<string, Record<'answer' | 'refusal' | 'unparseable', number>> = {};
const styles: Record<string, Record<string, number>> = {};
let wrong = 0;
let needsVignette = 0;
let total = 0;

for (const type of TYPES) {
  kinds[type] = { answer: 0, refusal: 0, unparseable: 0 };
  const lines = readFileSync(join(here, `${type}.jsonl`), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  lines.forEach((raw, i) => {
    const where = `${type}.jsonl:${i + 1}`;
    // biome-ignore lint/suspicious/noExplicitAny: a corpus line is checked field by field below
    let line: any;
    try {
      line = JSON.parse(raw);
    } catch (err) {
      errors.push(`${where}: not JSON (${(err as Error).message})`);
      return;
    }
    total++;
    for (const f of REQUIRED[type]!) if (line[f] === undefined) errors.push(`${where}: missing ${f}`);
    for (const f of Object.keys(line))
      if (!REQUIRED[type]!.includes(f) && !OPTIONAL.includes(f)) errors.push(`${where}: unexpected field ${f}`);
    if (typeof line.text !== 'string' || line.text.trim() === '') errors.push(`${where}: empty text`);
    if (typeof line.stem !== 'string' || line.stem.trim() === '') errors.push(`${where}: empty stem`);
    if (typeof line.style !== 'string' || line.style === '') errors.push(`${where}: empty style`);
    const prev = seen.get(line.text);
    if (prev) errors.push(`${where}: same text as ${prev}`);
    else seen.set(line.text, where);

    const e = line.expected;
    if (!e || !['answer', 'refusal', 'unparseable'].includes(e.kind)) {
      errors.push(`${where}: bad expected kind`);
      return;
    }
    kinds[type]![e.kind as 'answer' | 'refusal' | 'unparseable']++;
    styles[type] ??= {};
    styles[type]![line.style] = (styles[type]![line.style] ?? 0) + 1;
    if (/deliberately wrong/.test(line.note ?? '')) wrong++;
    if (e.kind !== 'answer') {
      if ('value' in e) errors.push(`${where}: ${e.kind} with a value`);
      return;
    }

    const v = e.value;
    if (type === 'choice') {
      if (!line.options || typeof line.options !== 'object') errors.push(`${where}: no options`);
      else if (typeof v !== 'string' || !(v in line.options)) errors.push(`${where}: ${JSON.stringify(v)} is not an option letter`);
    } else if (type === 'yesno') {
      if (v !== 'yes' && v !== 'no') errors.push(`${where}: ${JSON.stringify(v)} is not yes/no`);
    } else if (type === 'ordinal') {
      if (
        !Array.isArray(line.scale) ||
        !line.scale.every((p: { value: unknown; label: unknown }) => Number.isFinite(p.value) && typeof p.label === 'string')
      )
        errors.push(`${where}: bad scale`);
      else if (!line.scale.some((p: { value: unknown; label: unknown }) => p.value === v))
        errors.push(`${where}: ${JSON.stringify(v)} is not a value of the scale`);
    } else {
      if (typeof line.unit !== 'string' || line.unit === '') errors.push(`${where}: no unit`);
      if (typeof v !== 'number' || !Number.isFinite(v)) errors.push(`${where}: ${JSON.stringify(v)} is not a finite number`);
    }
    if (line.needs_vignette !== undefined) {
      needsVignette++;
      if (type !== 'numeric' || line.needs_vignette !== true || !(typeof line.weight_kg === 'number' && line.weight_kg > 0))
        errors.push(`${where}: needs_vignette needs weight_kg`);
    } else if (line.weight_kg !== undefined) errors.push(`${where}: weight_kg without needs_vignette`);
  });
}

console.log('type      answer refusal unparseable total');
for (const t of TYPES) {
  const k = kinds[t]!;
  console.log(
    `${t.padEnd(9)} ${String(k.answer).padStart(6)} ${String(k.refusal).padStart(7)} ${String(k.unparseable).padStart(11)} ${String(k.answer + k.refusal + k.unparseable).padStart(5)}`,
  );
}
console.log(`lines ${total}; deliberately wrong ${wrong}; needs_vignette ${needsVignette}`);
if (process.argv.includes('--styles')) for (const t of TYPES) console.log(t, JSON.stringify(styles[t]));
if (errors.length) {
  for (const e of errors) console.error(e);
  console.error(`${errors.length} error(s)`);
  process.exit(1);
}
console.log('valid');
