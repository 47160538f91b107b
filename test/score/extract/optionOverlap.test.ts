import { describe, expect, it } from 'vitest';
import { optionDescribed } from '../../../src/score/extract/optionOverlap.js';

const sglt2 = [
  { id: 'A', phrase: 'Add an SGLT2 inhibitor such as empagliflozin or dapagliflozin' },
  { id: 'B', phrase: 'Make no change; continue current therapy' },
  { id: 'C', phrase: 'Stop losartan because eGFR is below 45' },
  { id: 'D', phrase: 'Add a sulfonylurea, because SGLT2 inhibitors cannot be used below an eGFR of 45' },
];
const care = [
  { id: '3', phrase: 'Same-day urgent care or primary care visit' },
  { id: '4', phrase: 'Emergency department now (call emergency services if needed)' },
];

describe('optionDescribed', () => {
  it('finds the option a clause describes in other words, after others are ruled out', () => {
    expect(optionDescribed("Don't stop losartan. The best step is to add empagliflozin.", sglt2)).toMatchObject({
      status: 'found',
      id: 'A',
    });
    expect(optionDescribed('Go to the emergency department right now.', care)).toMatchObject({ status: 'found', id: '4' });
  });

  it('never takes an option described only in a rejecting or conditional clause', () => {
    expect(optionDescribed("Don't stop losartan because of the eGFR.", sglt2)).toBeUndefined();
    expect(optionDescribed('If it worsens, go to the emergency department now.', care)).toBeUndefined();
  });

  it('is ambiguous when two options are described, or the described one is also ruled out', () => {
    expect(optionDescribed('Go to the emergency department now. A same-day urgent care visit is fine.', care)).toMatchObject({
      status: 'ambiguous',
    });
    expect(optionDescribed('Same-day urgent care visit. Urgent care visit is not enough.', care)).toMatchObject({ status: 'ambiguous' });
  });

  it('does not take a lone duration for an option that says more than how long', () => {
    const followUp = [
      { id: 'A', phrase: 'A knee MRI now' },
      { id: 'B', phrase: 'Physiotherapy review in 3 weeks' },
      { id: 'C', phrase: '6 weeks, then stop' },
    ];
    expect(optionDescribed('Keep the brace on for 3 weeks and walk as pain allows.', followUp)).toBeUndefined();
    expect(optionDescribed('Book a physiotherapy review in about 3 weeks.', followUp)).toMatchObject({ status: 'found', id: 'B' });
    expect(optionDescribed('Use the crutches for 6 weeks.', followUp)).toMatchObject({ status: 'found', id: 'C' });
  });
});

describe('optionDescribed against another route or size than the option names', () => {
  const seizure = [
    { id: 'A', phrase: 'Intramuscular lorazepam 4 mg' },
    { id: 'B', phrase: 'Wait for an ambulance' },
    { id: 'C', phrase: 'Large-bore cannula and fluids' },
  ];

  it('reads no option from a clause naming another route or size of the same course', () => {
    expect(optionDescribed('Give rectal lorazepam 4 mg now.', seizure)).toBeUndefined();
    expect(optionDescribed('Put in a small-bore cannula and run fluids.', seizure)).toBeUndefined();
  });

  it('still reads the option written with its own route or size, or with a synonym of it', () => {
    expect(optionDescribed('Give intramuscular lorazepam 4 mg now.', seizure)).toMatchObject({ status: 'found', id: 'A' });
    expect(optionDescribed('Put in a wide-bore cannula and run fluids.', seizure)).toMatchObject({ status: 'found', id: 'C' });
  });
});
