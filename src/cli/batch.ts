import { closeSync, openSync, writeSync } from 'node:fs';
import { once } from 'node:events';
import { Command } from 'commander';
import { isOpenAISpec, type OpenAISpec } from '../providers/openaiSpec.js';
import type { ModelSpec, Study } from '../study/types.js';
import { InputError } from '../util/problems.js';
import type { CliIO } from './program.js';
import { FORCE_HELP } from './run.js';

/**
 * `counterfair batch export|import`: the study's requests as OpenAI Batch API JSONL for a provider's batch
 * engine (OpenAI, Azure) or an offline server (vLLM's run_batch), and the output JSONL back into the run.
 */
export function batchCommand(io: CliIO): Command {
  const batch = new Command('batch').description('OpenAI Batch API JSONL: export the requests, import the answers');
  batch
    .command('export')
    .description(
      'write the requests the run directory has not answered yet as Batch API JSONL (custom_id = request key) and prepare the run directory',
    )
    .argument('<study>', 'study YAML file')
    .option('--out <file>', 'where to write the JSONL (default: standard output)')
    .option('--run-dir <dir>', 'run directory to prepare for `batch import` (default: the one `run` uses)')
    .option('--model <id>', 'which model, when the study has more than one OpenAI-compatible model (a batch file holds one model)')
    .option('--force', FORCE_HELP)
    .action(async (studyFile: string, opts: { out?: string; runDir?: string; model?: string; force?: boolean }) => {
      const { loadStudy } = await import('../study/load.js');
      const loaded = loadStudy(studyFile, { registry: io.registry });
      const spec = batchModel(loaded.study, opts.model);
      const { claimStudyRunDir, defaultRunDir, prepareRunDir } = await import('../pipeline/runStudy.js');
      const { runFile } = await import('../pipeline/runDir.js');
      const { ResponseJournal } = await import('../run/store.js');
      const { batchInputLines } = await import('../run/batchFiles.js');
      const runDir = opts.runDir ?? defaultRunDir(loaded.study);
      const claim = claimStudyRunDir(loaded.study, runDir, opts.force);
      let count = 0;
      try {
        const { variants } = prepareRunDir(loaded, runDir, claim.previous, io.clock);
        try {
          const journal = ResponseJournal.open(runFile(runDir, 'responses'));
          try {
            const write = lineWriter(io, opts.out);
            try {
              for (const line of batchInputLines(spec, variants, loaded.study.replicates, journal)) {
                await write(`${line}\n`);
                count++;
              }
            } finally {
              write.close();
            }
          } finally {
            await journal.close();
          }
        } finally {
          variants.close();
        }
      } finally {
        claim.release();
      }
      io.stderr.write(
        `counterfair: ${count} requests for model ${spec.id} written to ${opts.out ?? 'standard output'}; run directory ${runDir}\n`,
      );
      io.stderr.write(
        `counterfair: after the batch ends: counterfair batch import ${runDir} <output.jsonl>, then counterfair run ${studyFile} --out ${runDir}\n`,
      );
    });
  batch
    .command('import')
    .description('record a Batch API output (or error) JSONL into a run directory, matching lines by custom_id')
    .argument('<run-dir>', 'run directory prepared by `batch export` or `run`')
    .argument('<file>', 'Batch API output JSONL')
    .option('--no-cache', 'do not copy the answers into the response cache shared by all runs')
    .action(async (runDir: string, file: string, opts: { cache: boolean }) => {
      const { loadRun } = await import('../pipeline/loadRun.js');
      const { runFile } = await import('../pipeline/runDir.js');
      const { ResponseJournal } = await import('../run/store.js');
      const { cacheDirFromEnv, ResponseCache } = await import('../run/cache.js');
      const { importBatchOutput } = await import('../run/batchFiles.js');
      const run = loadRun(runDir);
      const specs = (run.manifest.models as unknown as ModelSpec[]).filter(isOpenAISpec);
      const journal = ResponseJournal.open(runFile(runDir, 'responses'));
      const cacheDir = opts.cache ? cacheDirFromEnv(io.env) : undefined;
      const cache = cacheDir === undefined ? undefined : new ResponseCache(cacheDir, io.clock);
      try {
        const s = importBatchOutput(file, specs, run.variants, run.manifest.study.replicates, { journal, cache }, io.clock);
        io.stderr.write(
          `counterfair: ${s.answers} answers and ${s.failures} failures recorded in ${runDir}; ${s.alreadyAnswered} already answered, ${s.unmatched} lines match no request of this run\n`,
        );
      } finally {
        await cache?.close();
        await journal.close();
      }
    });
  for (const command of batch.commands)
    command.exitOverride().configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  return batch;
}

/** The model a batch file is for: the Batch API takes one model per file. */
function batchModel(study: Study, id: string | undefined): OpenAISpec {
  const candidates = study.models.filter(isOpenAISpec);
  const chosen = id === undefined ? candidates : candidates.filter((m) => m.id === id);
  if (chosen.length === 1) return chosen[0]!;
  const ids = candidates.map((m) => m.id).join(', ') || 'none';
  const message =
    id !== undefined
      ? `--model ${id} is not an OpenAI-compatible model of this study (those: ${ids})`
      : candidates.length === 0
        ? 'has no OpenAI-compatible model (provider: openai) to export requests for'
        : `has several OpenAI-compatible models (${ids}); a batch file holds one, so choose with --model`;
  throw new InputError([{ file: study.file, field: 'models', message }]);
}

/** Writes lines to a file (synchronously, one at a time) or to stdout (waiting when the pipe is full). */
function lineWriter(io: CliIO, file: string | undefined): ((text: string) => Promise<void>) & { close: () => void } {
  if (file !== undefined) {
    const fd = openSync(file, 'w');
    return Object.assign(async (text: string) => void writeSync(fd, text), { close: () => closeSync(fd) });
  }
  return Object.assign(
    async (text: string) => {
      if (!io.stdout.write(text)) await once(io.stdout, 'drain');
    },
    { close: () => {} },
  );
}
