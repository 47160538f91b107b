import { describe, expect, it } from 'vitest';
import { loadAxes } from '../../src/demographics/load.js';
import { templatizeCase } from '../../src/templatize/template.js';

const axes = loadAxes('demographics', []);

/**
 * What templatize does with each pronoun, title and age of a text, as its user reads the outcome: the spans slotted
 * as the patient's, and the spans listed for review. A span in neither is someone else's, left as written.
 */
function read(text: string) {
  const o = templatizeCase(
    { id: 'c1', text, question: 'What is the next step?', options: { A: 'Wait', B: 'Treat' }, answer: 'B', file: 'bank.jsonl', line: 1 },
    axes,
  );
  const at = (surface: string, nth = 0) => {
    let i = -1;
    for (let k = 0; k <= nth; k++) i = text.indexOf(surface, i + 1);
    if (i < 0) throw new Error(`"${surface}" #${nth} is not in the text`);
    return i;
  };
  const slotted = (surface: string, nth = 0) => o.mentions.some((m) => m.start === at(surface, nth) && m.slot !== undefined);
  const listed = (surface: string, nth = 0) => o.review.some((r) => r.at === at(surface, nth));
  return { o, slotted, listed, left: (surface: string, nth = 0) => !slotted(surface, nth) && !listed(surface, nth) };
}

