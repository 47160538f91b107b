import { fromRoot } from '../helpers/paths.js';
import { describeBlindCorpusConventions, describeGoldCorpusFormat } from './goldCorpus.js';

// Format checks for the fifth blind templatize evaluation corpus (test/templatize/corpus5/README.md).
// They check the gold markup only; they say nothing about how well templatize detects the spans.
// Never tune the detector on this corpus; measure it once.

const file = fromRoot('test/templatize/corpus5/cases.jsonl');

describeGoldCorpusFormat('templatize evaluation corpus 5', file, 200, 30);
describeBlindCorpusConventions('templatize evaluation corpus 5', file, 'c5', 4);
