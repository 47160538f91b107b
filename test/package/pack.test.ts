import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../helpers/paths.js';

/**
 * The package as a user gets it: `npm pack` (which builds dist/ through `prepare`), installed from the tarball
 * into an empty project preferring npm's cache (the registry is asked only for what the cache lacks), then used there as a CLI
 * and as a library, from JavaScript and type-checked TypeScript.
 */
describe('the packed package, installed into an empty project', () => {
  it('runs `npx counterfair --help`, and a program that imports the API runs a study, gates it and uses counterfair/stats', () => {
    const work = mkdtempSync(join(tmpdir(), 'counterfair-pack-'));
    const packed = JSON.parse(
      execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
        cwd: fromRoot('.'),
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    ) as { filename: string; files: { path: string }[] }[];
    const files = packed[0]!.files.map((f) => f.path);
    expect(files).toContain('dist/index.js');
    expect(files).toContain('dist/index.d.ts');
    expect(files).toContain('templates/chest-pain.yaml');
    expect(files.filter((f) => /^(test|bench|src)\//.test(f))).toEqual([]);

    const project = join(work, 'project');
    execFileSync('mkdir', ['-p', project]);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', join(work, packed[0]!.filename)], {
      cwd: project,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const installed = JSON.parse(readFileSync(join(project, 'node_modules/counterfair/package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(Object.keys(installed.dependencies)).not.toContain('tsx');
    expect(Object.keys(installed.dependencies)).not.toContain('typescript');

    const help = execFileSync('npx', ['--no-install', 'counterfair', '--help'], { cwd: project, encoding: 'utf8' });
    expect(help).toContain('Usage: counterfair');

    writeFileSync(
      join(project, 'audit.mjs'),
      `import { loadStudy, runStudy, gateRun } from 'counterfair';
import { mcnemar } from 'counterfair/stats';
const loaded = loadStudy('node_modules/counterfair/examples/quickstart.yaml');
let updates = 0;
const result = await runStudy(loaded, { env: {}, outDir: 'run', progress: { onProgress: () => updates++ } });
const gate = gateRun(result.runDir, { maxDifference: 5 });
console.log(JSON.stringify({ complete: result.complete, findings: result.findings.length, flagged: result.findings.filter((f) => f.significant).map((f) => f.axis + '=' + f.level), updates, gatePassed: gate.passed, p: mcnemar(10, 2).pValue }));
`,
    );
    const out = JSON.parse(execFileSync('node', ['audit.mjs'], { cwd: project, encoding: 'utf8' })) as {
      complete: boolean;
      findings: number;
      flagged: string[];
      updates: number;
      gatePassed: boolean;
      p: number;
    };
    expect(out.complete).toBe(true);
    expect(out.findings).toBeGreaterThan(0);
    expect(out.flagged).toContain('insurance=medicaid');
    expect(out.updates).toBeGreaterThan(0);
    expect(out.gatePassed).toBe(false);
    expect(out.p).toBeGreaterThan(0);
    expect(out.p).toBeLessThan(0.05);

    writeFileSync(
      join(project, 'typed.ts'),
      `import { loadStudy, type Finding, type RunOptions } from 'counterfair';\nimport { wilsonInterval } from 'counterfair/stats';\nconst options: RunOptions = { env: {} };\nconst first: Finding | undefined = undefined;\nconst name: string = loadStudy('x.yaml').study.name;\nconst low: number = wilsonInterval(3, 10).low;\nexport { options, first, name, low };\n`,
    );
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          target: 'ES2022',
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: [],
        },
        files: ['typed.ts'],
      }),
    );
    execFileSync(process.execPath, [fromRoot('node_modules/typescript/bin/tsc'), '-p', project], { cwd: project, encoding: 'utf8' });
  }, 300_000);
});
