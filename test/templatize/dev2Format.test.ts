import { fromRoot } from '../helpers/paths.js';
import { describeGoldCorpusFormat } from './goldCorpus.js';

// Format checks for the second templatize development corpus (test/templatize/dev2/README.md).
// They check the gold markup only; they say nothing about how well templatize detects the spans.

describeGoldCorpusFormat('templatize development corpus dev2', fromRoot('test/templatize/dev2/cases.jsonl'), 150, 30);
