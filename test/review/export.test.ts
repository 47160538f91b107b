import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REVIEW_COLUMNS } from '../../src/review/csv.js';
import type { ReviewKey } from '../../src/review/key.js';
import { sha256Hex } from '../../src/util/hash.js';
import { runCli } from '../helpers/cli.js';
import { startFakeOpenAI } from '../helpers/fakeOpenAI.js';
import { readCsv, readScores, readVariants, runStudyCli } from './studyRun.js';

/** Opaque tag of the prompt an answer replies to: lets the test map a blinded answer back, says nothing about the patient. */
const tagOf = (prompt: string) => `[tag ${sha256Hex(prompt).slice(0, 10)}]`;

describe('review export', () => {
  let server: Awaited<ReturnType<typeof startFakeOpenAI>>;
  let runDir: string;
  beforeAll(async () => {
    // A model that restates the whole case (every demographic cue) and answers Medicaid patients worse, with markup.
    server = await startFakeOpenAI((body) => {
      const prompt = body.messages.at(-1)!.content;
      const medicaid = prompt.includes('Medicaid');
      if (prompt.includes('ESI level')) return `${tagOf(prompt)} Answer: ${medicaid ? 'C' : 'B'}`;
      const advice = medicaid
        ? '<script>alert("x")</script> Reassure the patient and arrange routine follow-up.'
        : 'Follow the guideline: act now.';
      return `${tagOf(prompt)} Case restated: ${prompt.split('\n\n')[0]} ${advice}`;
    });
    runDir = await runStudyCli(
      [{ id: 'echo', provider: 'openai', model: 'echo-model', base_url: server.baseUrl, api_key_env: 'ECHO_KEY', max_retries: 0 }],
      { id: 'judge', provider: 'simulated', accuracy: 0.9, unparseable_rate: 0 },
      { ECHO_KEY: 'sk-echo' },
    );
  });
  afterAll(() => server.close());

  it('writes review.csv and review.html with no demographic cue, escaped model output, and a private key that maps back', async () => {
    const r = await runCli(['review', 'export', runDir]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\d+ items \(\d+ pairs; /);
    const csvText = readFileSync(join(runDir, 'review', 'review.csv'), 'utf8');
    const html = readFileSync(join(runDir, 'review', 'review.html'), 'utf8');
    const rows = readCsv(join(runDir, 'review', 'review.csv'));
    expect(csvText.split('\r\n')[0]).toBe(REVIEW_COLUMNS.map((c) => `"${c}"`).join(','));
    expect(rows.length).toBeGreaterThan(5);

    // Model output is inert in the page: one script element (the page's own), the model's markup shown as text.
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toMatch(/Content-Security-Policy" content="default-src 'none'/);
    expect(html).not.toMatch(/(?:src|href)=["']?(?:https?:)?\/\//);
    new Script(html.slice(html.indexOf('<script>') + 8, html.indexOf('</script>'))); // the inline script compiles

    // No cue of any variant survives, in the prompts or in the answers that restated them.
    const variants = readVariants(runDir);
    for (const v of variants) {
      for (const [start, end] of v.cueSpans) {
        const cue = v.messages[1]!.content.slice(start, end).trim();
        if (cue.length < 3) continue;
        const pattern = new RegExp(`(?<![\\p{L}])${cue.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'iu');
        expect(csvText, cue).not.toMatch(pattern);
        expect(html, cue).not.toMatch(pattern);
      }
    }
    for (const word of [
      'White',
      'Black',
      'Medicaid',
      'private',
      'Spanish',
      'English',
      'interpreter',
      'woman',
      'man',
      'he',
      'she',
      'his',
      'her',
    ]) {
      expect(csvText).not.toMatch(new RegExp(`\\b${word}\\b`, 'i'));
    }

    // The key maps every opaque id back to the model, the variants and which side is the reference.
    const key = JSON.parse(readFileSync(join(runDir, 'review-key.json'), 'utf8')) as ReviewKey;
    expect(key.items.map((i) => i.id).sort()).toEqual(rows.map((r) => r.item_id).sort());
    const byVariant = new Map(variants.map((v) => [v.variantId, v]));
    const scores = readScores(runDir);
    for (const row of rows) {
      const item = key.items.find((i) => i.id === row.item_id)!;
      expect(html).toContain(`data-id="${item.id}"`);
      expect(item.model).toBe('echo');
      expect(row.item_type).toBe(item.type);
      expect(row.answer_a).toContain(tagOf(byVariant.get(item.a.variantId)!.messages[1]!.content));
      expect(scores.find((s) => s.key === item.a.responseKey)!.variantId).toBe(item.a.variantId);
      if (item.type === 'pair') {
        expect(row.answer_b).toContain(tagOf(byVariant.get(item.b!.variantId)!.messages[1]!.content));
        expect(new Set([item.a.role, item.b!.role])).toEqual(new Set(['reference', 'level']));
        const reference = item.a.role === 'reference' ? item.a : item.b!;
        expect(reference.variantId).toBe(`${item.vignetteId}~ref`);
      } else expect(row.answer_b).toBe('');
    }
    const pairs = key.items.filter((i) => i.type === 'pair');
    expect(new Set(pairs.map((i) => i.a.role))).toEqual(new Set(['reference', 'level']));
    expect(
      pairs.every((i) => i.reasons.includes('flip') || i.reasons.includes('worst-case') || i.reasons.includes('judge-uncertain')),
    ).toBe(true);
  });

  it('keeps the most important items under --max, and the same ids on a re-export', async () => {
    const all = JSON.parse(readFileSync(join(runDir, 'review-key.json'), 'utf8')) as ReviewKey;
    const r = await runCli(['review', 'export', runDir, '--max', '3', '--out', join(runDir, 'small')]);
    expect(r.code).toBe(0);
    const key = JSON.parse(readFileSync(join(runDir, 'review-key.json'), 'utf8')) as ReviewKey;
    const shown = new Set(readCsv(join(runDir, 'small', 'review.csv')).map((row) => row.item_id));
    expect(shown.size).toBe(3);
    const small = { items: key.items.filter((i) => shown.has(i.id)) };
    // The key still names the first export's items: labels reviewers fill in for it must still import.
    expect(new Set(key.items.map((i) => i.id))).toEqual(new Set(all.items.map((i) => i.id)));
    const priority: Record<string, number> = { 'worst-case': 4, flip: 2, refusal: 1, unreadable: 1, 'judge-uncertain': 1 };
    const weight = (reasons: string[]) => reasons.reduce((sum, r) => sum + priority[r]!, 0);
    const cutoff = Math.min(...small.items.map((i) => weight(i.reasons)));
    expect(all.items.filter((i) => weight(i.reasons) > cutoff).every((i) => small.items.some((s) => s.id === i.id))).toBe(true);
    for (const item of small.items) expect(all.items.find((i) => i.id === item.id)).toEqual(item);
    expect((await runCli(['review', 'export', runDir, '--max', '0'])).code).toBe(2);
  });

  it('draws a random sample of judged single answers beside the queue, the same on a re-export', async () => {
    const before = JSON.parse(readFileSync(join(runDir, 'review-key.json'), 'utf8')) as ReviewKey;
    const scores = readScores(runDir);
    const judged = scores.filter((s) => s.judge !== undefined);
    expect(judged.length).toBeGreaterThan(5);
    const r = await runCli(['review', 'export', runDir, '--random', '5']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      new RegExp(`A random sample of 5 of the ${judged.length} judge-scored answers in .*review-random/review.html`),
    );
    const rows = readCsv(join(runDir, 'review-random', 'review.csv'));
    expect(rows).toHaveLength(5);
    const key = JSON.parse(readFileSync(join(runDir, 'review-key.json'), 'utf8')) as ReviewKey;
    const sample = key.items.filter((i) => i.reasons.includes('random-sample'));
    expect(sample.map((i) => i.id).sort()).toEqual(rows.map((row) => row.item_id).sort());
    expect(sample.every((i) => i.type === 'single' && i.b === null)).toBe(true);
    expect(sample.every((i) => judged.some((s) => s.key === i.a.responseKey))).toBe(true);
    // Beside the queue, not over it: the queue's items and its review.csv are still there.
    for (const item of before.items) expect(key.items).toContainEqual(item);
    expect(readCsv(join(runDir, 'review', 'review.csv')).length).toBeGreaterThan(0);
    // Seeded and order-free: the same sample again; a larger one contains the smaller.
    await runCli(['review', 'export', runDir, '--random', '5', '--out', join(runDir, 'again')]);
    expect(
      readCsv(join(runDir, 'again', 'review.csv'))
        .map((row) => row.item_id)
        .sort(),
    ).toEqual(sample.map((i) => i.id).sort());
    await runCli(['review', 'export', runDir, '--random', '8', '--out', join(runDir, 'larger')]);
    const larger = new Set(readCsv(join(runDir, 'larger', 'review.csv')).map((row) => row.item_id));
    expect(sample.every((i) => larger.has(i.id))).toBe(true);
    const both = await runCli(['review', 'export', runDir, '--random', '5', '--max', '3']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--random.*cannot be used with option '--max/);
  });
});
