import { fromRoot } from '../helpers/paths.js';
import { describeBlindCorpusConventions, describeGoldCorpusFormat } from './goldCorpus.js';

// Format checks for the fourth blind templatize evaluation corpus (test/templatize/corpus4/README.md).
// They check the gold markup only; they say nothing about how well templatize detects the spans.
// Never tune the detector on this corpus; measure it once.

const file = fromRoot('test/templatize/corpus4/cases.jsonl');

describeGoldCorpusFormat('templatize evaluation corpus 4', file, 120, 30);
describeBlindCorpusConventions('templatize evaluation corpus 4', file, 'c4', 4);
