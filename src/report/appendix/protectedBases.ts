import type { Axis } from '../../demographics/types.js';

/**
 * How a study axis relates to the characteristics the cited rules name. Matched on the shipped axis ids; an axis
 * the project does not ship is reported as "not mapped" rather than guessed at.
 */
const BASES: Record<string, { section1557: string; euAiAct: string }> = {
  race: { section1557: 'race, color, national origin', euAiAct: 'racial or ethnic origin' },
  sex: { section1557: 'sex', euAiAct: 'sex' },
  age: { section1557: 'age', euAiAct: 'age' },
  language: { section1557: 'national origin (limited English proficiency)', euAiAct: 'language (can proxy ethnic or national origin)' },
  disability: { section1557: 'disability', euAiAct: 'disability' },
  'gender-identity': {
    section1557: 'sex (the 2024 rule includes gender identity; those provisions are contested in court)',
    euAiAct: 'sex or sexual orientation (special-category data)',
  },
  'sexual-orientation': {
    section1557: 'sex (the 2024 rule includes sexual orientation; those provisions are contested in court)',
    euAiAct: 'sexual orientation',
  },
  insurance: {
    section1557: 'not a protected basis (equity-relevant)',
    euAiAct: 'not a protected characteristic as such (socio-economic proxy)',
  },
  income: { section1557: 'not a protected basis (equity-relevant)', euAiAct: 'not a protected characteristic as such (socio-economic)' },
  housing: { section1557: 'not a protected basis (equity-relevant)', euAiAct: 'not a protected characteristic as such (socio-economic)' },
};

export function axisBases(axes: readonly Axis[], rule: 'section1557' | 'euAiAct'): string {
  return axes.map((a) => `${a.id}: ${BASES[a.id]?.[rule] ?? 'not mapped; assess separately'}`).join('; ');
}
