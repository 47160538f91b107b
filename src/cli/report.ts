import { Command, Option } from 'commander';
import type { CliIO } from './program.js';

export function reportCommand(io: CliIO): Command {
  return new Command('report')
    .description('re-render the report (HTML, appendix, charts as Vega-Lite/SVG/PNG, CSV tables) from a run directory; no model is called')
    .argument('<run-dir>', 'run directory written by `counterfair run` (needs results.json and scores.jsonl)')
    .option('--pdf', 'also print the appendix to appendix.pdf with headless Chromium (skipped, with a note, when it is not installed)')
    .addOption(new Option('--paper <size>', 'paper size of appendix.pdf (a4 by default); implies --pdf').choices(['a4', 'letter']))
    .action(async (runDir: string, opts: { pdf?: boolean; paper?: 'a4' | 'letter' }) => {
      // Loaded on use so `--help` stays fast.
      const { reportRunDirectory } = await import('../pipeline/report.js');
      const written = await reportRunDirectory(runDir, {
        // A paper size only means something for the PDF: asking for one is asking for the PDF, not a silent no-op.
        pdf: opts.pdf || opts.paper !== undefined,
        paper: opts.paper ?? 'a4',
        chromium: io.env.COUNTERFAIR_CHROMIUM,
        log: (line) => io.stderr.write(`${line}\n`),
        questionTypes: io.registry?.questionTypes,
      });
      io.stdout.write(
        `${written.length} files written to ${runDir}: report.html, appendix.md${written.some((p) => p.endsWith('appendix.pdf')) ? ', appendix.pdf' : ''}, charts/, tables/\n`,
      );
    });
}
