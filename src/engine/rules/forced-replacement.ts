// forced-replacement: `name`, `name_prefix`, `description` and `vpc_id` force a new group, and
// so does an address change with no `moved` block (findings/address-changes.ts).
// AWS refuses to delete a group that is still attached or referenced (DependencyViolation),
// unless the replacement is created first (`create_before_destroy`).
import { movedBlockFor, type AddressChange } from '../findings/address-changes.js';
import { changedInputsFor, inputLocation } from '../findings/changed-inputs.js';
import { code } from '../findings/code-span.js';
import { dirOf } from '../hcl/config-files.js';
import { isUnknownText, unknownExpression } from '../evaluate/value.js';
import { alwaysDiffer, type TemplateShape } from '../evaluate/partly-known.js';
import { atCause, fingerprint } from '../findings/finding.js';
import { fixesBrokenReference } from '../findings/broken-reference.js';
import { ruleAddressReplacements } from '../findings/rule-address-changes.js';
import { countShiftReplacements } from '../findings/count-shifts.js';
import type { ReviewContext } from '../findings/context.js';
import { defineRule } from '../findings/define-rule.js';
import { shortReference } from '../findings/describe.js';
import type { Group, Model, RuleDeclaration } from '../model/types.js';

const FIELDS = [
  ['name', 'name'],
  ['namePrefix', 'name_prefix'],
  ['description', 'description'],
  ['vpcId', 'vpc_id'],
] as const;

export const forcedReplacement = defineRule({
  id: 'forced-replacement',
  severity: 'medium',
  summary:
    'A change to name, name_prefix, description or vpc_id, or of the address with no `moved` block, replaces the security group (an address change, or a count index shifting to another element, replaces a rule resource too).',
  check(ctx) {
    const base = new Map(ctx.base.groups.map((g) => [g.address, g]));
    const moved = new Map(ctx.addressChanges.map((c) => [c.to, c]));
    const findings = [];
    for (const group of ctx.head.groups) {
      const old = base.get(group.address);
      const change = moved.get(group.address);
      if (change) findings.push(addressReplacement(ctx, change, group));
      if (!old || change || group.type !== 'aws_security_group') continue;
      // a base value that was a broken reference, now read correctly: not a change
      const fixed = (attr: string, now: string | null) =>
        now !== null && ctx.base.unknowns.some((u) => u.resource === group.address && u.attribute === attr && fixesBrokenReference(u, now));
      const changed = FIELDS.filter(([k, attr]) => old[k] !== group[k] && !fixed(attr, group[k]));
      if (!changed.length) continue;
      // one unknown swapped for another (a data source, a remote-state output): the value
      // may be the same, so the replacement is possible, not certain; unless the text written
      // around the unknowns differs (`"${var.env}-a"` → `"${var.env}-b"`)
      const certain = changed.some(([k]) => knownToDiffer(old, group, k));
      const despiteUnknowns = certain && changed.some(([k]) => isUnknownText(old[k]) || isUnknownText(group[k]));
      const attached = ctx.head.attachments.filter((a) => a.groups.includes(group.address)).map((a) => a.resource);
      const referencing = [
        ...new Set(ctx.head.rules.filter((r) => r.group !== group.address && r.peer.type === 'group' && r.peer.value === group.address).map((r) => r.group)),
      ];
      const dependent = attached.length > 0 || referencing.length > 0;
      const severity = certain && dependent && !group.createBeforeDestroy ? ('medium' as const) : ('low' as const);
      const what = changed.map(([k, attr]) => `${code(attr)} (${shown(old, k)} → ${shown(group, k)})`).join(', ');
      const firstAttr = changed.map(([, attr]) => group.attributes[attr]).find((l) => l);
      findings.push({
        severity,
        fingerprint: fingerprint(
          'forced-replacement',
          group.address,
          changed.map(([, a]) => a),
        ),
        title: `Changing ${changed.map(([, a]) => a).join(', ')} ${certain ? 'replaces' : 'may replace'} ${group.address}`,
        message: [
          certain
            ? `${what} cannot be updated in place: Terraform destroys ${code(group.address)} and creates a new group.${despiteUnknowns ? ' The text written around the values known only at plan time differs, so the two differ whatever those values are.' : ''}`
            : `${what}: these values are known only at plan time, so sg-review cannot tell whether they differ. If they do, the change cannot be updated in place: Terraform destroys ${code(group.address)} and creates a new group.`,
          dependent
            ? `It is used by ${[...attached, ...referencing].map((r) => code(r)).join(', ')}: AWS refuses to delete a group that is attached or referenced (\`DependencyViolation\`), so the apply hangs and fails${group.createBeforeDestroy ? ' unless the new group is created first, which `create_before_destroy` does here' : ''}.`
            : 'Nothing in this configuration attaches or references it, but resources outside it may.',
          '',
          'Fix: add `lifecycle { create_before_destroy = true }`. With a fixed `name` the new group collides with the old one ("already exists"); use `name_prefix` so both can exist during the switch. For a description-only change, consider keeping the old description.',
        ].join('\n'),
        resource: group.address,
        location: firstAttr ?? group.location,
      });
    }
    findings.push(...legacyRuleReplacements(ctx), ...ruleAddressReplacements(ctx), ...countShiftReplacements(ctx));
    return findings;
  },
});

