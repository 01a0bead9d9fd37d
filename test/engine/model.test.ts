import { describe, expect, it } from 'vitest';
import { describeProtocolPorts, normalisePorts, normaliseProtocol } from '../../src/engine/model/protocol.js';
import { modelOf, ruleLines } from '../helpers/model.js';
import type { Rule } from '../../src/engine/model/types.js';

describe('protocol and port normalisation', () => {
  it.each([
    ['-1', 'all'],
    [-1, 'all'],
    ['ALL', 'all'],
    ['TCP', 'tcp'],
    ['6', 'tcp'],
    ['17', 'udp'],
    ['1', 'icmp'],
    ['58', 'icmpv6'],
    ['47', '47'],
    // Go's strconv.Atoi, as the provider reads a number: sign and leading zeros
    ['+6', 'tcp'],
    ['006', 'tcp'],
    ['+17', 'udp'],
    ['-01', 'all'],
    ['047', '47'],
    ['-6', null],
    ['http', null],
  ] as const)('%s -> %s', (raw, expected) => {
    expect(normaliseProtocol(raw)).toBe(expected);
  });

  it('ignores ports for all and other protocol numbers, encodes ICMP type/code', () => {
    expect(normalisePorts('all', 20, 200)).toEqual([0, 65535]);
    expect(normalisePorts('47', 1, 2)).toEqual([0, 65535]);
    expect(normalisePorts('tcp', 22, 22)).toEqual([22, 22]);
    expect(normalisePorts('tcp', -1, -1)).toEqual([0, 65535]);
    expect(normalisePorts('icmp', 8, 0)).toEqual([2048, 2048]);
    expect(normalisePorts('icmp', 8, -1)).toEqual([2048, 2303]);
    expect(normalisePorts('icmp', -1, -1)).toEqual([0, 65535]);
    expect(normalisePorts('icmpv6', null, null)).toEqual([0, 65535]);
  });
});

describe('ports as a reviewer reads them: ICMP as type/code, never type × 256 + code', () => {
  it.each([
    ['icmp', [[2048, 2048]], 'ICMP echo-request (8/0)'],
    ['icmp', [[2048, 2303]], 'ICMP echo-request (type 8, all codes)'],
    ['icmp', [[0, 65535]], 'all ICMP'],
    [
      'icmp',
      [
        [0, 2047],
        [2304, 65535],
      ],
      'ICMP types 0-7, types 9-255',
    ],
    ['icmp', [[772, 1282]], 'ICMP destination-unreachable (type 3, codes 4-255), type 4 (all codes), redirect (type 5, codes 0-2)'],
    ['icmpv6', [[32768, 32768]], 'ICMPv6 echo-request (128/0)'],
    // merged as the JSON merges them (render/json.ts): consecutive types with the same codes
    [
      'icmp',
      [
        [2304, 2304],
        [2048, 2048],
        [2560, 2560],
      ],
      'ICMP types 8-10 code 0',
    ],
    [
      'icmp',
      [
        [0, 767],
        [768, 1023],
        [1025, 1025],
      ],
      'ICMP types 0-3, type 4 code 1 (4/1)',
    ],
    ['icmp', [[10753, 10753]], 'ICMP type 42 code 1 (42/1)'],
    [
      'tcp',
      [
        [22, 22],
        [8000, 9000],
      ],
      '22, 8000-9000/tcp',
    ],
    ['tcp', [[0, 65535]], 'all tcp ports'],
    ['all', [[0, 65535]], 'all traffic'],
    ['47', [[0, 65535]], 'protocol 47 (all ports)'],
  ] as [string, [number, number][], string][])('%s %j -> %s', (protocol, ranges, expected) => {
    expect(describeProtocolPorts(protocol, ranges)).toBe(expected);
  });
});

