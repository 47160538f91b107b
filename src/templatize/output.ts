import { basename, extname } from 'node:path';
import { stringify } from 'yaml';
import type { TemplatizeResult } from './templatize.js';
import type { ReviewItem } from './types.js';

/** The domain of a case file's templates: its name without the extension, as an id. */
export function domainOf(casesFile: string): string {
  const slug = basename(casesFile, extname(casesFile))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'case-bank' : slug;
}

/** The template file: the accepted vignettes under one domain, with a header saying what to review. */
export function templateYaml(result: TemplatizeResult, casesFile: string, domain: string): string {
  const header = [
    `# Written by counterfair templatize from ${basename(casesFile)}: ${result.templates.length} of ${result.outcomes.length} cases.`,
    "# Each rendering with the case's own demographics gives its text back byte for byte. Before a study uses them:",
    "# write each rationale, read the spans listed for review, and check each `excluded` (age is pinned at the case's own).",
  ].join('\n');
  return `${header}\n${stringify({ domain, vignettes: result.templates }, { lineWidth: 0 })}`;
}

/** One line per span to review and per case left out: `file:line: id: "span" (at N): why`. */
export function reviewText(result: TemplatizeResult): string {
  const spans = result.review.map(reviewLine);
  const left = result.rejected.map((r) => `${r.file}:${r.line}: ${r.id}: left out: ${r.reason}`);
  return [...spans, ...left].map((l) => `${l}\n`).join('');
}

export function reviewLine(r: ReviewItem): string {
  return `${r.file}:${r.line}: ${r.id}: "${r.surface}" (at character ${r.at}): ${r.reason}`;
}
