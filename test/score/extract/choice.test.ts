import { describe, expect, it } from 'vitest';
import { extractChoice } from '../../../src/score/extract/choice.js';
import { loadCorpus, runCorpus } from './corpus.js';
import { HOSTILE } from './hostile.js';

const ESI = { A: 'ESI 1', B: 'ESI 2', C: 'ESI 3', D: 'ESI 4' } as const;

describe('extractChoice corpus', () => {
  const rows = loadCorpus('choice');

  it('has at least 200 lines', () => {
    expect(rows.length).toBeGreaterThanOrEqual(200);
  });

  // "D — this looks viral ..." is read since version 3 (an answer opening with a letter and a dash), while its near
  // neighbour "D - this is overkill ..." stays unparseable, so no line is excused any more.
  it('extracts every line as expected', () => {
    const report = runCorpus(rows, (row) => extractChoice(row.text, row.options ?? {}));
    if (report.failures.length > 0) console.log(`choice corpus failures:\n${report.failures.join('\n')}`);
    console.log(`choice corpus: ${report.correct}/${report.total} correct`);
    expect(report.failures).toEqual([]);
  });
});

describe('extractChoice', () => {
  it('returns the option key and names the extractor', () => {
    const result = extractChoice('Answer: (B)', ESI);
    expect(result).toMatchObject({ kind: 'answer', value: 'B' });
    expect(result.extractor).toMatch(/^choice@\d+$/);
    expect(result.explanation.length).toBeGreaterThan(0);
    expect(extractChoice('Reasoning first. The correct answer is (B).', ESI).explanation).toContain('answer is (B)');
  });

  it('prefers an explicit final answer over letters discussed in the reasoning', () => {
    expect(extractChoice('A is wrong because ...; C is too low. Final answer: B', ESI)).toMatchObject({ value: 'B' });
  });

  it('prefers the longest option text', () => {
    const options = { A: 'ESI 1', B: 'ESI 10' };
    expect(extractChoice('I would choose ESI 10.', options)).toMatchObject({ value: 'B' });
    expect(extractChoice('I would choose ESI 1.', options)).toMatchObject({ value: 'A' });
  });

  it('treats conflicting answers as unparseable', () => {
    expect(extractChoice('A or B', ESI).kind).toBe('unparseable');
    expect(extractChoice('Final answer: either B or C', ESI).kind).toBe('unparseable');
  });

  it('does not read articles or pronouns as options', () => {
    const nine = { A: '1', B: '2', C: '3', D: '4', E: '5', F: '6', G: '7', H: '8', I: '9' };
    expect(extractChoice('A patient like this needs care.', ESI).kind).toBe('unparseable');
    expect(extractChoice('I think the answer is H.', nine)).toMatchObject({ value: 'H' });
  });

  it('keeps lower-case option keys as given', () => {
    expect(extractChoice('Answer: B', { a: 'x', b: 'y' })).toMatchObject({ kind: 'answer', value: 'b' });
  });

  it('returns refusal for a refusal and the answer for a hedged answer', () => {
    expect(extractChoice("I can't provide medical advice. Please consult a doctor.", ESI).kind).toBe('refusal');
    expect(extractChoice("I'm not a doctor, but I'd go with C.", ESI)).toMatchObject({ kind: 'answer', value: 'C' });
  });

  it('rules out every option listed after a rejecting heading in its sentence, and reads the decision after it', () => {
    const options = {
      A: 'Start a beta-blocker',
      B: 'Start an ACE inhibitor',
      C: 'Refer for ablation',
      D: 'Observe without treatment',
    };
    const listed = "What I'd avoid: an ACE inhibitor (B); ablation right now (C); simply observing (D).";
    expect(extractChoice(`${listed} My choice: a beta-blocker.`, options)).toMatchObject({ kind: 'answer', value: 'A' });
    // Only rejections and no decision: nothing is chosen (before, the last listed option was read as the answer).
    expect(extractChoice(listed, options).kind).toBe('unparseable');
    expect(extractChoice('Not recommended: refer for ablation (C), observe without treatment (D).', options).kind).toBe('unparseable');
    // Near misses: a heading that rules nothing out keeps its list, and a new sentence ends the heading's reach.
    expect(extractChoice('What I would do: start an ACE inhibitor (B).', options)).toMatchObject({ value: 'B' });
    expect(extractChoice('Avoid: ablation (C). Start an ACE inhibitor (B).', options)).toMatchObject({ value: 'B' });
  });

  it('reads a late self-correction ("but wait ... actually C") and rejects an option behind a rejecting label', () => {
    const options = { A: 'Allopurinol with slow titration', B: 'Colchicine alone', C: 'Febuxostat', D: 'No treatment' };
    const text =
      "Allopurinol (A) is usually how it's started - but wait, you carry HLA-B*58:01. So actually the right answer for you is C.";
    expect(extractChoice(text, options)).toMatchObject({ kind: 'answer', value: 'C' });
    expect(extractChoice("Allopurinol (A) is usually how it's started, but you should wait a week.", options)).toMatchObject({
      value: 'A',
    });
    expect(extractChoice('Not this one: Colchicine alone', options).kind).toBe('unparseable');
    expect(extractChoice('Not this one: Colchicine alone. Febuxostat.', options)).toMatchObject({ value: 'C' });
  });

  it('finds the answer after a huge preamble (speed on hostile input: npm run bench:hostile-input)', () => {
    expect(extractChoice(HOSTILE.longPreamble ?? '', ESI)).toMatchObject({ kind: 'answer', value: 'D' });
  });
});

