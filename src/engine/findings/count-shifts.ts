// A rule resource indexed by `count` over a list (`count = length(var.cidrs)`) is named by
// position: when the list loses or gains an element before its end, every later instance
// takes its neighbour's element. Every argument of an `aws_security_group_rule` forces
// replacement (research/semantics.md §2.2), so each such instance is deleted and created
// again, with no order between the instances: one asks for the AWS rule its neighbour still
// holds and AWS refuses it as a duplicate (`InvalidPermission.Duplicate`), the same race as a
// rule renamed without `moved` (rule-address-changes.ts). Nothing opens; access is lost for a
// moment, or until the next apply.
import { dirOf } from '../hcl/config-files.js';
import type { Rule } from '../model/types.js';
import { awsRuleKey } from './rule-address-changes.js';
import { changedInputsFor, inputLocation } from './changed-inputs.js';
import { code } from './code-span.js';
import type { ReviewContext } from './context.js';
import { atCause, fingerprint } from './finding.js';

const COUNT_INDEX = /\[(\d+)\]$/;

/** Instances named one by one in the message. */
const NAMED = 10;

/** Low: one finding per rule resource whose instances shift to a neighbour's AWS rule. */
export function countShiftReplacements(ctx: ReviewContext) {
  const replaced = new Set(ctx.addressChanges.map((c) => c.to));
  const [before, after] = [indexedRules(ctx.base.rules), indexedRules(ctx.head.rules)];
  const findings = [];
  for (const [block, headInstances] of after) {
    const baseInstances = before.get(block);
    if (!baseInstances) continue;
    const holds = (at: Map<string, Set<string>>, address: string, key: string) => at.get(address)?.has(key) ?? false;
    // an instance that now asks for an AWS rule another instance held at the base and gives up at the head
    const shifted = [...headInstances].filter(([address, keys]) =>
      [...keys].some(
        (k) =>
          !holds(baseInstances, address, k) && [...baseInstances].some(([other, held]) => other !== address && held.has(k) && !holds(headInstances, other, k)),
      ),
    );
    const rules = ctx.head.rules.filter((r) => shifted.some(([a]) => a === r.resource) && !replaced.has(r.group));
    if (!rules.length) continue;
    const addresses = [...new Set(rules.map((r) => r.resource))];
    const first = rules[0]!;
    const listed = addresses.slice(0, NAMED).map(code).join(', ') + (addresses.length > NAMED ? ` and ${addresses.length - NAMED} more` : '');
    const finding = {
      severity: 'low' as const,
      fingerprint: fingerprint('forced-replacement', block, 'count-shift'),
      title: `${addresses.length === 1 ? '1 instance' : `${addresses.length} instances`} of ${block} ${addresses.length === 1 ? 'takes' : 'take'} another element's rule and ${addresses.length === 1 ? 'is' : 'are'} replaced`,
      message: [
        `${code(block)} is indexed by \`count\`, and the list it counts changed before its last element: ${listed} now ${addresses.length === 1 ? 'declares' : 'declare'} an AWS rule that another instance held. Every argument of an \`aws_security_group_rule\` forces replacement, so each of them is deleted and created again, with no order between the instances.`,
        'AWS holds a rule once: if an instance asks for a rule its neighbour still holds, AWS refuses it as a duplicate (`InvalidPermission.Duplicate`) and the apply fails; the old rules are deleted all the same, so the access is gone until the next apply. In the other order it is gone for a moment.',
        '',
        'Fix: key the instances by what they are (`for_each = toset(var.cidrs)`, with a `moved` block from each `[i]` to its key in the same change), so that removing an element removes only its rule; or one `aws_vpc_security_group_ingress_rule` / `_egress_rule` per element with `for_each`.',
      ].join('\n'),
      resource: first.resource,
      location: first.location,
    };
    const cause = rules.flatMap((r) => changedInputsFor(ctx, dirOf(r.location.file), r.refs)).at(0);
    findings.push(cause ? atCause(finding, inputLocation(cause.i), 'The rule resource whose instances shift') : finding);
  }
  return findings;
}

/** `aws_security_group_rule` block → its count instances → the AWS rules each declares (known ones). */
function indexedRules(rules: Rule[]): Map<string, Map<string, Set<string>>> {
  const out = new Map<string, Map<string, Set<string>>>();
  for (const r of rules) {
    if (r.origin !== 'aws_security_group_rule' || r.unresolved !== null || r.peer.type === 'unresolved' || !COUNT_INDEX.test(r.resource)) continue;
    const block = r.resource.replace(COUNT_INDEX, '');
    const instances = out.get(block) ?? new Map<string, Set<string>>();
    out.set(block, instances);
    const keys = instances.get(r.resource) ?? new Set<string>();
    instances.set(r.resource, keys.add(awsRuleKey(r)));
  }
  return out;
}
