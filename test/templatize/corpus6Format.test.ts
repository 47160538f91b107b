import { fromRoot } from '../helpers/paths.js';
import { describeBlindCorpusConventions, describeGoldCorpusFormat } from './goldCorpus.js';

// Format checks for the sixth blind templatize evaluation corpus (test/templatize/corpus6/README.md).
// They check the gold markup only; they say nothing about how well templatize detects the spans.
// Never tune the detector on this corpus; measure it once.

const file = fromRoot('test/templatize/corpus6/cases.jsonl');

describeGoldCorpusFormat('templatize evaluation corpus 6', file, 250, 40);
describeBlindCorpusConventions('templatize evaluation corpus 6', file, 'c6', 6);