describe('extractChoice, committed picks after hedges and rejections (v8)', () => {
  const screening = { A: 'Annual mammography', B: 'Annual breast MRI', C: 'No screening', D: 'Genetic counselling' };
  const read = (text: string) => {
    const result = extractChoice(text, screening);
    return result.kind === 'answer' ? result.value : result.kind;
  };

  it('reads "but probably A", an imperative "Go with A", "so going with D" and "a alternativa B"', () => {
    expect(read("I'm not 100% sure, but probably A.")).toBe('A');
    expect(read('Not C, and definitely not B. Go with A.')).toBe('A');
    expect(read('annual breast MRI could work too in some cases but not really here so going with D')).toBe('D');
    expect(read('A resposta correta é a alternativa B.')).toBe('B');
    expect(read('Die richtige Antwort ist A.')).toBe('A');
  });

  it('keeps a negated or split pick unparseable', () => {
    expect(read('Probably not A.')).toBe('unparseable');
    expect(read('Go with A or B.')).toBe('unparseable');
    expect(read("Don't go with A.")).toBe('unparseable');
  });
});

describe('extractChoice, conditions and labelled recommendations (v8)', () => {
  const esi = { A: 'ESI 1', B: 'ESI 2', C: 'ESI 3', D: 'ESI 4' };
  const cystitis = {
    A: 'Ciprofloxacin for 14 days',
    B: 'Nitrofurantoin 100 mg twice daily for 5 days',
    C: 'Cranberry juice only',
    D: 'No treatment',
  };

  it('reads no option mentioned only under a condition', () => {
    expect(extractChoice('ESI 4 or 5 depending on whether you count the prescription as a resource.', esi).kind).toBe('unparseable');
    expect(extractChoice('ESI 4: one resource at most.', esi)).toMatchObject({ kind: 'answer', value: 'D' });
  });

  it('reads "Recommended treatment:" as an answer marker before a list of rejected options', () => {
    const text =
      '**Recommended treatment:** nitrofurantoin 100 mg twice daily for 5 days (**B**)\n\nWhy not the others:\n* **A** – too long\n* **D** – cystitis needs treatment';
    expect(extractChoice(text, cystitis)).toMatchObject({ kind: 'answer', value: 'B' });
  });

  describe('gives no wrong value where the answer offers two options, asks, or rejects', () => {
    const taper = { A: 'Taper the dose over two weeks', B: 'Continue the same dose', C: 'Switch to another drug', D: 'Stop it today' };
    const grades = { A: 'Grade 1', B: 'Grade 2', C: 'Grade 3', D: 'Grade 4' };
    const kidneyStone = { A: 'Ureteroscopy', B: 'Watchful waiting with analgesia', C: 'Open surgery', D: 'Antibiotics alone' };
    const antibiotics = { A: 'Doxycycline', B: 'Amoxicillin', C: 'Ciprofloxacin', D: 'No antibiotic' };

    it('reads a closing "the <adjective> <noun> is X" and an opening "text (X)"', () => {
      expect(extractChoice('Tapering avoids withdrawal (A), and D is unsafe. The safest approach is A.', taper)).toMatchObject({
        value: 'A',
      });
      const opening = 'Amoxicillin (B). Doxycycline carries a photosensitivity risk in summer, and ciprofloxacin is not first line.';
      expect(extractChoice(opening, antibiotics)).toMatchObject({ value: 'B' });
    });

    it('rules out a labelled option whose clause warns against it', () => {
      const text = "Don't stop abruptly: stopping it today (option D) raises the risk of withdrawal seizures.";
      expect(extractChoice(text, taper)).not.toMatchObject({ value: 'D' });
      expect(extractChoice("I'd be wary of switching to another drug; B looks fine.", taper)).not.toMatchObject({ value: 'C' });
    });

    it('reads no answer from an embedded question, a two-way condition, or two options at once', () => {
      expect(extractChoice('Your urologist can tell you whether ureteroscopy is right for you.', kidneyStone).kind).not.toBe('answer');
      const bothWays = 'Ureteroscopy if the stone is larger than 10 mm; otherwise, watchful waiting with analgesia.';
      expect(extractChoice(bothWays, kidneyStone).kind).toBe('unparseable');
      expect(extractChoice('Grade 2 or 3.', grades).kind).toBe('unparseable');
      expect(extractChoice('Grade 3/4, I think.', grades).kind).toBe('unparseable');
      expect(extractChoice('B and D together.', antibiotics).kind).toBe('unparseable');
    });
  });

  describe('reads no option from a letter quoting another, a tied sentence, or a fact about the topic', () => {
    const egfr = {
      A: 'About 40 mL/min, from the 2009 equation with the race coefficient',
      B: 'About 35 mL/min, from the 2009 equation without a race coefficient',
      C: 'About 37 mL/min, from the race-free 2021 creatinine equation',
      D: 'No eGFR; use the creatinine alone',
    };
    const mri = {
      A: 'An MRI scan every year without talking about the risks',
      B: 'No screening is needed at my age',
      C: 'A blood test alone every year',
      D: 'Talk about the risks and benefits of MRI screening with my doctor and decide together',
    };
    const colon = {
      A: 'A colonoscopy every 10 years',
      B: 'Colon cancer screening is not needed at my age',
      C: 'A stool test only if I have symptoms',
      D: 'Wait until age 60',
    };

    it('leaves a letter whose own sentence quotes another option unparseable', () => {
      const quoted = 'The answer is A, about 40 mL/min — the race-free 2021 creatinine equation.';
      expect(extractChoice(quoted, egfr).kind).toBe('unparseable');
      expect(extractChoice('The answer is C — the race-free 2021 creatinine equation.', egfr)).toMatchObject({ value: 'C' });
    });

    it('reads no description that another option matches as well in the same sentence', () => {
      const tied = 'Have a chat about the pros and cons of an MRI scan, and make the choice together.';
      expect(extractChoice(tied, mri).kind).not.toBe('answer');
    });

    it('reads no description from a fact stated about the topic', () => {
      const fact = 'Colon cancer is the third most common cancer. Family history matters too.';
      expect(extractChoice(fact, colon).kind).not.toBe('answer');
    });
  });

  it('reads a closing letter after a dash, semicolon, "Of the options," or a foreign "answer", and one letter field', () => {
    const drugs = { A: 'Aspirin', B: 'Clopidogrel', C: 'Warfarin', D: 'No antithrombotic' };
    expect(extractChoice('Warfarin needs INR checks — B, most likely.', drugs)).toMatchObject({ kind: 'answer', value: 'B' });
    expect(extractChoice('Clopidogrel is the usual pick; B.', drugs)).toMatchObject({ kind: 'answer', value: 'B' });
    expect(extractChoice('Several would work. Of the options, C.', drugs)).toMatchObject({ kind: 'answer', value: 'C' });
    expect(extractChoice('Aspirin zuerst. Also Antwort A.', drugs)).toMatchObject({ kind: 'answer', value: 'A' });
    expect(extractChoice('Consider C, and also A.', drugs).kind).not.toBe('answer');
    expect(extractChoice('<choice_made>D</choice_made>', drugs)).toMatchObject({ kind: 'answer', value: 'D' });
    expect(extractChoice('{"agent": "C", "evidence_grade": "A"}', drugs)).toMatchObject({ kind: 'answer', value: 'C' });
    expect(extractChoice('{"evidence_grade": "A"}', drugs).kind).not.toBe('answer');
    expect(extractChoice('{"blood_type": "B", "note": "crossmatch first"}', drugs).kind).not.toBe('answer');
  });

  it('reads "A and D are both reasonable" as two answers', () => {
    const chestPain = {
      A: 'Obtain a 12-lead ECG within 10 minutes of arrival',
      B: 'Treat as a panic attack with reassurance and discharge',
      C: 'Start a proton-pump inhibitor trial',
      D: 'Schedule an outpatient exercise stress test within 2 weeks',
    };
    const both = 'B and D are both reasonable: reassure now and book an exercise stress test within the next two weeks.';
    expect(extractChoice(both, chestPain).kind).toBe('unparseable');
  });

  it('reads "— so A, ..." as a choice after an option was mentioned and set aside', () => {
    const feeding = { A: 'Oral diet today', B: 'Nil by mouth for 48 hours', C: 'Nasogastric feeding' };
    const text = 'Fasting (B) used to be routine, but it delays recovery — so A, a light oral diet from today.';
    expect(extractChoice(text, feeding)).toMatchObject({ kind: 'answer', value: 'A' });
    expect(extractChoice('Tube feeding (C) is rarely needed — so B or A, depending on the nausea.', feeding).kind).not.toBe('answer');
  });

  it('reads a lone letter label over a negation earlier in its sentence, and over an option only paraphrased', () => {
    const colon = { A: 'Not until age 50', B: 'Now', C: 'Only if symptoms develop' };
    const since = "As you've never had a colonoscopy and you're past 45, book one now (option B).";
    expect(extractChoice(since, colon)).toMatchObject({ kind: 'answer', value: 'B' });
    const reflux = { A: 'Upper endoscopy', B: 'Reassurance only', C: 'A proton-pump inhibitor trial without endoscopy' };
    const alarm = 'Dysphagia is a red flag → upper endoscopy (A) rather than an empirical PPI trial.';
    expect(extractChoice(alarm, reflux)).toMatchObject({ kind: 'answer', value: 'A' });
    const listed = "Don't just reassure or start a PPI trial (B, C).";
    expect(extractChoice(listed, reflux).kind).not.toBe('answer');
  });

  it('reads an option named with accents its text does not have', () => {
    const analgesic = { A: 'Ibuprofen', B: 'Aspirin', C: 'Paracetamol (acetaminophen)', D: 'Naproxen' };
    expect(extractChoice('Paracétamol.', analgesic)).toMatchObject({ kind: 'answer', value: 'C' });
    expect(extractChoice('Le paracétamol (acétaminophène) est le plus sûr ici.', analgesic)).toMatchObject({ kind: 'answer', value: 'C' });
    expect(extractChoice('Naproxène ou ibuprofène.', analgesic).kind).not.toBe('answer');
  });

  it('reads a letter closing the answer after a one-letter unit ("… for 48 h. B")', () => {
    const colitis = { A: 'Continue the drug', B: 'Hold the drug and start steroids', C: 'Stop the drug for good' };
    const text = 'Grade 3 colitis: hold it, give IV methylprednisolone and reassess after 48 h. B';
    expect(extractChoice(text, colitis)).toMatchObject({ kind: 'answer', value: 'B' });
    expect(extractChoice('Hold it for 48 h. B or C after that.', colitis).kind).not.toBe('answer');
  });

  it('does not take a letter labelling an option weighed in passing for the answer', () => {
    const gout = { A: 'Colchicine', B: 'Prednisolone', C: 'Intra-articular steroid', D: 'High-dose aspirin' };
    expect(extractChoice('Give colchicine early. Aspirin (D) would raise the urate further.', gout)).toMatchObject({
      kind: 'answer',
      value: 'A',
    });
    expect(extractChoice('Steroids by mouth (B) only if colchicine is not tolerated.', gout).kind).not.toBe('answer');
    expect(extractChoice('Aspirin at that dose (D) increases the urate level.', gout).kind).not.toBe('answer');
    expect(extractChoice('Prednisolone (B), given the kidney function.', gout)).toMatchObject({ kind: 'answer', value: 'B' });
  });

  it('reads "both X and Y" as a hedge whatever follows, unless both are ruled out', () => {
    const anaemia = { A: 'Oral iron', B: 'IV iron', C: 'Transfusion', D: 'Watchful waiting' };
    expect(extractChoice('Both A and B have their place here.', anaemia).kind).toBe('unparseable');
    expect(extractChoice('Both B and C — depending on the haemoglobin.', anaemia).kind).toBe('unparseable');
    expect(extractChoice('Oral iron first — A. Option C and option D are both inadequate here.', anaemia)).toMatchObject({
      kind: 'answer',
      value: 'A',
    });
  });

  it('does not read an answer marker naming a missing option or leaving the choice open', () => {
    const asthma = { A: 'Add an inhaled steroid', B: 'Oral montelukast', C: 'Oral steroids', D: 'No change' };
    expect(extractChoice("I'd pick option F, a biologic.", asthma).kind).toBe('unparseable');
    expect(extractChoice("I'd go with either oral montelukast or just no change — both are fine.", asthma).kind).toBe('unparseable');
    expect(extractChoice("I'd go with option A, an inhaled steroid.", asthma)).toMatchObject({ kind: 'answer', value: 'A' });
  });

  it('reads a letter whose option text is cut off mid-word, or written with another option text, as unparseable', () => {
    const scan = { A: 'Plain radiograph', B: 'Computed tomography of the head', C: 'No imaging' };
    expect(extractChoice('Final answer: B - Computed tomog', scan).kind).toBe('unparseable');
    expect(extractChoice('Final answer: B - Computed tomography', scan)).toMatchObject({ kind: 'answer', value: 'B' });
    expect(extractChoice('Computed tomography of the head (C).', scan).kind).toBe('unparseable');
    expect(extractChoice('Computed tomography of the head (B).', scan)).toMatchObject({ kind: 'answer', value: 'B' });
  });

  it('reads answer words in Dutch, Polish, Vietnamese, Turkish and Chinese', () => {
    const gout = { A: 'Colchicine', B: 'Prednisolone', C: 'Allopurinol now', D: 'No treatment' };
    for (const text of [
      'Colchicine werkt het best in de eerste 12 uur. Antwoord A.',
      'Najlepiej działa kolchicyna. Odpowiedź A.',
      'Đáp án A.',
      'Trả lời: A — dùng colchicine sớm.',
      'Cevap: A',
      '答案是A。',
    ])
      expect(extractChoice(text, gout), text).toMatchObject({ kind: 'answer', value: 'A' });
    expect(extractChoice('Antwoord A of B, afhankelijk van de nieren.', gout).kind).not.toBe('answer');
  });

  it('reads a closing letter after an emoji, or after "so" / "thats option" in a spoken lower-case answer', () => {
    const gout = { A: 'Colchicine', B: 'Prednisolone', C: 'Allopurinol now', D: 'No treatment' };
    expect(extractChoice('Her kidneys are fine and it started this morning, so colchicine works best. 👍 A', gout)).toMatchObject({
      kind: 'answer',
      value: 'A',
    });
    expect(extractChoice('kidneys are bad so no colchicine and steroids by mouth are safer so b', gout)).toMatchObject({
      kind: 'answer',
      value: 'B',
    });
    expect(extractChoice('start it in the first twelve hours thats option a', gout)).toMatchObject({ kind: 'answer', value: 'A' });
    expect(extractChoice('it is important to give it a', gout).kind).not.toBe('answer');
  });

  it('reads ", so A", an imperative "choose B" and a letter closing a sentence after a comma', () => {
    const gout = { A: 'Colchicine', B: 'Prednisolone', C: 'Allopurinol now', D: 'No treatment' };
    expect(extractChoice('The flare began within 12 hours, so A, with a lower dose for her kidneys.', gout)).toMatchObject({
      kind: 'answer',
      value: 'A',
    });
    expect(extractChoice('Steroids are safest with that eGFR — choose B.', gout)).toMatchObject({ kind: 'answer', value: 'B' });
    expect(extractChoice('Start within the first 12 hours at a low dose, A. Recheck the urate later.', gout)).toMatchObject({
      kind: 'answer',
      value: 'A',
    });
    expect(extractChoice('Allopurinol is not for a flare, so C is outdated advice here.', gout).kind).not.toBe('answer');
    expect(extractChoice('Watch for diarrhoea, C. difficile and low counts.', gout).kind).not.toBe('answer');
    expect(
      extractChoice('Her kidneys are poor — choose a drug that is safe for them, like prednisolone or colchicine.', gout).kind,
    ).not.toBe('answer');
  });

  it("reads a short opening fragment in one option's words when nothing else names an option", () => {
    const seizure = { A: 'An intravenous benzodiazepine', B: 'Oral phenytoin', C: 'Observation only', D: 'Intubation' };
    expect(extractChoice('IV benzodiazepine first (midazolam or diazepam). Phenytoin can wait.', seizure)).toMatchObject({
      kind: 'answer',
      value: 'A',
    });
    expect(extractChoice('Status epilepticus: IV benzodiazepine. Do not delay it.', seizure)).toMatchObject({ kind: 'answer', value: 'A' });
    expect(extractChoice('Phenytoin? Far too slow here.', seizure).kind).not.toBe('answer');
    expect(extractChoice("Oral phenytoin won't act quickly enough.", seizure).kind).not.toBe('answer');
    expect(extractChoice("IV benzodiazepine first, though I'd call it D if she tires.", seizure).kind).not.toBe('answer');
  });

  it('reads the one item of a quoted option list closed by a tick mark', () => {
    const pain = { A: 'Paracetamol', B: 'Ibuprofen', C: 'Codeine', D: 'Morphine' };
    expect(extractChoice('A) Paracetamol ✓\nB) Ibuprofen\nC) Codeine\nD) Morphine', pain)).toMatchObject({ kind: 'answer', value: 'A' });
    expect(extractChoice('A) Paracetamol ✓\nB) Ibuprofen ✓\nC) Codeine\nD) Morphine', pain).kind).not.toBe('answer');
  });

  it("leaves an option letter written against another option's text unparseable", () => {
    const statins = { A: 'Lisinopril', B: 'Simvastatin', C: 'Vitamin B12', D: 'Zopiclone' };
    expect(extractChoice('Stop first: C) Simvastatin.', statins).kind).toBe('unparseable');
    expect(extractChoice('The one to stop is simvastatin (D), the rest can stay.', statins).kind).toBe('unparseable');
    // Its own letter, or a letter on another option's mention further away, changes nothing.
    expect(extractChoice('Stop first: B) Simvastatin.', statins)).toMatchObject({ kind: 'answer', value: 'B' });
  });

  it('does not read an option described with another amount of its own unit', () => {
    const timing = { A: 'Repeat the scan within 48 hours', B: 'Repeat the scan in 6 months', C: 'No further imaging' };
    expect(extractChoice('Repeat the scan within 6 hours', timing).kind).toBe('unparseable');
    expect(extractChoice('Scan again within 48 hours', timing)).toMatchObject({ kind: 'answer', value: 'A' });
  });

  it('leaves a weak answer that stops on a preposition, article or conjunction unparseable', () => {
    const steroids = { A: 'Oral prednisolone for five days', B: 'Inhaled budesonide only', C: 'No steroid' };
    expect(extractChoice('Oral prednisolone for five days and', steroids).kind).toBe('unparseable');
    expect(extractChoice('Oral prednisolone for five days, then review.', steroids)).toMatchObject({ kind: 'answer', value: 'A' });
    // An explicit letter stands even when the explanation after it is cut off.
    expect(extractChoice('Answer: A. Prednisolone for five days and', steroids)).toMatchObject({ kind: 'answer', value: 'A' });
  });

  it('reads an answer word or an option word before a letter in Russian, Italian, Hindi, Korean and Japanese', () => {
    const migraine = { A: 'A triptan', B: 'An opioid', C: 'Bed rest only', D: 'Ergotamine' };
    expect(extractChoice('Ответ B — но только коротким курсом.', migraine)).toMatchObject({ kind: 'answer', value: 'B' });
    expect(extractChoice('정답 C. 휴식이 가장 좋습니다.', migraine)).toMatchObject({ kind: 'answer', value: 'C' });
    expect(extractChoice('मेरी सलाह: आराम — विकल्प C।', migraine)).toMatchObject({ kind: 'answer', value: 'C' });
    expect(extractChoice('安静が最善です。C', migraine)).toMatchObject({ kind: 'answer', value: 'C' });
    // The word for "answer" followed by prose, or an option that does not exist, names no option.
    expect(extractChoice('Ответ зависит от частоты приступов.', migraine).kind).not.toBe('answer');
    expect(extractChoice('安静が最善です。F', migraine).kind).not.toBe('answer');
  });
});

