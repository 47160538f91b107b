import { Command } from 'commander';
import type { CombinationExclusion } from '../expand/combinations.js';
import type { CliIO } from './program.js';
import { checkTemplateLint, withStrictFlag, type LintFlags } from './templateLint.js';

export function expandCommand(io: CliIO): Command {
  return withStrictFlag(new Command('expand'))
    .description('print the matched variants of every vignette as JSONL (no model is called)')
    .argument('<study>', 'study YAML file')
    .action(async (studyFile: string, opts: LintFlags) => {
      // Loaded on use so `--help` stays fast (the expansion pulls in Faker).
      const [{ loadStudy }, { combinationExclusions, expandStudy }] = await Promise.all([
        import('../study/load.js'),
        import('../expand/expand.js'),
      ]);
      const loaded = loadStudy(studyFile, { registry: io.registry });
      await checkTemplateLint(io.stderr, loaded, opts);
      const { study, vignettes } = loaded;
      let count = 0;
      for (const variant of expandStudy(study, vignettes, study.systemPrompt, io.registry?.questionTypes)) {
        io.stdout.write(`${JSON.stringify(variant)}\n`);
        count++;
      }
      const excluded = combinationExclusions(study, vignettes);
      const notRendered = excluded.reduce((n, e) => n + e.variantsNotRendered, 0);
      io.stderr.write(
        `counterfair: ${vignettes.length} vignettes -> ${count} variants${excluded.length > 0 ? `; ${notRendered} not rendered (implausible combinations: ${describeExclusions(excluded)})` : ''}\n`,
      );
    });
}

const EXAMPLES_SHOWN = 3;

/** One clause per rule: its reason, how many variants and vignettes it left out, and the first few ids (a study can exclude hundreds). */
function describeExclusions(excluded: readonly CombinationExclusion[]): string {
  const rules = [...new Set(excluded.map((e) => e.rule))].sort((a, b) => a - b);
  return rules
    .map((rule) => {
      const of = excluded.filter((e) => e.rule === rule);
      const ids = of.flatMap((e) => e.variantIds);
      const more = ids.length > EXAMPLES_SHOWN ? `, and ${ids.length - EXAMPLES_SHOWN} more` : '';
      return `${of[0]!.reason} [${of[0]!.axis}]: ${ids.length} variant(s) of ${of.length} vignette(s): ${ids.slice(0, EXAMPLES_SHOWN).join(', ')}${more}`;
    })
    .join('; ');
}
