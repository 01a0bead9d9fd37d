// The check of a GitHub Actions job: the summary goes to the job summary (GITHUB_STEP_SUMMARY),
// each annotation becomes a workflow command on stdout, outputs go to GITHUB_OUTPUT, and the
// conclusion is the exit code. Text from the pull request reaches stdout only escaped inside
// an annotation command, so it can never start a workflow command of its own.
import { randomUUID } from 'node:crypto';
import { appendFile } from 'node:fs/promises';
import type { CheckSink } from '../publish/check-sink.js';
import type { Annotation } from '../github/limits.js';

const LEVEL = { failure: 'error', warning: 'warning', notice: 'notice' } as const;

/** Workflow-command escaping, as @actions/core does it: message data, then property values. */
export const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function annotationCommand(a: Annotation): string {
  const props = [`file=${escapeProperty(a.path)}`, `line=${a.start_line}`, `endLine=${a.end_line}`, `title=${escapeProperty(a.title)}`];
  return `::${LEVEL[a.annotation_level]} ${props.join(',')}::${escapeData(a.message)}\n`;
}

export function jobSink(write: (s: string) => void, summaryFile: string | undefined): CheckSink {
  const annotate = (batch: Annotation[]) => {
    for (const a of batch) write(annotationCommand(a));
  };
  return {
    start: async () => {},
    annotate: async (_title, _summary, batch) => annotate(batch),
    complete: async (outcome) => {
      annotate(outcome.annotations ?? []);
      if (summaryFile) await appendFile(summaryFile, `${outcome.summary}\n`);
      write(`${escapeData(outcome.title)} (${outcome.conclusion})\n`);
    },
  };
}

/** Step outputs, in GITHUB_OUTPUT's multi-line form (a value can never end the block early). */
export async function writeOutputs(file: string | undefined, outputs: Record<string, string>): Promise<void> {
  if (!file) return;
  const text = Object.entries(outputs)
    .map(([name, value]) => {
      const delimiter = `sg_review_${randomUUID()}`;
      return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
    })
    .join('');
  await appendFile(file, text);
}
