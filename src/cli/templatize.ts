import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { InputError, type Problem } from '../util/problems.js';
import { CasesLeftOut } from './errors.js';
import type { CliIO } from './program.js';

interface TemplatizeFlags {
  out?: string;
  review?: string;
  json?: boolean;
  demographics?: string;
  domain?: string;
}

export function templatizeCommand(io: CliIO): Command {
  return new Command('templatize')
    .description(
      "turn a case bank (CSV or JSONL: id, text, question, options, answer) into templates; each must render back to its case's text byte for byte (exit 1 when some cases are left out, each listed)",
    )
    .argument('<cases>', 'CSV (.csv) or JSONL file of cases')
    .option('--out <dir>', 'write the templates to <dir>/<cases file name>.yaml (default: print the YAML on stdout)')
    .option('--review <file>', 'write the spans to review and the cases left out to this file (default: stderr)')
    .option('--json', 'print the outcome as JSON on stdout (schema counterfair.templatize/1)')
    .option('--demographics <dir>', 'axis definitions the templates render with (default: the shipped demographics)')
    .option('--domain <id>', 'domain of the templates (default: the cases file name)')
    .action(async (casesFile: string, opts: TemplatizeFlags) => {
      const [{ readCases }, { templatize }, { domainOf, templateYaml, reviewText }, { loadAxes }, { SHIPPED_DEMOGRAPHICS }] =
        await Promise.all([
          import('../templatize/input.js'),
          import('../templatize/templatize.js'),
          import('../templatize/output.js'),
          import('../demographics/load.js'),
          import('../study/scaffold.js'),
        ]);
      const problems: Problem[] = [];
      const axes = loadAxes(opts.demographics ?? SHIPPED_DEMOGRAPHICS, problems);
      const cases = readCases(casesFile, problems);
      const domain = opts.domain ?? domainOf(casesFile);
      if (!/^[a-z0-9][a-z0-9-]*$/.test(domain))
        problems.push({ file: casesFile, field: '--domain', message: `"${domain}" must use lowercase letters, digits and hyphens` });
      const outFile = opts.out === undefined ? undefined : join(opts.out, `${domainOf(casesFile)}.yaml`);
      if (outFile && existsSync(outFile))
        problems.push({
          file: outFile,
          field: '--out',
          message: 'exists already; choose another --out or remove the file (templatize never overwrites templates)',
        });
      if (problems.length > 0) throw new InputError(problems);

      const result = templatize(cases, { axes });
      const yaml = templateYaml(result, casesFile, domain);
      if (outFile) {
        mkdirSync(opts.out!, { recursive: true });
        writeFileSync(outFile, yaml, { flag: 'wx' });
      }
      const review = reviewText(result);
      if (opts.review !== undefined) writeFileSync(opts.review, review);
      if (opts.json)
        io.stdout.write(
          `${JSON.stringify(
            {
              schema: 'counterfair.templatize/1',
              cases: result.outcomes.length,
              accepted: result.templates.length,
              templates: outFile ?? null,
              rejected: result.rejected,
              review: result.review,
              vignettes: result.templates,
            },
            null,
            2,
          )}\n`,
        );
      else if (!outFile) io.stdout.write(yaml);
      const left = result.rejected.length;
      io.stderr.write(
        `counterfair: templatize: ${result.outcomes.length} cases: ${result.templates.length} templates${outFile ? ` written to ${outFile}` : ''}, ${left} left out, ${result.review.length} spans to review${opts.review ? ` (listed in ${opts.review})` : ''}\n`,
      );
      if (opts.review === undefined && review !== '') io.stderr.write(review);
      else for (const r of result.rejected) io.stderr.write(`${r.file}:${r.line}: ${r.id}: left out: ${r.reason}\n`);
      if (left > 0) throw new CasesLeftOut(`${left} cases left out`);
    });
}
