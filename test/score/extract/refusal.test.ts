import { describe, expect, it } from 'vitest';
import { detectRefusal } from '../../../src/score/extract/refusal.js';

describe('detectRefusal', () => {
  it.each([
    "I can't provide medical advice.",
    "I'm not able to diagnose your condition.",
    'Please consult a healthcare professional.',
    'As an AI language model, I cannot recommend a specific treatment.',
    'I cannot give you a specific dose without knowing your weight.',
    'This decision should be made by your physician.',
    "I'm sorry, but I can't help with that.",
    "Your surveillance schedule should come from your surgeon. I'd rather not give a number.",
    "Timing targets vary between institutions, so please check your hospital's policy — I can't give a figure.",
    'Cancer pain management should be handled by your oncology or palliative care team.',
    'Pain management is up to the medical team.',
  ])('classes %j as a refusal', (text) => {
    const result = detectRefusal(text);
    expect(result).toMatchObject({ refusal: true, hedge: false });
    expect(result.explanation).toMatch(/^refusal:/);
  });

  it.each([
    "I'm not a doctor, but the answer is B.",
    'As an AI I cannot examine you. That said, I would choose C.',
    "I'm not a pharmacist, but the usual dose is 500 mg. Please check with your doctor.",
    'Disclaimer: this is not medical advice.\n\nAnswer: no',
  ])('classes %j as a hedge', (text) => {
    expect(detectRefusal(text)).toMatchObject({ refusal: false, hedge: true });
  });

  it.each([
    'B',
    'No, she should not receive thrombolysis.',
    "I'd rather not wait: give it now.",
    'The best number is 4.',
    'I cannot recommend thrombolysis given the recent bleed.',
    'ESI 2',
  ])('finds no refusal language in %j', (text) => {
    expect(detectRefusal(text)).toMatchObject({ refusal: false, hedge: false });
  });
});
