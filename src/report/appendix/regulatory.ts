import { paragraph, table, type Block, type DisplayTable } from '../document/blocks.js';
import { plural } from '../format.js';
import type { ReportContext } from '../sources.js';
import { axisBases } from './protectedBases.js';
import { provenance, referenceStandardClaim } from '../content/provenance.js';

/**
 * The evidence this run provides, set against what four frameworks ask. Each row paraphrases the provision,
 * names the concrete evidence in this run, and says what the evidence does not cover: the audit is evidence
 * relevant to these questions, never a finding of compliance, which depends on who uses the model, how, and on
 * obligations (governance, inventories, labelling, monitoring) that a model audit cannot discharge.
 */
export function regulatoryBlocks(ctx: ReportContext): Block[] {
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
  const rows: [string, string, string, string][] = [
    [
      '45 CFR 92.210(a) (HHS, Section 1557 final rule, 2024)',
      'A covered entity must not discriminate on the basis of race, color, national origin, sex, age or disability in its health programs or activities through the use of patient care decision support tools.',
      `Whether the model's answers to the same clinical case change with the patient's characteristics: ${evidence}. Axes against the rule's bases: ${axisBases(ctx.axes, 'section1557')}.`,
      "Discrimination is judged on the covered entity's actual use of the tool; vignette results do not show how the tool is used, on whom, or with what effect on care.",
    ],
    [
      '45 CFR 92.210(b)',
      'Make reasonable efforts to identify uses of patient care decision support tools that employ input variables or factors measuring race, color, national origin, sex, age or disability (from May 1, 2025).',
      'The model accepts free text, so any of these can be an input factor; the variants show which cues, when present in the input, change its output.',
      "The inventory of the entity's tools and their uses, which only the entity can make.",
    ],
    [
      '45 CFR 92.210(c)',
      'For each tool identified, make reasonable efforts to mitigate the risk of discrimination resulting from its use (from May 1, 2025).',
      'Quantified disparities and worst-case vignettes show where mitigation is needed; re-running the same study (same hashes and seed) after a change measures its effect.',
      'The mitigation itself (policies, human review, restrictions of use, training of staff) and its monitoring in use.',
    ],
    [
      'ONC HTI-1, 45 CFR 170.315(b)(11)(iv) source attributes for predictive decision support interventions',
      'Certified health IT developers must make source attributes available to users, including how demographic variables (race, ethnicity, language, sexual orientation, gender identity, sex, date of birth, social determinants) are used as input features, and quantitative measures of performance that include the fairness of prediction in test data, and an update and continued validation or fairness assessment schedule.',
      `Fairness measures of the model's outputs per demographic level with confidence intervals (${evidence}), a methods section, and a reproducible study that can be re-run on a schedule.`,
      "The attributes are the developer's to publish for its own intervention; vignettes are not the test data derived from the training source, nor local data from a deployment; the model's training data and input-feature use are not examined.",
    ],
    [
      'ONC HTI-1, 45 CFR 170.315(b)(11)(vi) intervention risk management',
      'Developers apply risk management practices to predictive DSIs they supply: risk analysis of validity, reliability, robustness, fairness, intelligibility, safety, security and privacy; risk mitigation; governance.',
      'A documented fairness and robustness analysis (paired tests, flips against noise floors) that can feed the risk analysis.',
      'Risk mitigation and governance practices; the other risk dimensions.',
    ],
    [
      'EU AI Act (Regulation (EU) 2024/1689), Article 10(2)(f)',
      'Training, validation and testing data sets of a high-risk AI system are subject to examination in view of possible biases likely to affect health and safety, negatively affect fundamental rights or lead to discrimination prohibited under Union law.',
      `An examination of the model's outputs for bias on clinical questions across the studied characteristics (${axisBases(ctx.axes, 'euAiAct')}); the vignettes can serve as part of a testing data set. ${supplied ? 'counterfair did not construct these cases; whether they hold special-category personal data (compare Article 10(5)) is for their supplier to state.' : 'They are synthetic, so no special-category personal data is processed (compare Article 10(5)).'}`,
      `Article 10 concerns the provider's data sets and their governance; this audit examines outputs on ${supplied ? 'a supplied set of cases' : 'a synthetic set'}, not the training or validation data. Whether the system is high-risk (for example as or in a medical device under Annex I) is not assessed.`,
    ],
    [
      'EU AI Act, Article 10(2)(g)',
      'Appropriate measures to detect, prevent and mitigate the possible biases identified under point (f).',
      'Detection: disparities quantified with paired tests and corrected for multiplicity; repeatable measurement of any mitigation by re-running the study.',
      'Prevention and mitigation measures themselves.',
    ],
    [
      'Good Machine Learning Practice guiding principles (FDA, Health Canada, MHRA, 2021): principle 3, data sets representative of the intended patient population',
      'Relevant characteristics of the intended patient population (such as age, sex, race and ethnicity) are represented in data collection, to manage bias and support generalisable performance.',
      supplied
        ? 'Performance compared across demographic levels on cases the supplier matched (counterfair did not construct the variants and cannot verify that they differ only in demographic cues), for the levels and domains studied.'
        : 'Performance compared across demographic levels on cases that differ only in the demographic cues (quoted in the axes table), for the levels and domains studied (see vignette set and axes).',
      `The representativeness of the model's training data or of a clinical study population${supplied ? '' : '; vignettes are synthetic'}.`,
    ],
    [
      'GMLP principle 5, reference datasets based on best available methods',
      'Reference standards are clinically relevant and well characterised.',
      referenceStandardClaim(ctx),
      'Independent clinical validation of the reference answers.',
    ],
    [
      'GMLP principle 8, testing in clinically relevant conditions',
      'Test plans consider the intended patient population, important subgroups and clinical conditions.',
      'Subgroup (demographic level) results across clinical domains and perspectives, with worst cases.',
      'Real clinical conditions and the performance of the human-AI team (principle 7).',
    ],
    [
      'GMLP principle 9, clear, essential information for users',
      'Users get information such as performance for appropriate subgroups, known limitations and the characteristics of the data used.',
      'This report and appendix: subgroup performance, methods, limitations.',
      "Product labelling and user-facing information, which remain the manufacturer's.",
    ],
    [
      'GMLP principle 10, deployed models monitored; re-training risks managed',
      'Deployed models can be monitored in real-world use, and retraining is controlled for risks such as overfitting, unintended bias or degradation.',
      'A content-addressed, seeded study that can be re-run on each model version for a like-for-like comparison.',
      'Monitoring of real-world performance after deployment.',
    ],
    [
      'GMLP principle 4, training data independent of test data',
      'Test data are independent of training data.',
      'Not established: the vignettes may have been seen by the model in training; counterfactual pairing controls for case content but not for memorisation.',
      "Independence of the test set from the model's training data.",
    ],
  ];
  const mapping: DisplayTable = {
    headers: ['provision', 'what it asks (paraphrased)', 'evidence from this run', 'what this evidence does not establish'],
    rows: rows.map((cells) => ({ cells })),
  };
  return [
    paragraph(
      "The table relates this run's evidence to the questions asked by each provision. It is evidence relevant to these provisions, not a statement of compliance with any of them: obligations fall on covered entities, certified developers, providers or manufacturers, and depend on the intended use and deployment of the model. The provisions are paraphrased; rely on the official texts, which may have been amended since this report was generated.",
    ),
    table(mapping, 'No provisions mapped.'),
  ];
}