describe('templatize attributes pronouns to the person they refer to', () => {
  it('leaves a titled person named in apposition alone: their title, their pronouns and the patient they call about', () => {
    const r = read(
      'Ms. Daniels, a home health nurse, calls about her patient, Mr. Hopkins, 88. She reports that he has had a cough for 4 days. His oxygen saturation is 89%.',
    );
    expect(['Ms.', 'her patient', 'She reports'].map((s) => r.left(s))).toEqual([true, true, true]);
    expect(['Mr.', '88', 'he has', 'His'].map((s) => r.slotted(s))).toEqual([true, true, true, true]);
    expect(r.o.kind === 'template' && r.o.own.sex).toBe('male');
  });

  it("keeps a titled patient described by their occupation as the patient ('Mr. Okafor, a retired teacher, presents')", () => {
    const r = read('Mr. Okafor, a retired teacher, presents with dyspnea. His wife says he snores.');
    expect(['Mr.', 'His', 'he snores'].map((s) => r.slotted(s))).toEqual([true, true, true]);
    const nurse = read('Ms. Lee, a 45-year-old nurse, presents with chest pain. She is diaphoretic.');
    expect(['Ms.', 'She'].map((s) => nurse.slotted(s))).toEqual([true, true]);
  });

  it('knows a named person again later in the text, and lists the pronoun of their report rather than slot it', () => {
    const r = read(
      'A 7-year-old girl is brought by her father because of staring spells noticed by her teacher, Ms. Reyes. Ms. Reyes says she counted twenty episodes on Tuesday. Her father says she is otherwise healthy.',
    );
    expect(r.left('Ms. Reyes says')).toBe(true);
    expect(r.listed('she counted')).toBe(true);
    // The father is the nearer reporter and cannot be "she": the patient.
    expect(r.slotted('she is otherwise')).toBe(true);
  });

  it('drops a caller of the other sex and keeps the patient the caller names after "pt"', () => {
    const r = read(
      "Call from Mr. Black, neighbor of pt Mrs. Ferreira (84). He says he hasn't seen her in two days and her mail is piling up.",
    );
    expect(['Mr. Black', 'He says', 'he hasn'].map((s) => r.left(s))).toEqual([true, true, true]);
    expect(['Mrs.', '84', 'her in', 'her mail'].map((s) => r.slotted(s))).toEqual([true, true, true, true]);
  });

  it("leaves a reporter's own subject alone when an object pronoun of the same sex is the patient", () => {
    const r = read(
      'A 47-year-old man is found wandering. His breath smells of alcohol. A shelter volunteer says he has seen him drinking all day.',
    );
    expect(r.left('he has seen')).toBe(true);
    expect(r.slotted('him drinking')).toBe(true);
  });

  it('lists a pronoun in the report of a clinician of unknown sex, also through "who says" after an apposition', () => {
    const r = read('A 55-year-old male has chest pain. Notify his surgeon, Dr. Brown, who says he will come up.');
    expect(r.slotted('his surgeon')).toBe(true);
    expect(r.listed('he will')).toBe(true);
  });

  it('keeps the subject of a clause ahead of the patient named as its object for a pronoun opening the next clause', () => {
    const r = read('Pt is an 81 yo female, agitated overnight. Night RN Jackie Tran assessed pt; she notified the covering resident.');
    expect(r.listed('she notified')).toBe(true);
    // A relative clause on a same-sex reporter does not make the patient nearer than the reporter.
    const d = read('A 78-year-old woman has a cough. Her daughter, who lives with her, noted she was more confused this morning.');
    expect(d.slotted('her, noted')).toBe(true);
    expect(d.listed('she was')).toBe(true);
  });

  it("lists a possessive bound to a same-sex subject, and leaves a clinician's possessive on a clinician's note alone", () => {
    const r = read("A 72-year-old man has a foot ulcer. He lives with his son. The son asked that his father's insulin be simplified.");
    expect(r.slotted('his son')).toBe(true);
    expect(r.listed("his father's")).toBe(true);
    const n = read('A 73-year-old man cannot lift his arms. The neurologist writes "classic pattern" in his note.');
    expect(n.slotted('his arms')).toBe(true);
    expect(n.left('his note')).toBe(true);
  });

  it('takes a pronoun after a family-history sentence as the patient, unless it goes on with that history', () => {
    const r = read('A 40-year-old man has back pain. His father had a bent spine. He had a painful red eye last year.');
    expect(r.slotted('He had')).toBe(true);
    const died = read('A 45-year-old woman has a breast lump. Her mother had breast cancer at 40. She died at 45.');
    expect(died.listed('She died')).toBe(true);
  });

  it("slots a pronoun inside a reporter's quoted words (the reporter would say I) and lists one after a same-sex reporter", () => {
    const quote = read("A 79-year-old woman is brought by her daughter, who says, 'She has been forgetting to eat.'");
    expect(quote.slotted('She has')).toBe(true);
    const father = read('A 2-year-old boy has an abdominal mass. His father notes he has had blood in his urine.');
    expect(father.listed('he has')).toBe(true);
    expect(father.listed('his urine')).toBe(true);
  });

  it('gives a person of unknown sex the sex of a pronoun found to be theirs, so they no longer compete for the other', () => {
    const r = read(
      'A 16-year-old girl runs every morning. Her coach says he saw her faint at practice. She has not had a period in months.',
    );
    expect(r.left('he saw')).toBe(true);
    expect(r.slotted('her faint')).toBe(true);
    // Without the coach's "he", the coach (the subject who acted on her) could be "She" as well as the patient.
    expect(r.slotted('She has')).toBe(true);
  });

  it("leaves alone an age band or a spouse phrase whose possessive is of the other sex, after that person's mention", () => {
    const r = read("A 70-year-old man has a tremor. His mother had Parkinson's disease in her seventies. He appears in his 70s.");
    expect(r.left('in her seventies')).toBe(true);
    expect(r.listed('appears in his 70s')).toBe(true);
    const spouse = read('A 60-year-old man lives with his daughter and her husband.');
    expect(spouse.left('her husband')).toBe(true);
  });

  it('takes a role noun the patient is described by as the patient, not someone else', () => {
    const r = read('A 29-year-old female physician presents with fatigue after a needlestick. She was vaccinated for hepatitis B.');
    expect(r.slotted('She')).toBe(true);
    const caller = read('Caller is a transgender woman, 35, who takes estradiol. She reports calf pain.');
    expect(caller.slotted('35')).toBe(true);
    expect(caller.slotted('She')).toBe(true);
  });

  it("reads a relative's voice naming the patient with the age after 'who is', and a spouse with a modifier as one span", () => {
    const r = read("I'm writing for my husband, who is 66. For a week he's had pain in his calf.");
    expect(r.o.mentions.filter((m) => m.attribute === 'sex' || m.attribute === 'age').map((m) => m.surface)).toEqual(['husband', '66']);
    expect(r.slotted("he's")).toBe(true);
    const late = read('An 81-year-old woman is agitated and calls out for her late husband.');
    expect(late.o.review.map((x) => x.surface)).toEqual(['her late husband']);
  });
  it('takes what a parenthesis after another person says as theirs, and a person named by a role as a possible referent', () => {
    const r = read('ED triage: brought by a coworker (male) who says she fainted at her desk. Her BP is 84/50.');
    expect(r.left('male')).toBe(true);
    expect(['she fainted', 'her desk', 'Her BP'].map((s) => r.slotted(s))).toEqual([true, true, true]);
    const pronouns = read("Caller: Sam, pt's roommate (pronouns she/her).\nStates pt (22F) has a headache. Pt says her neck is stiff.");
    expect(['she/', '/her'].map((s) => pronouns.left(s))).toEqual([true, true]);
    expect(pronouns.slotted('her neck')).toBe(true);
    const guard = read('A 9-year-old boy nearly drowned. The lifeguard says he pulled him from the pool.');
    expect(guard.left('he pulled')).toBe(true);
    expect(guard.slotted('him from')).toBe(true);
  });

  it("takes the patient's sex from a pronoun that does not follow a same-sex relative's clause, also across a semicolon", () => {
    const r = read("Pt confused overnight. Pt's wife at bedside; she asked about discharge. Pt pulled at his IV.");
    expect(r.o.kind === 'template' && r.o.own.sex).toBe('male');
    expect(r.slotted('his IV')).toBe(true);
    expect(r.left('she asked')).toBe(true);
  });
  it('leaves alone a titled caller, a relative named by title and someone calling about the patient', () => {
    const caller = read('PHONE NOTE\nCaller: Mrs. Hale, 70, wife of pt.\nPt: Mr. Hale (74). She says he fell.');
    expect(['Mrs.', '70', 'She says'].map((s) => caller.left(s))).toEqual([true, true, true]);
    expect(['Mr.', '74', 'he fell'].map((s) => caller.slotted(s))).toEqual([true, true, true]);
    const hcp = read('S: Mrs. Novak, 90, post-op day 2.\nB: Her son Mr. Novak is the HCP and he visited.\nA: She is drowsy.');
    expect(['Mr.', 'he visited'].map((s) => hcp.left(s))).toEqual([true, true]);
    expect(hcp.slotted('She is')).toBe(true);
    const manager = read('Mr. Diaz from social work called about the pt, Ms. Perez, 66. He says she ran out of insulin.');
    expect(['Mr.', 'He says'].map((s) => manager.left(s))).toEqual([true, true]);
    expect(['Ms.', 'she ran'].map((s) => manager.slotted(s))).toEqual([true, true]);
    // The writer's own neighbour, named by title, is whom the message is about.
    const neighbour = read('My neighbor Mrs. Ito, 81, fell today. She cannot stand.');
    expect(neighbour.slotted('Mrs.')).toBe(true);
  });

  it('reads past the stop of a title, and keeps a clause after a semicolon with the sentence before it', () => {
    const r = read('A 70-year-old man has a mass. His daughter, a nurse named Dr. Lee, asks whether her father needs surgery.');
    expect(r.left('her father')).toBe(true);
    const brother = read('My 3-year-old son has a cough when he runs. His brother had a cold; he is fine now.');
    expect(brother.slotted('he runs')).toBe(true);
    expect(brother.slotted('he is fine')).toBe(false);
    const aide = read("I'm the aide for Mr. Ruiz, 88. He has a new sore on his heel.");
    expect(['He has', 'his heel'].map((s) => aide.slotted(s))).toEqual([true, true]);
  });
  it("does not slot a clinician's act, a speaker who may be someone else, a layperson's possessive or an emphatic reflexive", () => {
    const staff = read('72F with sepsis. RN Dana Cole gave fluids; she paged the resident. Consulted Dr. Obi; she recommends CT.');
    expect(['she paged', 'she recommends'].map((s) => staff.slotted(s))).toEqual([false, false]);
    const checks = read('A 60-year-old woman has a fever. The nurse checked her IV site.');
    expect(checks.slotted('her IV')).toBe(true);
    const speaker = read("My dad is 80. He fell. My uncle helped him up and he says he's okay.");
    expect(speaker.slotted('he says')).toBe(false);
    const caller = read("Mrs. Lee's niece calls. Pt is 90 and confused; she says she fell.");
    expect(caller.slotted('she says')).toBe(false);
    const lay = read(
      'A 30-year-old man has a rash. His friend, who is sick too, had sores on his hands. His friend says his own doctor saw it.',
    );
    expect(['his hands', 'his own'].map((s) => lay.slotted(s))).toEqual([false, false]);
    const himself = read('A 20-year-old man has a stiff neck. His brother says he himself had a cold.');
    expect(['he himself', 'himself'].map((s) => himself.slotted(s))).toEqual([false, false]);
    // In the patient's own message a third-person pronoun is someone else's (R11).
    const own = read('Hi, 41 M here. My brother had this and he takes a pill for it.');
    expect(own.slotted('he takes')).toBe(false);
  });
});

