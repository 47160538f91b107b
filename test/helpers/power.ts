import { binomialPmf } from '../../src/stats/distributions.js';
import { mcnemar } from '../../src/stats/mcnemar.js';

/** Power by brute force over every (discordant, b) outcome: the definition, to check the fast form against. */
export function bruteForcePower(n: number, levelOnly: number, referenceOnly: number, alpha: number): number {
  const pd = levelOnly + referenceOnly;
  let power = 0;
  for (let k = 0; k <= n; k++)
    for (let b = 0; b <= k; b++) if (mcnemar(b, k - b).pValue <= alpha) power += binomialPmf(k, n, pd) * binomialPmf(b, k, levelOnly / pd);
  return power;
}
