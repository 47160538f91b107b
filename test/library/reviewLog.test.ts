import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { listTemplateFiles, loadVignettes } from '../../src/template/load.js';
import type { BuiltinQuestion } from '../../src/template/types.js';
import { fromRoot } from '../helpers/paths.js';

/**
 * Two independent checks per answer key (issue #19): templates/review/<domain>.yaml holds, for every vignette of
 * the shipped library, the author's key and a second check whose reviewer derived the answer without seeing the key.
 * A key that differs from the derived answer needs a written resolution; a key changed after review no longer matches
 * the logged key and fails here until it is reviewed again.
 */
interface Check {
  by: string;
  date: string;
  source: string;
  derived?: unknown;
  confidence?: string;
}
interface Entry {
  vignette: string;
  key: unknown;
  author: Check;
  second: Check;
  resolution?: string;
}

const library = loadVignettes(
  listTemplateFiles([fromRoot('templates')], []).map((file) => ({ kind: 'yaml' as const, file })),
  [],
);
const reviewDir = fromRoot('templates/review');
const entries = readdirSync(reviewDir)
  .filter((f) => f.endsWith('.yaml'))
  .flatMap((f) => (parse(readFileSync(`${reviewDir}/${f}`, 'utf8')) as { keys: Entry[] }).keys.map((e) => ({ ...e, file: f })));

/** Whether a derived answer, as a reviewer wrote it, is the key (numeric: within the question's tolerance). */
function agrees(question: BuiltinQuestion, derived: unknown): boolean {
  const text = String(derived).trim();
  switch (question.type) {
    case 'numeric':
      return Math.abs(Number.parseFloat(text.replace(/[^\d.-]/g, '')) - question.answer) <= question.tolerance;
    case 'ordinal':
      return Number.parseInt(text, 10) === question.answer;
    case 'choice':
      return text.toUpperCase() === question.answer;
    case 'yesno':
      return text.toLowerCase() === question.answer;
    case 'free':
      return text.length > 0;
    case 'recommendation':
    case 'care-level':
      // No key to re-derive: the second check confirms that no demographic attribute should change the recommendation.
      return text === 'invariant';
  }
}

/** The key a review entry logs: the answer, or for a care-intensity question (no correct answer) `none (<type>)`. */
function loggedKey(question: BuiltinQuestion): string {
  return 'answer' in question ? String(question.answer) : `none (${question.type})`;
}

describe('answer-key review log', () => {
  const byVignette = new Map<string, (typeof entries)[number][]>();
  for (const e of entries) byVignette.set(e.vignette, [...(byVignette.get(e.vignette) ?? []), e]);

  it('has exactly one entry per vignette of the library and none for a vignette that does not exist', () => {
    const ids = new Set(library.map((v) => v.id));
    expect(library.filter((v) => byVignette.get(v.id)?.length !== 1).map((v) => v.id)).toEqual([]);
    expect(entries.filter((e) => !ids.has(e.vignette)).map((e) => `${e.file}: ${e.vignette}`)).toEqual([]);
  });

  it('logs the current key, two dated checks by different checkers, and a resolution wherever they disagree', () => {
    const problems: string[] = [];
    for (const v of library) {
      const e = byVignette.get(v.id)?.[0];
      if (!e) continue;
      const q = v.question as BuiltinQuestion;
      const where = `${e.file}: ${v.id}`;
      if (q.type !== 'free' && String(e.key) !== loggedKey(q))
        problems.push(`${where}: logged key ${e.key} is not the template's ${loggedKey(q)}; review the changed key`);
      for (const [name, check] of [
        ['author', e.author],
        ['second', e.second],
      ] as const)
        if (!check?.by || !/^\d{4}-\d{2}-\d{2}$/.test(String(check.date)) || !check.source)
          problems.push(`${where}: ${name} check needs by, date and source`);
      if (e.author?.by === e.second?.by) problems.push(`${where}: the second check must be made by someone other than the author`);
      if (e.second?.derived === undefined) problems.push(`${where}: the second check records no derived answer`);
      else if (!agrees(q, e.second.derived) && (e.resolution ?? '').trim().length < 20)
        problems.push(
          `${where}: key ${q.type === 'free' ? '' : loggedKey(q)} but the second check derived ${String(e.second.derived)}; write the resolution`,
        );
    }
    expect(problems).toEqual([]);
  });
});
