// A rule whose target is the module's own group unless its callers pass one (`var.create ?
// aws_security_group.this[0].id : var.security_group_id`, `var.ids[0]` of an empty default)
// is reviewed on the group the defaults give. A caller that sets those variables puts the
// rule on a group of its own, which gains what the rule allows: the own-group findings keep
// their severity, and a new or changed such rule also gets one low finding per module, so
// nothing a rule allows hides behind the branch the defaults do not take.
import type { RuleDeclaration } from '../model/types.js';
import { GROUP_TYPES, resourceType } from '../model/peer.js';
import { rootLabelOf } from '../model/roots.js';
import type { RuleFinding } from '../result.js';
import { code } from './code-span.js';
import type { ReviewContext } from './context.js';
import { describePeerShort, groupTitle } from './describe.js';
import { fingerprint } from './finding.js';
import { namingOthers } from './naming-others.js';
import { describeAccess } from './opened-access.js';
import { append } from '../append.js';

/** How many rules a message and its related locations name. */
const NAMED = 12;
/** How many of one rule's accesses a line shows. */
const SHOWN = 4;

// the same rule on the same group, reading the same variables for its target
const key = (d: RuleDeclaration) => JSON.stringify([d.resource, d.group, d.identity, d.targetSetOutside]);

/** The top directory a head address belongs to (its label), `.` when unlabelled. */
const rootOf = (address: string) => rootLabelOf(address) ?? '.';

/** The head's new or changed rules whose target callers may set, one low finding per module. */
export function callerTargetFindings(ctx: ReviewContext): RuleFinding[] {
  const before = new Set(ctx.base.declarations.map(key));
  const byRoot = new Map<string, RuleDeclaration[]>();
  for (const d of ctx.head.declarations) {
    // a target that is no group of the configuration is named by its expression already; a
    // rule whose peers all come from the callers too opens what they decide (set-outside.ts)
    if (!d.targetSetOutside.length || !d.awsRules || !GROUP_TYPES.has(resourceType(d.group)) || before.has(key(d))) continue;
    append(byRoot, rootOf(d.resource), d);
  }
  // directories whose rules are the same code (a module's wrappers) give one finding
  const sameCode = new Map<string, RuleFinding[]>();
  for (const declarations of byRoot.values()) {
    const place = JSON.stringify([...new Set(declarations.map((d) => `${d.location.file}:${d.location.startLine}`))].sort());
    append(sameCode, place, finding(ctx, declarations));
  }
  return [...sameCode.values()].map(([first, ...others]) =>
    namingOthers(first!, others, NAMED, (n) => `The same rules may be put on a group the callers pass in ${n} other director${n > 1 ? 'ies' : 'y'}`),
  );
}

function finding(ctx: ReviewContext, declarations: RuleDeclaration[]): RuleFinding {
  const resources = [...new Set(declarations.map((d) => d.resource))].sort();
  const variables = [...new Set(declarations.flatMap((d) => d.targetSetOutside))].sort();
  const groups = [...new Set(declarations.map((d) => d.group))];
  const first = declarations.find((d) => d.resource === resources[0])!;
  const one = resources.length === 1;
  const allows = resources.slice(0, NAMED).map((resource) => `- ${code(resource)}: ${allowed(ctx, resource)}`);
  return {
    severity: 'low',
    fingerprint: fingerprint('unresolved-value', 'caller-target', rootOf(first.resource), resources, variables),
    title: `${one ? resources[0] : `${resources.length} rules`} may also apply to a group the callers pass (${variables.join(', ')})`,
    message: [
      `${one ? `${code(resources[0]!)} puts its rule` : `${resources.length} rule resources put their rules`} on ${groups.map(code).join(', ')} as the defaults here have it, but ${one ? 'its target also reads' : 'their targets also read'} ${variables.map(code).join(', ')}, empty by default and set outside the repository (\`-var\`, \`TF_VAR_\`, or a calling configuration). A caller that sets ${variables.length > 1 ? 'them' : 'it'} may put ${one ? 'the rule' : 'the rules'} on a group it passes, which then gains what ${one ? 'it allows' : 'they allow'}:`,
      ...allows,
      ...(resources.length > NAMED ? [`- and ${resources.length - NAMED} more`] : []),
      '',
      `What ${one ? 'it opens' : 'they open'} on ${groups.map((g) => code(groupTitle(g))).join(', ')} is reported on its own, with its severity. Review the callers that pass a group.`,
    ].join('\n'),
    resource: first.resource,
    location: first.location,
    related: resources.slice(1, NAMED).map((resource) => {
      const d = declarations.find((x) => x.resource === resource)!;
      return {
        file: d.location.file,
        startLine: d.location.startLine,
        endLine: d.location.endLine,
        message: `may also apply to a group the callers pass: ${resource}`,
      };
    }),
  };
}

/** What a rule resource allows, as its head rules say: direction, protocol and ports, peers. */
function allowed(ctx: ReviewContext, resource: string): string {
  const what = [
    ...new Set(
      ctx.head.rules
        .filter((r) => r.resource === resource)
        .map((r) => `${r.direction} ${describeAccess(r.protocol, [r.ports])} ${r.direction === 'ingress' ? 'from' : 'to'} ${describePeerShort(r.peer)}`),
    ),
  ];
  return what.slice(0, SHOWN).join('; ') + (what.length > SHOWN ? `; and ${what.length - SHOWN} more` : '');
}