describe("templatize leaves another person's words of the patient's sex unslotted", () => {
  it('does not read a subject pronoun before a verb and a clinician as a possessive of a relative', () => {
    const r = read('Pt is an 80 yo F with sepsis. Night RN Ms. Okoro reassessed; she called Dr. Vance about the lactate.');
    expect(r.slotted('she called')).toBe(false);
    expect(r.slotted('F')).toBe(true);
  });

  it("reads the possessive before the relation that names the patient as the speaker's ('her son ... his father')", () => {
    const r = read('Mr. Haddad, 77, has hip pain. His son, who drove him in, asks whether his father can have surgery next month.');
    expect(r.slotted('his father')).toBe(false);
    expect(['Mr.', '77', 'His son', 'him in'].map((s) => r.slotted(s))).toEqual([true, true, true, true]);
    // Near miss: the patient's own possessive before a relative stays the patient's.
    const own = read('A 58-year-old woman whose own mother had a stroke at 60 is seen. Her son drives her to visits.');
    expect(own.slotted('Her son')).toBe(true);
  });

  it('knows a titled person placed in apposition after a short place or in a field value parenthesis', () => {
    const r = read('Pt: 70M with cellulitis. His neighbor at the shelter, Mr. Byrne, had a boil last week; he went to urgent care.');
    expect(r.slotted('Mr.')).toBe(false);
    const field = read('Pt: 45F   Interpreter: Tagalog (Ms. Cruz, by video)\nMs. Cruz noted she repeated two questions.');
    expect(['Ms.', 'she repeated'].map((s) => field.slotted(s))).toEqual([false, false]);
  });

  it('binds "his own" to the subject of its clause, not to the patient as its object', () => {
    const r = read('Mr. Ivers, 69, was confused overnight. His roommate, Mr. Dale, had lent him his own oxycodone.');
    expect(r.slotted('his own')).toBe(false);
    expect(r.slotted('him his')).toBe(true);
  });

  it('lists a subject pronoun coordinated with a clause whose subject is another person', () => {
    const r = read('A 40-year-old woman has vomiting after a picnic. Her coworker ate the potato salad and she is sick too.');
    expect(r.slotted('she is sick')).toBe(false);
    expect(r.slotted('Her coworker')).toBe(true);
  });

  it('lists a pronoun reported by a first-named staff member after a coordinated predicate', () => {
    const r = read(
      'Caller: Marco (aide, group home). Resident is a 40 yo M with CP. Marco started in May and says he has not seen him eat.',
    );
    expect(r.slotted('he has not')).toBe(false);
  });
});