type Field = (typeof FIELDS)[number][0];

/**
 * Whether a field's old and new values differ whatever the values known only at plan time are:
 * both known, or templates whose written text tells them apart (partly-known.ts). An unknown
 * may be unset, so only a known value differs from unset for sure.
 */
function knownToDiffer(old: Group, now: Group, k: Field): boolean {
  const [a, b] = [old[k], now[k]];
  if (a === null || b === null) return !isUnknownText(a ?? b);
  return alwaysDiffer(shape(old, k), shape(now, k));
}

const shape = (g: Group, k: Field): TemplateShape => g.templates?.[k] ?? (isUnknownText(g[k]) ? [{ unknown: g[k]! }] : [g[k]!]);

/**
 * A field's value in a message as a reader wrote it: unset, an empty string written as such,
 * the text, or where part is known only at plan time the template (`"${var.env}-office"`) or
 * the expression.
 */
function shown(g: Group, k: Field): string {
  const v = g[k];
  if (v === null) return 'unset';
  const template = g.templates?.[k];
  if (template) return code(`"${template.map((p) => (typeof p === 'string' ? p : `\${${p.unknown}}`)).join('')}"`);
  if (isUnknownText(v)) return code(unknownExpression(v));
  return v === '' ? '""' : v;
}

/**
 * A group at a new address, no `moved` block: Terraform destroys the old group and creates a new
 * one (new id), whatever `create_before_destroy` says, since that orders the two halves of one
 * replacement, not a delete and a create at two addresses. Medium: the whole group goes, and
 * nothing on the group's own lines says so (a flag default can switch the address).
 */
function addressReplacement(ctx: ReviewContext, change: AddressChange, group: Group) {
  const { from, to, switched } = change;
  const users = switched.map((r) => code(r)).join(', ');
  const moved = movedBlockFor(from, to, ctx.base, ctx.head);
  // adding count to a module call moves nothing (Terraform moves only a resource's x to x[0] by itself)
  const byItself = moved.callKey
    ? `The module call's instance key changed (${code(moved.from)} → ${code(moved.to)}): Terraform moves a resource between \`x\` and \`x[0]\` by itself when \`count\` is added or removed, never a module call. It destroys the old group and creates a new one, with a new id.`
    : 'Terraform does not rename by itself: it destroys the old group and creates a new one, with a new id.';
  const finding = {
    severity: 'medium' as const,
    fingerprint: fingerprint('forced-replacement', to, 'address', from),
    title: `${from} is replaced by ${to}: the address changed with no moved block`,
    message: [
      `${code(from)} is no longer declared and ${code(to)} takes its place${switched.length ? ` (what used the old group uses the new one: ${users})` : ''}, with no \`moved\` block. ${byItself}`,
      'AWS refuses to delete a group that is still attached to a network interface or referenced by another rule (`DependencyViolation`): whatever still uses the old id outside this configuration blocks the apply, and everything that uses the group switches to a new id.',
      'What the new group allows is compared with what the old one allowed: only access it adds is reported.',
      '',
      `Fix: to keep the group, add a \`moved\` block with ${code(`from = ${moved.from}`)} and ${code(`to = ${moved.to}`)} ${moved.where}. If the replacement is intended, move what uses the old group first.`,
    ].join('\n'),
    resource: to,
    location: group.location,
  };
  // the group's block was already written (a flag switches between two): the change that
  // switched it is a changed value behind a resource that moved to it
  const cause = change.written
    ? ctx.head.rules
        .filter((r) => switched.includes(r.resource))
        .flatMap((r) => changedInputsFor(ctx, dirOf(r.location.file), r.refs))
        .at(0)
    : undefined;
  return cause ? atCause(finding, inputLocation(cause.i), `The group created in place of ${code(from)}`) : finding;
}

