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

/** Spouses and partners: a patient possessive before one ("his wife") is one ambiguous span (R4). */
export const SPOUSES: Readonly<Record<string, Gender | undefined>> = {
  wife: 'female',
  girlfriend: 'female',
  fiancée: 'female',
  husband: 'male',
  boyfriend: 'male',
  fiancé: 'male',
  spouse: undefined,
  partner: undefined,
};

/** Relatives other than spouses whose nouns carry a gender: a pronoun after one may be theirs. */
export const RELATIVES: Readonly<Record<string, Gender>> = Object.fromEntries([
  ...[
    'mother',
    'mom',
    'mum',
    'daughter',
    'sister',
    'grandmother',
    'grandma',
    'granny',
    'granddaughter',
    'aunt',
    'niece',
    'stepmother',
    'stepdaughter',
    'sister-in-law',
    'mother-in-law',
    'daughter-in-law',
  ].map((w) => [w, 'female' as const]),
  ...[
    'father',
    'dad',
    'son',
    'brother',
    'grandfather',
    'grandpa',
    'grandson',
    'uncle',
    'nephew',
    'stepfather',
    'stepson',
    'brother-in-law',
    'father-in-law',
    'son-in-law',
  ].map((w) => [w, 'male' as const]),
]);

/**
 * Words that state the patient's sex together with something a reviewer must weigh (marital status, gender
 * identity, sexual behaviour): listed as ambiguous, never replaced (R2, R4, D3, D10).
 */
export const IDENTITY_WORDS =
  /\b(?:widow(?:er|ed)?|transgender|assigned (?:fe)?male at birth|MSM|(?:who )?(?:has|have) sex with (?:wo)?men)\b/dg;

/** Estimated ages and age bands describing the patient (R1, D6): listed as ambiguous, never replaced. */
export const AGE_BANDS = /\b(?:middle-aged|elderly|teenaged?|adolescent|toddler|newborn)\b/dgi;

/**
 * Race and ethnicity terms with the race level each states, longest first so "African American" wins over
 * "American". `undefined`: an identity no level of the shipped race axis states (Aboriginal Australian, Māori),
 * found so that the case is left out with the reason rather than varied around words that contradict its variants.
 */
