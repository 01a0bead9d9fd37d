// unanalysed-module: a new or changed module call whose code could not be read. What it
// creates is unknown, so "no finding" would be a blind pass; the call is reported instead.
// An unchanged call that cannot be read is a line in the summary, not a finding; so is a call
// to a module known to create no resource (`label_only_modules`, modules/label-only.ts).
import { code } from '../findings/code-span.js';
import { changedArguments, changedSpan } from '../findings/module-calls.js';
import { defineRule } from '../findings/define-rule.js';
import { fingerprint } from '../findings/finding.js';
import { isLabelOnly } from '../modules/label-only.js';

export const unanalysedModule = defineRule({
  id: 'unanalysed-module',
  severity: 'medium',
  summary: 'A new or changed module call whose source could not be read: what it creates is unknown.',
  check(ctx) {
    const before = new Map(ctx.base.moduleCalls.map((c) => [c.address, c]));
    return ctx.head.moduleCalls.flatMap((call) => {
      if (call.how !== null || isLabelOnly(call.source, ctx.config.label_only_modules)) return [];
      const old = before.get(call.address);
      const changed = changedArguments(old, call);
      if (old && !changed.length) return [];
      const version = call.version ? ` (version ${code(call.version)})` : '';
      const followed = old
        ? `The changed arguments could not be followed into the module: ${changed.map((n) => code(n)).join(', ')}.`
        : 'The call is new: every security group or rule it creates is unknown to this review.';
      return [
        {
          severity: 'medium' as const,
          fingerprint: fingerprint('unanalysed-module', call.address, call.source, call.version),
          title: `Module ${call.address} could not be read: what it opens is unknown`,
          message:
            `${code(call.address)} calls ${code(call.source)}${version}, whose code could not be read: ${call.reason ?? 'unknown reason'}.\n\n` +
            `${followed} The review cannot say whether this change opens network access.\n\n` +
            'To analyse it: run `terraform init` before the CLI (the init cache is read), pass `--fetch-modules`, ' +
            'or let the App read the module repository.',
          resource: call.address,
          location: changedSpan(old, call),
        },
      ];
    });
  },
});
