/**
 * One import in a fresh process, for bench/import.ts: prints {"ms", "peakRssMb"} as JSON on stdout.
 * Usage: node --import tsx bench/importOnce.ts FILE OUT_DIR [files|analyse]
 */
import { importOutputs } from '../src/import/importOutputs.js';

const [file, outDir, stage] = process.argv.slice(2);
const columns =
  'vignette=case,model=model,replicate=rep,gold=gold,answer=answer,axes.race.column=race,axes.race.reference=white,answers=extracted';
const started = process.hrtime.bigint();
await importOutputs({ file: file!, mapping: { columns }, outDir: outDir!, skipBadRows: false, clock: () => 0, analyse: stage !== 'files' });
const ms = Number(process.hrtime.bigint() - started) / 1e6;
process.stdout.write(`${JSON.stringify({ ms, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
