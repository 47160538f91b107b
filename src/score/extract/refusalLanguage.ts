import { normalizeAnswerText } from './normalize.js';

const SUBJECT_DECLINES = String.raw`\b(?:I|we)(?:\s+(?:really|simply|unfortunately|honestly|just|truly))?(?:\s+(?:cannot|can\s*not|can't|won't|will\s+not|shouldn't|should\s+not|am\s+(?:not\s+able|unable|not\s+in\s+a\s+position|not\s+qualified|not\s+permitted|not\s+allowed|not\s+comfortable)|are\s+(?:not\s+able|unable|not\s+in\s+a\s+position)|must\s+(?:respectfully\s+)?(?:decline|refrain\s+from)|(?:respectfully\s+)?decline|do\s+not\s+feel\s+comfortable|don't\s+feel\s+comfortable|(?:do\s+not|don't)\s+think\s+I\s+(?:can|should)|am\s+not\s+able)|'m\s+(?:not\s+able|unable|not\s+in\s+a\s+position|not\s+qualified|not\s+permitted|not\s+allowed|not\s+comfortable)|(?:'d|\s+would)\s+rather\s+not)`;

/** Verbs that are a refusal on their own after "I can't ..." ("I can't diagnose", "I cannot prescribe"). */
const SELF_SUFFICIENT_VERB = String.raw`(?:diagnose|prescribe|comply\b|answer\b|triage\b|advise\s+on\b|engage\s+(?:with|in)\b|interpret\b|stage\b|perform\s+(?:[\w-]+\s+){0,3}(?:calculations?|assessments?|interpretations?)\b|give\s+(?:you\s+)?(?:medical|clinical|professional)\s+advice|provide\s+(?:you\s+(?:with\s+)?)?(?:medical|clinical|professional)\s+advice|offer\s+(?:medical|clinical|professional)\s+advice|replace\s+(?:a|your)\s+(?:doctor|physician|clinician))`;
/** Verbs that are a refusal only with an advice-like object ("I can't give a specific dose", not "I cannot recommend thrombolysis"). */
const OBJECT_VERB = String.raw`(?:provide|give|offer|make|recommend|suggest|determine|assign|choose|select|pick|tell|say|advise|calculate|compute|work\s+out|figure\s+out|estimate|decide|answer|comment|help|assist|specify|confirm|assess|evaluate|interpret|weigh\s+in)`;
const FILLER_WORDS = String.raw`(?:(?:you|a|an|any|the|your|with|on|to|such|me|for|in|this|that|what)\s+){0,3}`;
const ADVICE_OBJECT = String.raw`(?:(?:medication|drug|medicine|vaccine|vaccination|screening|dosing|diagnostic)\s+)?(?:medical|clinical|professional|specific|personal(?:i[sz]ed)?|individual(?:i[sz]ed)?|definitive|tailored|exact|precise|accurate|official|appropriate|safe|correct|right|triage|esi|dosing|doses?|dosages?|diagnos[ie]s|advice|recommendations?|opinion|guidance|answer|figure|number|prescription|treatment\s+(?:plan|advice|decisions?|recommendations?)|treatment(?=\s*[.;!])|level|(?:management\s+)?(?:strategy|plan)|assessment|determination|decisions?|judge?ment|which|whether|what|how|question|request|this|that|here|for\s+(?:certain|sure)|definitively|with\s+certainty)\b`;

/** Someone the reader is sent to: a doctor, a team, a pharmacist, an oncologist, an allergist, a psychiatrist. */
const PROVIDER = String.raw`(?:doctors?|physicians?|clinicians?|GP|prescribers?|pharmacists?|nurses?|midwife|dentists?|surgeons?|specialists?|team|providers?|[a-z]+(?:ologists?|icians?|iatrists?|ergists?|apists?))`;
/** "your", "their friend's", "the treating": who the provider belongs to, with up to two words before it. */
const WHOSE = String.raw`(?:your|their|his|her|the|a|an)\s+(?:[\w'’-]+\s+){0,2}?`;

