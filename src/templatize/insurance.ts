import { childPatient } from './languages.js';
import { attributive, mention } from './mention.js';
import { OTHER_PERSON_NOUNS } from './people.js';
import type { Mention } from './types.js';

/**
 * Before a coverage: a predicate about someone else ("grandfather (guardian), who is uninsured", "his wife is on
 * Medicaid", "her father, who had a stroke and is on Medicare"); not the writer's relative nor a capitalised relative named like a name ("my dad is", "my 62 yo mom has", "Mom is on
 * Medicare"), who is the patient (D4). Case-sensitive for that reason.
 */
const ANOTHER_PERSONS = new RegExp(
  String.raw`(?<!\b(?:my|our|My|Our)\s+(?:[\w-]+\s+){0,3})\b(?:${OTHER_PERSON_NOUNS})s?(?:\s*\([^()]{1,30}\)|,\s*who\s+[^,.;()]{1,40},)?(?:,?\s+who(?:\s+[^,.;()]{1,40}?\s+and)?)?\s+(?:(?:still|also|now|only)\s+)?(?:is|was|has|had)\s+(?:(?:also|still)\s+)?(?:(?:his|her|their) own\s+)?$`,
);

/**
 * "on Medicaid", "uninsured", "privately insured" have slots; other insurance wordings are stated only. A patient's
 * possessive is never inside a span ("lost {{their}} insurance", "insurance through {{their}} employer"): kept as
 * written it would contradict every variant of the other sex.
 */
export function insurance(text: string): Mention[] {
  // Another person's coverage may be the patient's too (a child's family's): listed for review, never slotted.
  // The verb may open the span ("his wife, who is pregnant, has IHS"): it is read as part of what comes before.
  const abroad = outsideUS(text);
  return coverage(text).map((m) =>
    abroad && m.stated?.level === 'medicare'
      ? {
          start: m.start,
          end: m.end,
          surface: m.surface,
          attribute: 'insurance',
          reason: `"${m.surface}" in a text set outside the US names a national scheme (Australia's or Canada's Medicare), no level of the insurance axis: it stays as written`,
        }
      : ANOTHER_PERSONS.test(text.slice(Math.max(0, m.start - 60), m.start) + (/^(?:has|have|had)\s+/.exec(m.surface)?.[0] ?? '')) &&
          // "His mother, who has Medicaid for him": held for the patient.
          !/^\s+for (?:him|her|them)\b/.test(text.slice(m.end))
        ? anotherPersonsCoverage(m)
        : m,
  );
}

/**
 * A text set in Australia, Canada, Ireland or the UK, where "Medicare" is the national public scheme, not the US
 * programme for the over-65s: a place, service or scheme of theirs, with nothing only the US has.
 */
const NON_US_SETTING =
  /\b(?:Aboriginal|Torres Strait|Indigenous status|bulk[- ]bill(?:ed|ing)?|PBS|Centrelink|NDIS|Medibank|HCF|Bupa|OHIP|RAMQ|NHS|GP visit card|A&E|Westmead|NSW|Queensland|Tasmania|Northern Territory|Sydney|Melbourne|Brisbane|Perth|Adelaide|Darwin|Canberra|Hobart|Ontario|Quebec|Alberta|Manitoba|Saskatchewan|Nova Scotia|New Brunswick|British Columbia|Nunavut|Yukon)\b/;
const US_ONLY =
  /\b(?:Medicaid|Medi-Cal|Medigap|Medicare (?:Advantage|Part [A-D])|Part [A-D]|Tricare|TRICARE|CHIP|VA|SSDI|SSI|COBRA|HMO|PPO|ACA|Obamacare)\b/;
const outsideUS = (text: string) => NON_US_SETTING.test(text) && !US_ONLY.test(text);

/** A coverage said of someone else: listed for review, never slotted. */
export const anotherPersonsCoverage = (m: Mention): Mention => ({
  start: m.start,
  end: m.end,
  surface: m.surface,
  attribute: 'ambiguous',
  reason: "another person's coverage, which may or may not be the patient's: check whose it is",
});