describe("templatize leaves more of another person's words unslotted", () => {
  it("lists a couple's titles and reads the patient's sex from the title that names them alone", () => {
    const r = read('Mr. and Mrs. Okafor are here; Mr. Okafor, 70, is the patient. Mrs. Okafor says she hears him snore.');
    expect(r.listed('Mr. and Mrs.')).toBe(true);
    expect(['Mrs. Okafor says', 'she hears'].map((s) => r.slotted(s))).toEqual([false, false]);
    expect(['Mr. Okafor, 70', '70', 'him snore'].map((s) => r.slotted(s))).toEqual([true, true, true]);
  });

  it('lists an object pronoun after a preposition in the clause of the patient as subject, with a person of the sex named before', () => {
    const r = read('A 19-year-old woman is seen. Her coworker had mumps last week. She shared a cup with her three days ago.');
    expect(r.slotted('her three')).toBe(false);
    expect(r.listed('her three')).toBe(true);
    expect(r.slotted('She shared')).toBe(true);
  });

  it('does not end a sentence at an initial before a lowercase word ("C. difficile")', () => {
    const r = read('Pt: 80 yo F with diarrhea. Her roommate, Ms. Gray, had C. difficile; she was isolated.');
    expect(r.slotted('she was')).toBe(false);
  });

  it("leaves the spouse of a relative of the possessive's sex, and a pronoun beside the patient named as pt, unslotted", () => {
    const r = read('77F, COPD. Pt’s daughter and her husband visited; the daughter says she will take pt home with her.');
    expect(r.left('her husband')).toBe(true);
    expect(r.slotted('her.')).toBe(false);
  });

  it('knows the father of the baby in an obstetric note', () => {
    const r = read('G1P0 24 yo at 30 weeks with headache. FOB at bedside; he asks about magnesium.');
    expect(r.slotted('he asks')).toBe(false);
  });
});

