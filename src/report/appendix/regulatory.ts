import { paragraph, table, type Block, type DisplayTable } from '../document/blocks.js';
import { plural } from '../format.js';
import type { ReportContext } from '../sources.js';
import { axisBases } from './protectedBases.js';
import { provenance, referenceStandardClaim } from '../content/provenance.js';
import { fillPlaceholders, type Placeholder, type Provision } from './provisions.js';

/** Each provision with its evidence and limits written for this run (placeholders filled, supplied-case wording chosen). */
export function provisionEvidence(ctx: ReportContext, provisions: readonly Provision[]): Provision[] {
  const { findings, secondaryFindings, shifts, flips } = ctx.results;
  const supplied = provenance(ctx).kind === 'supplied';
  const significant = findings.filter((f) => f.significant).map((f) => ctx.contrastLabel(f));
  const disparities = significant.length
    ? `significant after correction: ${significant.join(', ')}`
    : 'none significant after correction, which is evidence of equity only as far as the power stated in the summary reaches';
  const probes = (ctx.results.probes ?? []).filter((p) => p.vignetteId !== null);
  const actedOn = probes.filter((p) => p.levels.some((l) => l.targeted && (l.errors ?? 0) > 0)).map((p) => `${p.model}: ${p.vignetteId}`);
  const probeEvidence = probes.length
    ? `; race-myth probes, reported apart (${plural(probes.length, 'model × probe result')}; answered against the key at a level the myth is about: ${actedOn.length ? actedOn.join(', ') : 'none'})`
    : '';
  const evidence = `error amplification for ${plural(findings.length, 'contrast')} (${disparities}); ${plural(secondaryFindings.length, 'secondary-endpoint contrast')}; ${plural(shifts.length, 'direction-of-care contrast')}; flip rates for ${plural(flips.length, 'level')}${probeEvidence}`;
  const values: Record<Placeholder, string> = {
    evidence,
    'bases:section1557': axisBases(ctx.axes, 'section1557'),
    'bases:euAiAct': axisBases(ctx.axes, 'euAiAct'),
    referenceStandard: referenceStandardClaim(ctx),
  };
  return provisions.map((p) => ({
    ...p,
    evidence: fillPlaceholders(supplied ? (p.evidenceSupplied ?? p.evidence) : p.evidence, values),
    notEstablished: fillPlaceholders(supplied ? (p.notEstablishedSupplied ?? p.notEstablished) : p.notEstablished, values),
  }));
}

/**
 * The evidence this run provides, set against what each provision of `regulatory/provisions.yaml` asks. Each row
 * paraphrases the provision, names the concrete evidence in this run, says what the evidence does not cover, and
 * gives the provision's status and the date its text was checked: the audit is evidence relevant to these
 * questions, never a finding of compliance, which depends on who uses the model, how, and on obligations
 * (governance, inventories, labelling, monitoring) that a model audit cannot discharge.
 */
export function regulatoryBlocks(ctx: ReportContext, provisions: readonly Provision[]): Block[] {
  const rows = provisionEvidence(ctx, provisions);
  const mapping: DisplayTable = {
    headers: [
      'provision',
      'what it asks (paraphrased)',
      'evidence from this run',
      'what this evidence does not establish',
      'status (text checked)',
    ],
    rows: rows.map((p) => ({
      cells: [
        p.provision,
        p.asks,
        p.evidence,
        p.notEstablished,
        `${p.status}${p.statusNote ? `: ${p.statusNote}` : ''} (checked ${p.checked}; ${p.source})`,
      ],
    })),
  };
  return [
    paragraph(
      "The table relates this run's evidence to the questions asked by each provision. It is evidence relevant to these provisions, not a statement of compliance with any of them: obligations fall on covered entities, certified developers, providers or manufacturers, and depend on the intended use and deployment of the model. The provisions are paraphrased, each with its status and the date its text was last checked against the source named; rely on the official texts, which may have been amended since. The same mapping, keyed by provision, with the files of this run that support each, is regulatory-evidence.json.",
    ),
    table(mapping, 'No provisions mapped.'),
  ];
}
