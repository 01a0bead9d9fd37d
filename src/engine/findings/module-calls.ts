// Module calls across revisions: which arguments of a call the change touched, and where a
// finding raised inside module code the PR does not contain (init cache, registry, GitHub),
// or reached through a Terragrunt unit, sits instead: on the caller's changed argument, with
// the module's rule as `related`.
import { code } from './code-span.js';
import type { Location, Model, ModuleCall } from '../model/types.js';
import { isTerragruntFile } from '../evaluate/terragrunt.js';
import { isExternalModulePath } from '../modules/resolution.js';
import type { RuleFinding } from '../result.js';

/** Arguments added, removed or changed between the base and head call (all of them for a new call). */
export function changedArguments(base: ModuleCall | undefined, head: ModuleCall): string[] {
  const names = new Set([...Object.keys(base?.arguments ?? {}), ...Object.keys(head.arguments)]);
  return [...names].filter((n) => base?.arguments[n]?.digest !== head.arguments[n]?.digest).sort();
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

/** Moves a finding located in module code from outside the repository onto the call that led there. */
export function locateThroughCall(f: RuleFinding, base: Model, head: Model): RuleFinding {
  const address = f.resource.replace(/\[[^\]]*\]/g, '');
  const call = head.moduleCalls.filter((c) => address.startsWith(`${c.address}.`)).sort((a, b) => b.address.length - a.address.length)[0];
  // a Terragrunt unit's module is shared code: its inputs are what the change touched
  if (!call || !(isExternalModulePath(f.location.file) || isTerragruntFile(call.file))) return f;
  const before = base.moduleCalls.find((c) => c.address === call.address);
  const version = call.resolvedVersion ? ` ${call.resolvedVersion}` : '';
  return {
    ...f,
    location: changedSpan(before, call),
    related: [...(f.related ?? []), { ...f.location, message: `the rule that opens, in module ${code(call.source)}${version}` }],
  };
}
