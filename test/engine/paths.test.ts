// Internet paths: each hop carries every protocol and port between its two groups, whatever the
// order of the blocks (issue 9, point 11).
import { describe, expect, it } from 'vitest';
import { reachability } from '../../src/engine/access/paths.js';
import { modelOf } from '../helpers/model.js';

const rule = (name: string, group: string, type: string, protocol: string, from: number, to: number, peer: string) => `
resource "aws_security_group_rule" "${name}" {
  type              = "${type}"
  security_group_id = aws_security_group.${group}.id
  protocol          = "${protocol}"
  from_port         = ${from}
  to_port           = ${to}
  ${peer}
}`;

const groups = ['lb', 'web'].map((g) => `resource "aws_security_group" "${g}" {\n  name = "${g}"\n}`).join('\n');

describe('path hops', () => {
  it('carry every protocol and port of the first and of a later hop', async () => {
    const model = await modelOf({
      'main.tf': [
        groups,
        rule('lb_icmpv6', 'lb', 'ingress', 'icmpv6', 128, 0, 'ipv6_cidr_blocks = ["::/0"]'),
        rule('lb_https', 'lb', 'ingress', 'tcp', 443, 443, 'cidr_blocks = ["0.0.0.0/0"]'),
        rule('lb_ping', 'lb', 'ingress', 'icmp', 8, 0, 'cidr_blocks = ["0.0.0.0/0"]'),
        rule('lb_out', 'lb', 'egress', '-1', 0, 0, 'source_security_group_id = aws_security_group.web.id'),
        rule('web_ping', 'web', 'ingress', 'icmp', 8, 0, 'source_security_group_id = aws_security_group.lb.id'),
        rule('web_app', 'web', 'ingress', 'tcp', 8080, 8080, 'source_security_group_id = aws_security_group.lb.id'),
        rule('web_metrics', 'web', 'ingress', 'tcp', 9100, 9100, 'source_security_group_id = aws_security_group.lb.id'),
      ].join('\n'),
    });
    const web = reachability(model, 4).get('aws_security_group.web')!;
    expect(web.distance).toBe(2);
    expect(web.path).toEqual([
      {
        from: 'internet',
        to: 'aws_security_group.lb',
        protocol: 'tcp',
        ports: [[443, 443]],
        otherProtocols: [
          { protocol: 'icmp', ports: [[2048, 2048]] },
          { protocol: 'icmpv6', ports: [[32768, 32768]] },
        ],
      },
      {
        from: 'aws_security_group.lb',
        to: 'aws_security_group.web',
        protocol: 'tcp',
        ports: [
          [8080, 8080],
          [9100, 9100],
        ],
        otherProtocols: [{ protocol: 'icmp', ports: [[2048, 2048]] }],
      },
    ]);
  });

  it('show all traffic alone: it covers every other protocol', async () => {
    const model = await modelOf({
      'main.tf': [
        groups,
        rule('lb_all', 'lb', 'ingress', '-1', 0, 0, 'cidr_blocks = ["0.0.0.0/0"]'),
        rule('lb_https', 'lb', 'ingress', 'tcp', 443, 443, 'cidr_blocks = ["0.0.0.0/0"]'),
      ].join('\n'),
    });
    expect(reachability(model, 4).get('aws_security_group.lb')!.path).toEqual([
      { from: 'internet', to: 'aws_security_group.lb', protocol: 'all', ports: [[0, 65535]] },
    ]);
  });
});

describe('the internet written in pieces', () => {
  const quarters = (name: string, from: number, to: number) =>
    ['0', '64', '128', '192'].map((a, i) => rule(`${name}${i}`, 'web', 'ingress', 'tcp', from + i, to, `cidr_blocks = ["${a}.0.0.0/2"]`));

  it('is the internet where the pieces together cover it: four /2 rules on SSH', async () => {
    const model = await modelOf({ 'main.tf': [groups, ...quarters('ssh', 22, 22).map((r) => r.replace(/from_port *= *\d+/, 'from_port = 22'))].join('\n') });
    expect(reachability(model, 4).get('aws_security_group.web')!.path).toEqual([
      { from: 'internet', to: 'aws_security_group.web', protocol: 'tcp', ports: [[22, 22]] },
    ]);
  });

  it('only on the ports where the pieces admit at least half the addresses', async () => {
    // quarters on 20-25, 21-25, 22-25, 23-25: half of IPv4 (the internet, as one /1 is) from 21 on
    const model = await modelOf({ 'main.tf': [groups, ...quarters('p', 20, 25)].join('\n') });
    expect(reachability(model, 4).get('aws_security_group.web')!.path).toEqual([
      { from: 'internet', to: 'aws_security_group.web', protocol: 'tcp', ports: [[21, 25]] },
    ]);
  });

  it('is not the internet when the pieces cover less than half', async () => {
    const pieces = [
      rule('a', 'web', 'ingress', 'tcp', 22, 22, 'cidr_blocks = ["0.0.0.0/2"]'),
      rule('b', 'web', 'ingress', 'tcp', 22, 22, 'cidr_blocks = ["64.0.0.0/3"]'),
    ];
    const model = await modelOf({ 'main.tf': [groups, ...pieces].join('\n') });
    expect(reachability(model, 4).get('aws_security_group.web')).toBeUndefined();
  });

  it('2000::/3 is the IPv6 internet (all of global unicast), though an eighth of the space', async () => {
    const model = await modelOf({ 'main.tf': [groups, rule('ssh6', 'web', 'ingress', 'tcp', 22, 22, 'ipv6_cidr_blocks = ["2000::/3"]')].join('\n') });
    expect(reachability(model, 4).get('aws_security_group.web')!.distance).toBe(1);
    const narrow = await modelOf({ 'main.tf': [groups, rule('ssh6', 'web', 'ingress', 'tcp', 22, 22, 'ipv6_cidr_blocks = ["2000::/5"]')].join('\n') });
    expect(reachability(narrow, 4).get('aws_security_group.web')).toBeUndefined();
  });
});
