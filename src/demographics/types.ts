/** Where an axis's cue appears in a vignette. */
export type AxisSlot =
  | 'descriptor' // an adjective in the patient noun phrase: "a 45-year-old Black woman"
  | 'noun' // the head noun, which also fixes pronouns: "woman" -> she/her
  | 'age' // "45-year-old" in the noun phrase, and {{age}}
  | 'sentence' // a whole sentence rendered by the {{<axis id>}} placeholder
  | 'perturbation'; // how the case is written (typos, register, dialect): a transformation of the rendered text

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
  /** Perturbation axes: what this level does to the written case, in order (none for the reference). */
  perturb?: Perturbation[];
}

/**
 * One way of changing how a case is written, never what it says: every number, unit and cue is kept (checked on
 * each rendered text). `rules` are a table of the demographics folder's `perturbations/<table>.yaml`.
 */
export type Perturbation =
  | { kind: 'typos'; rate: number }
  | { kind: 'lowercase' }
  | { kind: 'spacing'; rate: number }
  | { kind: 'rules'; table: string; rules: PerturbationRule[] };

/** A rewrite of the table: every match of `match` (a regular expression, matched case-insensitively) becomes `replace`. */
export interface PerturbationRule {
  match: string;
  replace: string;
  /** Why the rule is there: the feature of the variety it writes, with its source. */
  note: string;
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
