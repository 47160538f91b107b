import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { InputError, type Problem } from '../util/problems.js';
import { blocksToMarkdown } from '../report/document/markdown.js';
import { heading, list, paragraph, table, type Block } from '../report/document/blocks.js';
import { escapeHtml } from '../report/escape.js';
import { cautions, contrastName, contrastTable, familyIntervalNote, gateRule, gateVerdictLine } from './format.js';
import type { GateResult } from './types.js';

/**
 * A gate verdict as a Markdown job summary (GitHub Actions' $GITHUB_STEP_SUMMARY): the verdict, the rule, the notes
 * (a subset run says so first) and every contrast checked, failing ones first. Text is escaped by the one Markdown
 * renderer, so no axis or model label can break the table.
 */
export function gateMarkdown(result: GateResult): string {
  const failing = result.contrasts.filter((c) => c.failed);
  const others = result.contrasts.filter((c) => !c.failed);
  const shown = contrastTable(result, [...failing, ...others]);
  // The superiority table's `exceeds` column also marks non-significant excesses: say which contrasts failed.
  const superiority = result.thresholds.mode === 'superiority';
  const headers = superiority ? [...shown.headers, 'gate'] : shown.headers;
  const rows = superiority ? shown.rows.map((cells, i) => [...cells, i < failing.length ? 'FAILED' : 'pass']) : shown.rows;
  const blocks: Block[] = [
    heading(2, gateVerdictLine(result).replace(/:$/, '')),
    ...(result.refused ? [list(result.refusals)] : []),
    paragraph(`Rule: ${gateRule(result)}`),
    ...result.notes.map((n) => paragraph(`Note: ${n}`)),
    table({ headers, rows: rows.map((cells, i) => ({ cells, highlight: i < failing.length })) }, 'No contrast was checked.'),
    ...(superiority && result.contrasts.length
      ? [paragraph(`family CI: ${familyIntervalNote(result.thresholds.alpha, result.contrasts)}`)]
      : []),
    ...cautions(result.contrasts).map((c) => paragraph(c)),
    paragraph(`Run directory: ${result.runDir}`),
  ];
  return `${blocksToMarkdown(blocks)}\n`;
}

/**
 * A gate verdict as a JUnit XML report, the format CI systems show as test results: one test case per contrast
 * (failed when it exceeds the thresholds, with the reason), and, when the gate refused the run, one erroring case per
 * reason it cannot support a verdict.
 */
export function gateJunit(result: GateResult): string {
  const x = escapeHtml;
  const cases = result.contrasts.map((c) => {
    const name = `${x(contrastName(c))}`;
    const open = `    <testcase classname="counterfair.gate.${x(c.model)}.${x(c.axis)}" name="${name}">`;
    if (!c.failed) return `${open}</testcase>`;
    const reason = `${c.reason ?? 'exceeds the thresholds'}${c.caution ? `; caution: ${c.caution}` : ''}`;
    return `${open}\n      <failure type="${x(c.verdict)}" message="${x(reason)}">${x(`${contrastName(c)}: ${reason}`)}</failure>\n    </testcase>`;
  });
  const refusals = result.refusals.map(
    (r, i) =>
      `    <testcase classname="counterfair.gate.run" name="the run supports a verdict (${i + 1})">\n      <error type="refused" message="${x(r)}">${x(r)}</error>\n    </testcase>`,
  );
  const properties = [
    ['verdict', result.refused ? 'refused' : result.passed ? 'passed' : 'failed'],
    ['rule', gateRule(result)],
    ['runDir', result.runDir],
    ...result.notes.map((n) => ['note', n]),
  ];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="counterfair gate" tests="${cases.length + refusals.length}" failures="${result.failed}" errors="${refusals.length}">`,
    `  <testsuite name="counterfair gate" tests="${cases.length + refusals.length}" failures="${result.failed}" errors="${refusals.length}" skipped="0">`,
    '    <properties>',
    ...properties.map(([name, value]) => `      <property name="${x(name!)}" value="${x(value!)}"/>`),
    '    </properties>',
    ...cases,
    ...refusals,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

/**
 * Writes the CI reports asked for: `junit` (replaced) and `summary` (appended, as GitHub Actions expects several
 * steps to add to one summary). A file that cannot be written is bad input naming it.
 */
export function writeGateReports(result: GateResult, to: { junit?: string; summary?: string }): void {
  const problems: Problem[] = [];
  const attempt = (file: string, write: () => void) => {
    try {
      mkdirSync(dirname(file), { recursive: true });
      write();
    } catch (err) {
      problems.push({
        file,
        message: `cannot be written (${(err as NodeJS.ErrnoException).code ?? String(err)}): check the path and its permissions`,
      });
    }
  };
  if (to.junit !== undefined) attempt(to.junit, () => writeFileSync(to.junit!, gateJunit(result)));
  if (to.summary !== undefined) attempt(to.summary, () => appendFileSync(to.summary!, gateMarkdown(result)));
  if (problems.length) throw new InputError(problems);
}
