// Module calls across revisions: which arguments of a call the change touched, and where a
// finding raised inside module code sits instead of the module's unchanged rule: on the
// caller's changed argument (or the changed value that argument refers to), with the module's
// rule as `related`. Always for code the PR does not contain (init cache, registry, GitHub)
// and for Terragrunt units; for a local module when the rule's own text did not change.
import { posix } from 'node:path';
import { dirOf } from '../hcl/config-files.js';
import { isTfvars } from '../evaluate/tfvars.js';
import { code } from './code-span.js';
import type { Location, ModuleCall, Rule } from '../model/types.js';
import { isTerragruntFile } from '../evaluate/terragrunt.js';
import { withoutInstanceKeys } from '../evaluate/expansion.js';
import { isExternalModulePath } from '../modules/resolution.js';
import type { RuleFinding } from '../result.js';
import { asDeclaring, callChain, changedInputsFor, inputLocation, isUnchangedRule, sameArgument, unitTfvarsCause } from './changed-inputs.js';
import type { ReviewContext } from './context.js';
import { atCause } from './finding.js';

/** Arguments added, removed or changed between the base and head call (all of them for a new call); a rewrite of the same value is no change. */
export function changedArguments(base: ModuleCall | undefined, head: ModuleCall): string[] {
  const names = new Set([...Object.keys(base?.arguments ?? {}), ...Object.keys(head.arguments)]);
  return [...names].filter((n) => !sameArgument(base?.arguments[n], head.arguments[n])).sort();
}

/** The lines of the changed arguments still in the head call (in the call's own file first), or the whole call. */
export function changedSpan(base: ModuleCall | undefined, head: ModuleCall): Location {
  if (!base) return head.location;
  const changed = changedArguments(base, head).flatMap((n) => (head.arguments[n] ? [{ ...head.arguments[n], file: head.arguments[n].file ?? head.file }] : []));
  const file = changed.some((s) => s.file === head.file) ? head.file : changed[0]?.file;
  const spans = changed.filter((s) => s.file === file);
  if (!file || !spans.length) return head.location;
  return {
    file,
    startLine: Math.min(...spans.map((s) => s.startLine)),
    endLine: Math.max(...spans.map((s) => s.endLine)),
  };
}

/** Moves a finding located in module code onto the call that led there (see the top of this file). */
export function locateThroughCall(f: RuleFinding, ctx: ReviewContext): RuleFinding {
  const { base, head } = ctx;
  const chain = callChain(head, f.resource);
  const call = chain[0];
  if (!call) return f;
  // a Terragrunt unit's module is shared code: its inputs are what the change touched; code
  // under `.terraform/` is not the repository's, unless the change edits a copy that local
  // paths read in place (committed)
  // already at the changed tfvars value that set the unit's variable (Terragrunt's working directory holds the module's tfvars too)
  if (isTerragruntFile(call.file) && isTfvars(posix.basename(f.location.file))) return f;
  const editedInPlace = chain.every((c) => c.how === 'local') && (ctx.changedFiles?.has(f.location.file) ?? false);
  if ((isExternalModulePath(f.location.file) && !editedInPlace) || isTerragruntFile(call.file)) {
    const before = base.moduleCalls.find((c) => c.address === call.address);
    const version = call.resolvedVersion ? ` ${call.resolvedVersion}` : '';
    const rule = changedArguments(before, call).length ? undefined : ruleOf(f, head);
    return {
      ...f,
      location: (rule && chain.length === 1 && tfvarsCause(ctx, call, rule)) || changedSpan(before, call),
      related: [...(f.related ?? []), { ...f.location, message: `the rule that opens, in module ${code(call.source)}${version}` }],
    };
  }
  // the module's rule (or group, for a hazard about the group) the finding is about
  const rule = ruleOf(f, head);
  const group = rule ? undefined : head.groups.find((g) => g.address === f.resource && g.location.file === f.location.file);
  const declaring = rule ?? (group && asDeclaring(group));
  if (!declaring || !isUnchangedRule(ctx, declaring)) return f;
  const what = rule ? 'The rule that opens it' : 'The group';
  for (const c of chain) {
    const cause = callCause(ctx, c);
    if (cause) return atCause(f, cause, `${what} (${code(declaring.resource)}, unchanged, in module ${code(c.source)})`);
  }
  return f;
}

/** A changed tfvars value a Terragrunt unit's rule reads: the unit's copy of the file first, then the module's (both are in its working directory). */
function tfvarsCause(ctx: ReviewContext, call: ModuleCall, rule: Rule): Location | null {
  return unitTfvarsCause(ctx, dirOf(call.file), rule) ?? unitTfvarsCause(ctx, dirOf(rule.location.file), rule);
}

/** The module's rule a finding is about (found at the finding's own place, in a call's instance). */
function ruleOf(f: RuleFinding, head: ReviewContext['head']): Rule | undefined {
  const call = callChain(head, f.resource)[0];
  return head.rules.find(
    (r) =>
      r.location.file === f.location.file && r.location.startLine === f.location.startLine && withoutInstanceKeys(r.resource).startsWith(`${call?.address}.`),
  );
}

/** What changed on a local call: its changed arguments, or a changed value of the caller that an argument refers to. */
function callCause(ctx: ReviewContext, call: ModuleCall): Location | null {
  const before = ctx.base.moduleCalls.find((c) => c.address === call.address);
  if (changedArguments(before, call).length) return changedSpan(before, call);
  const refs = Object.values(call.arguments).flatMap((a) => a.refs);
  const hit = changedInputsFor(ctx, dirOf(call.file), refs)[0];
  return hit ? inputLocation(hit.i) : null;
}
