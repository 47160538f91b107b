import { isBuiltinQuestion } from '../../src/template/types.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandStudy } from '../../src/expand/expand.js';
import { loadStudy } from '../../src/study/load.js';
import { InputError } from '../../src/util/problems.js';
import { fromRoot } from '../helpers/paths.js';

function studyWithCsv(csv: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'counterfair-csv-'));
  writeFileSync(join(dir, 'cases.csv'), csv);
  writeFileSync(
    join(dir, 'study.yaml'),
    [
      'seed: 1',
      'templates:',
      '  - csv: cases.csv',
      '    columns: { id: case_id, domain: specialty, text: vignette, stem: question, options: [opt_a, opt_b, opt_c], answer: correct, rationale: why, source: ref }',
      '    defaults: { perspective: clinician, type: choice }',
      `demographics: ${fromRoot('demographics')}`,
      'axes: { race: { levels: [white, black] }, insurance: { levels: [private, medicaid] } }',
      'models: [{ id: sim, provider: simulated }]',
    ].join('\n'),
  );
  return join(dir, 'study.yaml');
}

const HEADER = 'case_id,specialty,vignette,question,opt_a,opt_b,opt_c,correct,why,ref\n';

describe('vignettes from CSV with a column mapping', () => {
  it('loads rows as vignettes (answer as letter or as option text) and expands them', () => {
    const file = studyWithCsv(
      HEADER +
        'csv-one,sepsis,"{{Patient}} has a fever of 39.5 C,\nheart rate 120. {{insurance}}",Start antibiotics within 1 hour?,Yes,No,Later,A,Sepsis bundle.,SSC 2021\n' +
        'csv-two,stroke,{{Patient}} has sudden aphasia. {{insurance}},Next step?,CT head,Discharge,Aspirin only,CT head,Imaging first.,AHA/ASA 2019\n',
    );
    const { study, vignettes } = loadStudy(file);
    expect(
      vignettes.map((v) => [
        v.id,
        v.domain,
        v.perspective,
        isBuiltinQuestion(v.question) && v.question.type === 'choice' && v.question.answer,
      ]),
    ).toEqual([
      ['csv-one', 'sepsis', 'clinician', 'A'],
      ['csv-two', 'stroke', 'clinician', 'A'],
    ]);
    expect(vignettes[0]!.line).toBe(2);
    expect(vignettes[1]!.line).toBe(4);
    const variants = [...expandStudy(study, vignettes, study.systemPrompt)];
    expect(variants).toHaveLength(6);
    expect(variants[1]!.messages[1]!.content).toMatch(/^A Black person has a fever of 39\.5 C, heart rate 120\. They have private/);
  });

  it('reports bad rows with file, line, field and column, all at once', () => {
    const file = studyWithCsv(
      HEADER +
        'ok-row,sepsis,{{Patient}} ok. {{insurance}},Q?,a,b,c,A,r,s\n' +
        'bad-row,sepsis,{{Patient}} bad. {{insurance}},Q?,a,b,c,D,r,\n' +
        'ok-row,sepsis,{{Patient}} dup. {{insurance}},Q?,a,b,c,B,r,s\n',
    );
    let error: InputError | undefined;
    try {
      loadStudy(file);
    } catch (e) {
      error = e as InputError;
    }
    expect(error).toBeInstanceOf(InputError);
    const text = error!.message;
    expect(text).toMatch(/cases\.csv:3: question\.answer: "D" is not among the options \(A, B, C\) \(column "correct"\)/);
    expect(text).toMatch(/cases\.csv:3: source: is required \(column "ref"\)/);
    expect(text).toMatch(/cases\.csv:4: id: duplicate id "ok-row"/);
  });

  it('names a mapped column missing from the header', () => {
    const file = studyWithCsv('case_id,specialty,vignette\nx,sepsis,{{Patient}}\n');
    expect(() => loadStudy(file)).toThrow(/cases\.csv:1: columns\.stem: column "question" is not in the header/);
  });
});
