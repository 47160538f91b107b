import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { AnalysisResults } from '../../src/analysis/analyze.js';
import { runCli } from '../helpers/cli.js';

export const FIXTURE_STUDY = fileURLToPath(new URL('./fixtures/study.yaml', import.meta.url));

/** Untrusted text that must stay text: script tags, a tag that ends a script element, JSON breakers, a comment. */
export const PAYLOAD = `<script>alert(1)</script></script><img src=x onerror=alert(1)>"]}'<!--`;
/** Text a spreadsheet would run as a formula. */
export const FORMULA = '=HYPERLINK("http://example.invalid/","click")';

/** A fresh run of the fixture study (simulated model: no network), with its report, in a temporary folder. */
export async function freshRun(): Promise<string> {
  const dir = join(mkdtempSync(join(tmpdir(), 'counterfair-report-')), 'run');
  const r = await runCli(['run', FIXTURE_STUDY, '--out', dir]);
  expect(r.stderr).not.toContain('internal error');
  expect(r.code).toBe(0);
  return dir;
}

/**
 * Puts hostile text everywhere a report shows recorded data: model answers (the worst case's texts, with
 * formulas), the study name, a model's system prompt, a template file name, a vignette id (renamed consistently
 * in scores and results, so it reaches the charts), a domain, an exclusion reason and a finding's sentence.
 */
export function injectPayloads(runDir: string): void {
  const results = readJson<AnalysisResults>(join(runDir, 'results.json'));
  const worst = results.worstCases[0]!;
  const victim = worst.vignetteId;
  const hostileId = `${victim}${PAYLOAD}`;
  editJsonl(join(runDir, 'responses.jsonl'), (r: { key: string; text: string | null }) => {
    if (r.key === worst.referenceKey) r.text = `${FORMULA} ${PAYLOAD}`;
    else if (r.key === worst.levelKey) r.text = `@SUM(1) ${PAYLOAD}\n${r.text}`;
    else if (r.text !== null) r.text = `${PAYLOAD}\n${r.text}`;
  });
  editJsonl(join(runDir, 'scores.jsonl'), (s: { vignetteId: string; domain: string }) => {
    if (s.vignetteId === victim) (s.vignetteId = hostileId), (s.domain = `${s.domain}${PAYLOAD}`);
  });
  for (const w of results.worstCases) if (w.vignetteId === victim) w.vignetteId = hostileId;
  results.findings[0]!.sentence += PAYLOAD;
  results.exclusions.push({ vignetteId: hostileId, axis: 'sex', value: PAYLOAD, reason: PAYLOAD });
  writeFileSync(join(runDir, 'results.json'), JSON.stringify(results));
  const manifest = readJson<{ study: { name: string }; templates: Record<string, string>; models: Record<string, unknown>[] }>(
    join(runDir, 'manifest.json'),
  );
  manifest.study.name = `Hostile ${PAYLOAD}`;
  manifest.templates[`../templates/${PAYLOAD}.yaml`] = '0'.repeat(64);
  manifest.models[0]!.systemPrompt = PAYLOAD;
  writeFileSync(join(runDir, 'manifest.json'), JSON.stringify(manifest));
}

/** Every report output under a run directory (not the inputs), path -> bytes, for byte-for-byte comparison. */
export function reportFiles(runDir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const add = (path: string) => out.set(relative(runDir, path), readFileSync(path));
  for (const name of ['report.html', 'appendix.md']) add(join(runDir, name));
  for (const folder of ['charts', 'tables']) {
    for (const name of readdirSync(join(runDir, folder)).sort())
      if (statSync(join(runDir, folder, name)).isFile()) add(join(runDir, folder, name));
  }
  return out;
}

export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

function editJsonl<T>(path: string, edit: (record: T) => void): void {
  const lines = readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  const records = lines.map((l) => JSON.parse(l) as T);
  records.forEach(edit);
  writeFileSync(path, `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
}
