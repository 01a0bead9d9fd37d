// A new or changed rule whose peers come only from root variables with an empty default opens
// nothing as written, but whoever runs Terraform sets those variables (`-var`, `TF_VAR_`, a
// calling configuration): what it opens is chosen outside the repository. Passing it in
// silence would be a "safe" the review cannot vouch for, so it is reported (low).
import type { Direction, PeerKind, RuleDeclaration } from '../model/types.js';
import { code } from './code-span.js';
import type { ReviewContext } from './context.js';
import type { RuleFinding } from '../result.js';
import { fingerprint } from './finding.js';
import { describeAccess } from './opened-access.js';
import { groupTitle, peerKindWords } from './describe.js';

// the rule in AWS on its group, whatever declares it: one more element in a counted list
// shifts every later instance's address without changing its rule
const identity = (d: RuleDeclaration) => `${d.group}|${d.direction}|${d.identity}|${d.peersSetOutside.join(',')}`;

/** The head's new or changed declarations of a direction whose peers are set outside. */
function setOutside(ctx: ReviewContext, direction: Direction): RuleDeclaration[] {
  const before = new Set(ctx.base.declarations.map(identity));
  const atBase = setOutsideAtBase(ctx);
  return ctx.head.declarations.filter((d) => d.direction === direction && d.peersSetOutside.length > 0 && !before.has(identity(d)) && !atBase(d));
}

/**
 * Whether the base let the same variables set outside open the same ports on the same group:
 * a rule of its own (`var.cidrs`, or one element of it per instance) or beside other peers
 * (`concat(["10.0.0.0/8"], var.cidrs)`), e.g. an inline block split into one resource per CIDR.
 */
export function setOutsideAtBase(ctx: ReviewContext): (d: RuleDeclaration) => boolean {
  const slot = (x: { group: string; direction: Direction | null; protocol: string; ports: readonly number[] }, name: string) =>
    [x.group, x.direction, x.protocol, x.ports.join('-'), name].join('|');
  const base = new Set([
    ...ctx.base.declarations.flatMap((d) => d.peersSetOutside.map((n) => slot(d, n))),
    ...ctx.base.rules.flatMap((r) => r.emptyDefaults.map((n) => slot(r, n))),
    // a group id the base required callers to pass (`var.alb_sg`, no default) is theirs too
    ...ctx.base.rules.flatMap((r) => (r.peer.type === 'unresolved' && r.peer.expected === 'group' ? [slot(r, r.peer.value)] : [])),
  ]);
  return (d) => d.peersSetOutside.length > 0 && d.peersSetOutside.every((n) => base.has(slot(d, n)));
}

export function peersSetOutsideFindings(ctx: ReviewContext, rule: 'new-ingress' | 'new-egress', direction: Direction): RuleFinding[] {
  return setOutside(ctx, direction).map((d) => {
    const what = describeAccess(d.protocol, [d.ports]);
    const toward = direction === 'ingress' ? 'from' : 'to';
    const names = d.peersSetOutside;
    const kinds = d.peersSetOutsideKinds;
    // one group id passed in (`source_security_group_id = var.alb_sg`) is one group
    const peers = `the ${kinds.length === 1 && kinds[0] === 'security-group' ? 'security group' : peerKindWords(kinds)} in`;
    return {
      severity: 'low',
      fingerprint: fingerprint(rule, d.resource, d.identity, names),
      title: `${what} opened ${toward} ${peers} ${names.join(', ')} on ${groupTitle(d.group)}`,
      message: [
        `**${what}** is allowed **${toward} ${peers} ${names.map(code).join(', ')}** on ${code(d.group)}.`,
        '',
        `The default used here is empty, so as written it opens nothing; but ${names.length > 1 ? 'these variables are' : 'this variable is'} set outside the repository (\`-var\`, \`TF_VAR_\`, or a calling configuration), so what it opens is decided there.`,
        '',
        kinds.length === 1 ? ADVICE[kinds[0]!] : 'Check the values set in each environment: every address and group passed in gains this access.',
      ].join('\n'),
      resource: d.resource,
      location: d.location,
    };
  });
}

const ADVICE: Record<PeerKind, string> = {
  addresses: 'Check the values set in each environment; prefer a security-group reference to a list of CIDRs passed in.',
  'security-group': 'Check the group passed in each environment: whatever it is attached to gains this access.',
  'security-groups': 'Check the groups passed in each environment: whatever they are attached to gains this access.',
  'prefix-lists': 'Check the prefix lists passed in each environment: every range they hold gains this access.',
};