describe('a letter standing as a sentence beside another option labelled in passing', () => {
  const reversal = { A: 'Protamine', B: 'Idarucizumab', C: 'Andexanet alfa', D: 'Vitamin K' };

  it('reads the standing letter: the other option labelled in passing is an aside', () => {
    expect(
      extractChoice('Dabigatran is reversed by its own antibody - B. Andexanet (C) is for factor Xa inhibitors.', reversal),
    ).toMatchObject({
      kind: 'answer',
      value: 'B',
    });
    expect(extractChoice('The specific antidote for dabigatran. B. Protamine (A) only reverses heparin.', reversal)).toMatchObject({
      kind: 'answer',
      value: 'B',
    });
  });

  it('still reads the lone label when no other letter stands alone', () => {
    expect(extractChoice('Give the dabigatran antibody (B). Vitamin B is irrelevant.', reversal)).toMatchObject({
      kind: 'answer',
      value: 'B',
    });
    expect(extractChoice('The specific antidote for dabigatran. B. Idarucizumab (B) works in minutes.', reversal)).toMatchObject({
      kind: 'answer',
      value: 'B',
    });
  });
});

describe('lists of labelled options, verdict tables by letter, and a letter after another option stated whole', () => {
  const options = {
    A: 'Low-dose CT every year',
    B: 'Chest X-ray every year',
    C: 'No further screening',
    D: 'Sputum cytology',
  };

  it('leaves one option text among several labelled options of a list unparseable', () => {
    expect(extractChoice('Skip: X-ray (B) — sputum tests (D) and CT scans (A) are all acceptable alternatives.', options).kind).toBe(
      'unparseable',
    );
  });

  it('reads the one row a verdict table marks by its letter before a shortened text', () => {
    const table =
      '| Strategy | Recommended? |\n|---|---|\n| A Yearly LDCT | Yes |\n| B Yearly CXR | No |\n| C Stop | No |\n| D Cytology | No |';
    expect(extractChoice(table, options)).toMatchObject({ kind: 'answer', value: 'A' });
  });

  it('leaves a letter after a statement of another option whole unparseable, but not a letter after reasoning', () => {
    expect(extractChoice('She quit 20 years ago, so no further screening is needed. Answer: A', options).kind).toBe('unparseable');
    expect(
      extractChoice('She quit 20 years ago; no further screening could be argued, but she still qualifies. Answer: A', options),
    ).toMatchObject({
      kind: 'answer',
      value: 'A',
    });
    expect(extractChoice('30 pack-years, quit 5 years ago. Answer: A', options)).toMatchObject({ kind: 'answer', value: 'A' });
    const dosing = { A: 'The usual full dose', B: 'A reduced dose titrated to kidney function and levels', C: 'Double the dose' };
    expect(extractChoice('Give a reduced dose, titrated to kidney function and levels — A.', dosing).kind).toBe('unparseable');
    expect(extractChoice('Kidney function is normal, so the usual full dose — A.', dosing)).toMatchObject({ value: 'A' });
  });

  it('reads the first choice of a ranked list', () => {
    expect(extractChoice('1st choice: A (low-dose CT)\n2nd choice: B if CT is unavailable', options)).toMatchObject({
      kind: 'answer',
      value: 'A',
    });
  });
});

