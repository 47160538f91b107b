export const EXTRACTOR_VERSION = 17; // bump when behaviour changes: scores carry it (ScoreRecord.extractorVersion, "choice@3"); `compare` notes runs scored with different versions
export type Extraction<T> =
  | { kind: 'answer'; value: T; extractor: string; explanation: string } // explanation: how it was found, e.g. 'matched "Answer: (B)" pattern'
  | { kind: 'refusal'; extractor: string; explanation: string } // the model declined / deferred without answering
  | { kind: 'unparseable'; extractor: string; explanation: string }; // no answer could be found, or several conflicting ones