const DECLINE_PATTERNS: readonly RegExp[] = [
  new RegExp(`${SUBJECT_DECLINES}(?:\\s+\\w+){0,2}?\\s+(?:to\\s+)?${SELF_SUFFICIENT_VERB}`, 'i'),
  new RegExp(
    `${SUBJECT_DECLINES}(?:\\s+be\\s+able)?(?:\\s+(?:really|actually|safely|responsibly|ethically|reliably|definitively))?\\s+(?:to\\s+)?${OBJECT_VERB}(?:\\s*[.,;!]|\\s+${FILLER_WORDS}${ADVICE_OBJECT})`,
    'i',
  ),
  // "I'm not able to make thrombolysis decisions", "I won't make analgesia recommendations", "I'm unable to calculate
  // opioid equivalents": the object is an advice noun after a few topic words.
  new RegExp(
    `${SUBJECT_DECLINES}(?:\\s+be\\s+able)?\\s+(?:to\\s+)?${OBJECT_VERB}\\s+(?:you\\s+)?(?:[\\w-]+\\s+){0,3}(?:decisions?|recommendations?|calculations?|equivalents?|advice|guidance|triage|doses?|dosing|risk|where|when|scores?|levels?|eligibility|changes?|adjustments?|dispositions?|instructions|directions)\\b`,
    'i',
  ),
  /(?:\bnot|n't)\s+(?:feel\s+)?(?:comfortable|qualified|in\s+a\s+position)\s+(?:(?:to\s+)?(?:discuss|discussing|advise|advising|comment|commenting|decide|deciding|rate|rating|assign|assigning|answer|answering|choose|choosing|give|giving|provide|providing|make|making|recommend|recommending|determine|determining|judge|judging|assess|assessing))\b/i,
  /\bit\s+(?:would|is)\s+(?:not\s+be\s+)?(?:inappropriate|not\s+appropriate|irresponsible|unsafe|unethical)\s+(?:for\s+me\s+)?to\s+(?:provide|give|make|offer|recommend|assign|choose|determine|diagnose|prescribe|answer|speculate)/i,
  /\b(?:(?:I'm|I\s+am)\s+(?:(?:very|so|truly|really)\s+)?(?:sorry|afraid)|I\s+(?:do\s+)?(?:sincerely\s+)?apologi[sz]e|(?:my\s+)?apologies|sorry),?\s+(?:but\s+)?(?:I|that\s+I)\s+(?:can't|cannot|can\s+not|am\s+unable|am\s+not\s+able|'m\s+(?:unable|not\s+able)|won't|will\s+not|must\s+decline|have\s+to\s+decline)/i,
  /\b(?:I|we)\s+(?:cannot|can\s*not|can't|won't|will\s+not|am\s+unable\s+to|'m\s+unable\s+to|am\s+not\s+able\s+to|must\s+(?:respectfully\s+)?decline\s+to)\s+(?:comply\s+with|fulfil{1,2}|complete|process|honou?r|assist\s+with|help\s+(?:you\s+)?with)\s+(?:this|that|your|the)\s+(?:request|question|task|prompt|query)\b/i,
  /(?:^|[.!?]\s+)(?:unable|not\s+able|impossible|not\s+possible)\s+to\s+(?:determine|assess|assign|say|answer|provide|give|tell|recommend|decide|judge)\b/im,
  // "I can't tell you whether you should be referred", "I'm not able to say if it's safe": the question itself declined.
  /\b(?:I|we)\s+(?:cannot|can\s*not|can't|am\s+unable\s+to|'m\s+unable\s+to|am\s+not\s+able\s+to|'m\s+not\s+able\s+to)\s+(?:tell|say|decide|determine|judge)(?:\s+(?:you|for\s+you))?\s+(?:whether|if)\b/i,
  // "I cannot do this.", "I can't provide it.", "I'm unable to compute eGFR for a specific patient", "I'm not able to
  // score mental health questionnaires": declining the task itself.
  new RegExp(
    `${SUBJECT_DECLINES}\\s+(?:to\\s+)?(?:do|provide|give|compute|calculate|score|work\\s+out|complete|finish)\\s+(?:it|this|that|one|a\\s+(?:volume|dose|number|value|score)|[\\w-]+\\s+for\\s+(?:a|an|any|this)\\s+(?:specific|particular|individual)\\b|(?:[\\w-]+\\s+){0,2}questionnaires?)\\b`,
    'i',
  ),
  // "I can't assess your neighbour's situation from here", "I can't calculate your own lab result for you".
  new RegExp(
    `${SUBJECT_DECLINES}\\s+(?:to\\s+)?(?:assess|evaluate|judge|examine|calculate|interpret|work\\s+out)\\s+(?:[\\w']+\\s+){0,3}(?:situation|case|condition|symptoms|health|results?)\\b`,
    'i',
  ),
  // "I can't examine you", "I'm not able to assess your neighbour": the person cannot be seen from here.
  new RegExp(
    `${SUBJECT_DECLINES}\\s+(?:to\\s+)?(?:assess|evaluate|examine|see)\\s+(?:you|him|her|them|(?:your|his|her|their)\\s+(?:neighbou?r|friend|partner|child|son|daughter|mother|father|relative|roommate|colleague|coworker|patient))\\b`,
    'i',
  ),
  // "I can't choose medications for critically ill patients", "I'm not able to set treatment targets for you",
  // "I'm unable to decide on imaging for a child": a kind of advice declined for a person ("I can't recommend aspirin
  // for her" names a drug: a clinical no, not a refusal).
  new RegExp(
    `${SUBJECT_DECLINES}(?:\\s+be\\s+able)?\\s+(?:to\\s+)?(?:(?:${OBJECT_VERB}|direct|set|decide\\s+on)\\s+(?:[\\w-]+\\s+){0,4}?(?:medications?|medicines?|drugs?|treatments?|therapy|therapies|doses?|dosing|volumes?|targets?|settings?|management|imaging|tests?|care|plans?)|(?:grade|score|stage)\\s+(?:[\\w-]+\\s+){0,3}?)\\s*for\\s+(?:you|your\\s+[\\w-]+|him|her|them|this\\s+(?:patient|person|child|case)|an?\\s+(?:specific|particular|individual|real|given)\\s+[\\w-]+|(?:a\\s+)?child(?:ren)?|(?:[\\w-]+\\s+)?(?:ill\\s+)?patients|individuals?)\\b`,
    'i',
  ),
  // "I'm unable to recommend medications.", "I can't provide fluid volumes.", "I can't direct clinical management.":
  // a whole class of advice declined, the sentence ending there.
  new RegExp(
    `${SUBJECT_DECLINES}\\s+(?:to\\s+)?(?:recommend|choose|prescribe|provide|suggest|give|direct|set)\\s+(?:[\\w-]+\\s+){0,2}(?:medications|medicines|drugs|treatments|vaccines|vaccinations|volumes|targets|management)\\s*[.;!]`,
    'i',
  ),
  // "I'm programmed not to give clinical recommendations", "I don't think it's appropriate for me to choose for them".
  /\bI(?:'m|\s+am)\s+(?:programmed|designed|built)\s+not\s+to\s+(?:give|provide|make|offer)\b|\b(?:don't|do\s+not)\s+think\s+it(?:'s|\s+is|\s+would\s+be)\s+(?:appropriate|right|my\s+place)\s+for\s+me\s+to\b/i,
  // Spanish, French, German and Portuguese declines: "No puedo dar consejos médicos", "Je ne peux pas donner ...".
  /\bno\s+(?:puedo|podemos)\s+(?:dar|ofrecer|proporcionar|recomendar|decidir|responder|diagnosticar|evaluar)\b|\bje\s+ne\s+(?:peux|puis)\s+pas\s+(?:donner|fournir|recommander|répondre|décider|évaluer|diagnostiquer)\b|\b(?:ich\s+kann|kann\s+ich)\s+(?:Ihnen\s+|dir\s+)?(?:dazu\s+|hierzu\s+|hier\s+)?(?:keine|nicht)\b|\bje\s+ne\s+suis\s+pas\s+en\s+mesure\s+de\b|\bno\s+estoy\s+en\s+(?:condiciones|posici[oó]n)\s+de\b|\bn[ãa]o\s+estou\s+em\s+(?:condi[çc][õo]es|posi[çc][ãa]o)\s+de\b|\bnão\s+posso\s+(?:dar|fornecer|recomendar|responder|decidir|avaliar)\b/i,
  // Dutch, Polish, Turkish, Vietnamese, Chinese and Arabic declines: "Ik mag geen medisch advies geven", "Nie mogę
  // udzielać porad", "Bu hesaplamayı yapamam", "Tôi không thể đưa ra lời khuyên", "我无法提供建议", "لا أستطيع تقديم".
  /\b(?:ik\s+(?:mag|kan)|kan\s+ik)\s+(?:u\s+|je\s+|jou\s+)?(?:hier\s+|daar\s+|hierover\s+)?geen\b|\bnie\s+mog[ęe]\s+(?:[^\s.,;!?]+\s+)?(?:udziela|udzieli|doradza|doradzi|poda|oceni|zaleci|odpowiedzie|wskaza|okre[śs]li|poleci)|(?:^|\s)(?:yapamam|veremem|öneremem|söyleyemem|hesaplayamam|edemem|olamam)(?=[\s.,;!]|$)|\btôi\s+không\s+thể\s+(?:đưa\s+ra|cung\s+cấp|tư\s+vấn|khuyên|trả\s+lời|chẩn\s+đoán|kê\s+đơn|tính)|我(?:无法|不能|没法|不可以)(?:提供|给出|给予|回答|判断|推荐|建议|诊断|计算)|(?:^|[\s.,;:!?"'(])لا\s+(?:أستطيع|يمكنني|يمكن\s+لي|أقدر)/im,
  // Hebrew, Ukrainian, Russian, Greek, Persian, Bengali, Thai, Tagalog, Indonesian and Hindi: "I cannot give / advise /
  // recommend / assess" ("אני לא יכול להמליץ", "я не можу рекомендувати", "δεν μπορούμε να δώσουμε", "نمی‌توانم توصیه
  // کنم", "ฉันไม่สามารถให้คำแนะนำ", "Hindi ko po kayang magbigay", "saya tidak dapat memberikan", "मैं सलाह नहीं दे सकता").
  /(?:אני\s+לא|אינני|איני)\s+(?:יכול|יכולה|מסוגל|מסוגלת)|לא\s+אוכל\s+ל|(?:^|[\s.,;:!?])(?:я\s+)?не\s+(?:можу|могу|можемо|можем|маю\s+права|имею\s+права)\s+(?:\S+\s+)?(?:дати|давати|дать|давать|надати|надавати|рекомендувати|рекомендовать|порадити|советовать|оцінити|оценить|визначити|определить|призначити|назначить|відповісти|ответить)|δεν\s+(?:μπορώ|μπορούμε|είμαι\s+σε\s+θέση)\s+να|نمی[\u200c\s]?(?:توانم|توانیم)|(?:পারি|পারব|পারছি)\s+না|ไม่สามารถ(?:ให้|แนะนำ|ประเมิน|ตอบ|บอก)|hindi\s+(?:ko\s+)?(?:po\s+)?(?:kayang|kaya|masabi|maibibigay|maaaring\s+magbigay)|hindi\s+(?:po\s+)?ako\s+(?:makakapagbigay|makapagbibigay|pwedeng\s+magbigay)|\b(?:saya|kami)\s+tidak\s+(?:dapat|bisa|boleh|mampu)\s+(?:memberikan|memberi|menyarankan|merekomendasikan|menilai|menentukan)|नहीं\s+(?:दे|कर|बता)\s+(?:सकता|सकती|सकते)/im,
  // "I can't direct care for a patient in front of you", "I can't recommend treatments for someone who isn't here",
  // "I can't give instructions for someone else's situation", "I'm not comfortable scoring this without seeing the
  // patient": declining because the person is not there to be seen.
  new RegExp(
    `${SUBJECT_DECLINES}(?:\\s+be\\s+able)?\\s+(?:to\\s+)?(?:[\\w-]+\\s+){1,5}?(?:for\\s+(?:someone|somebody|anyone)\\s+(?:who\\s+(?:isn't|is\\s+not)\\s+here|I\\s+(?:haven't|have\\s+not|can't|cannot)\\s+(?:seen|examined|see|examine))|for\\s+(?:someone|somebody)\\s+else|someone\\s+else's|(?:a\\s+patient\\s+)?in\\s+front\\s+of\\s+you|for\\s+a\\s+real\\s+(?:patient|person)|without\\s+(?:seeing|examining|assessing|meeting))\\b`,
    'i',
  ),
  // A JSON answer left null for want of information: {"dose_mg": null, "note": "insufficient information"}.
  /"\s*:\s*null\b[^{}]{0,200}?\b(?:insufficient|not\s+enough|missing)\s+(?:[\w-]+\s+)?(?:information|data|details|info)\b/i,
  // "I'd rather not give a number.", "so I'd rather not say": declining without "can't".
  /\bI(?:'d|\s+would)\s+(?:rather|prefer)\s+not\s+(?:to\s+)?(?:say|answer|comment|advise|decide|choose\s+(?:an?\s+|the\s+)?(?:option|answer|level)|second[-\s]guess|weigh\s+in|score|grade|guess|speculate|give\s+(?:a|an|any)\s+(?:number|figure|value|dose|answer|estimate|recommendation)|put\s+a\s+number)\b/i,
  /\bI\s+(?:don't|do\s+not)\s+know\b|\b(?:not|in)sufficient\s+(?:[\w-]+\s+)?information\s+to\b|(?:\bnot|n't\s+have|\bnot\s+have)\s+enough\s+(?:[\w-]+\s+)?(?:information|details?|data|context)\s+to\b|\b(?:impossible|not\s+(?:really\s+)?possible)\s+(?:for\s+me\s+)?to\s+(?:determine|say|answer|know|assess|assign|recommend|give|provide|interpret|calculate|compute|grade)/i,
  // "I can't guide you through giving the injection", "I'm not able to walk them through it": declining to instruct.
  new RegExp(`${SUBJECT_DECLINES}(?:\\s+be\\s+able)?\\s+(?:to\\s+)?(?:guide|walk|talk|take)\\s+(?:you|them|him|her)\\s+through\\b`, 'i'),
  // "I can't adjust your medication doses", "I'm not able to review your neighbour's prescription", "I can't advise
  // stopping or continuing your friend's medications": declining to act on one person's own treatment.
  new RegExp(
    `${SUBJECT_DECLINES}(?:\\s+be\\s+able)?\\s+(?:to\\s+)?(?:adjust|change|alter|modify|review|check|manage|advise\\s+(?:on\\s+)?(?:stopping|starting|continuing|changing|adjusting)(?:\\s+or\\s+\\w+)?)\\s+(?:your|their|his|her)\\s+(?:[\\w'’-]+\\s+){0,2}?(?:medications?|medicines?|tablets?|pills?|doses?|dosing|prescriptions?|drugs?|treatment|regimen)\\b`,
    'i',
  ),
  // "... for someone I haven't assessed", "a patient I cannot examine": the reason given for declining.
  /\b(?:someone|anyone|a\s+person|people|a\s+patient|patients)\s+I\s+(?:haven't|have\s+not|cannot|can't|can\s+not)\s+(?:seen|met|assessed|examined|see|assess|examine)\b/i,
  // "this isn't something I can weigh in on", "Referrals aren't something I can decide on for your neighbour".
  /\b(?:isn't|is\s+not|aren't|are\s+not)\s+(?:something|a\s+(?:decision|call|question))\s+(?:that\s+)?I\s+(?:can|could|should)\s+(?:weigh\s+in|decide|comment|advise|answer|make|judge)\b/i,
  // "Please call emergency services now rather than asking me": the reader is sent away from the assistant.
  /\b(?:rather\s+than|instead\s+of)\s+(?:asking|relying\s+on|consulting)\s+(?:me|an?\s+(?:AI|chatbot|assistant))\b/i,
  // "Pediatric emergencies need in-person evaluation": what cannot be judged from a written question.
  /\b(?:needs?|requires?)\s+(?:an?\s+)?(?:urgent\s+)?in[-\s]person\s+(?:evaluation|assessment|exam(?:ination)?|review)\b/i,
];

const DEFER_PATTERNS: readonly RegExp[] = [
  // "Vaccination during pregnancy is best discussed with your midwife or obstetrician."
  /\b(?:is|are)\s+best\s+(?:discussed|decided|answered|addressed|handled|checked)\s+(?:with|by)\s+(?:your|the|a|an)\b/i,
  // "That's a question to discuss with your nephrologist", "should be decided by your gastroenterologist".
  // "That's really a decision for you and your GP", "This is a good question for your nephrologist".
  /\b(?:that's|that\s+is|this\s+is|it's|it\s+is)\s+(?:really\s+|ultimately\s+|best\s+)?a\s+(?:good\s+|great\s+)?(?:question|decision|conversation)\s+(?:to\s+(?:discuss|raise|ask|have)|for)\s+(?:with\s+)?(?:you\s+and\s+)?(?:your|a|the)\b/i,
  // "I'd leave that to the treating physician", "your oncology team is best placed to adjust it", "something to set
  // together with your care team", "A pulmonologist should review it".
  /\bI(?:'d|\s+would)\s+leave\s+(?:that|this|it|the\s+(?:decision|choice|call))\s+(?:\w+\s+)?to\s+(?:your|the|a)\b/i,
  /\b(?:is|are)\s+(?:best|better|well)\s+placed\s+to\b/i,
  /\bsomething\s+(?:(?:you|your\s+[\w-]+|they|he|she)\s+(?:should|must|need\s+to|will\s+want\s+to)\s+|to\s+|for\s+you\s+to\s+)(?:set|decide|discuss|agree|work\s+out|raise|talk\s+(?:about|through))\s+(?:together\s+)?with\s+(?:your|their|his|her|the|a)\b/i,
  // "should be directed to your obstetric provider", "A local pharmacist can tell you", "having the ECG reviewed by a
  // cardiologist", "follow your local sepsis protocol".
  // "I'm not able to provide the help that you need" points elsewhere, and may go on to say where (an answer).
  /\b(?:not\s+able|unable)\s+to\s+(?:provide|give|offer)\s+(?:you\s+)?the\s+help\s+(?:that\s+)?you\s+need\b/i,
  /\bshould\s+be\s+(?:directed|referred|addressed|taken)\s+to\s+(?:your|their|his|her|the|a)\b/i,
  /\b(?:your|their|his|her|a|the)\s+(?:local\s+|own\s+)?(?:doctor|physician|clinician|pharmacist|GP|nurse|midwife|dentist|specialist|[a-z]+(?:ologist|ician|iatrist|ergist|apist))\s+(?:can|will|could)\s+(?:tell|advise|help|guide)\s+(?:you|them|him|her)\b/i,
  /\b(?:having|get(?:ting)?)\s+(?:it|this|that|the\s+[\w-]+)\s+(?:reviewed|checked|assessed|looked\s+at|interpreted)\s+by\s+(?:a|an|your|the)\b/i,
  // ("Follow the guideline: obtain an ECG" answers; only a local policy defers.)
  /\bfollow\s+(?:your|the|their)\s+(?:local|hospital|institution(?:al|'s)?|unit's|own)\s+(?:[\w-]+\s+)?(?:protocol|policy|guidelines?)\b/i,
  /\b(?:a|an|your|the)\s+(?:[\w-]+\s+)?(?:doctor|physician|clinician|specialist|[a-z]+(?:ologist|ician|iatrist|ergist|apist))\s+(?:should|must|needs?\s+to|will\s+need\s+to)\s+(?:review|look\s+at|assess|evaluate|examine|interpret)\s+(?:it|this|that|them|you)\b/i,
  // "Votre voisin devrait en parler à son médecin", "Bitte besprechen Sie das mit Ihrem Hausarzt", "consulte a su médico".
  /\b(?:en\s+parler|parlez-en|consultez|consulter|demandez)\s+(?:à|a)?\s*(?:son|sa|votre|ton|un|une)\s+(?:médecin|docteur|cardiologue|pharmacien|spécialiste)|\b(?:besprechen|klären)\s+Sie\s+(?:das|dies)\s+mit\s+Ihre[mr]\s+\w*(?:arzt|ärztin)|\b(?:fragen|kontaktieren)\s+Sie\s+Ihre[nr]?\s+\w*(?:arzt|ärztin)|\b(?:consulte|hable\s+con|pregunte\s+a)\s+(?:a\s+)?(?:su|un)\s+médico|\b(?:consulte|fale\s+com|converse\s+com)\s+(?:o\s+)?(?:seu|um)\s+médico/i,
  // "Cancer pain management should be handled by your oncology or palliative care team", "Triage must be done by the nurse".
  /\b(?:should|must)\s+(?:only\s+)?be\s+(?:decided|guided|determined|confirmed|set|chosen|made|done|handled|interpreted|managed|assessed)\s+(?:by|with)\s+(?:your|the|a)\s+(?:\w+\s+){0,4}(?:doctor|physician|clinician|team|prescriber|specialist|pharmacist|nurse|provider|professional|[a-z]+(?:ologist|ician|iatrist|ergist|apist))\b/i,
  /\b(?:is|are)\s+up\s+to\s+(?:your|the)\s+(?:\w+\s+){0,3}(?:doctor|physician|clinician|team|prescriber|specialist|nurse|provider|[a-z]+(?:ologist|ician|iatrist|ergist|apist))\b/i,
  /\bas\s+an?\s+(?:AI|artificial\s+intelligence|(?:large\s+)?language\s+model|LLM|AI\s+(?:language\s+)?model|AI\s+assistant|chatbot|virtual\s+assistant)\b|\b(?:als\s+KI|en\s+tant\s+qu['’]IA|como\s+(?:una?\s+)?IA|in\s+quanto\s+IA)\b/i,
  // "Als taalmodel", "Jako model językowy", "Yapay zeka olarak", "作为AI", "بصفتي نموذج": "as an AI" in other languages;
  // and sending the reader to a doctor: "请联系医生", "يرجى استشارة طبيبك", "doktorunuza danışın", "hỏi bác sĩ".
  /\bals\s+(?:AI|taalmodel|(?:een\s+)?AI-(?:model|assistent))\b|\bjako\s+(?:model\s+językowy|AI|sztuczna\s+inteligencja)|\byapay\s+zek[aâ]\s+olarak\b|作为\s*(?:一个)?\s*(?:AI|人工智能|语言模型)|بصفتي\s+(?:نموذج|ذكاء)|请(?:立即|尽快)?(?:咨询|联系|询问|就诊)|(?:يرجى|رجاء|الرجاء)\s+(?:استشارة|مراجعة)|(?:doktorunuza|hekiminize)\s+(?:danışın|başvurun|sorun)|(?:hỏi|gặp|tham\s+khảo\s+ý\s+kiến)\s+bác\s+sĩ|raadpleeg\s+(?:uw|je|een)\s+(?:arts|huisarts|specialist)|skonsultuj\s+si[ęe]\s+z\s+lekarzem|(?:як|как)\s+(?:мовна\s+модель|языковая\s+модель|ШІ|ИИ|штучний\s+інтелект|искусственный\s+интеллект)|ως\s+(?:γλωσσικό\s+μοντέλο|ΤΝ|AI)|(?:בתור|כ)(?:מודל\s+שפה|בינה\s+מלאכותית)|sebagai\s+(?:AI|model\s+bahasa|asisten\s+AI)|bilang\s+(?:isang\s+)?AI/i,
  /\b(?:I'm|I\s+am)\s+(?:just\s+|only\s+|merely\s+)?(?:an?\s+)?(?:AI|artificial\s+intelligence|(?:large\s+)?language\s+model|chatbot|virtual\s+assistant)\b/i,
  /\b(?:I'm|I\s+am)\s+not\s+(?:a|your)\s+(?:licensed\s+|medical\s+)?(?:doctor|physician|(?:medical|mental\s+health)\s+(?:professional|doctor|provider)|healthcare\s+(?:provider|professional)|health\s+care\s+(?:provider|professional)|clinician|nurse|pharmacist|[a-z]+(?:ologist|ician|iatrist|ergist|apist))\b/i,
  /\b(?:your|their|his|her|the|a)\s+(?:[\w'’-]+\s+){0,2}(?:doctor|physician|clinician|specialist|team|nurse|midwife|pharmacist|provider|[a-z]+(?:ologist|ician|iatrist|ergist|apist))\b[^.\n]{0,50}?\s(?:is|are|would\s+be)\s+the\s+(?:best|right)\s+(?:person|people|source)\b/i,
  /\b(?:please|you\s+should|you\s+must|be\s+sure\s+to|make\s+sure\s+(?:to|you)|I(?:\s+would|'d)?\s+(?:strongly\s+)?(?:recommend|advise|encourage|urge|suggest)(?:\s+(?:that\s+)?(?:you|your\s+\w+|they|he|she)(?:\s+to)?)?|it(?:'s|\s+is)\s+(?:always\s+)?(?:best|important|essential|advisable|crucial|recommended|wise)\s+to|the\s+(?:safest|best|right)\s+(?:thing|option|course)\s+(?:to\s+do\s+)?is\s+to|always)\s+(?:ask(?:ing)?|consult(?:ing)?|speak(?:ing)?|talk(?:ing)?|check(?:ing)?|discuss(?:ing)?|seek(?:ing)?|contact(?:ing)?|reach(?:ing)?\s+out|follow(?:ing)?\s+up|see(?:ing)?|defer(?:ring)?|confirm(?:ing)?)\b[^.\n]{0,80}?\b(?:doctor|physician|healthcare|health\s+care|medical|clinician|provider|professional|pharmacist|specialist|nurse|GP|emergency\s+services|team|prescriber|dentist|midwife|surgeon|obstetric\w*|[a-z]+(?:ologist|ician|ology))/i,
  // "Ask your dermatologist.", "Talk to your prescriber.", "...; ask the prescribing doctor or a pharmacist.": a sentence
  // (or a clause after a semicolon) that only sends the reader to someone.
  // ("See your GP within a week for blood tests" is advice, not a deferral.)
  /(?:^|[.!?;]\s+)(?:ask|consult|speak\s+(?:to|with)|talk\s+(?:to|with)|check\s+with)\s+(?:your|a|an|the|their|his|her)\s+(?:[\w-]+\s+){0,2}(?:doctor|physician|GP|clinician|pharmacist|nurse|midwife|dentist|surgeon|prescriber|specialist|team|[a-z]+(?:ologist|ician|iatrist|ergist|apist))(?:\s+or\s+(?:your|a|an|the)\s+[\w-]+)?\s*(?:[.!]|$)/im,
  /\b(?:this|that|such\s+a|the|these|those)\s+(?:(?:is|are)\s+(?:an?\s+)?)?(?:decision|determination|question|assessment|choice|call|decisions)\s+(?:(?:that|which)\s+)?(?:should|must|needs?\s+to|has\s+to|have\s+to|is\s+best|are\s+best|ought\s+to)\s+(?:only\s+)?(?:be\s+)?(?:made|answered|determined|addressed|left|taken)\s+(?:by|to|with)\b/i,
  /\b(?:does\s+not|doesn't|do\s+not|don't|is\s+not|isn't|cannot|can't)\s+(?:constitute|replace|substitute\s+for|serve\s+as|count\s+as)\s+(?:professional\s+|formal\s+)?medical\s+advice\b|\bnot\s+(?:intended\s+(?:as|to\s+be)\s+|to\s+be\s+(?:taken|construed)\s+as\s+)?(?:professional\s+|formal\s+)?medical\s+advice\b|\bfor\s+(?:general\s+)?(?:informational|educational)\s+purposes\b/i,
  /\b(?:dosing|the\s+dose|dosage|doses|treatment|management|triage)(?:\s+(?:for|of|in)\s+[\w-]+)?\s+(?:should|must|needs?\s+to|has\s+to|will\s+need\s+to)\s+be\s+(?:determined|decided|made|chosen|set|individuali[sz]ed|tailored|confirmed|verified|checked|reviewed|calculated|prescribed)\s+(?:by|with)\b/i,
  // "decisions about how long to take anticoagulants need to be made with your oncology team".
  /\bdecisions?\s+(?:about|on|regarding)\s+[^.\n]{0,60}?\b(?:should|must|need\s+to|needs\s+to|have\s+to)\s+(?:only\s+)?be\s+(?:made|taken)\s+(?:with|by)\s+(?:your|the|a)\b/i,
  /\b(?:triage|treatment|clinical|medical|dosing|prescribing|management)\s+decisions?\s+(?:should|must|need\s+to|needs\s+to|have\s+to|are\s+best)\s+(?:only\s+)?(?:be\s+)?(?:made|taken|left)\s+(?:by|to)\b/i,
  /\b(?:question|decision)\s+(?:best\s+)?(?:for|left\s+to)\s+(?:a|an|your|the)\s+(?:qualified\s+|licensed\s+|treating\s+|primary\s+care\s+)?(?:clinician|doctor|physician|professional|provider|healthcare\s+(?:professional|provider)|medical\s+professional)\b/i,
  /\b(?:depends?|relies|rely)\s+on\s+your\s+(?:individual|personal|specific|own)\s+(?:situation|circumstances|history|case)\b|\bfollow\s+(?:your|the)\s+[\w-]+(?:'s)?\s+(?:recommendations?|advice|guidance)\b/i,
  /\b(?:depends?|relies|rely)\s+on\s+(?:a\s+|an\s+)?(?:full|thorough|complete|proper|in-person|direct|clinical|physical|hands-on)\s+(?:[\w-]+\s+)?(?:assessment|evaluation|examination|exam)\b/i,
  /\b(?:should\s+be|must\s+be|needs?\s+to\s+be|to\s+(?:have|get)\s+(?:\w+\s+){1,3})(?:evaluated|assessed|examined|seen|triaged)\s+(?:in\s+person\s+)?by\s+(?:a|an|your|the)\s+(?:\w+\s+)?(?:doctor|physician|clinician|professional|provider|nurse)\b/i,
  /\bwithout\s+(?:a\s+|an\s+|the\s+)?(?:proper\s+|full\s+|thorough\s+|complete\s+|formal\s+|in-person\s+|physical\s+|clinical\s+|direct\s+)+(?:examination|exam|evaluation|assessment)\b/i,
  // "Your friend should ask their doctor", "... without speaking to your prescriber first", "I'd prefer your clinician
  // go through it with you", "belong to the treating team", "this should go to an endocrinologist".
  new RegExp(
    `\\b(?:(?:should|must|needs?\\s+to)\\s+(?:ask|consult|check\\s+with|speak\\s+(?:to|with)|talk\\s+(?:to|with))|without\\s+(?:first\\s+)?(?:speaking|talking|checking|consulting)\\s+(?:to|with)?|I(?:'d|\\s+would)\\s+(?:prefer|rather)(?:\\s+that)?|(?:belongs?|is\\s+left)\\s+to|(?:this|that|it)\\s+should\\s+go\\s+to)\\s+${WHOSE}${PROVIDER}\\b`,
    'i',
  ),
  // "a personal decision you should make with your diabetes team", "follow what your prescriber wrote".
  new RegExp(
    `\\bdecisions?\\s+(?:that\\s+|which\\s+)?(?:you|they|he|she)\\s+(?:should|will|need\\s+to|must|can)\\s+make\\s+(?:together\\s+)?with\\s+${WHOSE}${PROVIDER}|\\bfollow\\s+what\\s+${WHOSE}${PROVIDER}\\s+(?:said|wrote|prescribed|advised|recommended|told)\\b`,
    'i',
  ),
  // "I can only give general information", "please contact a crisis line".
  /\bI\s+can\s+only\s+(?:give|provide|offer|share)\s+(?:general|generic)\s+(?:information|advice|guidance)\b|\b(?:call|contact|text|reach\s+out\s+to)\s+(?:a|the|your\s+local)\s+(?:crisis|suicide|mental\s+health)\s+(?:line|helpline|hotline)\b/i,
];

/**
 * Saying what input is missing ("I can't compute an eGFR without the patient's age", "Cannot determine without a chest
 * X-ray", "I'd need to see the full report", "your team will decide"): a refusal when nothing is answered, but beside two
 * answers it only explains the hedge ("A or B — I can't decide without the imaging" is unparseable).
 */
const NEEDS_INPUT_PATTERNS: readonly RegExp[] = [
  new RegExp(
    `(?:${SUBJECT_DECLINES}\\s+(?:to\\s+)?|(?:^|[.!?]\\s+)(?:cannot|can't|can\\s+not|unable\\s+to)\\s+)(?:determine|say|tell|assess|answer|grade|calculate|compute|decide|judge|estimate|stage|classify|recommend|choose|advise|make\\s+(?:that|this|the|a)\\s+(?:call|decision|judge?ment))\\b[^.\\n]{0,50}?\\bwithout\\b`,
    'im',
  ),
  // "I don't know those details from what you've said", "I don't have her results".
  /\bI\s+(?:don't|do\s+not)\s+(?:know|have)\s+(?:those|these|the|that|this|her|his|their|your)\s+(?:[\w-]+\s+)?(?:details?|information|results?|values?|data|history)\b/i,
  /\bI(?:'d|\s+would)\s+need\s+(?:to\s+(?:see|know|have|review)\s+)?(?:(?:the|a|an|her|his|their)\s+)?(?:(?:full|complete|whole|actual|additional|further|more)\s+[\w-]+|(?:report|information|details?|data|results?|history|context|imaging|labs?)\b)/i,
  // Handing the decision to whoever has the information: "Your gastroenterology team will decide", "Their pharmacist can check the dose", "something only your cardiologist
  // can determine", "Your oncology team will need to decide on stronger pain medicine".
  new RegExp(
    `\\b${WHOSE}${PROVIDER}\\s+(?:will|can|could|must)\\s+(?:need\\s+to\\s+|have\\s+to\\s+)?(?:decide|determine|advise|tell|check|review|confirm|work\\s+out|go\\s+through)\\b`,
    'i',
  ),
];

/** An explicit commitment to an answer: its presence turns a refusal into a hedge. */
const STRONG_ANSWER_SIGNALS: readonly RegExp[] = [
  /\b(?:final\s+)?answer\s*(?:is\b|:|would\s+be\b)/i,
  /\b(?:correct|best|right|most\s+appropriate|most\s+likely)\s+(?:answer|option|choice|level|dose|estimate|response|triage)\b/i,
  /\bI(?:'d|\s+would|\s+will)?\s+(?:choose|select|pick|go\s+with|opt\s+for|assign|triage|classify|categori[sz]e|rate|estimate|calculate|prescribe|administer|start)\b/i,
  /\bI(?:'d|\s+would)\s+say\s+(?:yes|no|\(?[A-H]\b|\d|ESI|level|it(?:'s|\s+is))/i,
  /\bI\s+(?:would\s+|'d\s+)?(?:not\s+)?(?:recommend|suggest|advise)\b(?!\s+(?:that\s+you\s+|you\s+)?(?:to\s+)?(?:consult|speak|talk|see|seek|discuss|check|contact|reach|ask|follow|get\s+(?:a|an|your)\s+(?:doctor|physician|professional|evaluation|assessment)|visit))/i,
  /^\W*(?:yes|no)\b\s*(?:[.!:;\-]|,(?!\s*(?:I\s+(?:can't|cannot|can\s+not|am\s+(?:not|unable)|won't|do\s+not|don't)|I'm\s+(?:not|unable|sorry)|sorry|unfortunately|as\s+an?\b)))/i,
  /^\s*\(?[A-H]\)?[.):]?\s*$/m,
  /(?<!\b(?:whether|which|if)\b[^.\n]{0,60})\b(?:would|should)\s+be\s+(?:the\s+)?(?:most\s+)?(?:appropriate|correct|best|reasonable|indicated)\b/i,
  /(?<!\b(?:whether|which|if)\b[^.\n]{0,60})\b(?:is|seems|appears)\s+(?:to\s+be\s+)?(?:the\s+)?(?:most\s+)?(?:appropriate|correct|best)\b/i,
  /\b(?:ESI|CTAS|triage|level|category|egfr|gfr|score)(?:\s+level)?\s*(?:is|of|:|=|≈|would\s+be)\s*(?:approximately\s+|about\s+|around\s+|roughly\s+|~\s*)?(?:\d|[IVX]+\b)/i,
  /"(?:final[_\s]?)?answer"\s*:(?!\s*null\b)/i,
  // "I can't give personal advice, but based on the information provided, the dose should not be reduced": a
  // decline followed by a verdict drawn from the case or the guidelines.
  /\b(?:but|that\s+said|however)\s*,?\s+(?:(?:based\s+on|given|according\s+to|going\s+by)\s+(?:the\s+)?(?:information|details|facts|guidelines?|criteria|what\s+you)\b|(?:using|with|by|per)\s+the\s+[\w-]+(?:\s+[\w-]+){0,3}\s+(?:equation|formula|criteria|calculator|rule|score)\b)|\b(?:but|that\s+said|however)\b[^.\n]{0,30}\bguidelines?\s+(?:\w+\s+)?(?:recommend|suggest|support|say)\b/i,
  /\b(?:recommended|appropriate|correct|suggested|calculated|estimated)\s+(?:dose|dosage|egfr|gfr|score|value)\s+(?:is|would\s+be|of)\b/i,
];

export interface RefusalLanguage {
  /** Declining phrases found ("I can't provide medical advice"), first match per pattern. */
  readonly declines: readonly string[];
  /** Deferring or disclaiming phrases found ("As an AI", "please consult your doctor"). */
  readonly defers: readonly string[];
  /** Phrases naming missing input ("I can't grade it without the report"), first match per pattern. */
  readonly needsInput: readonly string[];
  /** The first explicit commitment to an answer, if any ("the answer is", "I would assign", a leading "No,"). */
  readonly answerSignal?: string;
  /** The first number with a unit, if any ("500 mg"): evidence of substantive content. */
  readonly quantity?: string;
}

/**
 * Finds refusal-related language in a model's answer; `detectRefusal` and `resolveExtraction` decide what it means.
 *
 * - *declining*: "I can't provide medical advice", "I'm not able to diagnose", "I cannot give a specific dose",
 *   "it would be inappropriate for me to ...", "there is not enough information to determine ...", apologies ("I
 *   apologize, but I cannot ...", "I cannot comply with this request"). A bare
 *   "I cannot recommend thrombolysis" is not a decline (it is a clinical "no"): the verb must be one that is a
 *   refusal on its own (diagnose, prescribe, give medical advice) or have an advice-like object (advice, a specific
 *   dose, which option, this, ...).
 * - *deferring / disclaiming*: "As an AI ...", "I'm not a doctor", "please consult a healthcare professional",
 *   "this decision should be made by your physician", "this is not medical advice", "without a proper examination".
 * - *missing input*: "I can't compute an eGFR without the patient's age", "I'd need to see the full report".
 * - *answer signals*: an answer marker, "I would choose/assign", a leading yes/no, a bare option letter on a line,
 *   "X is indicated", "ESI level is 2", JSON `"answer":`.
 */
export function analyzeRefusalLanguage(text: string): RefusalLanguage {
  const clean = normalizeAnswerText(text).replace(/\*+/g, '');
  const declines = firstMatches(clean, DECLINE_PATTERNS);
  const defers = firstMatches(clean, DEFER_PATTERNS);
  const needsInput = firstMatches(clean, NEEDS_INPUT_PATTERNS);
  if (declines.length === 0 && defers.length === 0 && needsInput.length === 0) return { declines, defers, needsInput };
  const answerSignal = firstSignalOutside(clean, STRONG_ANSWER_SIGNALS, spansOf(clean, DECLINE_PATTERNS));
  const quantity = /\d\s*(?:mg|mcg|µg|μg|ug|g|kg|mL|ml|L|units?|IU|mmol|mEq|points?|%)\b/.exec(clean)?.[0];
  return {
    declines,
    defers,
    needsInput,
    ...(answerSignal !== undefined ? { answerSignal } : {}),
    ...(quantity !== undefined ? { quantity } : {}),
  };
}

function firstMatches(text: string, patterns: readonly RegExp[]): string[] {
  const found: string[] = [];
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (match) found.push(match[0].slice(0, 80).trim());
  }
  return found;
}

interface Span {
  readonly start: number;
  readonly end: number;
}

/** Where each declining pattern matches first. */
function spansOf(text: string, patterns: readonly RegExp[]): Span[] {
  return patterns.flatMap((pattern) => {
    const match = pattern.exec(text);
    return match ? [{ start: match.index, end: match.index + match[0].length }] : [];
  });
}

/**
 * The first answer signal that is not part of a declining phrase: "I can't determine the right level of care" names
 * "right level" only to decline choosing it, so it commits to nothing.
 */
function firstSignalOutside(text: string, patterns: readonly RegExp[], declined: readonly Span[]): string | undefined {
  for (const pattern of patterns) {
    for (const match of text.matchAll(new RegExp(pattern.source, `${pattern.flags}g`))) {
      const start = match.index;
      const end = start + match[0].length;
      if (!declined.some((span) => start < span.end && end > span.start)) return match[0].slice(0, 80).trim();
    }
  }
  return undefined;
}
