import { GOOD_AGREEMENT, MODERATE_AGREEMENT, panelAgreement, type JudgePanelSummary } from '../../analysis/judgePanel.js';
import { callout, paragraph, strong, table, type Block, type DisplayTable } from '../document/blocks.js';
import { count, decimal, percent } from '../format.js';
import type { ReportContext } from '../sources.js';

const KAPPA_MEANS =
  "Fleiss' κ is the judges' agreement beyond what chance would give with their rates of calling answers adequate: 1 is perfect agreement, 0 no better than chance.";

/** Whether the panel's section is shown: only runs graded by a panel of judges have one. */
export function hasJudgePanel(ctx: ReportContext): boolean {
  return ctx.results.judgePanel !== undefined;
}

/**
 * "Judges agree / disagree": one sentence whose verdict follows from the interval of Fleiss' kappa (never "agree
 * well" when the interval reaches below 0.4), what kappa means, each judge's verdicts and each pair's kappa, and the
 * panel's rate beside the rate corrected with clinician labels where there are any.
 */
export function judgePanelBlocks(ctx: ReportContext): Block[] {
  const panel = ctx.results.judgePanel;
  if (!panel) return [];
  return [
    agreementSentence(panel),
    paragraph(KAPPA_MEANS),
    paragraph(
      `Free-text answers are graded by a panel of ${panel.judges.length} judges (${panel.judges.join(', ')}) under the rule "${panel.rule}"${panel.rule === 'majority' ? ' (the verdict of a strict majority of the readable verdicts)' : ' (adequate only when every judge says adequate)'}; scores use the panel's verdict. ${count(panel.nUnlabelled)} of ${count(panel.nItems)} judged answers were left undecided (a tie, or verdicts missing) and stay unscored, sent to clinician review; they are not in the rates below.`,
    ),
    table(judgesTable(panel), 'No answer was judged.'),
    table(pairsTable(panel), 'No two judges read the same answers.'),
    ...rateBlocks(panel),
  ];
}

function agreementSentence(panel: JudgePanelSummary): Block {
  const ci = panel.fleissKappaCi;
  const measured = `Fleiss' κ = ${decimal(panel.fleissKappa, 2)}${ci ? ` (95% CI ${decimal(ci[0], 2)} to ${decimal(ci[1], 2)})` : ''} over the ${count(panel.nComplete)} answers every judge read`;
  const verdict = panelAgreement(panel);
  switch (verdict) {
    case 'unmeasured':
      return callout(
        strong('Judge agreement could not be measured.'),
        ' ',
        `${measured}: too few answers read by every judge, or no variation in their verdicts. The panel's grades carry no evidence of their own reliability.`,
      );
    case 'good':
      return paragraph(strong('The judges agree well.'), ' ', `${measured}: the whole interval is above ${GOOD_AGREEMENT}.`);
    case 'moderate':
      return paragraph(
        strong('The judges agree moderately.'),
        ' ',
        `${measured}: the interval stays above ${MODERATE_AGREEMENT} but reaches below ${GOOD_AGREEMENT}; the panel's verdict is steadier than any one judge's, and clinician review of split verdicts matters.`,
      );
    case 'poor':
      return callout(
        strong('The judges disagree.'),
        ' ',
        `${measured}: the whole interval is below ${MODERATE_AGREEMENT}. Free-text grades rest on judges that often contradict each other; read the free-text findings with that in mind and have clinicians adjudicate a random sample.`,
      );
    case 'uncertain':
      return callout(
        strong('Whether the judges agree is uncertain.'),
        ' ',
        `${measured}: the interval reaches below ${MODERATE_AGREEMENT}, so agreement may be poor. Do not treat the panel's free-text grades as reliable without clinician adjudication.`,
      );
  }
}

function judgesTable(panel: JudgePanelSummary): DisplayTable {
  return {
    headers: ['Judge', 'Adequate', 'Inadequate', 'No readable verdict', 'Adequate rate'],
    rows: panel.perJudge.map((j) => ({
      cells: [j.judge, count(j.adequate), count(j.inadequate), count(j.unreadable), percent(j.adequateRate)],
    })),
  };
}

function pairsTable(panel: JudgePanelSummary): DisplayTable {
  return {
    headers: ['Judges', 'Answers both read', "Cohen's κ", '95% CI'],
    rows: panel.pairwiseKappa.map((k) => ({
      cells: [k.judges.join(' and '), count(k.n), decimal(k.kappa, 2), `${decimal(k.ciLow, 2)} to ${decimal(k.ciHigh, 2)}`],
    })),
  };
}

function rateBlocks(panel: JudgePanelSummary): Block[] {
  const raw = `The panel calls ${percent(panel.adequateRate)} of the answers it decided adequate`;
  const queued = panel.nAdjudicatedFromQueue ?? 0;
  const setAside =
    queued > 0
      ? ` ${count(queued)} answers clinicians labelled from the review queue are set aside here: the queue picks flips, worst cases and uncertain verdicts, not a random sample, so they would bias the correction toward the panel's errors.`
      : '';
  const c = panel.corrected;
  if (!c)
    return [
      paragraph(
        `${raw}. No corrected rate: it needs at least 2 answers of a random sample that a clinician labelled correct or incorrect (${count(panel.nAdjudicated)} here) and 2 more the clinicians did not label. Draw one with \`counterfair review export RUN_DIR --random N\` and import the labels.${setAside}`,
      ),
    ];
  return [
    paragraph(
      `${raw}; corrected with the ${count(c.nLabelled)} answers clinicians labelled (prediction-powered inference, Angelopoulos et al. 2023): ${percent(c.estimate)} (95% CI ${percent(c.low)} to ${percent(c.high)}). The panel's error on the labelled answers moves the rate by ${decimal(-100 * c.rectifier, 1, true)} points. The correction is valid when the labelled answers are a random sample of the judged ones (\`counterfair review export --random\` draws one).${setAside}`,
    ),
  ];
}
