/** One case of a user's case bank, as read from CSV or JSONL. */
export interface CaseRecord {
  /** The id as written in the file. */
  id: string;
  text: string;
  question: string;
  /** Letter -> option text; absent for a yes/no question. */
  options?: Readonly<Record<string, string>>;
  answer: string;
  file: string;
  /** 1-based line of the record in its file. */
  line: number;
}

/** What a demographic mention states. `ambiguous` spans are listed for review and never replaced. */
export type Attribute = 'age' | 'sex' | 'pronoun' | 'title' | 'race' | 'insurance' | 'language' | 'ambiguous';

/** An axis level a mention states ("Hispanic" -> race hispanic). */
export interface StatedLevel {
  axis: 'sex' | 'race' | 'insurance' | 'language';
  level: string;
}

/** A detected span of a case's text (character offsets, end exclusive). */
export interface Mention {
  start: number;
  end: number;
  attribute: Attribute;
  surface: string;
  /** The template text that replaces the span, when the renderer has a slot for this form. */
  slot?: string;
  stated?: StatedLevel;
  /** For an age: the years it states (a 6-month-old: 0). */
  years?: number;
  /** For a sex word, title or pronoun: the sex it states. */
  gender?: 'female' | 'male';
  /** For `ambiguous` mentions (and stated forms no slot renders): why a person should look at it. */
  reason?: string;
}

/** A span a reviewer should look at, located in the input file. */
export interface ReviewItem {
  file: string;
  line: number;
  id: string;
  surface: string;
  /** Character offset of the span in the case text. */
  at: number;
  reason: string;
}

/** A vignette record as the template loader reads it from YAML. */
export interface TemplateRecord {
  id: string;
  perspective: 'clinician';
  text: string;
  question:
    | { type: 'choice'; stem: string; options: Record<string, string>; answer: string }
    | { type: 'yesno'; stem: string; answer: 'yes' | 'no' };
  rationale: string;
  source: string;
  varies: string[];
  excluded?: { axis: string; value: string; reason: string }[];
  tags: string[];
}

/** The case's own demographics, as detected: what the template renders back to the original text. */
export interface OwnDemographics {
  sex?: string;
  race?: string;
  insurance?: string;
  language?: string;
  age?: number;
}

export type CaseOutcome =
  | { kind: 'template'; case: CaseRecord; template: TemplateRecord; own: OwnDemographics; mentions: Mention[]; review: ReviewItem[] }
  | { kind: 'rejected'; case: CaseRecord; reason: string; mentions: Mention[]; review: ReviewItem[] };
