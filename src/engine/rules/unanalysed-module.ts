// unanalysed-module: a new or changed module call whose code could not be read. What it
// creates is unknown, so "no finding" would be a blind pass; the call is reported instead.
// An unchanged call that cannot be read is a line in the summary, not a finding, unless a value
// it passes changed (a local, a variable default, a tfvars value: reported at that value); so is a call
// to a module known to create no resource (`label_only_modules`, modules/label-only.ts).
import { code } from '../findings/code-span.js';
import { changedArguments, changedSpan } from '../findings/module-calls.js';
import { changedInputsFor, inputLocation } from '../findings/changed-inputs.js';
import { dirOf } from '../hcl/config-files.js';
import { defineRule } from '../findings/define-rule.js';
import { fingerprint } from '../findings/finding.js';
import { isLabelOnly } from '../modules/label-only.js';
import type { ModuleCall } from '../model/types.js';
import type { ReviewContext } from '../findings/context.js';

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
      // a git submodule the call reads moved to another commit (the reader gives the commit it records)
      const moved = old && old.resolvedVersion !== call.resolvedVersion ? old : null;
      // the call's text unchanged, a value it passes changed (a local, a default, a tfvars value)
      const inputs = old && !changed.length && !moved ? changedValues(ctx, old, call) : [];
      if (old && !changed.length && !inputs.length && !moved) return [];
      const version = call.version ? ` (version ${code(call.version)})` : '';
      const followed = !old
        ? 'The call is new: every security group or rule it creates is unknown to this review.'
        : moved
          ? `Its code moved from commit ${code(moved.resolvedVersion ?? 'none')} to ${code(call.resolvedVersion ?? 'none')} (a git submodule bumped), and could not be followed.`
          : changed.length
            ? `The changed arguments could not be followed into the module: ${changed.map((n) => code(n)).join(', ')}.`
            : `Its arguments are unchanged, but what they pass changed (${inputs.map(({ ref }) => code(ref)).join(', ')}), and could not be followed into the module.`;
      const cause = inputs[0];
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
          location: cause ? inputLocation(cause.i) : changedSpan(old, call),
          ...(cause ? { related: [{ ...call.location, message: `the call of ${code(call.source)}` }] } : {}),
        },
      ];
    });
  },
});

/**
 * The changed values an unchanged call passes. An argument written the same passes whatever its
 * names now hold; one rewritten to the same identity already read its locals (argument-identity.ts),
 * so only variables and tfvars values can have changed under it.
 */
function changedValues(ctx: ReviewContext, old: ModuleCall, call: ModuleCall) {
  return Object.entries(call.arguments).flatMap(([name, arg]) => {
    const hits = changedInputsFor(ctx, dirOf(call.file), arg.refs);
    return old.arguments[name]?.digest === arg.digest ? hits : hits.filter(({ i }) => i.kind !== 'local');
  });
}
