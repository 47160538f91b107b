import { fromRoot } from '../helpers/paths.js';
import { describeGoldCorpusFormat } from './goldCorpus.js';

// Format checks for the third templatize development corpus (test/templatize/dev3/README.md).
// They check the gold markup only; they say nothing about how well templatize detects the spans.

describeGoldCorpusFormat('templatize development corpus dev3', fromRoot('test/templatize/dev3/cases.jsonl'), 80, 30);
