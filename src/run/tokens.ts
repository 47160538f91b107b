import type { ChatMessage } from '../expand/types.js';

/** Chat formatting adds a few tokens per message on top of its content. */
const TOKENS_PER_MESSAGE = 4;
/** English text averages about four characters per token with OpenAI's tokenizers. */
const INITIAL_TOKENS_PER_CHAR = 0.25;
/** Expected answer length before any answer has been seen, when the study sets no max_tokens. */
const INITIAL_COMPLETION_TOKENS = 256;

/**
 * Estimates a request's tokens before it is sent (a tokens-per-minute budget must be charged up front)
 * and learns from the usage endpoints report: the tokens-per-character ratio of prompts and the mean
 * answer length, so estimates converge on what this model and these vignettes actually cost.
 */
export class TokenEstimator {
  private promptChars = 0;
  private promptTokens = 0;
  private completions = 0;
  private completionTokens = 0;

  constructor(private readonly maxTokens: number | undefined) {}

  static characters(messages: readonly ChatMessage[]): number {
    let chars = 0;
    for (const m of messages) chars += m.content.length;
    return chars;
  }

  estimate(chars: number, messageCount: number): number {
    const { prompt, completion } = this.estimateParts(chars, messageCount);
    return prompt + completion;
  }

  /** The estimate split into prompt and answer tokens, which are priced differently. */
  estimateParts(chars: number, messageCount: number): { prompt: number; completion: number } {
    const perChar = this.promptChars > 0 ? this.promptTokens / this.promptChars : INITIAL_TOKENS_PER_CHAR;
    const answer =
      this.completions > 0
        ? this.completionTokens / this.completions
        : Math.min(this.maxTokens ?? INITIAL_COMPLETION_TOKENS, INITIAL_COMPLETION_TOKENS);
    return { prompt: Math.ceil(chars * perChar) + messageCount * TOKENS_PER_MESSAGE, completion: Math.ceil(answer) };
  }

  observe(chars: number, messageCount: number, usage: { promptTokens: number; completionTokens: number }): void {
    this.promptChars += chars;
    this.promptTokens += Math.max(0, usage.promptTokens - messageCount * TOKENS_PER_MESSAGE);
    this.completions++;
    this.completionTokens += usage.completionTokens;
  }
}
