// parse-error: a Terraform file in scope does not parse, so what it declares is not analysed.
// A file the PR left untouched, broken as it was, is a pre-existing problem (low). A file the PR
// edits is the PR's own (high) even when the error stays the same: what it adds there is not
// analysed either, and a pre-existing error must not hide it.
import { code } from '../findings/code-span.js';
import { fingerprint } from '../findings/finding.js';
import { defineRule } from '../findings/define-rule.js';
import type { ParseError } from '../hcl/parse.js';

const key = (e: ParseError) => [e.file, e.line, e.column, e.message].join('\0');

export const parseError = defineRule({
  id: 'parse-error',
  severity: 'high',
  summary: 'A Terraform file in scope does not parse (low when the PR left it as it was).',
  check(ctx) {
    const before = new Set(ctx.base.parseErrors.map(key));
    return ctx.head.parseErrors.map((e) => {
      const sameAtBase = before.has(key(e));
      const preExisting = sameAtBase && !ctx.changedFiles?.has(e.file);
      const why = preExisting
        ? 'The file is broken the same way at the base, so this is not caused by the pull request; but nothing it declares could be analysed, so the review cannot say what it opens.'
        : sameAtBase
          ? 'The file was broken the same way at the base, and the pull request edits it: nothing it declares, including what the pull request adds, could be analysed, so the review cannot say what it opens.'
          : 'Nothing this file declares could be analysed, so the review cannot say what it opens.';
      return {
        severity: preExisting ? ('low' as const) : ('high' as const),
        fingerprint: fingerprint('parse-error', e.file, e.message),
        title: preExisting ? `${e.file} does not parse (already at the base): not analysed` : `${e.file} does not parse`,
        message: `${code(e.file)} line ${e.line}, column ${e.column}: ${e.message}\n\n${why}`,
        resource: e.file,
        location: { file: e.file, startLine: e.line, endLine: e.line },
      };
    });
  },
});