describe('templatize slots more of the patient’s own pronouns and lists more reports', () => {
  it('reads past a relative in family history with an apposition, or who died, as no rival', () => {
    const r = read('A 44-year-old man has chest pain. His uncle, who is 60, had a stroke at 50. He smokes daily.');
    expect(r.slotted('He smokes')).toBe(true);
    const died = read('A 62-year-old woman has a cough. Her aunt died of tuberculosis, and she fears the same illness.');
    expect(died.slotted('she fears')).toBe(true);
    const listed = read('A 47-year-old woman asks about screening. Her sister with breast cancer at 39 is BRCA negative. She feels well.');
    expect(listed.slotted('She feels')).toBe(true);
    const ages = read('A 40-year-old woman asks about screening: her mother was diagnosed at 50 and her sister at 44. She feels well.');
    expect(ages.slotted('She feels')).toBe(true);
    const interprets = read('A 58-year-old man arrives speaking only Somali; his son interprets. He has had a fever.');
    expect(interprets.slotted('He has')).toBe(true);
    // Near miss: a relative named in the sentence before who is no family history stays a rival (R6).
    const rival = read('A 70-year-old woman lives with her daughter. She reports dizziness.');
    expect(rival.listed('She reports')).toBe(true);
  });

  it('reads several relatives as no rival after their sentence, but lists the pronoun inside their report', () => {
    const r = read('A 5-year-old boy is brought by his two fathers. His fathers say he vomited twice. He sleeps poorly.');
    expect(r.listed('he vomited')).toBe(true);
    expect(r.slotted('He sleeps')).toBe(true);
  });

  it('lists a report by a first name given in a parenthesis or by a person described by a short phrase', () => {
    const r = read('Caller: spouse (Robin). Pt: 52F.\nRobin says she fainted at lunch.');
    expect(r.slotted('she fainted')).toBe(false);
    const partner = read('A 50-year-old woman snores. Her roommate of 3 years says she stops breathing at night.');
    expect(partner.listed('she stops')).toBe(true);
  });

  it('reads "HE" after "HX OF" in capitals as hepatic encephalopathy', () => {
    const r = read('ED: 59 YO F W/ CIRRHOSIS, HX OF HE AND ASCITES, CONFUSED.');
    expect(r.left('HE AND')).toBe(true);
  });
});

describe('templatize reads relation nouns that name the patient in a relative’s voice', () => {
  it('reads the relation noun said again later as the patient, and pins sex', () => {
    const r = read('Hi, this is Ana writing about my dad, who is 80. He has a cough. Dad is on Medicare.');
    const dad = r.o.mentions.find((m) => m.surface === 'Dad');
    expect(dad && [dad.attribute, dad.slot]).toEqual(['sex', undefined]);
    // Near miss: another person's relative of the same noun is no repeat.
    const other = read('Hi, writing about my dad, who is 80. He has a cough. His neighbor says her dad had the same.');
    expect(other.o.mentions.some((m) => m.surface === 'dad' && m.start > 40)).toBe(false);
  });

  it("reads the relation a speaker's possessive stands before as the patient ('her daughter ... her mother')", () => {
    const r = read('Pt: 84F, hip fracture. Her daughter phoned at noon; she is worried that her mother is in pain.');
    const mother = r.o.mentions.find((m) => m.surface === 'mother');
    expect(mother && [mother.attribute, mother.gender]).toEqual(['sex', 'female']);
    expect(r.slotted('her mother')).toBe(false);
  });
});

describe('templatize reads a few more ties to the patient', () => {
  it('reads "my wife (your patient)" as the patient, and the pronouns after as hers', () => {
    const r = read('Dear Dr. Ames, my wife (your patient) asked me to write. Since you started her on lithium, her hands shake.');
    expect(['her on', 'her hands'].map((s) => r.slotted(s))).toEqual([true, true]);
  });

  it('reads a pronoun after "when interviewed alone" as the patient', () => {
    const r = read('A 15-year-old girl is brought by her mother for fatigue. When interviewed alone, she says she skips meals.');
    expect(r.slotted('she says')).toBe(true);
  });

  it("gives a person the sex of the titled name in apposition, so they are no rival of the other sex ('her coach, Mr. Ruiz')", () => {
    const r = read('A 14-year-old girl is brought in because her soccer coach, Mr. Ruiz, noticed she was short of breath.');
    expect(r.slotted('she was')).toBe(true);
  });
});

describe('templatize gives a language to the pronoun that speaks it', () => {
  it("leaves the language of someone else's pronoun plain for an adult, and keys a child's caregiver's", () => {
    const wife = read('A 66-year-old man collapsed. His wife is here; she speaks only Tongan. He is on Medicare.');
    expect(wife.left('Tongan')).toBe(true);
    expect(wife.o.mentions.some((m) => m.attribute === 'language')).toBe(false);
    const child = read('A 3-year-old boy has a fever; he is drinking less. His mother is here; she speaks only Russian.');
    expect(child.o.mentions.find((m) => m.surface === 'Russian')?.attribute).toBe('language');
    // The patient's own pronoun keeps the language the patient's.
    const own = read('A 70-year-old man has a cough. He speaks only Russian.');
    expect(own.slotted('Russian')).toBe(true);
  });
});
