import type { Command } from 'commander';
import type { LoadedStudy } from '../study/types.js';
import { formatProblem, InputError } from '../util/problems.js';

export interface LintFlags {
  strict?: boolean;
}

export function withStrictFlag(command: Command): Command {
  return command.option(
    '--strict',
    'treat template lint warnings (demographic words outside placeholders, sentence cues placed automatically) as errors: exit 2',
  );
}

/**
 * Lints the study's templates for demographic words outside placeholders and for sentence cues the renderer places
 * itself. Warnings go to stderr; with --strict (or the study's `strict: true`) they are bad input (exit 2), every one listed.
 */
export async function checkTemplateLint(stderr: NodeJS.WritableStream, loaded: LoadedStudy, flags: LintFlags): Promise<void> {
  // Loaded on use so `--help` stays fast.
  const { lintVignettes } = await import('../template/lint.js');
  const warnings = lintVignettes(loaded.vignettes, loaded.study.axes, loaded.study.allAxes);
  if (warnings.length === 0) return;
  if (flags.strict || loaded.study.strict) throw new InputError(warnings);
  for (const w of warnings) stderr.write(`counterfair: warning: ${formatProblem(w)}\n`);
  stderr.write(`counterfair: ${warnings.length} template lint warning${warnings.length === 1 ? '' : 's'}; --strict makes them errors\n`);
}