describe('model', () => {
  it('models inline, legacy and vpc rules with peers and locations', async () => {
    const m = await modelOf({
      'sg.tf': `resource "aws_security_group" "web" {
  name = "web"
  ingress {
    from_port       = "443"
    to_port         = 443
    protocol        = "TCP"
    cidr_blocks     = ["0.0.0.0/0", "10.1.2.3/16"]
    ipv6_cidr_blocks = ["::/0"]
    prefix_list_ids = ["pl-123"]
    security_groups = [aws_security_group.db.id, "sg-0123"]
    self            = true
  }
}
resource "aws_security_group" "db" {}
`,
      'rules.tf': `resource "aws_security_group_rule" "db_in" {
  type                     = "ingress"
  security_group_id        = aws_security_group.db.id
  source_security_group_id = aws_security_group.web.id
  protocol                 = -1
  from_port                = 0
  to_port                  = 0
}
resource "aws_vpc_security_group_egress_rule" "db_out" {
  security_group_id = aws_security_group.db.id
  ip_protocol       = "icmp"
  from_port         = 8
  to_port           = -1
  cidr_ipv4         = "10.0.0.0/8"
}
resource "aws_vpc_security_group_ingress_rule" "db_self" {
  security_group_id            = aws_security_group.db.id
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  referenced_security_group_id = aws_security_group.db.id
}
`,
    });
    expect(ruleLines(m)).toEqual([
      'aws_security_group.db ingress all 0-65535 group:aws_security_group.web',
      'aws_security_group.db egress icmp 2048-2303 cidr:10.0.0.0/8',
      'aws_security_group.db ingress tcp 5432-5432 self:aws_security_group.db',
      'aws_security_group.web ingress tcp 443-443 cidr:0.0.0.0/0',
      'aws_security_group.web ingress tcp 443-443 cidr:::/0',
      'aws_security_group.web ingress tcp 443-443 prefix-list:pl-123',
      'aws_security_group.web ingress tcp 443-443 group:aws_security_group.db',
      'aws_security_group.web ingress tcp 443-443 group:sg-0123',
      'aws_security_group.web ingress tcp 443-443 self:aws_security_group.web',
    ]);
    expect(m.rules[3]!.location).toEqual({ file: 'sg.tf', startLine: 3, endLine: 12 });
    expect(m.rules[0]).toMatchObject({
      origin: 'aws_security_group_rule',
      resource: 'aws_security_group_rule.db_in',
      location: { file: 'rules.tf', startLine: 1, endLine: 8 },
    });
    expect(m.groups.map((g) => [g.address, g.ownership.ingress, g.ownership.egress])).toEqual([
      ['aws_security_group.web', 'blocks', 'unmanaged'],
      ['aws_security_group.db', 'unmanaged', 'unmanaged'],
    ]);
  });

  it('tells the ownership states apart: attribute, empty, dynamic with and without elements', async () => {
    const m = await modelOf({
      'main.tf': `variable "none" { default = [] }
variable "unknown" {}
locals { none = [] }
resource "aws_security_group" "attr" {
  ingress = [{ from_port = 1, to_port = 1, protocol = "tcp", cidr_blocks = ["10.0.0.0/8"], ipv6_cidr_blocks = null, prefix_list_ids = null, security_groups = null, self = null, description = null }]
  egress = []
}
resource "aws_security_group" "dyn" {
  dynamic "ingress" {
    for_each = local.none
    content {
      from_port = 1
      to_port = 1
      protocol = "tcp"
    }
  }
  dynamic "egress" {
    for_each = var.unknown
    iterator = rule
    content {
      from_port   = rule.value.port
      to_port     = rule.value.port
      protocol    = "tcp"
      cidr_blocks = rule.value.cidrs
    }
  }
}
resource "aws_security_group" "passed_in" {
  dynamic "ingress" {
    for_each = var.none
    content {
      from_port = 1
      to_port = 1
      protocol = "tcp"
    }
  }
}
`,
    });
    // empty as written: no blocks; empty by a default that -var can replace: zero or more blocks
    expect(m.groups.map((g) => [g.address, g.ownership.ingress, g.ownership.egress])).toEqual([
      ['aws_security_group.attr', 'attribute', 'empty'],
      ['aws_security_group.dyn', 'unmanaged', 'unknown'],
      ['aws_security_group.passed_in', 'unknown', 'unmanaged'],
    ]);
    // the unknown dynamic block still yields a rule, unresolved, so nothing is silently closed
    const unknownRule = m.rules.find((r) => r.group === 'aws_security_group.dyn')!;
    expect(unknownRule.peer.type).toBe('unresolved');
    expect(unknownRule.unresolved).toMatch(/widest range assumed/);
    expect(m.unknowns.some((u) => u.expr === 'var.unknown' && u.reason.includes('no default'))).toBe(true);
  });

  it('expands count and for_each with instance addresses, and dynamic blocks over maps', async () => {
    const m = await modelOf({
      'main.tf': `locals {
  ports = { https = 443, ssh = 22 }
}
resource "aws_security_group" "sg" {
  count = 2
  name  = "sg-\${count.index}"
  dynamic "ingress" {
    for_each = local.ports
    content {
      description = ingress.key
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ["10.\${count.index}.0.0/16"]
    }
  }
}
resource "aws_vpc_security_group_ingress_rule" "each" {
  for_each          = toset(["10.9.0.0/16", "10.8.0.0/16"])
  security_group_id = aws_security_group.sg[1].id
  ip_protocol       = "udp"
  from_port         = 53
  to_port           = 53
  cidr_ipv4         = each.value
}
`,
    });
    expect(m.groups.map((g) => `${g.address}=${g.name}`)).toEqual(['aws_security_group.sg[0]=sg-0', 'aws_security_group.sg[1]=sg-1']);
    expect(ruleLines(m)).toEqual([
      'aws_security_group.sg[0] ingress tcp 443-443 cidr:10.0.0.0/16',
      'aws_security_group.sg[0] ingress tcp 22-22 cidr:10.0.0.0/16',
      'aws_security_group.sg[1] ingress tcp 443-443 cidr:10.1.0.0/16',
      'aws_security_group.sg[1] ingress tcp 22-22 cidr:10.1.0.0/16',
      'aws_security_group.sg[1] ingress udp 53-53 cidr:10.8.0.0/16',
      'aws_security_group.sg[1] ingress udp 53-53 cidr:10.9.0.0/16',
    ]);
    expect(m.rules[0]!.description).toBe('https');
    expect(m.rules[4]!.resource).toBe('aws_vpc_security_group_ingress_rule.each["10.8.0.0/16"]');
  });

  it('applies tfvars precedence: default < terraform.tfvars < .json < *.auto.tfvars by name', async () => {
    const tf = `variable "a" { default = "default" }
variable "b" { default = "default" }
variable "c" { default = "default" }
variable "d" { default = "default" }
resource "aws_security_group" "x" { description = "\${var.a} \${var.b} \${var.c} \${var.d}" }
`;
    const m = await modelOf({
      'main.tf': tf,
      'terraform.tfvars': 'b = "tfvars"\nc = "tfvars"\nd = "tfvars"\n',
      'terraform.tfvars.json': '{ "c": "json", "d": "json" }',
      'b.auto.tfvars': 'd = "b-auto"\n',
      'a.auto.tfvars': 'd = "a-auto"\n',
    });
    expect(m.groups[0]!.description).toBe('default tfvars json b-auto');
  });

  it('a bool variable set to "1" or "0" in tfvars is true or false, as Terraform converts it', async () => {
    const tf = `variable "on" { type = bool }
variable "off" { type = bool }
resource "aws_security_group" "x" { description = "\${var.on ? "on" : "no"} \${var.off ? "no" : "off"} \${var.on}" }
`;
    const m = await modelOf({ 'main.tf': tf, 'terraform.tfvars': 'on = "1"\noff = "0"\n' });
    expect(m.groups[0]!.description).toBe('on off true');
  });

  it('loads local modules with arguments, module outputs, and for_each module addresses', async () => {
    const m = await modelOf({
      'main.tf': `module "sg" {
  source   = "./modules/sg"
  for_each = { app = "10.0.0.0/8" }
  name     = each.key
  cidr     = each.value
}
module "registry" {
  source = "terraform-aws-modules/security-group/aws"
}
resource "aws_security_group_rule" "extra" {
  type              = "egress"
  security_group_id = module.sg["app"].id
  protocol          = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_blocks       = ["0.0.0.0/0"]
}
resource "aws_security_group_rule" "ext" {
  type              = "ingress"
  security_group_id = module.registry.security_group_id
  protocol          = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_blocks       = ["0.0.0.0/0"]
}
`,
      'modules/sg/main.tf': `variable "name" {}
variable "cidr" {}
resource "aws_security_group" "this" {
  name = var.name
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = [var.cidr]
  }
}
output "id" { value = aws_security_group.this.id }
`,
    });
    expect(m.groups.map((g) => g.address)).toEqual(['module.sg["app"].aws_security_group.this']);
    expect(ruleLines(m)).toContain('module.sg["app"].aws_security_group.this ingress tcp 443-443 cidr:10.0.0.0/8');
    expect(ruleLines(m)).toContain('module.sg["app"].aws_security_group.this egress tcp 443-443 cidr:0.0.0.0/0');
    // a rule on a group outside the configuration is kept under that group's expression
    expect(ruleLines(m)).toContain('module.registry.security_group_id ingress tcp 22-22 cidr:0.0.0.0/0');
    expect(m.rules.find((r) => r.origin === 'inline')!.location.file).toBe('modules/sg/main.tf');
    expect(m.externalModules).toEqual([expect.objectContaining({ address: 'module.registry', source: 'terraform-aws-modules/security-group/aws' })]);
  });

  it('records unknown counts and keeps the possibly-existing rule', async () => {
    const m = await modelOf({
      'main.tf': `variable "enabled" { type = bool }
resource "aws_security_group" "g" {}
resource "aws_security_group_rule" "maybe" {
  count             = var.enabled ? 1 : 0
  type              = "ingress"
  security_group_id = aws_security_group.g.id
  protocol          = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_blocks       = ["0.0.0.0/0"]
}
`,
    });
    expect(m.rules.map((r) => r.resource)).toEqual(['aws_security_group_rule.maybe']);
    expect(m.declarations[0]!.conditional).toBe('the condition is unknown (var.enabled: var.enabled is unknown: it has no default and no tfvars value)');
    expect(m.unknowns[0]).toMatchObject({ attribute: 'count', resource: 'aws_security_group_rule.maybe', location: { startLine: 4, endLine: 4 } });
  });

  it('keeps a rule switched off only by the default of a root boolean variable, which can be set outside the repository', async () => {
    const files = {
      'main.tf': `variable "enabled" { default = false }
variable "public" {
  type    = bool
  default = true
}
locals { on = var.enabled && var.public }
resource "aws_security_group" "g" {}
resource "aws_security_group_rule" "maybe" {
  count             = local.on ? 1 : 0
  type              = "ingress"
  security_group_id = aws_security_group.g.id
  protocol          = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_blocks       = ["0.0.0.0/0"]
}
resource "aws_security_group_rule" "never" {
  count             = 0
  type              = "ingress"
  security_group_id = aws_security_group.g.id
  protocol          = "tcp"
  from_port         = 23
  to_port           = 23
  cidr_blocks       = ["0.0.0.0/0"]
}
`,
    };
    const m = await modelOf(files);
    expect(m.rules.map((r) => r.resource)).toEqual(['aws_security_group_rule.maybe']);
    expect(m.rules[0]!.conditional).toBe('0 with the default of var.enabled, var.public, which can be set outside the repository');
    // a tfvars value is the repository's own choice: count 0 means no rule
    const set = await modelOf({ ...files, 'terraform.tfvars': 'enabled = false\npublic = true\n' });
    expect(set.rules).toEqual([]);
  });

  it('names the root variables with an empty default that a rule without peers reads, unless a tfvars file sets them', async () => {
    const files = {
      'main.tf': `variable "partners" { default = [] }
variable "port" { default = 8443 }
resource "aws_security_group" "g" {}
resource "aws_security_group_rule" "r" {
  type              = "ingress"
  security_group_id = aws_security_group.g.id
  protocol          = "tcp"
  from_port         = var.port
  to_port           = var.port
  cidr_blocks       = var.partners
}
`,
    };
    const m = await modelOf(files);
    expect(m.declarations.map((d) => d.peersSetOutside)).toEqual([['var.partners']]);
    const set = await modelOf({ ...files, 'terraform.tfvars': 'partners = []\n' });
    expect(set.declarations.map((d) => d.peersSetOutside)).toEqual([[]]);
  });

  it('tells a value set outside the repository by where it comes from, never by the words of a reason', async () => {
    const rule = (name: string, body: string) => `resource "aws_security_group_rule" "${name}" {
  type              = "ingress"
  security_group_id = aws_security_group.g.id
  protocol          = "tcp"
${body}
}
`;
    const m = await modelOf({
      'main.tf': `variable "cidrs" { default = [] }
variable "ports" { default = [] }
data "aws_ssm_parameter" "p" { name = "cidr" }
resource "aws_security_group" "g" {}
${rule('element', '  count = length(var.cidrs)\n  from_port = 443\n  to_port = 443\n  cidr_blocks = [var.cidrs[count.index]]')}
${rule('ports', '  count = length(var.ports)\n  from_port = var.ports[count.index]\n  to_port = var.ports[count.index]\n  cidr_blocks = ["10.0.0.0/8"]')}
${rule('worded', '  count = data.aws_ssm_parameter.p.value == "set outside the repository" ? 1 : 0\n  from_port = 22\n  to_port = 22\n  cidr_blocks = [cidrsubnet("10.0.0.0/8", 8, count.index)]')}`,
    });
    // one peer per element of var.cidrs: the callers', no rule of its own
    expect(m.rules.map((r) => r.resource)).toEqual(['aws_security_group_rule.ports', 'aws_security_group_rule.worded']);
    expect(m.declarations.find((d) => d.resource === 'aws_security_group_rule.element')).toMatchObject({
      awsRules: 0,
      peersSetOutside: ['var.cidrs'],
    });
    // created by var.ports, its ports from it: both said as data, beside the words
    const [ports, worded] = m.rules as [Rule, Rule];
    expect(ports).toMatchObject({ conditionSetOutside: ['var.ports'], unresolvedSetOutside: ['var.ports'] });
    expect(ports.conditional).toContain('set outside the repository');
    // the PR's own string in a count puts the words in its reason, and changes nothing: the
    // peer computed from count.index stays unresolved (a rule), the count the PR's own
    expect(worded.conditional).toContain('set outside the repository');
    expect(worded.peer).toMatchObject({ type: 'unresolved', value: 'cidrsubnet("10.0.0.0/8", 8, count.index)' });
    expect(worded).toMatchObject({ conditionSetOutside: [], unresolvedSetOutside: [] });
  });

  it('drops invalid CIDRs from the peers and records them with the field and line; an unknown CIDR stays unresolved', async () => {
    const m = await modelOf({
      'main.tf': `variable "unknown" {}
resource "aws_security_group" "g" {
  ingress {
    from_port = 22
    to_port = 22
    protocol = "tcp"
    cidr_blocks = ["0.0.0.0", "10.0.0.1/10", "0.0.2.0/0", "10.0.0.0/8", "::/0", "010.0.0.0/8", "10.1/16", "", var.unknown]
    ipv6_cidr_blocks = ["10.0.0.0/8", "2001:db8::1/32", "2001:DB8::/32"]
  }
}`,
    });
    expect(m.rules.map((r) => `${r.peer.type}:${r.peer.value}`)).toEqual(['cidr:10.0.0.0/8', 'unresolved:var.unknown', 'cidr:2001:db8::/32']);
    expect(m.invalidRules.map((i) => `${i.field} ${JSON.stringify(i.value)}: ${i.reason} @${i.location.startLine}`)).toEqual([
      'cidr_blocks "0.0.0.0": it has no prefix length (one address is `0.0.0.0/32`) @7',
      'cidr_blocks "10.0.0.1/10": it has host bits set: the network is `10.0.0.0/10` @7',
      'cidr_blocks "0.0.2.0/0": it has host bits set: the network is `0.0.0.0/0` @7',
      'cidr_blocks "::/0": it is an IPv6 block in an IPv4 field @7',
      'cidr_blocks "010.0.0.0/8": it is not a CIDR block @7',
      'cidr_blocks "10.1/16": it is not a CIDR block @7',
      'cidr_blocks "": it is empty @7',
      'ipv6_cidr_blocks "10.0.0.0/8": it is an IPv4 block in an IPv6 field @8',
      'ipv6_cidr_blocks "2001:db8::1/32": it has host bits set: the network is `2001:db8::/32` @8',
    ]);
    expect(m.declarations[0]).toMatchObject({ invalid: true, awsRules: 3 });
  });

  it.each([
    [
      'protocol = "http"\n  from_port = 80\n  to_port = 80',
      'protocol "http": it is not a protocol: AWS accepts tcp, udp, icmp, icmpv6, all (-1) or a protocol number 0-255',
    ],
    [
      'protocol = "256"\n  from_port = 80\n  to_port = 80',
      'protocol "256": it is not a protocol: AWS accepts tcp, udp, icmp, icmpv6, all (-1) or a protocol number 0-255',
    ],
    ['protocol = "tcp"\n  from_port = 443\n  to_port = 80', 'from_port "443": it is greater than to_port (80): AWS rejects the range'],
    ['protocol = "udp"\n  from_port = 53\n  to_port = 70000', 'to_port "70000": it is not a port number (0-65535)'],
    ['protocol = "tcp"\n  from_port = "ssh"\n  to_port = 22', 'from_port "ssh": it is not a number'],
    // ICMP type and code are 0-255 or -1: AWS refuses the rest, it never caps them
    ['protocol = "icmp"\n  from_port = 0\n  to_port = 65535', 'to_port "65535": it is the ICMP code, out of range: AWS takes 0-255, or -1 for every code'],
    ['protocol = "icmpv6"\n  from_port = 300\n  to_port = -1', 'from_port "300": it is the ICMP type, out of range: AWS takes 0-255, or -1 for every type'],
    ['protocol = "1"\n  from_port = -2\n  to_port = 0', 'from_port "-2": it is the ICMP type, out of range: AWS takes 0-255, or -1 for every type'],
  ])('a rule with %s opens nothing (never all traffic) and is recorded as invalid', async (fields, expected) => {
    const m = await modelOf({
      'main.tf': `resource "aws_security_group_rule" "r" {
  type = "ingress"
  security_group_id = "sg-1"
  cidr_blocks = ["0.0.0.0/0"]
  ${fields}
}`,
    });
    expect(m.rules).toEqual([]);
    expect(m.invalidRules.map((i) => `${i.field} ${JSON.stringify(i.value)}: ${i.reason}`)).toEqual([expected]);
    expect(m.invalidRules[0]!.location.startLine).toBeGreaterThanOrEqual(5);
  });

  it.each([
    ['icmp', '8', '0', 'icmp 2048-2048'],
    ['icmp', '3', '-1', 'icmp 768-1023'],
    ['icmpv6', '255', '255', 'icmpv6 65535-65535'],
    ['tcp', '-1', '-1', 'tcp 0-65535'],
    ['ALL', '0', '0', 'all 0-65535'],
    ['17', '53', '53', 'udp 53-53'],
  ])('protocol %s from %s to %s is valid (ICMP type above code is no reversed range)', async (protocol, from, to, expected) => {
    const m = await modelOf({
      'main.tf': `resource "aws_vpc_security_group_ingress_rule" "r" {
  security_group_id = "sg-1"
  cidr_ipv4 = "10.0.0.0/8"
  ip_protocol = "${protocol}"
  from_port = ${from}
  to_port = ${to}
}`,
    });
    expect(m.invalidRules).toEqual([]);
    expect(m.rules.map((r) => `${r.protocol} ${r.ports.join('-')}`)).toEqual([expected]);
  });

  const invalidLines = (m: Awaited<ReturnType<typeof modelOf>>) => m.invalidRules.map((i) => `${i.field} ${JSON.stringify(i.value)}`);

  it.each([
    ['aws_security_group', '"-1"', '0', '65535', ['to_port "65535"']],
    ['aws_security_group', '"all"', '22', '22', ['from_port "22"']],
    ['aws_security_group', '"-1"', '-1', '-1', ['from_port "-1"']],
    ['aws_default_security_group', '"-1"', '0', '65535', ['to_port "65535"']],
    ['aws_security_group', '"-1"', '0', '0', []],
    ['aws_security_group', '"-1"', 'var.unknown', '0', []],
    ['aws_security_group', '"tcp"', '0', '65535', []],
  ])('an inline %s block with protocol %s from %s to %s: invalid %j (the provider wants ports 0 for -1)', async (type, protocol, from, to, expected) => {
    const m = await modelOf({
      'main.tf': `variable "unknown" {}
resource "${type}" "g" {
  ingress {
    protocol    = ${protocol}
    from_port   = ${from}
    to_port     = ${to}
    cidr_blocks = ["10.0.0.0/8"]
  }
}`,
    });
    expect(invalidLines(m)).toEqual(expected);
    expect(m.rules.length).toBe(expected.length ? 0 : 1);
    if (expected.length) expect(m.invalidRules[0]!.location.startLine).toBe(expected[0]!.startsWith('to_port') ? 6 : 5);
  });

  it('a standalone aws_security_group_rule with -1 and ports is accepted: all traffic', async () => {
    const m = await modelOf({
      'main.tf': `resource "aws_security_group_rule" "r" {
  type              = "ingress"
  security_group_id = "sg-1"
  protocol          = "-1"
  from_port         = 0
  to_port           = 65535
  cidr_blocks       = ["10.0.0.0/8"]
}`,
    });
    expect(m.invalidRules).toEqual([]);
    expect(ruleLines(m)).toEqual(['sg-1 ingress all 0-65535 cidr:10.0.0.0/8']);
  });

  it.each([
    [
      'an inline block without protocol',
      'resource "aws_security_group" "g" {\n  ingress {\n    from_port = 443\n    to_port = 443\n    cidr_blocks = ["10.0.0.0/8"]\n  }\n}',
      ['protocol null'],
    ],
    [
      'an inline block without ports',
      'resource "aws_security_group" "g" {\n  egress {\n    protocol = "-1"\n    cidr_blocks = ["10.0.0.0/8"]\n  }\n}',
      ['from_port and to_port null'],
    ],
    [
      'a dynamic block whose content has no protocol',
      'resource "aws_security_group" "g" {\n  dynamic "ingress" {\n    for_each = [80, 443]\n    content {\n      from_port = ingress.value\n      to_port = ingress.value\n      cidr_blocks = ["10.0.0.0/8"]\n    }\n  }\n}',
      ['protocol null', 'protocol null'],
    ],
    [
      'an aws_security_group_rule without to_port',
      'resource "aws_security_group_rule" "r" {\n  type = "ingress"\n  security_group_id = "sg-1"\n  protocol = "tcp"\n  from_port = 443\n  cidr_blocks = ["10.0.0.0/8"]\n}',
      ['to_port null'],
    ],
    [
      'an aws_vpc_security_group_ingress_rule without ip_protocol',
      'resource "aws_vpc_security_group_ingress_rule" "r" {\n  security_group_id = "sg-1"\n  from_port = 443\n  to_port = 443\n  cidr_ipv4 = "10.0.0.0/8"\n}',
      ['ip_protocol null'],
    ],
  ])('%s is invalid and opens nothing (Terraform requires the argument)', async (_name, tf, expected) => {
    const m = await modelOf({ 'main.tf': tf });
    expect(invalidLines(m)).toEqual(expected);
    expect(m.rules).toEqual([]);
  });

  it.each([
    [
      'a protocol that evaluates to null (the variable may be set outside)',
      'variable "r" {\n  default = {}\n}\nresource "aws_security_group" "g" {\n  ingress {\n    protocol = lookup(var.r, "protocol", null)\n    from_port = 443\n    to_port = 443\n    cidr_blocks = ["10.0.0.0/8"]\n  }\n}',
    ],
    [
      'a dynamic block over unknown items',
      'variable "rules" {}\nresource "aws_security_group" "g" {\n  dynamic "ingress" {\n    for_each = var.rules\n    content {\n      protocol = ingress.value.protocol\n      from_port = ingress.value.port\n      to_port = ingress.value.port\n      cidr_blocks = ["10.0.0.0/8"]\n    }\n  }\n}',
    ],
    [
      'the attribute form (its objects may come from a typed variable)',
      'resource "aws_security_group" "g" {\n  ingress = [{ from_port = 443, to_port = 443, cidr_blocks = ["10.0.0.0/8"] }]\n}',
    ],
    [
      'a vpc rule with -1 and no ports (optional there)',
      'resource "aws_vpc_security_group_ingress_rule" "r" {\n  security_group_id = "sg-1"\n  ip_protocol = "-1"\n  cidr_ipv4 = "10.0.0.0/8"\n}',
    ],
  ])('%s is not invalid: it opens all traffic, as assumed', async (_name, tf) => {
    const m = await modelOf({ 'main.tf': tf });
    expect(m.invalidRules).toEqual([]);
    expect(m.rules.map((r) => `${r.protocol} ${r.ports.join('-')} ${r.peer.value}`)).toEqual(['all 0-65535 10.0.0.0/8']);
  });

  it('finds attachments and internet exposure', async () => {
    const m = await modelOf({
      'main.tf': `resource "aws_security_group" "g" {}
resource "aws_lb" "pub" { security_groups = [aws_security_group.g.id] }
resource "aws_lb" "int" {
  internal        = true
  security_groups = [aws_security_group.g.id]
}
resource "aws_db_instance" "db" {
  vpc_security_group_ids = [aws_security_group.g.id]
  publicly_accessible    = true
}
resource "aws_launch_template" "lt" {
  network_interfaces {
    associate_public_ip_address = true
    security_groups             = [aws_security_group.g.id]
  }
}
resource "aws_ecs_service" "svc" {
  network_configuration {
    security_groups = [aws_security_group.g.id]
  }
}
`,
    });
    expect(m.attachments.map((a) => [a.resource, a.groups.join(','), a.internetFacing, a.dataStore])).toEqual([
      ['aws_lb.pub', 'aws_security_group.g', true, false],
      ['aws_lb.int', 'aws_security_group.g', false, false],
      ['aws_db_instance.db', 'aws_security_group.g', true, true],
      ['aws_launch_template.lt', 'aws_security_group.g', true, false],
      ['aws_ecs_service.svc', 'aws_security_group.g', false, false],
    ]);
  });

  it('attaches through a spot request, a network interface (to its owner) and by group name', async () => {
    const m = await modelOf({
      'main.tf': `resource "aws_security_group" "g" {
  name = "jump"
}
resource "aws_spot_instance_request" "s" {
  associate_public_ip_address = true
  vpc_security_group_ids      = [aws_security_group.g.id]
}
resource "aws_instance" "i" {
  security_groups = ["jump", "managed-elsewhere"]
}
resource "aws_network_interface" "eni" {}
resource "aws_network_interface_sg_attachment" "to_instance" {
  security_group_id    = aws_security_group.g.id
  network_interface_id = aws_instance.i.primary_network_interface_id
}
resource "aws_network_interface_sg_attachment" "to_eni" {
  security_group_id    = aws_security_group.g.id
  network_interface_id = aws_network_interface.eni.id
}
variable "eni" {
  type = string
}
resource "aws_network_interface_sg_attachment" "unknown" {
  security_group_id    = aws_security_group.g.id
  network_interface_id = var.eni
}
`,
    });
    expect(m.attachments.map((a) => [a.resource, a.groups.join(','), a.internetFacing, a.exposure])).toEqual([
      ['aws_spot_instance_request.s', 'aws_security_group.g', true, 'has a public IP'],
      ['aws_instance.i', 'aws_security_group.g,managed-elsewhere', false, null],
      ['aws_network_interface.eni', '', false, null],
      ['aws_instance.i', 'aws_security_group.g', null, null],
      ['aws_network_interface.eni', 'aws_security_group.g', null, null],
      ['aws_network_interface_sg_attachment.unknown', 'aws_security_group.g', null, 'through the network interface it names'],
    ]);
  });

  it('keeps modelling the other files when one does not parse', async () => {
    const m = await modelOf({
      'bad.tf': 'resource "aws_security_group" "x" {\n  name = \n}\n',
      'good.tf': 'resource "aws_security_group" "y" {}\n',
    });
    expect(m.groups.map((g) => g.address)).toEqual(['aws_security_group.y']);
    expect(m.parseErrors).toEqual([{ file: 'bad.tf', line: 2, column: 10, message: expect.stringContaining('Invalid expression') }]);
  });

  it('reads .tf.json files', async () => {
    const m = await modelOf({
      'main.tf.json': JSON.stringify(
        {
          resource: { aws_security_group: { j: { ingress: [{ from_port: 80, to_port: 80, protocol: 'tcp', cidr_blocks: ['${var.c}'] }] } } },
          variable: { c: { default: '1.2.3.0/24' } },
        },
        null,
        2,
      ),
    });
    expect(ruleLines(m)).toEqual(['aws_security_group.j ingress tcp 80-80 cidr:1.2.3.0/24']);
  });
});

describe('several root modules in one tree', () => {
  it('qualifies addresses with the root directory so equal addresses are not merged', async () => {
    const sg =
      'resource "aws_security_group" "web" {\n  ingress {\n    from_port = 443\n    to_port = 443\n    protocol = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n';
    const m = await modelOf({ 'stacks/a/main.tf': sg, 'stacks/b/main.tf': sg });
    expect(m.groups.map((g) => g.address)).toEqual(['stacks/a:aws_security_group.web', 'stacks/b:aws_security_group.web']);
    expect(new Set(m.rules.map((r) => r.group)).size).toBe(2);
  });
});
