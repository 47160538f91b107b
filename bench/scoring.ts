/**
 * npm run bench:scoring [-- --rounds 5]
 *
 * How long reading one answer takes, per question type, over every answer of the extraction corpora under
 * test/score/extract/ (thousands of hand-written and realistic answers, short and long): once with the question
 * prepared afresh for every answer (`extractAnswer`, as a caller reading one answer does), once with each question
 * prepared once and its reader called for every answer to it (`answerReader`, as a scoring pass does: a run asks
 * each question many times). Prints per type the answers, the median over rounds of microseconds per answer both
 * ways, and what preparing one question costs. Prints timings only, never a line or how it was read, so it may run
 * over a blind set.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { answerReader, extractAnswer, type QuestionSpec } from '../src/score/extract/index.js';
import { corpusDirectories, loadCorpusFile, type CorpusRow, type CorpusType } from '../test/score/extract/corpus.js';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '5' } } });
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1) {
  process.stderr.write(`bench:scoring: --rounds needs a whole number of at least 1, got "${values.rounds}"\n`);
  process.exit(2);
}

function questionOf(type: CorpusType, row: CorpusRow): QuestionSpec {
  switch (type) {
    case 'choice':
      return { type, options: row.options ?? {} };
    case 'yesno':
      return { type, ...(row.stem === undefined ? {} : { stem: row.stem }) };
    case 'ordinal':
      return { type, scale: row.scale ?? [] };
    case 'numeric':
      return {
        type,
        unit: row.unit ?? '',
        ...(row.stem === undefined ? {} : { stem: row.stem }),
        ...(row.weight_kg === undefined ? {} : { context: { weightKg: row.weight_kg } }),
      };
  }
}

/** Per type, the corpus answers grouped by the question they answer (one group per distinct question). */
const byType = new Map<CorpusType, Map<string, { question: QuestionSpec; texts: string[] }>>();
for (const directory of corpusDirectories())
  for (const type of directory.types)
    for (const row of loadCorpusFile(join(directory.path, `${type}.jsonl`), type)) {
      const question = questionOf(type, row);
      const groups = byType.get(type) ?? new Map<string, { question: QuestionSpec; texts: string[] }>();
      byType.set(type, groups);
      const key = JSON.stringify(question);
      const group = groups.get(key) ?? { question, texts: [] };
      groups.set(key, group);
      group.texts.push(row.text);
    }

const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const milliseconds = (run: () => void): number => {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e6;
};

console.log(`bench:scoring: every answer of the extraction corpora, median of ${rounds} round(s) after one warm-up`);
console.log('type      answers  questions  afresh µs/answer  prepared µs/answer  ratio  preparing µs/question');
for (const [type, groups] of byType) {
  const all = [...groups.values()];
  const answers = all.reduce((sum, group) => sum + group.texts.length, 0);
  const afresh = () => {
    for (const { question, texts } of all) for (const text of texts) extractAnswer(text, question);
  };
  const readers = () => all.map(({ question }) => answerReader(question));
  const prepared = (ready: ReturnType<typeof readers>) => () => {
    all.forEach(({ texts }, at) => {
      for (const text of texts) ready[at]!(text);
    });
  };
  afresh();
  prepared(readers())();
  const afreshTimes: number[] = [];
  const preparedTimes: number[] = [];
  const preparingTimes: number[] = [];
  for (let round = 0; round < rounds; round++) {
    afreshTimes.push(milliseconds(afresh));
    let ready: ReturnType<typeof readers> = [];
    preparingTimes.push(milliseconds(() => (ready = readers())));
    preparedTimes.push(milliseconds(prepared(ready)));
  }
  const perAnswer = (ms: number) => (1000 * ms) / answers;
  console.log(
    [
      type.padEnd(8),
      String(answers).padStart(7),
      String(all.length).padStart(9),
      perAnswer(median(afreshTimes)).toFixed(0).padStart(16),
      perAnswer(median(preparedTimes)).toFixed(0).padStart(18),
      `${(median(afreshTimes) / median(preparedTimes)).toFixed(2)}×`.padStart(5),
      ((1000 * median(preparingTimes)) / all.length).toFixed(0).padStart(21),
    ].join('  '),
  );
}
