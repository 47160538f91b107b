import { closeSync, existsSync, openSync } from 'node:fs';
import { batchOutcome, batchRequestLine, parseBatchOutputLine } from '../providers/batch.js';
import { openaiIdentity, type OpenAISpec } from '../providers/openai.js';
import { failOnProblems, InputError, type Problem } from '../util/problems.js';
import type { ResponseCache } from './cache.js';
import { readLineAt, scanLines } from './jsonlFile.js';
import { planRequests, type VariantSource } from './plan.js';
import { batchPrice, ProgressMeter } from './progress.js';
import { Recorder } from './recorder.js';
import type { ResponseJournal } from './store.js';

/** Bad lines listed before giving up on a file: enough to see the pattern, not a wall of text. */
const MAX_REPORTED_LINES = 20;

/**
 * Batch API input lines (`custom_id` = request key) for a model's requests that the run directory has
 * not answered yet, in plan order. Lazy: an export of any size holds one line at a time.
 */
export function* batchInputLines(
  spec: OpenAISpec,
  variants: VariantSource,
  replicates: number,
  journal: ResponseJournal,
): Generator<string> {
  for (const request of planRequests({ spec, identity: openaiIdentity(spec) }, variants, replicates)) {
    if (!journal.isAnswered(request.key)) yield batchRequestLine(spec, request.key, request.messages);
  }
}

export interface BatchImportSummary {
  answers: number;
  failures: number;
  /** Lines for requests the run had already answered: left as they were. */
  alreadyAnswered: number;
  /** Lines whose custom_id is no request of this run (another study, or the study changed). */
  unmatched: number;
}

/**
 * Records a Batch API output (or error) file into a run: every line whose custom_id is a request of one
 * of the run's models becomes that request's outcome (an answer, or a failure with the provider's reason),
 * through the same recorder as online answers. The file is indexed (custom_id -> offset) and lines are
 * read back one at a time, so its size does not matter.
 */
export function importBatchOutput(
  file: string,
  specs: readonly OpenAISpec[],
  variants: VariantSource,
  replicates: number,
  stores: { journal: ResponseJournal; cache?: ResponseCache },
  clock: () => number,
): BatchImportSummary {
  if (!existsSync(file)) throw new InputError([{ file, message: 'file not found; pass the output JSONL the Batch API produced' }]);
  const offsets = new Map<string, number>();
  const problems: Problem[] = [];
  let lineNumber = 0;
  scanLines(
    file,
    (line, offset) => {
      lineNumber++;
      if (line.trim() === '') return;
      const output = parseBatchOutputLine(line);
      if (output) offsets.set(output.custom_id, offset);
      else if (problems.length < MAX_REPORTED_LINES)
        problems.push({ file, line: lineNumber, message: 'is not a Batch API output line (an object with custom_id, response and error)' });
    },
    { final: 'include' },
  );
  failOnProblems(problems);

  const summary: BatchImportSummary = { answers: 0, failures: 0, alreadyAnswered: 0, unmatched: 0 };
  const meter = new ProgressMeter(offsets.size, clock);
  const fd = openSync(file, 'r');
  try {
    for (const spec of specs) {
      const identity = openaiIdentity(spec);
      const recorder = new Recorder(stores.journal, stores.cache?.shard(identity), meter);
      for (const request of planRequests({ spec, identity }, variants, replicates)) {
        const offset = offsets.get(request.key);
        if (offset === undefined) continue;
        offsets.delete(request.key);
        if (stores.journal.isAnswered(request.key)) {
          summary.alreadyAnswered++;
          continue;
        }
        const outcome = batchOutcome(parseBatchOutputLine(readLineAt(fd, offset))!);
        recorder.record(request, outcome, 1, 0, batchPrice(spec.price));
        if (outcome.error) summary.failures++;
        else summary.answers++;
      }
    }
  } finally {
    closeSync(fd);
  }
  summary.unmatched = offsets.size;
  // A file of which no line is a request of this run says nothing about it: reading success would hide a mix-up.
  if (summary.unmatched > 0 && summary.answers + summary.failures + summary.alreadyAnswered === 0) {
    throw new InputError([
      {
        file,
        message: `none of its ${summary.unmatched} lines matches a request of this run (custom_id is the request key): it is the output of another run, another model, or the study changed since \`batch export\`; import it into the run directory it was exported from`,
      },
    ]);
  }
  return summary;
}
