import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdjudicationRecord } from '../../src/review/adjudications.js';
import { runCli } from '../helpers/cli.js';
import { startFakeOpenAI } from '../helpers/fakeOpenAI.js';
import { HeadlessChromium, runBrowserTests } from '../report/chromium.js';
import { readJsonl } from '../../src/pipeline/runDir.js';
import { runStudyCli } from './studyRun.js';

interface Labelled {
  progress: string;
  csv: string;
  json: string;
  scripts: number;
  hostileTextShown: boolean;
}

/**
 * Runs in the page as a reviewer would work: names themself, labels the first two items (every radio group),
 * then downloads the labels. Downloads are captured by intercepting the object URL the page creates.
 */
const LABEL_AND_DOWNLOAD = `(async () => {
  const blobs = [];
  URL.createObjectURL = (blob) => { blobs.push(blob); return 'about:blank'; };
  HTMLAnchorElement.prototype.click = function () {};
  const reviewer = document.getElementById('reviewer');
  reviewer.value = 'Dr Chrome';
  reviewer.dispatchEvent(new Event('input', { bubbles: true }));
  for (const section of [...document.querySelectorAll('section.item')].slice(0, 2)) {
    for (const fieldset of section.querySelectorAll('fieldset')) fieldset.querySelector('input[value="different"], input[value="incorrect"]').click();
  }
  document.getElementById('download-csv').click();
  document.getElementById('download-json').click();
  return {
    progress: document.getElementById('progress').textContent,
    csv: await blobs[0].text(),
    json: await blobs[1].text(),
    scripts: document.querySelectorAll('script').length,
    hostileTextShown: document.body.textContent.includes('<script>alert("x")</script>'),
  };
})()`;

describe.skipIf(!runBrowserTests)('review.html in headless Chromium (offline)', () => {
  let server: Awaited<ReturnType<typeof startFakeOpenAI>>;
  let runDir: string;
  let browser: HeadlessChromium;
  beforeAll(async () => {
    server = await startFakeOpenAI((body) => {
      const prompt = body.messages.at(-1)!.content;
      if (prompt.includes('ESI level')) return `Answer: ${prompt.includes('Medicaid') ? 'C' : 'B'}`;
      return prompt.includes('Medicaid') ? '<script>alert("x")</script> Reassure the patient.' : 'Follow the guideline: act now.';
    });
    runDir = await runStudyCli(
      [{ id: 'm', provider: 'openai', model: 'm', base_url: server.baseUrl, api_key_env: 'KEY', max_retries: 0 }],
      { id: 'judge', provider: 'simulated' },
      { KEY: 'k' },
    );
    expect((await runCli(['review', 'export', runDir])).code).toBe(0);
    browser = HeadlessChromium.launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('labels and downloads offline, runs no model output, keeps the labels in the browser, and its files import', async () => {
    const url = pathToFileURL(join(runDir, 'review', 'review.html')).href;
    const ready = `document.getElementById('progress') !== null && document.getElementById('progress').textContent !== ''`;
    const { observed, probed } = await browser.inspect<Labelled>(url, ready, LABEL_AND_DOWNLOAD);
    expect(observed.requests).toEqual([url]);
    expect(observed.dialogs).toEqual([]);
    expect(observed.problems).toEqual([]);
    expect(probed.scripts).toBe(1);
    expect(probed.hostileTextShown).toBe(true);
    expect(probed.progress).toMatch(/^2 of \d+ items labelled$/);

    // A second visit finds the labels where the reviewer left them.
    const restored = await browser.inspect<{ reviewer: string; checked: number }>(
      url,
      ready,
      `({ reviewer: document.getElementById('reviewer').value, checked: document.querySelectorAll('input:checked').length })`,
    );
    expect(restored.probed.reviewer).toBe('Dr Chrome');
    expect(restored.probed.checked).toBeGreaterThanOrEqual(2);

    for (const [name, text] of [
      ['labels.csv', probed.csv],
      ['labels.json', probed.json],
    ] as const) {
      const file = join(runDir, name);
      writeFileSync(file, text);
      const r = await runCli(['review', 'import', runDir, file]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/labels from 2 reviewed items merged; \d+ rows without labels skipped/);
    }
    const records = readJsonl<AdjudicationRecord>(join(runDir, 'adjudications.jsonl'));
    expect(records.length).toBeGreaterThanOrEqual(4);
    expect(records.every((r) => r.by === 'Dr Chrome' && (r.label === 'incorrect' || r.label === 'different'))).toBe(true);
  });

  it('fits every notes box inside its card and the page inside the screen, at 390 and 1400 px', async () => {
    const url = pathToFileURL(join(runDir, 'review', 'review.html')).href;
    const probe = `(() => {
      const overflowing = [...document.querySelectorAll('section.item')].filter((card) => {
        const box = card.getBoundingClientRect();
        return [...card.querySelectorAll('textarea, fieldset, .answers')].some((el) => {
          const r = el.getBoundingClientRect();
          return r.left < box.left || r.right > box.right;
        });
      }).length;
      return { overflowing, notes: document.querySelectorAll('section.item textarea').length, pageWidth: document.documentElement.scrollWidth, screen: window.innerWidth };
    })()`;
    for (const width of [390, 1400]) {
      const { probed } = await browser.inspect<{ overflowing: number; notes: number; pageWidth: number; screen: number }>(
        url,
        'true',
        probe,
        {
          width,
        },
      );
      expect(probed.notes, `${width} px`).toBeGreaterThan(0);
      expect(probed.overflowing, `${width} px`).toBe(0);
      expect(probed.pageWidth, `${width} px`).toBeLessThanOrEqual(probed.screen);
    }
  });
});
