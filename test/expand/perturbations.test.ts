import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/analysis/types.js';
import { expandStudy } from '../../src/expand/expand.js';
import type { Variant } from '../../src/expand/types.js';
import { loadStudy } from '../../src/study/load.js';
import { numbersWithUnits } from '../../src/template/paraphrases.js';
import { InputError } from '../../src/util/problems.js';
import { runCli } from '../helpers/cli.js';
import { fromRoot } from '../helpers/paths.js';

const LIBRARY = readdirSync(fromRoot('templates'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => fromRoot(`templates/${f}`));

function study(dir: string, axes: string[], extra: string[] = [], templates = LIBRARY): string {
  const file = join(dir, 'study.yaml');
  writeFileSync(
    file,
    [
      'name: writing',
      'seed: 12',
      `templates: [${templates.join(', ')}]`,
      `demographics: ${fromRoot('demographics')}`,
      'axes:',
      ...axes.map((a) => `  ${a}`),
      ...extra,
      'models:',
      '  - { id: sim, provider: simulated, accuracy: { default: 0.8 } }',
    ].join('\n'),
  );
  return file;
}

const caseText = (v: Variant) => v.messages[1]!.content;
const cues = (v: Variant) => v.cueSpans.map(([s, e]) => caseText(v).slice(s, e));

describe('perturbation axes (writing style)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'counterfair-writing-'));
  const loaded = loadStudy(study(dir, ['writing: {}', 'sex: {}'], ['design: { kind: factorial, axes: [writing, sex] }']));
  const variants = [...expandStudy(loaded.study, loaded.vignettes, loaded.study.systemPrompt)];
  const reference = new Map(variants.filter((v) => v.kind === 'reference').map((v) => [v.vignetteId, v]));
  const sameSex = (v: Variant) => reference.get(v.vignetteId)!.attributes.sex === v.attributes.sex;

  it('keeps every number with its unit, in every case of the library, at every level', () => {
    const levels = new Set(variants.map((v) => v.attributes.writing));
    expect([...levels].sort()).toEqual(['aae', 'indian-english', 'informal', 'lowercase', 'standard', 'typos', 'uncertain']);
    for (const v of variants.filter(sameSex))
      expect(numbersWithUnits(caseText(v)), v.variantId).toEqual(numbersWithUnits(caseText(reference.get(v.vignetteId)!)));
  });

  it('rewrites the case (every level changes some of the library) but never a cue, which stays where its span says', () => {
    for (const level of ['typos', 'lowercase', 'informal', 'uncertain', 'aae', 'indian-english']) {
      const at = variants.filter((v) => v.attributes.writing === level && sameSex(v));
      expect(at.filter((v) => caseText(v) !== caseText(reference.get(v.vignetteId)!)).length, level).toBeGreaterThan(0);
      for (const v of at) {
        const expected = cues(reference.get(v.vignetteId)!);
        expect(cues(v), v.variantId).toEqual(level === 'lowercase' ? expected.map((c) => c.toLowerCase()) : expected);
      }
    }
  });

  it('misspells only everyday words: no clinical term, drug, unit or number', () => {
    const everyday =
      /^(?:about|after|again|also|always|anything|because|been|before|being|better|could|does|doing|done|each|even|every|feel|feeling|feels|felt|from|have|having|help|here|into|just|know|like|little|looks|made|make|many|more|most|much|must|need|needs|only|other|over|really|right|said|same|says|seems|should|since|some|something|still|such|sure|take|taking|than|that|their|them|then|there|these|they|thing|think|this|those|through|told|tried|trying|under|until|very|want|wants|well|went|were|what|when|where|which|while|will|with|worried|would|your|started|starting|getting|going|keeps|kept|called|asked|wondering)$/i;
    let misspelt = 0;
    for (const v of variants.filter((x) => x.attributes.writing === 'typos' && sameSex(x))) {
      const before = caseText(reference.get(v.vignetteId)!).split(/\s+/);
      const after = caseText(v).split(/\s+/);
      expect(after.length).toBe(before.length);
      before.forEach((word, i) => {
        if (word === after[i]) return;
        misspelt++;
        expect(word.replace(/[^A-Za-z]/g, ''), v.variantId).toMatch(everyday);
      });
    }
    expect(misspelt).toBeGreaterThan(20);
  });

  it('writes a level the same way whatever the other axes are, so crossed pairs stay matched', () => {
    const byCell = new Map(variants.map((v) => [`${v.vignetteId}|${v.attributes.writing}|${v.attributes.sex}`, v]));
    let compared = 0;
    for (const v of variants.filter((x) => x.attributes.writing === 'typos' && x.attributes.sex === 'female')) {
      const male = byCell.get(`${v.vignetteId}|typos|male`);
      if (!male) continue;
      const outside = (x: Variant) => {
        let text = caseText(x);
        for (const [s, e] of [...x.cueSpans].reverse()) text = `${text.slice(0, s)}§${text.slice(e)}`;
        return text;
      };
      expect(outside(v)).toBe(outside(male));
      compared++;
    }
    expect(compared).toBeGreaterThan(50);
  });

  it('refuses a rule table that cannot be read, would write a digit, or is missing, naming file, line and field', () => {
    const demo = mkdtempSync(join(tmpdir(), 'counterfair-writing-demo-'));
    writeFileSync(join(demo, 'sex.yaml'), readFileSync(fromRoot('demographics/sex.yaml')));
    writeFileSync(
      join(demo, 'style.yaml'),
      'id: style\nlabel: Style\nslot: perturbation\nreference: plain\nlevels:\n  - id: plain\n  - id: odd\n    perturb:\n      - rules: odd\n  - id: gone\n    perturb:\n      - rules: nowhere\n      - typos: 2\n',
    );
    const tables = join(demo, 'perturbations');
    mkdirSync(tables, { recursive: true });
    writeFileSync(
      join(tables, 'odd.yaml'),
      "rules:\n  - { match: '(unclosed', replace: x, note: bad regex }\n  - { match: '\\bten\\b', replace: '10', note: a digit }\n",
    );
    const file = join(demo, 'study.yaml');
    writeFileSync(
      file,
      `name: s\nseed: 1\ntemplates: [${fromRoot('templates/pain-management.yaml')}]\ndemographics: ${demo}\naxes:\n  style: {}\nmodels:\n  - { id: sim, provider: simulated }\n`,
    );
    let error: unknown;
    try {
      loadStudy(file);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(InputError);
    const message = (error as Error).message;
    expect(message).toMatch(/odd\.yaml:2: rules\[0\]\.match: is not a regular expression/);
    expect(message).toMatch(/odd\.yaml:3: rules\[1\]\.replace: writes a digit/);
    expect(message).toMatch(/style\.yaml:\d+: levels\[2\]\.perturb\[0\]\.rules: names a rule table that is not there/);
    expect(message).toMatch(/style\.yaml:\d+: levels\[2\]\.perturb\[1\]\.typos: must be at most 0\.5/);
  });

  it('finds a bias planted on one writing style, and none on the others (simulated model, ground truth)', async () => {
    const runDir = join(dir, 'run');
    const file = study(mkdtempSync(join(tmpdir(), 'counterfair-writing-run-')), ['writing: {}']);
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        'accuracy: { default: 0.8 } }',
        'accuracy: { default: 0.8 }, bias: [{ axis: writing, level: aae, error_multiplier: 3 }] }',
      ),
    );
    const r = await runCli(['run', file, '--out', runDir]);
    expect(r.stderr).not.toContain('internal error');
    expect(r.code).toBe(0);
    const findings = JSON.parse(readFileSync(join(runDir, 'findings.json'), 'utf8')) as Finding[];
    expect(findings.filter((f) => f.significant).map((f) => `${f.axis}=${f.level}`)).toEqual(['writing=aae']);
    expect(findings.find((f) => f.level === 'aae')!.differenceCi![0]).toBeGreaterThan(0);
  }, 120_000);
});
