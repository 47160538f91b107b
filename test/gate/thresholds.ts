import { DEFAULT_MAX_LOST_PAIRS, type GateThresholds } from '../../src/gate/types.js';

/** Superiority-mode thresholds of a 5-point gate at alpha 0.05, with `overrides` over them. */
export function gateThresholds(overrides: Partial<GateThresholds> = {}): GateThresholds {
  return {
    maxDifferencePoints: 5,
    maxRatio: null,
    alpha: 0.05,
    axes: null,
    domains: null,
    useCiBound: false,
    mode: 'superiority',
    maxLostPairs: DEFAULT_MAX_LOST_PAIRS,
    equivalenceConfLevel: null,
    ...overrides,
  };
}
