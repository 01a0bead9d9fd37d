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

describe('ingress from a range that may hold the members of a group', () => {
  const tiers = ['a', 'b', 'db'].map((g) => `resource "aws_security_group" "${g}" {\n  name = "${g}"\n}`).join('\n');
  const open = (g: string) => rule(`${g}_https`, g, 'ingress', 'tcp', 443, 443, 'cidr_blocks = ["0.0.0.0/0"]');
  const db = (family: 4 | 6, cidr: string) =>
    rule('db_pg', 'db', 'ingress', 'tcp', 5432, 5432, `${family === 4 ? 'cidr_blocks' : 'ipv6_cidr_blocks'} = ["${cidr}"]`);
  const out = (g: string, family: 4 | 6, cidr: string, from = 0, to = 65535) =>
    rule(`${g}_out`, g, 'egress', 'tcp', from, to, `${family === 4 ? 'cidr_blocks' : 'ipv6_cidr_blocks'} = ["${cidr}"]`);
  const dbReach = async (...rules: string[]) => reachability(await modelOf({ 'main.tf': [tiers, ...rules].join('\n') }), 4).get('aws_security_group.db');

  it('admits a group whose egress sends the port there, in IPv4 and IPv6', async () => {
    const v4 = await dbReach(open('a'), out('a', 4, '0.0.0.0/0'), db(4, '10.0.0.0/16'));
    expect(v4!.path.map((h) => [h.from, h.to, h.ports])).toEqual([
      ['internet', 'aws_security_group.a', [[443, 443]]],
      ['aws_security_group.a', 'aws_security_group.db', [[5432, 5432]]],
    ]);
    expect(v4!.via.at(-1)!.peer).toMatchObject({ type: 'cidr', value: '10.0.0.0/16' });
    const v6 = await dbReach(open('a'), out('a', 6, '::/0'), db(6, 'fd00::/8'));
    expect(v6!.distance).toBe(2);
  });

  it('needs both: egress carrying the port, in the same address family, and a range where members may be', async () => {
    expect(await dbReach(open('a'), out('a', 4, '10.0.0.0/16', 443, 443), db(4, '10.0.0.0/16'))).toBeUndefined();
    expect(await dbReach(open('a'), out('a', 4, '0.0.0.0/0'), db(6, 'fd00::/8'))).toBeUndefined();
    expect(await dbReach(open('a'), out('a', 4, '0.0.0.0/0'), db(4, '203.0.113.0/24'))).toBeUndefined();
    // egress to a range that holds no member reaches no group, whatever the ingress range
    expect(await dbReach(open('a'), out('a', 4, '203.0.113.0/24'), db(4, '10.0.0.0/8'))).toBeUndefined();
  });

  it('joins rules of one configuration only: two roots of a tree are deployed apart', async () => {
    const model = await modelOf({
      'web/main.tf': [tiers, open('a'), out('a', 4, '0.0.0.0/0')].join('\n'),
      'data/main.tf': [tiers, db(4, '10.0.0.0/16')].join('\n'),
    });
    expect([...reachability(model, 4).keys()]).toEqual(['web:aws_security_group.a']);
  });

  it('names the same hop whatever the order of the blocks: the first group of the level sending the port', async () => {
    const blocks = [open('a'), open('b'), out('a', 4, '10.0.0.0/8', 5000, 6000), out('b', 4, '10.0.0.0/8'), db(4, '10.0.0.0/16')];
    const forward = await dbReach(...blocks);
    const backward = await dbReach(...[...blocks].reverse());
    expect(forward!.path[1]!.from).toBe('aws_security_group.a');
    expect(backward!.path).toEqual(forward!.path);
  });
});

describe("the configuration's own VPC ranges", () => {
  const tiers = ['a', 'db'].map((g) => `resource "aws_security_group" "${g}" {\n  name = "${g}"\n}`).join('\n');
  const blocks = [
    tiers,
    rule('a_https', 'a', 'ingress', 'tcp', 443, 443, 'cidr_blocks = ["0.0.0.0/0"]'),
    rule('a_out', 'a', 'egress', 'tcp', 0, 65535, 'cidr_blocks = ["52.1.0.0/16"]'),
    rule('db_pg', 'db', 'ingress', 'tcp', 5432, 5432, 'cidr_blocks = ["52.1.0.0/16"]'),
  ];
  const association = (cidr: string) => `resource "aws_vpc_ipv4_cidr_block_association" "more" {\n  vpc_id     = "vpc-1"\n  cidr_block = ${cidr}\n}`;

  it('are VPC space though public (BYOIP): a CIDR association puts members in 52.1.0.0/16', async () => {
    const model = await modelOf({ 'main.tf': [...blocks, association('"52.1.0.0/16"')].join('\n') });
    expect(model.vpcRanges).toEqual(['52.1.0.0/16']);
    expect(reachability(model, 4).get('aws_security_group.db')!.distance).toBe(2);
  });

  it('add nothing when not written or not known here: a public range holds no member then', async () => {
    expect(reachability(await modelOf({ 'main.tf': blocks.join('\n') }), 4).get('aws_security_group.db')).toBeUndefined();
    const unknown = await modelOf({ 'main.tf': [...blocks, 'variable "cidr" {}', association('var.cidr')].join('\n') });
    expect(unknown.vpcRanges).toBeUndefined();
    expect(reachability(unknown, 4).get('aws_security_group.db')).toBeUndefined();
  });
});
