// parse-error: a Terraform file in scope does not parse, so what it declares is not analysed.
import { fingerprint } from '../findings/finding.js';
import type { FindingRule } from './context.js';

export const parseError: FindingRule = {
  id: 'parse-error',
  defaultSeverity: 'high',
  summary: 'A Terraform file in scope does not parse.',
  docs: 'docs/rules/parse-error.md',
  check(ctx) {
    return ctx.head.parseErrors.map((e) => ({
      rule: 'parse-error',
      severity: 'high' as const,
      fingerprint: fingerprint('parse-error', e.file, e.message),
      title: `${e.file} does not parse`,
      message: `\`${e.file}\` line ${e.line}, column ${e.column}: ${e.message}\n\nNothing this file declares could be analysed, so the review cannot say what it opens.`,
      resource: e.file,
      location: { file: e.file, startLine: e.line, endLine: e.line },
    }));
  },
};
