import { fromRoot } from '../helpers/paths.js';
import { describeBlindCorpusConventions, describeGoldCorpusFormat } from './goldCorpus.js';

// Format checks for the thirteenth blind templatize evaluation corpus (test/templatize/corpus13/README.md).
// They check the gold markup only; they say nothing about how well templatize detects the spans.
// Never tune the detector on this corpus; measure it once.

const file = fromRoot('test/templatize/corpus13/cases.jsonl');

describeGoldCorpusFormat('templatize evaluation corpus 13', file, 110, 18);
describeBlindCorpusConventions('templatize evaluation corpus 13', file, 'c13', 4);
