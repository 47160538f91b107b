/**
 * One import in a fresh process, for bench/import.ts: prints {"ms", "cpuMs", "peakRssMb"} as JSON on stdout (CPU
 * time beside wall time: on a shared machine the wall time is mostly waiting).
 * Usage: node --import tsx bench/importOnce.ts FILE OUT_DIR [files|analyse]
 */
import { importOutputs } from '../src/import/importOutputs.js';

const [file, outDir, stage] = process.argv.slice(2);
const columns =
  'vignette=case,model=model,replicate=rep,gold=gold,answer=answer,axes.race.column=race,axes.race.reference=white,answers=extracted';
const started = process.hrtime.bigint();
await importOutputs({ file: file!, mapping: { columns }, outDir: outDir!, skipBadRows: false, clock: () => 0, analyse: stage !== 'files' });
const ms = Number(process.hrtime.bigint() - started) / 1e6;
const usage = process.resourceUsage();
const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
process.stdout.write(`${JSON.stringify({ ms, cpuMs, peakRssMb: usage.maxRSS / 1024 })}\n`);