function coverage(text: string): Mention[] {
  const stated =
    (level: string, slot?: string) =>
    (m: RegExpMatchArray): Mention => ({
      ...mention(m, 0, { attribute: 'insurance', stated: { axis: 'insurance', level } }),
      ...(slot ? { slot } : {}),
      ...(slot === undefined && attributive(text, m)
        ? { reason: 'it stands before a noun, where other levels\' words ("on Medicaid") do not fit' }
        : {}),
    });
  const levelOf = (word: string) => (/care/i.test(word) ? 'medicare' : 'medicaid');
  return [
    ...insuranceFields(text),
    ...[...text.matchAll(/\bon (Medicaid|Medicare|Medi-Cal)\b/dg)].map((m) => stated(levelOf(m[1]!), '{{insurance_status}}')(m)),
    // Before a noun ("an uninsured man") the slot would read "an on Medicaid man": stated only, so the axis is pinned.
    ...[...text.matchAll(/\buninsured\b/dg)].map((m) => stated('uninsured', attributive(text, m) ? undefined : '{{insurance_status}}')(m)),
    ...[...text.matchAll(/\bprivately insured\b/dg)].map((m) =>
      stated('private', attributive(text, m) ? undefined : '{{insurance_status}}')(m),
    ),
    ...[
      ...text.matchAll(
        new RegExp(
          String.raw`${NOT_PROGRAMME_BEFORE}\b(?:has |with |covered by |insured (?:through|by) |enrolled in )?(Medicaid|Medicare|Medi-Cal)\b${NOT_POLICY}`,
          'dg',
        ),
      ),
    ].map((m) => stated(levelOf(m[1]!))(m)),
    // "no insurance card" says nothing about coverage.
    ...[
      ...text.matchAll(
        /\b(?:no|without|lacks) (?:personal )?(?:health |medical )?(?:insurance|coverage)\b(?! (?:card|information|info|on file))|\bself-pay\b/dgi,
      ),
    ].map(stated('uninsured')),
    ...[
      ...text.matchAll(
        /(?<!\b(?:no|without|lacks|not have|n['’]t have) |['’]s )\b(?:private|commercial|employer(?:[- ](?:sponsored|based|provided))?|union) (?:health )?(?:insurance|ins\b)(?: \([A-Z][\w ]{1,30}\))?|\bcommercially insured\b/dgi,
      ),
    ].map(stated('private')),
    ...[
      ...text.matchAll(
        /\b(?:do not|don't|dont|does not|doesn't|doesnt|did not|didn't|didnt) have (?:any )?(?:health |medical )?insurance\b|\bUninsured\b|\b(?:insurance|coverage) (?:was|has been|got) (?:terminated|cancell?ed|dropped)\b|\baged off (?:my|our|his|her|their) (?:parents['’]? )?(?:insurance|plan|coverage)\b/dgi,
      ),
    ].map(stated('uninsured')),
    // The patient's possessive before these stays a pronoun slot of its own: "lost {{their}} Medicaid coverage".
    ...[
      ...text.matchAll(
        /(?<=\blost (?:his|her|their|my|our) )(?:Medicaid |Medicare |Medi-Cal |health |medical )?(?:insurance|coverage)|(?<=\blost (?:his|her|their|my|our) )(?:Medicaid|Medicare|Medi-Cal)/dg,
      ),
    ].map(stated('uninsured')),
    // A parent's or the patient's own voice: "He is on our insurance" (a relative's plan is read below).
    // "Are you still on your union plan?": the clinician's second person is the patient too.
    ...[...text.matchAll(/\bon (?:my|our|your) (?:(?:health|union|employer|work) )?(?:insurance|plan)\b/dg)].map(stated('private')),
    // An answer to "Do you have coverage?": "Yes, through my job"; "Covered under my employer plan".
    ...[
      ...text.matchAll(
        /(?<=\b[Yy]es,? )through (?:my|our) (?:job|employer|work|union)\b|\b[Cc]overed (?:under|by|through) (?:my|our) (?:employer|work|job|union)(?:['’]s)? (?:health )?(?:plan|insurance|coverage)\b/dg,
      ),
    ].map(stated('private')),
    ...[...text.matchAll(/\bon an? (?:high-deductible|employer|PPO|HMO|commercial)(?: health)? plan\b/dg)].map(stated('private')),
    // Individual-market plans are private coverage: "with an ACA marketplace plan", "on a marketplace plan", "her high-deductible plan".
    ...[
      ...text.matchAll(
        /\b(?:(?:on|with|has|have) an? )?(?:ACA |Obamacare |exchange |healthcare\.gov )?(?:marketplace|exchange|Obamacare|ACA) plan\b|(?:\ban? |(?<=\b(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y) )|(?<=:\s*))high-deductible (?:health )?plan\b(?: (?:w\/|with) (?:an )?HSA\b)?/dg,
      ),
    ].map(stated('private')),
    // "My insurance is BCBS", "coverage: Aetna PPO" in prose; "We have Kaiser through my job", "insurance through my husband's job".
    ...[
      ...text.matchAll(
        new RegExp(
          String.raw`\b(?:[Ii]nsurance|[Cc]overage|[Pp]lan) is (?:an? )?(?:${INSURERS})\b|\b(?:have|has) (?:${INSURERS}|(?:health )?insurance) through (?:my|our) (?:(?:wife|husband|spouse|partner|mom|dad|mother|father|parents)['’]s? )?(?:job|employer|work|union)\b`,
          'dg',
        ),
      ),
    ].map(stated('private')),
    ...[...text.matchAll(new RegExp(String.raw`\b(?:${COVERED}) (?:${STATE_MEDICAID})\b`, 'dg'))].map(stated('medicaid')),
    // A state programme as an item of an ID line's list ("27M, Pacific Islander, QUEST, 3 days of fever").
    ...[...text.matchAll(new RegExp(String.raw`(?<=[,;]\s)(?:${STATE_MEDICAID}|QUEST)(?=\s*[,;.(])`, 'dg'))].map(stated('medicaid')),
    ...[
      ...text.matchAll(new RegExp(String.raw`\b(?:${COVERED}) (?:an? )?(?:${INSURERS})(?: (?:plan|insurance|coverage|PPO|HMO))?\b`, 'dg')),
    ].map(stated('private')),
    ...[
      ...text.matchAll(
        /\b(?:(?:health )?insurance|coverage) through(?= (?:his|her|their) (?:employer|job|work|union|spouse|wife|husband|partner)\b)/dg,
      ),
    ].map(stated('private')),
    ...[
      ...text.matchAll(
        /\b(?:is not insured|has no (?:health )?coverage|(?:pays|paying) (?:cash|out of pocket)|cash[- ]pay(?:ing)?|self[- ]pay(?:ing)?)\b/dgi,
      ),
    ].map(stated('uninsured')),
    // Coverage through a relative's plan is the patient's: "on my dad's insurance", "Pt on parents' insurance", "is on his
    // parents' BCBS plan", "Insured via spouse's employer"; the patient's possessive before stays a pronoun.
    ...[
      ...text.matchAll(
        new RegExp(
          String.raw`(?:(?<=\bon (?:his|her|their) )|\bon (?:(?:my|our) )?)(?:${SUBSCRIBERS})['’]?s? (?:(?:${INSURERS}) )?(?:health )?(?:insurance|plan|coverage)\b(?: \((?:${INSURERS})\))?|\b[Ii]nsured (?:via|through) (?:(?:a|the|my|our) )?(?:${SUBSCRIBERS})['’]?s? (?:employer|job|work|plan)\b`,
          'dg',
        ),
      ),
    ].map(stated('private')),
    // Coverage through a job, a school or the marketplace: "BCBS through employer", "My insurance is through the
    // university", "have Ambetter through the marketplace", "my own plan through work".
    ...[
      ...text.matchAll(
        new RegExp(
          String.raw`\b(?:(?:have|has) )?(?:(?:health )?insurance|coverage|plan|${INSURERS}) (?:is )?(?:through|via) (?:(?:the|an|my|our) )?(?:employer|work|job|union|university|school|college|marketplace|exchange)\b`,
          'dg',
        ),
      ),
    ].map(stated('private')),
    // An insurer named as a value: "Her insurance (UnitedHealthcare)", "personal insurance Aetna", "My Kaiser coverage",
    // or alone as a note's item ("... K 5.8. BCBS PPO.", "SH: welder; Aetna;").
    ...[
      ...text.matchAll(
        new RegExp(
          String.raw`(?<=\b(?:insurance|coverage) \(?)(?:${INSURERS})\b|(?<=\b(?:[Mm]y|[Hh]is|[Hh]er|[Oo]ur|[Tt]heir) )(?:${INSURERS}) (?:coverage|insurance|plan)\b|(?<=(?:^|\n|[.;]\s)[ \t]*)(?:${INSURERS})(?: (?:PPO|HMO))?(?=[.;](?:\s|$)|\s*\n|\s*$)`,
          'dg',
        ),
      ),
    ].map(stated('private')),
    // COBRA continues a former employer's plan: "is on COBRA", "on COBRA from her last job".
    ...[...text.matchAll(/\b(?:(?:is|are) )?on COBRA\b/dg)].map(stated('private')),
    // A job's, a union's or a relative's plan: "covered by his Teamsters health plan", "on her wife's state employee
    // plan", "through the city's union plan", "employer PPO". A patient's possessive before stays a pronoun slot.
    ...[...text.matchAll(GROUP_PLAN)].map(stated('private')),
    // "my Part D wouldn't cover it": Medicare's drug benefit.
    ...[...text.matchAll(/(?<=\b(?:[Mm]y|[Hh]is|[Hh]er|[Tt]heir|[Yy]our) )Part D\b(?: plan)?/dg)].map(stated('medicare')),
    ...capitalMedicare(text),
    ...coverageOfNoLevel(text),
  ];
}

/**
 * "MEDICAID", "MEDICARE/MEDICAID DUAL", "MEDICAID PENDING" in a note in capitals: no slot renders capitals, so the
 * level is stated and pinned; two programmes, dual eligibility or a pending application state no one level.
 */
function capitalMedicare(text: string): Mention[] {
  return [
    ...text.matchAll(/\b(MEDICAID|MEDICARE|MEDI-CAL)(\/(?:MEDICAID|MEDICARE|MEDI-CAL))?( (?:DUAL|PENDING)\b)?(?: \([A-Z ]{2,40}\))?/dg),
  ].map((m) =>
    m[2] === undefined && m[3] === undefined
      ? mention(m, 0, {
          attribute: 'insurance',
          stated: { axis: 'insurance', level: m[1] === 'MEDICARE' ? 'medicare' : 'medicaid' },
          reason: 'written in capitals: no slot renders it back, so it is kept as written',
        })
      : mention(m, 0, { attribute: 'insurance', reason: `"${m[0]}" is no level of the insurance axis: it stays as written` }),
  );
}

/** Whose plan may cover the patient as a dependent or spouse. */
const SUBSCRIBERS = 'wife|husband|spouse|partner|mom|dad|mother|father|parents?';

/**
 * After Medicare or Medicaid: a policy, a programme or its people, not anyone's coverage ("Medicare-certified",
 * "Medicaid expansion", "Medicare billing code", "Medicaid patients had longer waits"), or the other programme as an
 * alternative ("funded by Medicaid or Medicare"): a group's coverage, not one patient's.
 */
const NOT_POLICY = String.raw`(?![- ](?:certified|approved|expansion|guidelines?|rules?|reimburse\w*|polic(?:y|ies)|rates?|standards?|criteria|requirements?|regulations?|beneficiaries|population|data|claims|billing|codes?|Part [A-D] formulary|formulary|Drug Rebate|programs?|MCOs?|patients|members|enrollees|recipients|providers|DME)\b)(?! or (?:Medicaid|Medicare|Medi-Cal)\b)`;
/**
 * Before Medicare or Medicaid: an agency ("Ohio Department of Medicaid", "Centers for Medicare"), the other programme
 * as an alternative ("Medicare or Medicaid"), or coverage applied for, not held ("will apply for pregnancy Medicaid").
 */
const NOT_PROGRAMME_BEFORE = String.raw`(?<!\b(?:Department|Dep(?:t|artment)\.?|Office|Bureau|Division|Centers) (?:of|for) (?:[\w-]+ )?|\b(?:Medicaid|Medicare|Medi-Cal) or |\bapply(?:ing)? (?:for|to) (?:[\w-]+ )?)`;
/** Words that put a coverage after them: "has Tricare", "covered under NIHB", "gets care through the VA". */
const COVERED = String.raw`has|have|with|covered (?:by|under|through)|insured (?:through|by|with)|enrolled in|gets (?:care|coverage) through|receives (?:care|coverage) through|on`;
/** State Medicaid programmes under their own names. */
const STATE_MEDICAID = String.raw`ARKids First|MassHealth|TennCare|SoonerCare|BadgerCare|Apple Health|HUSKY(?: Health)?|Husky(?: Health)?|AHCCCS|KanCare|Medi-?Cal|MaineCare|MO HealthNet|Oregon Health Plan|Healthy Michigan Plan|Healthy Indiana Plan|Healthy Louisiana|Hoosier Healthwise|Centennial Care|Health First Colorado|NJ FamilyCare|QUEST Integration|STAR\+PLUS|STAR Kids|STAR Health|Medical Assistance|Cardinal Care|Med-QUEST|Healthy Connections|HealthChoice|Dr\. Dynasaur|Medallion`;
/** Commercial insurers and plan types that state private coverage. */
const INSURERS = String.raw`Blue Cross(?: Blue Shield)?|BCBS|Aetna|Cigna|UnitedHealthcare|United Healthcare|Humana|Kaiser(?: Permanente)?|Anthem|Ambetter|UHC|Highmark|Premera|Regence|Harvard Pilgrim|Tufts Health Plan|Florida Blue|Oscar Health|PPO|HMO`;
/** A group plan through a job or union, perhaps a relative's: private coverage. */
const PLAN_KIND = String.raw`(?:state |city |county |federal )?(?:employee|employer|union|Teamsters|work|company)(?:[- ](?:sponsored|based|provided))? (?:health )?(?:plan|insurance|coverage|PPO|HMO)\b(?: through (?:${INSURERS})(?: of [A-Z][a-z]+)?)?`;
/** After a word that gives it to the patient, the plan may be a relative's ("on his dad's employer plan"); alone, never ("Your husband's employer insurance does not include you"). */
const GROUP_PLAN = new RegExp(
  String.raw`(?<=\b(?:on|covered (?:by|under|through)|insured (?:by|through)|through|via|with|has|have) (?:(?:his|her|their|my|our|your|the|a|an) )?)(?:(?:${SUBSCRIBERS}|city|county|state|company)['’]?s? )?${PLAN_KIND}|(?<!['’]s )\b(?:an? )?${PLAN_KIND}`,
  'dg',
);

/**
 * Coverage no level of the shipped insurance axis states: military (Tricare, VA benefits), the Indian Health Service,
 * Canada's NIHB, CHIP (a children's programme apart from Medicaid), MinnesotaCare (a basic health programme, not Medicaid). Found so the case is left out with the reason: varied around them, the variants would contradict
 * the text ("has Tricare ... is uninsured"). "VA" alone is visual acuity or a hospital: only VA coverage is read.
 */
const NO_LEVEL = new RegExp(
  String.raw`\b(?:has|have|with|covered (?:by|under|through)|insured (?:through|by)|enrolled in|(?:gets?|receives?) (?:all )?(?:(?:his|her|their|my|our|your) )?(?:care|coverage) through|eligible for|uses|on (?:his|her|their|my|our)) (?:the )?(?:TRICARE|Tricare|CHAMPVA|CHIP|IHS|Indian Health Service|NIHB|MinnesotaCare|VA(?: health)? (?:benefits|coverage|insurance|health care|healthcare)|VA\b(?! (?:hospital|medical center|clinic|\d)))(?: for Life)?|\b(?:TRICARE|Tricare|CHAMPVA) (?:coverage|insurance|plan|Prime|Select|for Life)\b|\bVA (?:health )?(?:benefits|coverage|insurance)\b|\bIHS[- ](?:eligible|covered)\b|\bFirst Nations Health Authority(?: coverage)?\b|\bREFUGEE MEDICAL ASSISTANCE\b|\bPRIVATE HEALTH(?: INSURANCE| COVER)?(?: \([A-Z]{2,12}\))?|\b(?:coverage|insurance)(?: is|:)? (?:TRICARE|Tricare|CHAMPVA|CHIP)(?: for Life)?\b|\bon (?:my|our|his|her|their) (?:wife|husband|spouse|partner|mom|dad|mother|father|parents)['’]s? (?:TRICARE|Tricare|CHAMPVA)\b|\b[Dd]ual[- ]eligible\b|\bunderinsured\b|\b[Ww]orkers['’]? comp(?:ensation)?\b|\bRefugee Medical Assistance\b|\b(?:covered (?:through|by)|(?:gets?|receives?) (?:all )?(?:(?:his|her|their|my|our|your) )?(?:care|coverage) through) (?:the |a )?tribal health (?:system|program)\b|\bon (?:TRICARE|Tricare|CHAMPVA)(?: through (?:my|our) (?:${SUBSCRIBERS}))?\b|\bCHIP (?:coverage|insurance|plan)\b|\b(?:TRICARE|Tricare|CHAMPVA)\b`,
  'dg',
);

/**
 * Coverage outside the US, which no level of the shipped axis describes: Irish medical and GP visit cards, Canadian
 * provincial plans, private cover bought beside a public system (Bupa, Medibank, VHI), UK self-funded care. Only after
 * a verb that gives it to someone ("covered by OHIP", "holds a medical card") or naming the insurer ("private cover
 * with Bupa"): "her OHIP card expired" says nothing current.
 */
const NON_US_INSURERS = 'Bupa|Medibank|HCF|nib|VHI|Laya|Irish Life Health';
/** "private cover", "private health cover with Bupa", "private cover through her parents' Medibank policy". */
const PRIVATE_COVER = String.raw`private (?:health )?cover(?: (?:with|through|via) (?:(?:his|her|their|my|our) (?:parents['’]|family['’]s) )?(?:${NON_US_INSURERS})(?: policy)?)?`;
const NON_US_PLANS = String.raw`OHIP|RAMQ|(?:Manitoba|Alberta|Saskatchewan|Nunavut|Yukon) Health(?: Care)?(?: (?:Insurance )?Plan)?|Ontario Drug Benefit|First Nations Health Authority(?: coverage)?|(?:full )?medical card|GP visit card|${PRIVATE_COVER}|(?:${NON_US_INSURERS})(?: private)? (?:cover|policy|health insurance)`;
const NON_US_COVERAGE = new RegExp(
  String.raw`\b(?:covered (?:by|under|through)|insured (?:by|under|with)|has|have|with|holds?|enrolled in|on) (?:(?:a|an|the) )?(?:${NON_US_PLANS})(?: and (?:the )?(?:${NON_US_PLANS}))?\b|\b${PRIVATE_COVER}(?<=(?:${NON_US_INSURERS})(?: policy)?)|\bself-funding (?:(?:his|her|their|my|our) )?(?:own )?care\b`,
  'dgi',
);

/**
 * "has no private health insurance": what the patient lacks, not what covers them (public cover, or none): no level.
 */
const NO_PRIVATE = /\b(?:(?:has|have) )?(?:no|without) private (?:health |medical )?(?:insurance|cover(?:age)?)\b/dgi;

function coverageOfNoLevel(text: string): Mention[] {
  // "5-year-old girl, strep pharyngitis, CHIP;": for a child, CHIP alone as a list item is the children's programme
  // (for an adult it is more likely clonal haematopoiesis).
  const childItem = childPatient(text) ? [...text.matchAll(/(?<=[,;]\s)CHIP(?=\s*[,;.](?:\s|$))/dg)] : [];
  return [...text.matchAll(NO_LEVEL), ...text.matchAll(NON_US_COVERAGE), ...text.matchAll(NO_PRIVATE), ...childItem].map((m) =>
    mention(m, 0, { attribute: 'insurance', reason: `"${m[0]}" is no level of the insurance axis: it stays as written` }),
  );
}

/**
 * "Payer: Medicaid", "FC: Medicare", "Coverage: Commercial (BCBS PPO)", "Insurance: self-pay": only the value is the
 * span (D1), which a dash ends ("Coverage: Medicare (disability) — she is on SSDI"). A value that is exactly a level's label ("Medicaid") has a slot; other values of a known level are
 * stated only; a coverage of no level ("Tricare", "VA") is found without one, so the case is left out with the
 * reason; any other value ("pending", "see chart") is not read.
 */
function insuranceFields(text: string): Mention[] {
  const re =
    /\b(?:(?:Primary |Secondary )?(?:[Pp]ayer|[Pp]ayor|[Ii]nsurance|[Pp]lan)|PAYER|PAYOR|FC|Fin(?:ancial)? class|FIN CLASS|Coverage|COVERAGE|Insurance(?: type| status)?|INSURANCE|Insurer|Ins|Health plan)\s*:\s*([A-Za-z][^\n;]*?)(?=\s{2,}|\n|\.(?:\s|$)|;|\s[—–-]\s|$)/dg;
  return [...text.matchAll(re)].flatMap((m): Mention[] => {
    const value = m[1]!;
    const level = new RegExp(`medicaid|${STATE_MEDICAID}`, 'i').test(value)
      ? 'medicaid'
      : /medicare|medigap/i.test(value)
        ? 'medicare'
        : /self[- ]?pay|uninsured|cash|^none\b|^no insurance\b/i.test(value)
          ? 'uninsured'
          : new RegExp(`commercial|private|employer|${INSURERS}|United ?Health`, 'i').test(value)
            ? 'private'
            : undefined;
    if (!level) {
      if (!/^(?:TRICARE|Tricare|CHAMPVA|IHS|Indian Health Service|NIHB|VA)\b/.test(value)) return [];
      return [mention(m, 1, { attribute: 'insurance', reason: `"${value}" is no level of the insurance axis: it stays as written` })];
    }
    const exact = /^(?:Medicaid|Medicare)$/.test(value);
    return [
      {
        ...mention(m, 1, { attribute: 'insurance', stated: { axis: 'insurance', level } }),
        ...(exact ? { slot: '{{insurance_label}}' } : {}),
      },
    ];
  });
}
