import { describe, expect, it } from 'vitest';
import { findVignetteWeightKg } from '../../../src/score/extract/vignetteWeight.js';

describe('findVignetteWeightKg', () => {
  it('reads the one weight a vignette states', () => {
    expect(findVignetteWeightKg('A 64-year-old man weighing 82 kg presents with a DVT.')).toBe(82);
    expect(findVignetteWeightKg('An 18-kg child; weight 18 kg on arrival.')).toBe(18);
    expect(findVignetteWeightKg('Weight: 78.5 kilograms.')).toBe(78.5);
  });

  it('ignores per-kg doses and gives nothing for no weight or several', () => {
    expect(findVignetteWeightKg('She weighs 60 kg and takes enoxaparin 1 mg/kg and 2 mg per kg of something.')).toBe(60);
    expect(findVignetteWeightKg('Dose 15 mg/kg.')).toBeUndefined();
    expect(findVignetteWeightKg('He went from 90 kg to 82 kg over a year.')).toBeUndefined();
    expect(findVignetteWeightKg('No weight stated; 180 lb.')).toBeUndefined();
  });
});
