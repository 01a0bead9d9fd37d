// Check-run output: title with counts, the markdown summary, and every finding as an
// annotation, in batches of 50.
import type { Finding } from '../engine/findings/finding.js';
import type { ReviewResult } from '../engine/review.js';
import { countsLine, renderMarkdown } from '../render/markdown.js';
import { ANNOTATIONS_PER_REQUEST, MAX_ANNOTATION_MESSAGE, MAX_ANNOTATION_TITLE, MAX_OUTPUT_TEXT } from './limits.js';

export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'failure' | 'warning' | 'notice';
  title: string;
  message: string;
}

export interface AnalysedScope {
  directories: string[];
  baseSha: string;
  headSha: string;
  files: number;
  notes: string[];
}

export function checkTitle(result: ReviewResult): string {
  return `sg-review: ${countsLine(result.findings)}`.slice(0, 255);
}

export function checkSummary(result: ReviewResult, scope: AnalysedScope): string {
  const analysed = [
    '',
    '### What was analysed',
    '',
    `Directories: ${scope.directories.map((d) => `\`${d || '.'}\``).join(', ') || '(none)'}`,
    `Merge base \`${scope.baseSha.slice(0, 12)}\` → head \`${scope.headSha.slice(0, 12)}\`, ${scope.files} Terraform files.`,
    ...scope.notes.map((n) => `\n> ${n}`),
  ].join('\n');
  const body = renderMarkdown(result, { maxLength: MAX_OUTPUT_TEXT - analysed.length - 10 });
  return body + analysed + '\n';
}

function level(f: Finding): Annotation['annotation_level'] {
  if (f.severity === 'critical' || f.severity === 'high') return 'failure';
  if (f.severity === 'medium') return 'warning';
  return 'notice';
}

export function annotations(result: ReviewResult): Annotation[] {
  return result.findings
    .filter((f) => !f.suppressed && f.location.file)
    .map((f) => ({
      path: f.location.file,
      start_line: f.location.startLine,
      end_line: f.location.endLine,
      annotation_level: level(f),
      title: `[${f.severity}] ${f.title}`.slice(0, MAX_ANNOTATION_TITLE),
      message: f.message.slice(0, MAX_ANNOTATION_MESSAGE),
    }));
}

export function annotationBatches(list: Annotation[]): Annotation[][] {
  const out: Annotation[][] = [];
  for (let i = 0; i < list.length; i += ANNOTATIONS_PER_REQUEST) out.push(list.slice(i, i + ANNOTATIONS_PER_REQUEST));
  return out.length ? out : [[]];
}

export const RERUN_ACTION = { label: 'Re-run', description: 'Run sg-review again', identifier: 'rerun' };
