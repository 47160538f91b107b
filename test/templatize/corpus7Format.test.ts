import { fromRoot } from '../helpers/paths.js';
import { describeBlindCorpusConventions, describeGoldCorpusFormat } from './goldCorpus.js';

// Format checks for the seventh blind templatize evaluation corpus (test/templatize/corpus7/README.md).
// They check the gold markup only; they say nothing about how well templatize detects the spans.
// Never tune the detector on this corpus; measure it once.

const file = fromRoot('test/templatize/corpus7/cases.jsonl');

describeGoldCorpusFormat('templatize evaluation corpus 7', file, 120, 20);
describeBlindCorpusConventions('templatize evaluation corpus 7', file, 'c7', 4);
