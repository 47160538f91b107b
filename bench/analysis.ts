/**
 * Analyses 1.7 million scored responses — 1,000 vignettes × 32 variants (one-at-a-time over 5 axes) × 9 models ×
 * 6 replicates, generated here with a seeded generator into a score table's columns (as `analyze` reads a run's
 * scores; no record is kept) — with 2,000 bootstrap resamples, and prints the time and peak memory. Target: under
 * 20 s and 1.5 GB. Run: npm run bench:analysis:memory (the in-memory function only; npm run bench:analysis measures
 * the CLI on a real run directory)
 */
import { analyze } from '../src/analysis/analyze.js';
import type { Axis } from '../src/demographics/types.js';
import { ScoreTable } from '../src/score/table.js';
import type { ScoreRecord } from '../src/score/types.js';
import { createRng } from '../src/stats/rng.js';
import type { Vignette } from '../src/template/types.js';

const VIGNETTES = 1000;
const MODELS = 9;
const REPLICATES = 6;
const LEVELS = [8, 8, 8, 8, 4]; // non-reference levels 7+7+7+7+3 = 31, plus the reference: 32 variants
const axes: Axis[] = LEVELS.map((k, a) => ({
  id: `axis${a}`,
  label: `Axis ${a}`,
  slot: 'sentence',
  reference: 'l0',
  file: 'bench',
  levels: Array.from({ length: k }, (_, l) => ({ id: `l${l}`, label: `Level ${l}` })),
}));
const domains = ['triage', 'pain', 'cardiology', 'sepsis', 'stroke', 'kidney', 'obstetrics', 'mental-health', 'paediatrics'];
const vignettes: Vignette[] = Array.from({ length: VIGNETTES }, (_, i) => ({
  id: `v${String(i).padStart(4, '0')}`,
  domain: domains[i % domains.length]!,
  perspective: (['patient', 'clinician', 'general'] as const)[i % 3]!,
  text: '',
  question: { type: 'choice', stem: '', options: { A: 'a', B: 'b', C: 'c', D: 'd' }, answer: 'A' },
  rationale: '',
  source: '',
  excluded: [],
  implausible: [],
  tags: [],
  paraphrases: [],
  file: 'bench',
}));

function* generateScores(): Generator<ScoreRecord> {
  const rng = createRng(20261123);
  const reference = Object.fromEntries(axes.map((a) => [a.id, 'l0']));
  const variants: { id: string; attributes: Record<string, string>; kind: 'reference' | 'demographic'; bias: number }[] = [
    { id: 'ref', attributes: reference, kind: 'reference', bias: 1 },
  ];
  for (const axis of axes)
    for (const level of axis.levels.slice(1))
      variants.push({
        id: `${axis.id}=${level.id}`,
        attributes: { ...reference, [axis.id]: level.id },
        kind: 'demographic',
        bias: axis.id === 'axis0' && level.id === 'l1' ? 1.5 : 1,
      });
  const pinned = {};
  for (let m = 0; m < MODELS; m++) {
    const modelId = `model-${m}`;
    for (const v of vignettes) {
      const base = 0.4 * rng();
      for (let r = 0; r < REPLICATES; r++) {
        const shared = rng();
        for (const variant of variants) {
          const u = rng() < 0.3 ? rng() : shared;
          const outcome = rng() < 0.01 ? 'unparseable' : u < Math.min(0.95, base * variant.bias) ? 'incorrect' : 'correct';
          yield {
            key: `${modelId}:${v.id}:${variant.id}:${r}`,
            modelId,
            vignetteId: v.id,
            variantId: `${v.id}~${variant.id}`,
            replicate: r,
            domain: v.domain,
            perspective: v.perspective,
            questionType: 'choice',
            attributes: variant.attributes,
            kind: variant.kind,
            pinned,
            outcome,
            extracted: outcome === 'correct' ? 'A' : outcome === 'incorrect' ? 'B' : null,
            signedDeviation: null,
            hedge: false,
            extractor: 'bench',
            extractorVersion: 1,
            explanation: '',
          };
        }
      }
    }
  }
}

let peak = 0;
const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
const sampler = setInterval(sample, 50);
const table = new ScoreTable(VIGNETTES * 32 * MODELS * REPLICATES);
for (const score of generateScores()) table.add(score);
const scores = table.rows();
sample();
const generatedRss = process.memoryUsage().rss;
console.log(
  `bench:analysis  ${scores.length.toLocaleString('en-US')} scored responses (${VIGNETTES} vignettes x 32 variants x ${MODELS} models x ${REPLICATES} replicates), RSS after generating ${(generatedRss / 2 ** 20).toFixed(0)} MB`,
);
const started = process.hrtime.bigint();
const results = analyze(
  { scores, vignettes, axes, modelIds: Array.from({ length: MODELS }, (_, m) => `model-${m}`), design: { kind: 'one-at-a-time' } },
  { alpha: 0.05, adjustment: 'holm', mcnemar: 'exact', seed: 1, bootstrapResamples: 2000 },
);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
clearInterval(sampler);
sample();
peak = Math.max(peak, process.resourceUsage().maxRSS * 1024);
const flagged = results.findings.filter((f) => f.significant);
console.log(
  `bench:analysis  ${results.findings.length} error-amplification contrasts (+${results.secondaryFindings.length} secondary), ${flagged.length} significant: ${[...new Set(flagged.map((f) => `${f.axis}=${f.level}`))].join(', ')}`,
);
console.log(`bench:analysis  analysis time ${seconds.toFixed(2)} s (target < 20 s)`);
console.log(`bench:analysis  peak RSS ${(peak / 2 ** 20).toFixed(0)} MB including the generated scores (target < 1536 MB)`);
