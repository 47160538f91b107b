import { isBuiltinQuestion } from '../../src/template/types.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { Variant } from '../../src/expand/types.js';
import type { Manifest } from '../../src/pipeline/manifest.js';
import type { ResponseRecord } from '../../src/run/types.js';
import type { Vignette } from '../../src/template/types.js';

const OPTION_COLUMNS = ['option_a', 'option_b', 'option_c', 'option_d', 'option_e', 'option_f'];

const readJsonl = <T>(file: string) =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as T);

/** Every field quoted (quotes doubled), so answers with commas, quotes and line breaks survive unchanged. */
const csvLine = (cells: readonly string[]) => cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(',');

/**
 * Writes a run's answers the way published studies release them: one row per vignette, the gold answer, the
 * option texts, and one answer column per variant (named after the variant: `ref`, `race=black`, ...), plus the
 * mapping file that reads it back. Returns both paths.
 */
export function exportWide(runDir: string, dir: string, name: string): { csv: string; mapping: string } {
  const manifest = JSON.parse(readFileSync(join(runDir, 'manifest.json'), 'utf8')) as Manifest;
  const vignettes = readJsonl<Vignette>(join(runDir, 'vignettes.jsonl'));
  const variants = readJsonl<Variant>(join(runDir, 'variants.jsonl'));
  const responses = readJsonl<ResponseRecord>(join(runDir, 'responses.jsonl'));
  const suffix = (v: Variant) => v.variantId.slice(v.vignetteId.length + 1);
  const columns = [...new Set(variants.map(suffix))];
  const answers = new Map(responses.map((r) => [r.variantId, r.text ?? '']));
  const lines = [csvLine(['case', 'gold', 'specialty', ...OPTION_COLUMNS, ...columns])];
  for (const v of vignettes) {
    const q = v.question;
    if (!isBuiltinQuestion(q) || (q.type !== 'choice' && q.type !== 'yesno'))
      throw new Error(`exportWide: ${v.id} is a ${q.type} question`);
    const options = OPTION_COLUMNS.map((_, i) => (q.type === 'choice' ? (q.options[String.fromCharCode(65 + i)] ?? '') : ''));
    lines.push(csvLine([v.id, q.answer, v.domain, ...options, ...columns.map((c) => answers.get(`${v.id}~${c}`) ?? '')]));
  }
  const references = Object.fromEntries(manifest.axes.map((a) => [a.id, a.reference]));
  const variantColumns = Object.fromEntries(
    columns.map((c) => [c, c === 'ref' ? references : Object.fromEntries(c.split(',').map((kv) => kv.split('=') as [string, string]))]),
  );
  const csv = join(dir, `${name}.csv`);
  const mapping = join(dir, `${name}.mapping.yaml`);
  writeFileSync(csv, `${lines.join('\n')}\n`);
  writeFileSync(
    mapping,
    stringify({
      format: 'wide',
      columns: { vignette: 'case', gold: 'gold', domain: 'specialty', options: OPTION_COLUMNS },
      variants: variantColumns,
      reference: 'ref',
      defaults: { model: String(manifest.models[0]!.id) },
    }),
  );
  return { csv, mapping };
}
