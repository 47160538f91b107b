import { describe, expect, it } from 'vitest';
import { CACHE_KEY_VERSION, replicateKeys, requestKey } from '../../src/run/plan.js';
import { sha256Hex, stableStringify } from '../../src/util/hash.js';
import type { ChatMessage } from '../../src/expand/types.js';

/** What a key is, by definition: changing this invalidates every cache and every run directory. */
const definition = (provider: string, params: object, messages: ChatMessage[], replicate: number) =>
  sha256Hex(stableStringify({ v: CACHE_KEY_VERSION, provider, params, messages, replicate }));

describe('request keys', () => {
  const params = { temperature: 0, maxTokens: 256, seed: undefined };
  const tricky: ChatMessage[][] = [
    [
      { role: 'system', content: 'You are a clinician.' },
      { role: 'user', content: 'A 54-year-old woman… Answer A, B or C.' },
    ],
    [{ role: 'user', content: '"replicate":"\u0000replicate" and \\u0000replicate, "v":1}' }],
    [{ role: 'user', content: '' }],
  ];

  it('hash the messages once per variant and still equal the definition for every replicate', () => {
    for (const messages of tricky) {
      const keyOf = replicateKeys('openai:http://x/v1:m', params, messages);
      for (const replicate of [0, 1, 9, 10, 123]) {
        expect(keyOf(replicate)).toBe(definition('openai:http://x/v1:m', params, messages, replicate));
        expect(requestKey('openai:http://x/v1:m', params, messages, replicate)).toBe(keyOf(replicate));
      }
    }
  });

  it('differ when anything that changes the answer differs', () => {
    const [messages] = tricky;
    const keys = [
      requestKey('openai:http://x/v1:m', params, messages!, 0),
      requestKey('openai:http://x/v1:m', params, messages!, 1),
      requestKey('openai:http://x/v1:other', params, messages!, 0),
      requestKey('openai:http://x/v1:m', { ...params, temperature: 1 }, messages!, 0),
      requestKey('openai:http://x/v1:m', params, [{ role: 'user', content: 'A 54-year-old man' }], 0),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });
});
