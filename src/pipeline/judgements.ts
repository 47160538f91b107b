import { closeSync, existsSync, openSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { JudgementRecord, JudgementSink } from '../score/judge/ask.js';
import { AppendLog } from '../run/appendLog.js';
import { lockFile } from '../run/lock.js';
import { readLineAt, scanLines } from '../run/jsonlFile.js';
import { parseRecord } from '../run/store.js';
import { InputError } from '../util/problems.js';
import { RUN_FILES } from './runDir.js';

/**
 * Every judge request of a run and its answer, journalled like responses.jsonl and addressed by judgement key (which
 * names the judge: a panel's judges share the one journal). Owned by the pipeline, like every file of a run.
 */
export const JUDGEMENTS_FILE = RUN_FILES.judgements;

export type { JudgementRecord };

/**
 * The run's judgement journal, open for appending: one record is one write (on the project's durable append log),
 * claimed by one process at a time.
 */
export interface JudgementJournal extends JudgementSink {
  close(): Promise<void>;
}

export function openJudgements(runDir: string): JudgementJournal {
  const path = join(runDir, JUDGEMENTS_FILE);
  const unlock = lockFile(path);
  try {
    const answered = readJudgements(runDir);
    const log = new AppendLog(path);
    return {
      answered,
      append(record) {
        log.append(`${JSON.stringify(record)}\n`);
        if (record.error === null && record.text !== null) answered.set(record.key, record.text);
      },
      close: () => log.close().finally(unlock),
    };
  } catch (err) {
    unlock();
    throw err;
  }
}

/**
 * The answer text of every answered judgement, by key. Failures are kept in the journal as data but never used
 * (the next run asks again). A torn last line, left by a crash mid-write, is ignored; damage anywhere else is
 * reported with its line.
 */
export function readJudgements(runDir: string): Map<string, string> {
  const path = join(runDir, JUDGEMENTS_FILE);
  const answered = new Map<string, string>();
  if (!existsSync(path)) return answered;
  const keep = (record: JudgementRecord | undefined): void => {
    if (record?.error === null && typeof record.text === 'string') answered.set(record.key, record.text);
  };
  let lineNumber = 0;
  const complete = scanLines(path, (line) => {
    lineNumber++;
    if (line.trim() === '') return;
    const record = parseRecord<JudgementRecord>(line);
    if (!record)
      throw new InputError([
        {
          file: path,
          line: lineNumber,
          message: 'is not a judgement record; the journal is damaged (move it away to ask the judge again)',
        },
      ]);
    keep(record);
  });
  // The last line without its newline: a whole record is used, a torn one ignored.
  if (complete < statSync(path).size) {
    const fd = openSync(path, 'r');
    try {
      keep(parseRecord<JudgementRecord>(readLineAt(fd, complete)));
    } finally {
      closeSync(fd);
    }
  }
  return answered;
}