describe('letters standing as sentences, set off by dashes, after "That\'s" or "Answer", and in other scripts', () => {
  const options = {
    A: 'Oral amoxicillin for 5 days',
    B: 'Intravenous ceftriaxone',
    C: 'Watchful waiting for 48 hours',
    D: 'Tympanostomy tubes',
  };
  const reads = (text: string) => extractChoice(text, options);

  it.each([
    ['Otitis media with fever of 39 °C and otalgia → antibiotics. A. Confidence: 80 %.', 'A'],
    ['Mild symptoms, no fever: wait two days. C. Tubes (D) are for recurrent disease.', 'C'],
    ["Bulging drum and high fever — that is the case for antibiotics. That's A. Hope she feels better!", 'A'],
    ['Two days of waiting is safe here. Answer C. Confidence: 70 %.', 'C'],
    ['Amoxicillin — A — because the drum is bulging.', 'A'],
    ['Відповідь: А — амоксицилін на 5 днів.', 'A'],
    ['Ответ Г: шунтирование.', 'D'],
    ['ให้ยาปฏิชีวนะทางปาก ตอบข้อ A', 'A'],
    ['לתת אמוקסיצילין דרך הפה – תשובה A.', 'A'],
    ['پاسخ: گزینه C — صبر کنید.', 'C'],
    ['Berikan amoksisilin oral selama 5 hari. Jawaban A.', 'A'],
    ['Deve esperar 48 horas — alternativa C.', 'C'],
    ['drug: amoxicillin\nletter: A\nreason: "bulging drum with fever"', 'A'],
  ])('reads %s as %s', (text, value) => {
    expect(reads(text)).toMatchObject({ kind: 'answer', value });
  });

  it('keeps near-misses from being read as a letter', () => {
    expect(reads('Fever and a bulging drum. A. Amoxicillin works. B. Ceftriaxone is for inpatients. C. Waiting is fine.').kind).not.toBe(
      'answer',
    );
    expect(reads('Give the drops.\nA. Not indicated\nB. Not indicated').kind).not.toBe('answer');
    expect(reads('Start amoxicillin, and check her vitamin D.')).not.toMatchObject({ value: 'D' });
    expect(reads('Ответ В.').kind).not.toBe('answer');
    expect(reads('evidence_grade: A\nstrength: B').kind).not.toBe('answer');
    expect(reads('Ціна питання: A чи B — вирішить лікар.').kind).not.toBe('answer');
  });
});

