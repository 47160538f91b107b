import { describe, expect, it } from 'vitest';
import { DiscordantOutcomeCounter, unreadableShareOfExcess } from '../../src/analysis/discordantOutcomes.js';
import { analyzeFindings } from '../../src/analysis/findings.js';
import { pairContrasts } from '../../src/pairing/pairs.js';
import type { Outcome } from '../../src/score/types.js';
import { score, sentenceAxis } from './helpers.js';

const OPTIONS = { alpha: 0.05, adjustment: 'holm' as const, mcnemar: 'exact' as const, seed: 1, bootstrapResamples: 0 };
const AXES = [sentenceAxis('race', ['white', 'black'])];

/**
 * 60 vignettes, one pair each: the reference always answers correctly, the Black variant errs on the first `erring`
 * vignettes with `how` (its kind by vignette), as a model whose errors at one level are all of one kind would.
 */
function finding(erring: number, how: (i: number) => Outcome) {
  const scores = Array.from({ length: 60 }, (_, i) => [
    score({ vignetteId: `v${i}`, outcome: 'correct', attributes: { race: 'white' } }),
    score({ vignetteId: `v${i}`, outcome: i < erring ? how(i) : 'correct', attributes: { race: 'black' } }),
  ]).flat();
  const [f] = analyzeFindings(pairContrasts(scores, AXES), AXES, ['m'], 'error', OPTIONS);
  return f!;
}

describe('discordant outcomes of an error finding', () => {
  it('counts the discordant pairs by how the erring side erred, and nothing else', () => {
    const counter = new DiscordantOutcomeCounter();
    counter.add('correct', 'unparseable');
    counter.add('correct', 'incorrect');
    counter.add('refusal', 'correct');
    counter.add('incorrect', 'unparseable'); // both erred: concordant
    counter.add('correct', 'correct');
    counter.add('error', 'unparseable'); // no answer on one side
    expect(counter.counts()).toEqual({
      levelOnly: { incorrect: 1, refusal: 0, unparseable: 1 },
      referenceOnly: { incorrect: 0, refusal: 1, unparseable: 0 },
    });
  });

  it('gives the share of the excess that is unreadable, on the side that errs more', () => {
    const none = { incorrect: 0, refusal: 0, unparseable: 0 };
    expect(unreadableShareOfExcess({ levelOnly: none, referenceOnly: none })).toBeNull();
    expect(
      unreadableShareOfExcess({
        levelOnly: { incorrect: 2, refusal: 0, unparseable: 9 },
        referenceOnly: { incorrect: 2, refusal: 0, unparseable: 1 },
      }),
    ).toEqual({ share: 1, unreadable: 8, excess: 8, side: 'level' });
    expect(
      unreadableShareOfExcess({
        levelOnly: { incorrect: 1, refusal: 0, unparseable: 0 },
        referenceOnly: { incorrect: 4, refusal: 1, unparseable: 2 },
      }),
    ).toEqual({ share: 2 / 6, unreadable: 2, excess: 6, side: 'reference' });
  });

  it('records them on the finding, summing to b − c', () => {
    const f = finding(20, (i) => (i % 2 ? 'unparseable' : 'refusal'));
    expect(f.discordantOutcomes).toEqual({
      levelOnly: { incorrect: 0, refusal: 10, unparseable: 10 },
      referenceOnly: { incorrect: 0, refusal: 0, unparseable: 0 },
    });
    expect(f.wrongOnlyAtLevel - f.wrongOnlyAtReference).toBe(20);
  });

  it('warns beside a significant disparity made mostly of unreadable answers, and not beside one of wrong answers', () => {
    const unreadable = finding(20, (i) => (i < 15 ? 'unparseable' : 'incorrect'));
    expect(unreadable.significant).toBe(true);
    expect(unreadable.sentence).toContain(
      'Caution: 15 of the 20 more errors at the level are answers that could not be read, not wrong answers or refusals',
    );
    const wrong = finding(20, (i) => (i < 5 ? 'unparseable' : 'incorrect'));
    expect(wrong.significant).toBe(true);
    expect(wrong.sentence).not.toContain('Caution');
    // Refusals withheld from some patients are a disparity in themselves, not an extraction artefact.
    expect(finding(20, () => 'refusal').sentence).not.toContain('Caution');
  });

  it('is absent from secondary endpoints', () => {
    const scores = [score({ vignetteId: 'v', outcome: 'correct', attributes: { race: 'white' } })];
    scores.push(score({ vignetteId: 'v', outcome: 'refusal', attributes: { race: 'black' } }));
    const [f] = analyzeFindings(pairContrasts(scores, AXES), AXES, ['m'], 'refusal', OPTIONS);
    expect(f!.discordantOutcomes).toBeUndefined();
  });
});
