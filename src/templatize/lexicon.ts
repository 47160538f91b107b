/**
 * The words templatize looks for. Each list says which level a word states; the renderer decides later whether
 * the word as written can be rendered back (a level's descriptor, label or `words`) or only pinned.
 */

export type Gender = 'female' | 'male';

/** Words for the patient's sex and the placeholder each becomes. `letter` forms are matched only beside an age. */
export const SEX_WORDS: Readonly<Record<string, { gender: Gender; slot: string }>> = {
  man: { gender: 'male', slot: 'noun' },
  woman: { gender: 'female', slot: 'noun' },
  boy: { gender: 'male', slot: 'child_noun' },
  girl: { gender: 'female', slot: 'child_noun' },
  male: { gender: 'male', slot: 'noun_adjective' },
  female: { gender: 'female', slot: 'noun_adjective' },
  gentleman: { gender: 'male', slot: 'noun_polite' },
  lady: { gender: 'female', slot: 'noun_polite' },
};

export const TITLES: Readonly<Record<string, { gender: Gender; slot: string }>> = {
  'Mr.': { gender: 'male', slot: 'noun_title' },
  'Ms.': { gender: 'female', slot: 'noun_title' },
  'Mrs.': { gender: 'female', slot: 'noun_married_title' },
};

/** Pronouns by gender, with the neutral placeholder each is written as (`her` is decided by the word after it). */
export const PRONOUNS: Readonly<
  Record<string, { gender: Gender; slot: 'they' | 'them' | 'their' | 'theirs' | 'themself' | 'her' | 'his' }>
> = {
  he: { gender: 'male', slot: 'they' },
  him: { gender: 'male', slot: 'them' },
  his: { gender: 'male', slot: 'his' },
  himself: { gender: 'male', slot: 'themself' },
  she: { gender: 'female', slot: 'they' },
  her: { gender: 'female', slot: 'her' },
  hers: { gender: 'female', slot: 'theirs' },
  herself: { gender: 'female', slot: 'themself' },
};

/** People other than the patient whose nouns carry a gender: a pronoun after one of them may be theirs. */
export const GENDERED_OTHERS: Readonly<Record<string, Gender>> = Object.fromEntries([
  ...[
    'wife',
    'mother',
    'mom',
    'mum',
    'daughter',
    'sister',
    'girlfriend',
    'grandmother',
    'granddaughter',
    'aunt',
    'niece',
    'fiancée',
    'stepmother',
    'stepdaughter',
    'sister-in-law',
    'mother-in-law',
    'daughter-in-law',
  ].map((w) => [w, 'female' as const]),
  ...[
    'husband',
    'father',
    'dad',
    'son',
    'brother',
    'boyfriend',
    'grandfather',
    'grandson',
    'uncle',
    'nephew',
    'fiancé',
    'stepfather',
    'stepson',
    'brother-in-law',
    'father-in-law',
    'son-in-law',
  ].map((w) => [w, 'male' as const]),
]);

/** Race and ethnicity terms, longest first so "African American" wins over "American". */
export const RACE_TERMS: readonly (readonly [string, string])[] = (
  [
    ['African American', 'black'],
    ['African-American', 'black'],
    ['Black', 'black'],
    ['White', 'white'],
    ['Caucasian', 'white'],
    ['Hispanic', 'hispanic'],
    ['Latino', 'hispanic'],
    ['Latina', 'hispanic'],
    ['Latinx', 'hispanic'],
    ['Mexican American', 'hispanic'],
    ['Mexican-American', 'hispanic'],
    ['Puerto Rican', 'hispanic'],
    ['Mexican', 'hispanic'],
    ['Cuban', 'hispanic'],
    ['Dominican', 'hispanic'],
    ['Salvadoran', 'hispanic'],
    ['Guatemalan', 'hispanic'],
    ['Indian', 'asian'],
    ['Asian American', 'asian'],
    ['Asian-American', 'asian'],
    ['East Asian', 'asian'],
    ['South Asian', 'asian'],
    ['Asian', 'asian'],
    ['Chinese', 'asian'],
    ['Japanese', 'asian'],
    ['Korean', 'asian'],
    ['Vietnamese', 'asian'],
    ['Filipino', 'asian'],
    ['Filipina', 'asian'],
    ['American Indian', 'aian'],
    ['Native American', 'aian'],
    ['Alaska Native', 'aian'],
    ['Middle Eastern', 'mena'],
    ['Arab', 'mena'],
    ['Arab American', 'mena'],
    ['Pacific Islander', 'nhpi'],
    ['Native Hawaiian', 'nhpi'],
  ] as const
)
  .slice()
  .sort((a, b) => b[0].length - a[0].length);