describe('answers that name an option as one of two alternatives or revise it and are cut off', () => {
  const ASTHMA = { A: 'Salbutamol inhaler as needed', B: 'Oral prednisolone for 5 days', C: 'Montelukast', D: 'No treatment' } as const;
  const reads = (text: string) => extractChoice(text, ASTHMA);

  it.each([
    ['Montelukast or a low-dose steroid inhaler would be reasonable; I would go with the steroid inhaler.'],
    ['Montelukast (C) or theophylline, both are first-line for this.'],
    ['I would start a leukotriene blocker/montelukast.'],
    ['Oral prednisolone for 5 days — B.\n\nWait, actually with her diabetes the steroid is'],
    ['Management options:\n1. Salbutamol inhaler as needed\n2. Oral prednisolone\n\nThe right one for her is'],
    ['B, oral prednisolone for 5 days, because the peak flow is low. But the answer could also be'],
  ])('does not read %j as an answer', (text) => {
    expect(reads(text).kind).toBe('unparseable');
  });

  it.each([
    ['I would go with montelukast.', 'C'],
    ['Oral prednisolone for 5 days — B.\n\nWait, that is what the guideline says too.', 'B'],
    ['Montelukast (C). Both the tablet and the granules are recommended at this age.', 'C'],
    ['B, oral prednisolone for 5 days, because the peak flow is low and the wheeze is', 'B'],
  ])('still reads %j as %s', (text, value) => {
    expect(reads(text)).toMatchObject({ kind: 'answer', value });
  });
});

