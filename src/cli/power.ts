import { Command, InvalidArgumentError } from 'commander';
import type { CliIO } from './program.js';

const number = (min: number, max: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) throw new InvalidArgumentError(`expected a number from ${min} to ${max}`);
  return n;
};
const integer = (min: number, max: number) => (value: string) => {
  const n = number(min, max)(value);
  if (!Number.isInteger(n)) throw new InvalidArgumentError('expected a whole number');
  return n;
};

interface PowerOptions {
  baseline: number;
  amplification: number;
  instability: number;
  difficulty: 'fixed' | 'uniform';
  alpha: number;
  contrasts: number;
  power: number;
  vignettes?: number;
  replicates: number;
  simulations: number;
  seed: number;
  json?: boolean;
}

export function powerCommand(io: CliIO): Command {
  return new Command('power')
    .description('vignettes (and replicates) needed to detect a given error amplification')
    .requiredOption('--baseline <rate>', 'error rate at the reference level (0-1)', number(0.0001, 0.9999))
    .requiredOption('--amplification <ratio>', 'relative amplification to detect, e.g. 1.1 for +10%', number(0.01, 100))
    .option(
      '--instability <s>',
      'chance a variant is answered independently of its vignette (1 = independent errors, conservative; a pilot flip rate informs it)',
      number(0, 1),
      1,
    )
    .option(
      '--difficulty <kind>',
      'fixed: every vignette at the baseline; uniform: spread as the simulated model draws them',
      (v) => {
        if (v !== 'fixed' && v !== 'uniform') throw new InvalidArgumentError('fixed or uniform');
        return v;
      },
      'fixed',
    )
    .option('--alpha <a>', 'significance level', number(1e-6, 0.5), 0.05)
    .option('--contrasts <m>', 'contrasts in the Holm family (alpha/m is used)', integer(1, 10_000), 1)
    .option('--power <p>', 'target power', number(0.01, 0.999), 0.8)
    .option('--vignettes <n>', 'also report the power at this number of vignettes', integer(2, 100_000))
    .option('--replicates <r>', 'replicates per variant (more than 1: simulated with the simulated model)', integer(1, 100), 1)
    .option('--simulations <k>', 'simulated studies per estimate (replicates > 1)', integer(50, 100_000), 500)
    .option('--seed <seed>', 'seed for simulations', integer(0, 2 ** 32 - 1), 1)
    .option('--json', 'print JSON on stdout')
    .action(async (o: PowerOptions) => {
      // Loaded on use so `--help` stays fast (the simulation pulls in the simulated model).
      const [{ discordance }, { mcnemarPower, vignettesForPower }, { simulatePower }] = await Promise.all([
        import('../power/discordance.js'),
        import('../power/mcnemarPower.js'),
        import('../power/simulate.js'),
      ]);
      const alpha = o.alpha / o.contrasts;
      const d = discordance({ baseline: o.baseline, amplification: o.amplification, instability: o.instability, difficulty: o.difficulty });
      const simulated = (n: number) =>
        simulatePower({
          vignettes: n,
          replicates: o.replicates,
          baseline: o.baseline,
          amplification: o.amplification,
          instability: o.instability,
          alpha,
          simulations: o.simulations,
          seed: o.seed,
        });
      const result =
        o.replicates === 1
          ? {
              method: 'exact McNemar (analytic)',
              vignettesNeeded: vignettesForPower(d, alpha, o.power),
              powerAt: o.vignettes ? mcnemarPower(o.vignettes, d, alpha) : undefined,
            }
          : {
              method: `clustered McNemar over vignettes, ${o.replicates} replicates (simulated, ${o.simulations} studies)`,
              vignettesNeeded: undefined,
              powerAt: o.vignettes ? simulated(o.vignettes) : undefined,
            };
      const out = { ...o, alphaPerContrast: alpha, discordance: d, ...result };
      if (o.json) {
        io.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
        return;
      }
      io.stdout.write(`Method: ${result.method}; alpha per contrast ${alpha.toPrecision(3)}\n`);
      io.stdout.write(
        `Discordant pairs expected: level only ${(100 * d.levelOnly).toFixed(2)}%, reference only ${(100 * d.referenceOnly).toFixed(2)}%\n`,
      );
      if (o.replicates === 1)
        io.stdout.write(
          result.vignettesNeeded === null
            ? `More than 20,000 vignettes would be needed for ${o.power} power.\n`
            : `Vignettes needed for ${o.power} power: ${result.vignettesNeeded}\n`,
        );
      else if (!o.vignettes) io.stdout.write('With replicates, give --vignettes N to simulate the power at N vignettes.\n');
      if (result.powerAt !== undefined) io.stdout.write(`Power with ${o.vignettes} vignettes: ${(100 * result.powerAt).toFixed(1)}%\n`);
    });
}