/** Language names and the language level each states (undefined: a language no level has). */
export const LANGUAGES: Readonly<Record<string, string | undefined>> = {
  English: 'english',
  Spanish: 'spanish',
  Mandarin: 'mandarin',
  'Mandarin Chinese': 'mandarin',
  Vietnamese: 'vietnamese',
  Arabic: 'arabic',
  Tagalog: 'tagalog',
  Russian: 'russian',
  'Haitian Creole': 'haitian-creole',
  Cantonese: undefined,
  Portuguese: undefined,
  French: undefined,
  Korean: undefined,
  Somali: undefined,
  Polish: undefined,
  Hindi: undefined,
  Bengali: undefined,
  Urdu: undefined,
  Farsi: undefined,
  Amharic: undefined,
  Nepali: undefined,
  Hmong: undefined,
  Creole: undefined,
  Japanese: undefined,
  Swahili: undefined,
  'American Sign Language': undefined,
};

/**
 * Clinical terms that contain a demographic-looking word: nothing inside one is ever a slot. Matched case-blind.
 * Colour words before blood, cells, stools etc. need no entry: a colour is a race term only before a person noun.
 */
export const CLINICAL_TERMS: readonly RegExp[] = [
  /\bman[- ]in[- ]the[- ]barrel\b/gi,
  /\bbundle of His\b/g,
  /\bHis[- ](?:bundle|Purkinje)\b/g,
  /\bLady Windermere\b/gi,
  /\b(?:Asian|Spanish|Hong Kong|Russian) flu\b/gi,
  /\bGerman measles\b/gi,
  /\bHispanic paradox\b/gi,
  /\bMongolian (?:spots?|blue spots?)\b/gi,
  /\b(?:male|female)[- ]pattern\b/gi,
  /\bfemale athlete triad\b/gi,
  /\bmale factor\b/gi,
  /\b(?:male|female) (?:partners?|condoms?|genitalia|external genitalia|sterilization|infertility|hormones?|fetus|infant|newborn|sibling|relatives?|cousins?|offspring|children|patients|predominance|preponderance)\b/gi,
  /\bmen who have sex with men\b/gi,
  /\bblack (?:box|death|hairy tongue|widow|cohosh|eschar|stools?|tarry stools?|lung|water fever|measles)\b/gi,
  /\bwhite (?:blood|cells?|count|matter|coat|plaques?|patches|lesions?|spots?|pupillary reflex|reflex|discharge)\b/gi,
  /\bMiddle Eastern respiratory syndrome\b/gi,
  /\bEnglish (?:translation|version|language literature)\b/gi,
];

/**
 * Anatomy, physiology and tests of one sex: a case that mentions one cannot vary sex without becoming impossible
 * ("a man with heavy menstrual bleeding"), so templatize pins sex and says why. Breast is not here (men get
 * breast cancer), nor "cervical" (the spine).
 */
export const SEX_SPECIFIC =
  /\b(?:menstrua\w*|menses|menarche|amenorrh\w*|menopaus\w*|postmenopausal|perimenopausal|pregnan\w*|gestation\w*|gravida|G\d+P\d+|postpartum|lactat\w*|breastfe\w*|obstetric\w*|uter(?:us|ine)|ovar(?:y|ies|ian)|vagin\w*|vulv\w*|endometri\w*|cervix|Pap (?:smear|test)|mammogra\w*|prostat\w*|testic\w*|testes|scrot\w*|penile|penis|erectile)\b/i;