/**
 * Every argument of `aws_security_group_rule` forces replacement. With
 * `create_before_destroy` and several CIDRs (several AWS rules), the replacement creates
 * rules that still exist and fails with InvalidPermission.Duplicate (provider docs; #25173).
 */
function legacyRuleReplacements(ctx: ReviewContext) {
  // one resource can declare several rules (an unknown `type` is both ingress and egress):
  // it is replaced when one of its rules matches none of the base's
  const before = new Map<string, RuleDeclaration[]>();
  const replaced = new Set(ctx.addressChanges.map((c) => c.to));
  for (const d of ctx.base.declarations) {
    if (d.origin !== 'aws_security_group_rule') continue;
    const olds = before.get(d.resource);
    if (olds) olds.push(d);
    else before.set(d.resource, [d]);
  }
  const reported = new Set<string>();
  return ctx.head.declarations
    .filter((d) => d.origin === 'aws_security_group_rule' && d.createBeforeDestroy && d.awsRules > 1)
    .filter((d) => {
      const old = before.get(d.resource);
      return old !== undefined && !old.some((o) => o.identity === d.identity);
    })
    .filter((d) => !reported.has(d.resource) && reported.add(d.resource))
    .map((d) => {
      const olds = before.get(d.resource)!;
      // the same group: its new rules collide with the old ones. Another group known on both
      // sides: they are created there, nothing collides. A target not known before apply on
      // either side: the group may be the same, so the failure is possible, not certain
      // a group at a new address (renamed in the base, findings/address-changes.ts) is a new group
      const sameGroup = olds.some((o) => o.group === d.group) && !replaced.has(d.group);
      const unknownTarget = unknownTargetAt(ctx.base, d.resource) || unknownTargetAt(ctx.head, d.resource);
      if (!sameGroup && !unknownTarget) return null;
      const was = olds.find((o) => o.group !== d.group);
      return {
        severity: sameGroup ? ('medium' as const) : ('low' as const),
        fingerprint: fingerprint('forced-replacement', d.resource, 'create_before_destroy'),
        title: `Replacing ${d.resource} with create_before_destroy ${sameGroup ? 'will' : 'may'} fail with duplicate rules`,
        message: `${
          sameGroup || !was
            ? 'Any change to an `aws_security_group_rule` replaces it.'
            : `Its \`security_group_id\` is written differently (${code(shortReference(was.group))} → ${code(shortReference(d.group))}) and not known before apply: Terraform replaces the rule, and the group may be the same one.`
        } This one has \`create_before_destroy\` and creates ${d.awsRules} AWS rules (one per CIDR or source): the new resource creates rules that the old one still holds${sameGroup ? '' : ' when both are in the same group'}, and the apply fails with \`InvalidPermission.Duplicate\`.\n\nFix: one rule resource per AWS rule (\`aws_vpc_security_group_ingress_rule\` / \`_egress_rule\` with \`for_each\` over the CIDRs), or drop \`create_before_destroy\` from the rule.`,
        resource: d.resource,
        location: d.location,
      };
    })
    .filter((f) => f !== null);
}

/** Whether a rule resource's target group is not known before apply in a model. */
function unknownTargetAt(model: Model, resource: string): boolean {
  return model.unknowns.some((u) => u.resource === resource && u.attribute === 'security_group_id');
}