export const RACE_TERMS: readonly (readonly [string, string | undefined])[] = (
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
    ['Samoan', 'nhpi'],
    ['Tongan', 'nhpi'],
    ['Chamorro', 'nhpi'],
    ['Navajo', 'aian'],
    ['Cree', 'aian'],
    ['Cherokee', 'aian'],
    ['Hmong', 'asian'],
    ['Japanese American', 'asian'],
    ['Chinese American', 'asian'],
    ['Korean American', 'asian'],
    ['Pakistani', 'asian'],
    ['Bangladeshi', 'asian'],
    ['Cambodian', 'asian'],
    ['Somali', 'black'],
    ['Nigerian', 'black'],
    ['Ethiopian', 'black'],
    ['Haitian', 'black'],
    ['Jamaican', 'black'],
    ['West African', 'black'],
    ['Black British', 'black'],
    ['non-Hispanic Black', 'black'],
    ['non-Hispanic White', 'white'],
    ['Hispanic/Latino', 'hispanic'],
    ['Hispanic or Latino', 'hispanic'],
    ['Irish', 'white'],
    ['Lebanese', 'mena'],
    ['Iranian', 'mena'],
    ['Egyptian', 'mena'],
    ['Iraqi', 'mena'],
    ['Syrian', 'mena'],
    ['Palestinian', 'mena'],
    ['Yemeni', 'mena'],
    ['Moroccan', 'mena'],
    ['Jordanian', 'mena'],
    ['North African', 'mena'],
    ['Ghanaian', 'black'],
    ['Kenyan', 'black'],
    ['Eritrean', 'black'],
    ['Sudanese', 'black'],
    ['Congolese', 'black'],
    ['Liberian', 'black'],
    ['Cape Verdean', 'black'],
    ['Afro-Caribbean', 'black'],
    ['Black Caribbean', 'black'],
    ['Black African', 'black'],
    ['Trinidadian', 'black'],
    ['Barbadian', 'black'],
    ['Colombian', 'hispanic'],
    ['Honduran', 'hispanic'],
    ['Venezuelan', 'hispanic'],
    ['Peruvian', 'hispanic'],
    ['Ecuadorian', 'hispanic'],
    ['Nicaraguan', 'hispanic'],
    ['Chicano', 'hispanic'],
    ['Chicana', 'hispanic'],
    ['Latine', 'hispanic'],
    ['Hispanic/Latina', 'hispanic'],
    ['Latino/Hispanic', 'hispanic'],
    ['Taiwanese', 'asian'],
    ['Laotian', 'asian'],
    ['Nepali', 'asian'],
    ['Nepalese', 'asian'],
    ['Sri Lankan', 'asian'],
    ['Indonesian', 'asian'],
    ['Southeast Asian', 'asian'],
    ['Asian Indian', 'asian'],
    ['White British', 'white'],
    ['European American', 'white'],
    ['Alaskan Native', 'aian'],
    ['Native Alaskan', 'aian'],
    ['Alaska Native', 'aian'],
    ['Lakota', 'aian'],
    ['Ojibwe', 'aian'],
    ['Apache', 'aian'],
    ['Hopi', 'aian'],
    ['Marshallese', 'nhpi'],
    ['Micronesian', 'nhpi'],
    ['Chuukese', 'nhpi'],
    ['Fijian', 'nhpi'],
    ['Polynesian', 'nhpi'],
    ['Aboriginal and Torres Strait Islander', undefined],
    ['Aboriginal', undefined],
    ['Torres Strait Islander', undefined],
    ['Indigenous Australian', undefined],
    ['First Nations', undefined],
    ['Inuit', undefined],
    ['Métis', undefined],
    ['Māori', undefined],
    ['Maori', undefined],
    ['Roma', undefined],
    // "of African descent"; a South African may be of any race, so that longer term states none.
    ['African', 'black'],
    ['East African', 'black'],
    ['Sub-Saharan African', 'black'],
    ['South African', undefined],
    ['Indigenous', undefined],
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
  ASL: undefined,
  Mixtec: undefined,
  Dari: undefined,
  Pashto: undefined,
  Tigrinya: undefined,
  Burmese: undefined,
  Punjabi: undefined,
  Gujarati: undefined,
  Italian: undefined,
  German: undefined,
  Greek: undefined,
  Turkish: undefined,
  Ukrainian: undefined,
  Persian: undefined,
  Khmer: undefined,
  Tamil: undefined,
  Yoruba: undefined,
  Chinese: undefined,
  Toishanese: undefined,
  Taishanese: undefined,
  Hakka: undefined,
  Fuzhounese: undefined,
  Taiwanese: undefined,
  Shanghainese: undefined,
  Thai: undefined,
  Lao: undefined,
  Hebrew: undefined,
  Yiddish: undefined,
  Armenian: undefined,
  Albanian: undefined,
  Bosnian: undefined,
  Serbian: undefined,
  Croatian: undefined,
  Romanian: undefined,
  Hungarian: undefined,
  Quechua: undefined,
  "K'iche'": undefined,
  Zapotec: undefined,
  Nahuatl: undefined,
  Malayalam: undefined,
  Telugu: undefined,
  Marathi: undefined,
  Kannada: undefined,
  Sindhi: undefined,
  Sinhala: undefined,
  Kurdish: undefined,
  'Cape Verdean Creole': undefined,
  Kreyòl: undefined,
  Wolof: undefined,
  Twi: undefined,
  Igbo: undefined,
  Hausa: undefined,
  Oromo: undefined,
  Kinyarwanda: undefined,
  Lingala: undefined,
  Zulu: undefined,
  Indonesian: undefined,
  Malay: undefined,
  Cebuano: undefined,
  Ilocano: undefined,
  Samoan: undefined,
  Tongan: undefined,
  Marshallese: undefined,
  Chuukese: undefined,
  Navajo: undefined,
  Cree: undefined,
  Inuktitut: undefined,
  Welsh: undefined,
  Dutch: undefined,
  Czech: undefined,
  Bulgarian: undefined,
  Uyghur: undefined,
  Tibetan: undefined,
  Afrikaans: undefined,
  'British Sign Language': undefined,
  BSL: undefined,
  Auslan: undefined,
  'Sign Language': undefined,
};

/**
 * Ancestry a clinical answer may lean on (BRCA in Ashkenazi Jewish families, G6PD deficiency around the
 * Mediterranean, skin phototype): listed as ambiguous, since varying race around it may change the right answer (R8).
 */
export const CLINICAL_ANCESTRY =
  /\bAshkenazi(?: Jewish)?\b|\bMediterranean(?= (?:background|descent|ancestry|origin|heritage)\b)|\b(?:fair|dark)-skinned\b/dg;

/**
 * Clinical terms that contain a demographic-looking word: nothing inside one is ever a slot. Matched case-blind.
 * Colour words before blood, cells, stools etc. need no entry: a colour is a race term only before a person noun.
 */
export const CLINICAL_TERMS: readonly RegExp[] = [
  /\bman[- ]in[- ]the[- ]barrel\b/gi,
  /\bred[- ]man(?: syndrome| reaction)?\b/gi,
  /\b(?:stiff|elephant|old) man(?:['’]s)? (?:syndrome|sign|disease)\b/gi,
  /\bbundle of His\b/gi,
  /\bHis[- ](?:bundle|Purkinje)\b/g,
  /\bLady Windermere\b/gi,
  /\b(?:Asian|Spanish|Hong Kong|Russian) flu\b/gi,
  /\bGerman measles\b/gi,
  /\bHispanic paradox\b/gi,
  /\bMongolian (?:spots?|blue spots?)\b/gi,
  /\b(?:male|female)[- ]pattern\b/gi,
  /\bfemale athlete triad\b/gi,
  /\bmale factor\b/gi,
  // "a 3-day-old male infant" is the patient: only a sex word with no age before it is another person.
  /(?<!old )\b(?:male|female) (?:partners?|condoms?|genitalia|external genitalia|sterilization|infertility|hormones?|fetus|infant|newborn|sibling|relatives?|cousins?|offspring|children|patients|predominance|preponderance)\b/gi,
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
