/** Where an axis's cue appears in a vignette. */
export type AxisSlot =
  | 'descriptor' // an adjective in the patient noun phrase: "a 45-year-old Black woman"
  | 'noun' // the head noun, which also fixes pronouns: "woman" -> she/her
  | 'age' // "45-year-old" in the noun phrase, and {{age}}
  | 'sentence'; // a whole sentence rendered by the {{<axis id>}} placeholder

export interface Pronouns {
  they: string;
  them: string;
  their: string;
  theirs: string;
  themself: string;
  /** Singular they takes plural verb forms: "they are", "they report". */
  pluralVerbs: boolean;
}

export interface Level {
  id: string;
  label: string;
  descriptor?: string;
  noun?: string;
  /** The noun for a patient under 18 ("girl"); defaults to "child". */
  childNoun?: string;
  pronouns?: Pronouns;
  years?: number;
  /**
   * Sentence cue: third person as a clinician charts it, first person for patient vignettes, optionally a
   * bystander's form for `general` vignettes (a neighbour does not say "an interpreter is present"; `third` when
   * absent), and optionally a form for a patient under 18, whose insurance or language is a parent's.
   */
  sentence?: { third: string; first: string; general?: string; child?: string };
  /**
   * The level that states nothing (`unstated: true` on a study axis): its cue renders empty, so a study can leave
   * the reference unmarked or contrast stating a level against stating nothing. Never in a demographics file.
   */
  unstated?: true;
  /**
   * The indefinite article for this level where the rule in words.ts gets its word wrong ("a Uyghur"): used before
   * its descriptor or noun when that opens the patient phrase, and for every {{a}} in its sentence.
   */
  article?: 'a' | 'an';
  /**
   * Other words the level is written with, by role (sex: `adjective: female`, `letter: F`, `title: Ms.`;
   * insurance: `status: on Medicaid`), rendered by `{{<axis id>_<role>}}` (and `{{noun_<role>}}` for the noun axis,
   * whichever it is), so a case written in its own words ("45 yo F", "is on Medicaid") can become a template.
   */
  words?: Readonly<Record<string, string>>;
}

export interface Axis {
  id: string;
  label: string;
  slot: AxisSlot;
  reference: string;
  levels: Level[];
  /** File the axis was defined in (for messages and the manifest). */
  file: string;
}
