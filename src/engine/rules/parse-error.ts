// parse-error: a Terraform file in scope does not parse, so what it declares is not analysed.
import { fingerprint } from '../findings/finding.js';
import { defineRule } from '../findings/define-rule.js';

export const parseError = defineRule({
  id: 'parse-error',
  severity: 'high',
  summary: 'A Terraform file in scope does not parse.',
  check(ctx) {
    return ctx.head.parseErrors.map((e) => ({
      severity: 'high' as const,
      fingerprint: fingerprint('parse-error', e.file, e.message),
      title: `${e.file} does not parse`,
      message: `\`${e.file}\` line ${e.line}, column ${e.column}: ${e.message}\n\nNothing this file declares could be analysed, so the review cannot say what it opens.`,
      resource: e.file,
      location: { file: e.file, startLine: e.line, endLine: e.line },
    }));
  },
});
