// Check-run output: title with counts, the markdown summary, and every finding as an
// annotation, in batches of 50.
import { SEVERITY_RANK } from '../engine/findings/finding.js';
import type { Finding } from '../engine/result.js';
import type { ReviewResult } from '../engine/result.js';
import { code } from '../render/escape.js';
import { countsLine, renderMarkdown } from '../render/markdown.js';
import { ANNOTATIONS_PER_REQUEST, LIMITS, bytes, fit, type Annotation } from '../github/limits.js';

/** Directories named in the summary; the rest are counted. */
const LISTED_DIRECTORIES = 50;

export interface AnalysedScope {
  directories: string[];
  baseSha: string;
  headSha: string;
  files: number;
  notes: string[];
  /** The section on suppressions the PR adds, accepted and pending (never cut off). */
  suppressions?: string;
}

export function checkTitle(result: ReviewResult): string {
  return `sg-review: ${countsLine(result.findings)}`;
}

export function checkSummary(result: ReviewResult, scope: AnalysedScope): string {
  const listed = scope.directories.slice(0, LISTED_DIRECTORIES).map((d) => code(d || '.'));
  const more = scope.directories.length - listed.length;
  const analysed = fit(
    [
      ...(scope.suppressions ? [scope.suppressions] : []),
      '',
      '### What was analysed',
      '',
      `Directories: ${listed.join(', ') || '(none)'}${more > 0 ? ` and ${more} more` : ''}`,
      `Merge base \`${scope.baseSha.slice(0, 12)}\` → head \`${scope.headSha.slice(0, 12)}\`, ${scope.files} Terraform files.`,
      ...scope.notes.map((n) => `\n> ${n}`),
    ].join('\n'),
    LIMITS.outputSummary / 4,
  );
  // the findings get the room the scope leaves, so the scope and the notes are never cut off
  return fit(renderMarkdown(result), LIMITS.outputSummary - bytes(analysed) - 1) + analysed + '\n';
}

function level(f: Finding): Annotation['annotation_level'] {
  if (f.severity === 'critical' || f.severity === 'high') return 'failure';
  if (f.severity === 'medium') return 'warning';
  return 'notice';
}

/** The most severe first; the engine's order otherwise. */
export function bySeverity(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
}

/** The annotations of the most severe `max` findings, and how many were left out. */
export function annotations(result: ReviewResult, max = Infinity): { list: Annotation[]; omitted: number } {
  const annotated = bySeverity(result.findings.filter((f) => !f.suppressed && f.location.file));
  const list = annotated.slice(0, max).map((f) => ({
    path: f.location.file,
    start_line: f.location.startLine,
    end_line: f.location.endLine,
    annotation_level: level(f),
    title: `[${f.severity}] ${f.title}`,
    message: f.message,
  }));
  return { list, omitted: annotated.length - list.length };
}

export function annotationBatches(list: Annotation[]): Annotation[][] {
  const out: Annotation[][] = [];
  for (let i = 0; i < list.length; i += ANNOTATIONS_PER_REQUEST) out.push(list.slice(i, i + ANNOTATIONS_PER_REQUEST));
  return out.length ? out : [[]];
}
