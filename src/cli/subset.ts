import { type Command, InvalidArgumentError } from 'commander';
import type { SubsetOptions } from '../study/subset.js';

/** The smoke-test flags of `run`, `validate` and `run --dry-run` (see src/study/subset.ts for what each keeps). */
export function withSubsetFlags(command: Command): Command {
  return command
    .option('--limit <n>', 'smoke test: only the first N vignettes (every variant of each)', wholeNumber)
    .option('--sample <n>', 'smoke test: N vignettes drawn at random, fixed by --seed', wholeNumber)
    .option('--seed <s>', "seed of --sample (default: the study's seed)", integer)
    .option(
      '--vignettes <patterns>',
      'only vignettes whose id matches one of these patterns (comma-separated, * for any text), e.g. "chest-*,sepsis-2"',
      list,
    )
    .option('--domains <ids>', 'only vignettes of these clinical domains (comma-separated)', list)
    .option('--models <ids>', "only these of the study's models (comma-separated ids; no --base-url needed)", list);
}

export function subsetOptions(opts: SubsetOptions): SubsetOptions {
  const { vignettes, domains, limit, sample, seed, models } = opts;
  return Object.fromEntries(
    Object.entries({ vignettes, domains, limit, sample, seed, models }).filter(([, v]) => v !== undefined),
  ) as SubsetOptions;
}

export function wholeNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return n;
}

function integer(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isSafeInteger(n)) throw new InvalidArgumentError('expected a whole number');
  return n;
}

function list(value: string): string[] {
  const ids = value.split(',').map((s) => s.trim());
  if (ids.some((id) => id === '')) throw new InvalidArgumentError('expected values separated by commas, e.g. triage,sepsis');
  return ids;
}
