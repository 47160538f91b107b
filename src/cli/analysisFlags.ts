import { InvalidArgumentError, type Command } from 'commander';
import type { AdjustMethod } from '../stats/adjust.js';
import type { AnalysisSettings } from '../study/analysisSettings.js';
import { ADJUSTMENTS, MCNEMAR_VARIANTS } from '../study/defaults.js';

/** What the analysis flags give: only the settings set on the command line. */
export interface AnalysisFlags {
  analysis?: string;
  alpha?: number;
  adjustment?: AdjustMethod;
  mcnemar?: 'exact' | 'midp';
  resamples?: number;
  seed?: number;
}

/**
 * Adds --analysis FILE and the flags for each analysis setting (alpha, adjustment, McNemar variant, bootstrap
 * resamples, seed); a flag wins over the file, the file over the run's settings (`seedDefault` says what the seed
 * is without either).
 */
export function withAnalysisFlags(command: Command, seedDefault: string): Command {
  return command
    .option(
      '--analysis <file>',
      'analysis settings as a YAML file: alpha, adjustment, mcnemar, bootstrap_resamples, target_ratio, seed, contrasts (see README: Contrasts)',
    )
    .option('--alpha <alpha>', "significance level after adjustment (default: the run's, else 0.05)", (v) => {
      const n = Number(v);
      if (v.trim() === '' || !(n > 0 && n <= 0.5)) throw new InvalidArgumentError('expected a number above 0 and at most 0.5, e.g. 0.05');
      return n;
    })
    .option('--adjustment <method>', `multiple-comparison adjustment: ${ADJUSTMENTS.join(', ')}`, (v) => {
      if (!(ADJUSTMENTS as readonly string[]).includes(v)) throw new InvalidArgumentError(`one of ${ADJUSTMENTS.join(', ')}`);
      return v;
    })
    .option('--mcnemar <variant>', 'McNemar test with one pair per vignette: exact or midp', (v) => {
      if (!(MCNEMAR_VARIANTS as readonly string[]).includes(v)) throw new InvalidArgumentError(MCNEMAR_VARIANTS.join(' or '));
      return v;
    })
    .option('--resamples <n>', 'bootstrap resamples for the comparison intervals (100 to 100000)', (v) => {
      const n = Number(v);
      if (!/^\d+$/.test(v) || n < 100 || n > 100_000) throw new InvalidArgumentError('a whole number from 100 to 100000');
      return n;
    })
    .option('--seed <n>', `bootstrap seed (default: ${seedDefault})`, (v) => {
      if (!/^\d+$/.test(v) || Number(v) > 2 ** 32 - 1) throw new InvalidArgumentError('a whole number from 0 to 4294967295');
      return Number(v);
    });
}

/** The settings the flags give, over those of the --analysis file when one is given. */
export async function analysisSettings(flags: AnalysisFlags): Promise<AnalysisSettings> {
  // Loaded on use so `--help` stays fast (reading a settings file needs the study reader).
  const { NO_SETTINGS, overriding, readAnalysisFile } = await import('../study/analysisSettings.js');
  const file = flags.analysis === undefined ? NO_SETTINGS : readAnalysisFile(flags.analysis);
  return overriding(file, {
    analysis: {
      alpha: flags.alpha,
      adjustment: flags.adjustment,
      mcnemar: flags.mcnemar,
      bootstrapResamples: flags.resamples,
    },
    seed: flags.seed,
  });
}
