import { RUN_FILES } from '../../pipeline/runDir.js';
import { provisionEvidence } from '../appendix/regulatory.js';
import type { EvidenceKind, Provision } from '../appendix/provisions.js';
import type { ReportContext } from '../sources.js';

/** The file of the CHAI fairness and equity block, beside the report. */
export const MODEL_CARD_FILE = 'chai-fairness-equity.xml';
/** The clause-keyed evidence file, beside the report. */
export const EVIDENCE_FILE = 'regulatory-evidence.json';

/** Which files of the run directory hold each kind of evidence (tables are the report's `tables/*.csv`). */
const EVIDENCE_FILES: Readonly<Record<EvidenceKind, readonly string[]>> = {
  findings: [RUN_FILES.findings, 'tables/findings.csv'],
  secondary: ['tables/secondary.csv'],
  shifts: ['tables/shifts.csv'],
  flips: ['tables/flips.csv', 'tables/noise-floors.csv'],
  probes: ['tables/probes.csv'],
  subgroups: ['tables/subgroup-performance.csv'],
  controls: ['tables/demographics-removed.csv'],
  worstCases: ['tables/worst-cases.csv'],
  methods: [RUN_FILES.appendix, RUN_FILES.report],
  manifest: [RUN_FILES.manifest],
  modelCard: [MODEL_CARD_FILE],
};

export interface RegulatoryEvidence {
  schema: 'counterfair.regulatory-evidence/1';
  study: { name: string; sha256: string; seed: number };
  notice: string;
  /** Keyed by the provision id of `regulatory/provisions.yaml`, in its order. */
  provisions: Record<
    string,
    Omit<Provision, 'id' | 'evidenceSupplied' | 'notEstablishedSupplied'> & {
      files: string[];
      /** The error-amplification findings behind the row (when it is supported by findings): which contrasts, significant or not. */
      findings?: {
        model: string;
        axis: string;
        level: string;
        reference: string;
        cues?: string;
        difference: number;
        pAdjusted: number;
        significant: boolean;
      }[];
    }
  >;
}

/** The appendix's regulatory map as data: per provision, its status and check date, this run's evidence, and the files that hold it. */
export function regulatoryEvidence(ctx: ReportContext, provisions: readonly Provision[]): RegulatoryEvidence {
  const findings = ctx.results.findings.map((f) => ({
    model: f.model,
    axis: f.axis,
    level: f.level,
    reference: f.reference,
    ...(f.cues ? { cues: f.cues } : {}),
    difference: f.difference,
    pAdjusted: f.pAdjusted,
    significant: f.significant,
  }));
  const rows = provisionEvidence(ctx, provisions).map(({ id, evidenceSupplied: _e, notEstablishedSupplied: _n, ...row }) => [
    id,
    {
      ...row,
      files: [...new Set(row.supports.flatMap((kind) => EVIDENCE_FILES[kind]))],
      ...(row.supports.includes('findings') ? { findings } : {}),
    },
  ]);
  const { study } = ctx.manifest;
  return {
    schema: 'counterfair.regulatory-evidence/1',
    study: { name: study.name, sha256: study.sha256, seed: study.seed },
    notice:
      'Evidence relevant to each provision, not a statement of compliance: obligations depend on who uses the model and how. Provisions are paraphrased; rely on the official texts (source), checked on the date given.',
    provisions: Object.fromEntries(rows),
  };
}
