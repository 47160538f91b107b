import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { FORMULA, freshRun, injectPayloads, PAYLOAD } from './fixture.js';

/** Static checks that hostile recorded text stays text; browser.test.ts shows the same page is inert in Chromium. */
describe('untrusted text in the report', () => {
  let runDir: string;
  let html: string;
  beforeAll(async () => {
    runDir = await freshRun();
    injectPayloads(runDir);
    const r = await runCli(['report', runDir]);
    expect(r.code).toBe(0);
    html = readFileSync(join(runDir, 'report.html'), 'utf8');
  });

  it('escapes it in the HTML: only our own script elements, no injected tags, no comment openers', () => {
    const markup = html.replace(/<script>[\s\S]*?<\/script>/g, '<script></script>'); // our library code quotes markup in strings
    expect(markup).not.toContain('<script>alert');
    expect(markup).not.toContain('<img');
    expect(html).not.toContain('<!--');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&quot;]}&#39;&lt;!--');
    const scripts = [...html.matchAll(/<script(?: [^>]*)?>/g)].map((m) => m[0]);
    expect(scripts.filter((s) => s === '<script>')).toHaveLength(4);
    expect(scripts.filter((s) => s !== '<script>').every((s) => /^<script type="application\/json" id="spec-[a-z-]+">$/.test(s))).toBe(
      true,
    );
  });

  it('keeps it intact inside the embedded chart JSON, which no payload can end early', () => {
    const specs = [...html.matchAll(/<script type="application\/json" id="spec-([a-z-]+)">([\s\S]*?)<\/script>/g)];
    expect(specs.length).toBeGreaterThan(3);
    for (const [, name, json] of specs) {
      expect(json, name).not.toContain('<');
      const spec = JSON.parse(json!) as unknown;
      const onDisk = JSON.parse(readFileSync(join(runDir, 'charts', `${name}.vl.json`), 'utf8')) as unknown;
      expect(spec).toEqual(onDisk);
    }
    expect(
      specs.some(([, , json]) =>
        (JSON.parse(json!) as { data?: { values: { vignette: string }[] } }).data?.values.some((v) => v.vignette?.endsWith(PAYLOAD)),
      ),
    ).toBe(true);
  });

  it('escapes it in the Markdown appendix and the SVG charts', () => {
    const md = readFileSync(join(runDir, 'appendix.md'), 'utf8');
    // Code blocks and spans are literal in Markdown; everywhere else a '<' must be backslash-escaped.
    const prose = md.replace(/^(`{3,})\n[\s\S]*?\n\1$/gm, '').replace(/(`+)[^`]*?\1/g, '');
    expect(prose).not.toMatch(/(^|[^\\])<(script|img)/im);
    expect(md).toContain('\\<script\\>alert(1)\\</script\\>');
    const svg = readFileSync(join(runDir, 'charts', 'flips-heatmap.svg'), 'utf8');
    expect(svg).not.toMatch(/<(script|img)/i);
    expect(svg).toContain('&lt;script&gt;');
  });

  it('guards CSV cells against formulas and keeps the texts whole', () => {
    const csv = readFileSync(join(runDir, 'tables', 'worst-cases.csv'), 'utf8');
    expect(csv).toContain(`"'${FORMULA.replace(/"/g, '""')} ${PAYLOAD.replace(/"/g, '""')}"`);
    expect(csv).toContain(`"'@SUM(1) ${PAYLOAD.replace(/"/g, '""')}`);
    expect(csv).not.toMatch(/(^|,)[=+@-]/m);
  });
});
