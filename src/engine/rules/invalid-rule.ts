// invalid-rule: a rule with a known value AWS or the provider rejects (an unknown protocol name,
// a CIDR with host bits set or in the wrong family, a reversed port range, inline -1 with
// ports), or without a required argument Terraform asks for (protocol, ports). The apply fails, so
// the model computes no access from it (never "all traffic"; an invalid CIDR alone is dropped
// from its rule's peers); this says why and how to fix it.
import { placeAtCause } from '../findings/changed-inputs.js';
import { code } from '../findings/code-span.js';
import { groupTitle } from '../findings/describe.js';
import { defineRule } from '../findings/define-rule.js';
import { fingerprint } from '../findings/finding.js';
import type { InvalidRule } from '../model/types.js';

export const invalidRule = defineRule({
  id: 'invalid-rule',
  severity: 'medium',
  summary: 'A rule has a value AWS or the provider rejects, so the apply fails; no access is computed from it.',
  check(ctx) {
    // The same invalid value on the same group and direction at the base is pre-existing, also
    // when the rule moved (inline to standalone: `cidr_blocks` became `cidr_ipv4`).
    const slot = (i: InvalidRule) => `${i.group}\0${i.direction}\0${FIELD_KIND[i.field] ?? i.field}\0${i.value}`;
    const before = new Set(ctx.base.invalidRules.map(slot));
    const seen = new Set<string>();
    const key = (i: InvalidRule) => `${i.resource}\0${i.direction}\0${i.field}\0${i.value}`;
    return ctx.head.invalidRules
      .filter((i) => !before.has(slot(i)) && !seen.has(key(i)) && seen.add(key(i)))
      .map((i) =>
        placeAtCause(
          ctx,
          { resource: i.resource, digest: i.digest, refs: i.refs, location: i.ruleLocation },
          {
            severity: 'medium' as const,
            fingerprint: fingerprint('invalid-rule', i.resource, i.direction, i.field, i.value ?? '(not set)'),
            title:
              i.value === null
                ? `Missing ${i.field} in a rule on ${groupTitle(i.group)}: the plan fails`
                : `Invalid ${i.field} "${i.value}" in a rule on ${groupTitle(i.group)}: the apply fails`,
            message: [
              i.value === null
                ? `\`${i.resource}\` does not set ${i.field.split(' and ').map(code).join(' and ')}: ${i.reason}.`
                : `\`${i.resource}\` sets \`${i.field}\` to \`${JSON.stringify(i.value)}\`: ${i.reason}.`,
              '',
              i.value === null
                ? `Terraform rejects this ${i.direction} rule, so \`terraform plan\` fails. sg-review computes no access from it: until it is fixed it opens nothing, and what it was meant to open is not reviewed.`
                : `AWS or the provider rejects this ${i.direction} rule, so \`terraform apply\` fails. sg-review computes no access from it: until it is fixed it opens nothing, and what it was meant to open is not reviewed.`,
              '',
              i.value === null ? FIX_MISSING : i.icmp ? FIX_ICMP : (FIX[FIELD_KIND[i.field] ?? i.field] ?? FIX_CIDR),
            ].join('\n'),
            resource: i.resource,
            location: i.location,
          },
        ),
      );
  },
});

/** The same field in the three rule resource families. */
const FIELD_KIND: Record<string, string> = {
  ip_protocol: 'protocol',
  cidr_ipv4: 'cidr_blocks',
  cidr_ipv6: 'ipv6_cidr_blocks',
  source_security_group_id: 'security_groups',
  referenced_security_group_id: 'security_groups',
  cidr_ip: 'cidr_blocks',
  cidr_ipv_6: 'ipv6_cidr_blocks',
  destination_security_group_id: 'security_groups',
};

const FIX_CIDR =
  'Write the network address with its prefix length (`10.0.0.0/24`, `203.0.113.7/32` for one address), IPv4 blocks in `cidr_blocks` / `cidr_ipv4` and IPv6 blocks in `ipv6_cidr_blocks` / `cidr_ipv6`.';

const FIX_MISSING =
  'Write the missing arguments: a rule names its protocol and ports (`protocol = "tcp"`, `from_port = 443`, `to_port = 443`; `ip_protocol` in `aws_vpc_security_group_ingress_rule` / `_egress_rule`, whose ports are optional for -1 and icmp).';

const FIX_PORTS =
  'Give the range from its lowest to its highest port (`from_port` ≤ `to_port`, both 0-65535). For all traffic in an inline block (`protocol = "-1"`), write `from_port = 0` and `to_port = 0`.';

const FIX_ICMP =
  'For `icmp` / `icmpv6`, `from_port` is the ICMP type and `to_port` the code, each 0-255 or -1 for all: echo request is `from_port = 8`, `to_port = 0`; all of ICMP is `from_port = -1`, `to_port = -1`.';

const FIX: Record<string, string> = {
  protocol: 'Name the transport protocol and put the service in the ports: HTTP is `protocol = "tcp"` with `from_port = 80` and `to_port = 80`.',
  from_port: FIX_PORTS,
  to_port: FIX_PORTS,
  security_groups:
    'Name the group (`aws_security_group.lb.id`). When there may be none, switch the rule off with `count` (`var.alb_sg != "" ? 1 : 0`) instead of passing an empty id.',
};