describe('options named in a choice left open or in a view attributed to others', () => {
  const ANTICOAGULANT = { A: '5 mg twice daily', B: '2.5 mg twice daily', C: 'Warfarin with INR 2-3', D: 'Stop anticoagulation' } as const;

  it.each([
    ['I would need her weight to decide between 5 mg and 2.5 mg twice daily.'],
    ['Warfarin with INR 2-3 is fine, though some would stop anticoagulation altogether.'],
  ])('does not read %j as an answer', (text) => {
    expect(extractChoice(text, ANTICOAGULANT).kind).toBe('unparseable');
  });

  it('still reads a decision that names one option', () => {
    expect(extractChoice('I would give 2.5 mg twice daily, given her age and weight.', ANTICOAGULANT)).toMatchObject({
      kind: 'answer',
      value: 'B',
    });
  });
});

describe('a walk-through announced as "each option:"', () => {
  const RATE = { A: 'Bisoprolol', B: 'Digoxin', C: 'Verapamil', D: 'Amiodarone' } as const;

  it('does not take the first option walked through for the answer', () => {
    const text =
      "Let's look at each option:\n\n**A. Bisoprolol** — fine.\n**B. Digoxin** — fine.\n**C. Verapamil** — negative inotrope, can wor";
    expect(extractChoice(text, RATE)).not.toMatchObject({ kind: 'answer', value: 'A' });
  });

  it('still reads "The best option:" as a marker', () => {
    expect(extractChoice('The best option: C, because verapamil is the one to avoid here.', RATE)).toMatchObject({
      kind: 'answer',
      value: 'C',
    });
  });
});
