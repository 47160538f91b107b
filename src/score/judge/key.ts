import type { ChatMessage } from '../../expand/types.js';
import { sha256Hex, stableStringify } from '../../util/hash.js';
import { JUDGE_PROMPT_VERSION } from './prompt.js';

/** Content address of one judge request: the prompt version, the judge and the exact messages. */
export function judgementKey(fingerprint: Record<string, unknown>, messages: readonly ChatMessage[]): string {
  return sha256Hex(stableStringify({ v: JUDGE_PROMPT_VERSION, judge: fingerprint, messages }));
}
