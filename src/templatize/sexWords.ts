import { ageSexLetters } from './ages.js';
import { SEX_WORDS, TITLES } from './lexicon.js';
import { mention, placeholder } from './mention.js';
import type { Mention } from './types.js';

/**
 * Sex words ("man", "female", "lady"), a sex letter beside an age ("45M", "~50s M") or in a "Sex: F" field.
 * Words in capitals are left to the capitals reading (pronouns.ts): no slot renders them back.
 */
export function sexWords(text: string): Mention[] {
  const out: Mention[] = [];
  for (const m of text.matchAll(/\b(man|woman|boy|girl|male|female|gentleman|lady)\b(?!-in-)/dgi)) {
    if (/^[A-Z]{2,}$/.test(m[1]!)) continue; // capitals: see capitalSentences
    const word = SEX_WORDS[m[1]!.toLowerCase()]!;
    out.push({ ...mention(m, 1, { attribute: 'sex', gender: word.gender }), slot: placeholder(word.slot, m[1]!) });
  }
  // Informal words no level writes ("a 30-year-old guy"): kept as written, so they pin sex. Lowercase only: "Guy"
  // is a name, "LAD" an artery.
  for (const m of text.matchAll(/\b(guy|gal|lad|lass|bloke|gent)\b/dg))
    out.push(
      mention(m, 1, {
        attribute: 'sex',
        gender: /^(?:guy|lad|bloke|gent)$/.test(m[1]!) ? 'male' : 'female',
        reason: `"${m[1]}" is a sex word no level writes: kept as written`,
      }),
    );
  for (const { match } of ageSexLetters(text))
    out.push({ ...mention(match, 4, { attribute: 'sex', gender: match[4] === 'F' ? 'female' : 'male' }), slot: '{{noun_letter}}' });
  // "19 yo college freshman, F, Korean American": the letter as a later item of the ID line the age opens.
  for (const m of text.matchAll(/(?<=\b\d{1,3} ?(?:yo|y\/o|y\.o\.|[-\s]year[-\s]old)\b[^\n.;:,]{1,40}, )([MF])(?=[,;]|\s*$|\n)/dg))
    out.push({ ...mention(m, 1, { attribute: 'sex', gender: m[1] === 'F' ? 'female' : 'male' }), slot: '{{noun_letter}}' });
  // "~50s M", "Appears 30s M", "an elderly M": the letter after an estimated age or an age band, or after an age and a
  // person noun that states no sex ("8 mo infant F").
  for (const m of text.matchAll(
    /(?<=(?:~|\b[Aa]ppears )\d0s |\b(?:elderly|middle-aged|young|adolescent) |\b\d{1,3} ?(?:mos?|months?|wks?|weeks?|days?|yo|y\/o)\.? (?:infant|baby|newborn|neonate|toddler|child) )([MF])(?![A-Za-z0-9])/dg,
  ))
    out.push({ ...mention(m, 1, { attribute: 'sex', gender: m[1] === 'F' ? 'female' : 'male' }), slot: '{{noun_letter}}' });
  // "I'm 33 (F)", "im 16 (f)": a patient's own age and sex letter. A lowercase letter has no slot to write it back.
  for (const m of text.matchAll(/(?<=\b(?:I am|I['’]m|im) \d{1,3} \()([MFmf])(?=\))/dg)) {
    const gender = /^[Ff]$/.test(m[1]!) ? 'female' : 'male';
    out.push(
      /^[MF]$/.test(m[1]!)
        ? { ...mention(m, 1, { attribute: 'sex', gender }), slot: '{{noun_letter}}' }
        : mention(m, 1, {
            attribute: 'sex',
            gender,
            reason: 'a sex letter in lowercase: no slot writes it back, so it is kept as written',
          }),
    );
  }
  // "36 y/o Somali woman, mother of 4": a parent noun in apposition to the patient's sex word names the patient.
  for (const m of text.matchAll(
    /(?<=\b(?:woman|man|female|male|lady|gentleman)\b[^.;:\n]{0,40}?, )(mother|father|mom|dad|mum) of (?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|twins)\b/dg,
  ))
    out.push(
      mention(m, 1, {
        attribute: 'sex',
        gender: /^(?:mother|mom|mum)$/.test(m[1]!) ? 'female' : 'male',
        reason: `"${m[1]}" names the patient by relation: no slot renders it, so sex is pinned`,
      }),
    );
  // "Sex: F", "M/F: F", "Age/Sex: 72/F", "Pt: F, 30s" in a labelled field.
  for (const m of text.matchAll(/(?:\b(?:Sex|Gender|Pt|Patient|M\/F):\s*|\bAge\/Sex:\s*\d{1,3}\s*\/)([MF])\b(?![\/.]\w)/dg))
    out.push({ ...mention(m, 1, { attribute: 'sex', gender: m[1] === 'F' ? 'female' : 'male' }), slot: '{{noun_letter}}' });
  return out;
}

/**
 * "Mr.", "Mrs.", "Ms." before a name have slots. "Mr", "Mrs" and "Ms" without the stop, "Miss", "Mister", "Master", Spanish "Sra." and titles
 * in capitals ("MR. HASSAN") are found but have no slot: kept as written, they pin sex. "MS" is multiple sclerosis.
 * A couple's titles ("Mr. and Mrs. Ali") are one ambiguous span.
 */
export function titles(text: string): Mention[] {
  // "Mr. and Mrs. Patel": a couple's titles, either of whom may be the patient; listed, and no sex is read from them.
  const couples = [...text.matchAll(/\b(?:Mr|Mrs|Ms|Dr)\.? (?:and|&) (?:Mr|Mrs|Ms|Dr)\.? [A-Z][\w'’-]+/dg)].map((m) =>
    mention(m, 0, { attribute: 'ambiguous', reason: "a couple's titles: either may be the patient; kept as written" }),
  );
  const inCouple = (m: RegExpMatchArray) => couples.some((c) => m.index! >= c.start && m.index! < c.end);
  // "Master Kyle Doherty": the British title for a boy, before a name only ("Master's degree" is none).
  const single = [...text.matchAll(/\b(Mrs|Mr|Ms|Mx|Miss|Mister|Master(?= \p{Lu}\p{Ll})|Sra|MRS|MR|MS)(\.?)(?= ?\p{Lu})/dgu)].filter(
    (m) => !inCouple(m),
  );
  return [
    ...couples,
    ...single.flatMap((m): Mention[] => {
      const [word, stop] = [m[1]!, m[2]!];
      if (/^[A-Z]{2,3}$/.test(word) && stop === '') return []; // "MR" is mitral regurgitation, "MS" multiple sclerosis
      // "Mx." states no sex: found so that it is kept as written, never read as the patient's sex.
      if (word === 'Mx') return [mention(m, 0, { attribute: 'title', reason: 'a title that states no sex ("Mx."): kept as written' })];
      const gender = word === 'Mr' || word === 'Mister' || word === 'Master' || word === 'MR' ? 'male' : 'female';
      const title = TITLES[`${word}.`];
      if (title && stop === '.') return [{ ...mention(m, 0, { attribute: 'title', gender }), slot: `{{${title.slot}}}` }];
      return [
        mention(m, 0, {
          attribute: 'title',
          gender,
          reason: 'a title the level words do not write ("Mr.", "Mrs." and "Ms." are): kept as written, so sex is pinned',
        }),
      ];
    }),
  ];
}
