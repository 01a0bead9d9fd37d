// A pull request cannot waive its own findings: suppressions it adds are pending unless accepted.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/schema.js';
import { applyAcceptances } from '../../src/engine/accept.js';
import { CHANGED_BLOCK_PROBLEM, OPENED_ELSEWHERE_PROBLEM, PENDING_PROBLEM } from '../../src/engine/review.js';
import { reviewFiles } from '../../src/engine/review-files.js';

const group = (comment: string, cidr: string) => `resource "aws_security_group" "web" {
  name        = "web"
  description = "web"
  ${comment}
  ingress {
    description = "ssh"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["${cidr}"]
  }
}
`;
const files = (content: string) => [{ path: 'main.tf', content }];
type Result = Awaited<ReturnType<typeof reviewFiles>>;
const ssh = (r: Result) => r.findings.find((f) => f.rule === 'new-ingress')!;
const problems = (r: Result) => r.suppressionProblems.map((p) => `${p.line} ${p.problem}`);

/** The group attached, its SSH range from terraform.tfvars: its block need not change for a finding. */
const bastion = (above: string, comment: string) => `${above}variable "admin" {
  type = list(string)
}
${group(comment, 'VAR').replace('["VAR"]', 'var.admin')}resource "aws_instance" "a" {
  ami                    = "ami-1"
  vpc_security_group_ids = [aws_security_group.web.id]
}
`;
const withTfvars = (main: string, tfvars: string) => [
  { path: 'main.tf', content: main },
  { path: 'terraform.tfvars', content: tfvars },
];

describe('suppression governance', () => {
  const added = group('# sg-review:ignore new-ingress bastion, SEC-1', '0.0.0.0/0');

  it('a suppression the change adds is pending: the finding still counts', async () => {
    const r = await reviewFiles(files(group('', '10.0.0.0/8')), files(added), DEFAULT_CONFIG);
    expect(ssh(r)).toMatchObject({ severity: 'critical', suppressed: false, suppressionPending: 'bastion, SEC-1' });
    expect(r.conclusion).toBe('failure');
  });

  it('applies when accepted (--accept-suppressions) or when the base already had it above the same block', async () => {
    const accepted = await reviewFiles(files(group('', '10.0.0.0/8')), files(added), DEFAULT_CONFIG, undefined, undefined, { acceptSuppressions: true });
    expect(ssh(accepted)).toMatchObject({ suppressed: true });
    // the block is unchanged (lines added above it move it): the base's approval still covers
    // what it approved, here a standalone rule that fights the group's inline rules
    const mixed = (above: string, inline: string) => `${above}resource "aws_security_group" "web" {
  name = "web"
  ingress {
    description = "https"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["${inline}"]
  }
}
# sg-review:ignore mixed-rule-ownership moving to standalone rules, SEC-9
resource "aws_security_group_rule" "ssh" {
  type              = "ingress"
  description       = "ssh"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["10.0.0.0/8"]
  security_group_id = aws_security_group.web.id
}
`;
    const atBase = await reviewFiles(files(mixed('', '10.0.0.0/8')), files(mixed('# the web tier\n\n', '10.1.0.0/16')), DEFAULT_CONFIG);
    expect(atBase.findings.find((f) => f.rule === 'mixed-rule-ownership')).toMatchObject({ suppressed: true, location: { startLine: 14 } });
    expect(atBase.suppressions.map((s) => [s.line, s.state])).toEqual([[13, 'at-base']]);
    expect(atBase.suppressionProblems).toEqual([]);
  });

  it('a base suppression does not cover a path its unchanged block gets from a value read elsewhere: pending, and says why', async () => {
    const comment = '# sg-review:ignore new-internet-path bastion, SEC-1';
    const r = await reviewFiles(
      withTfvars(bastion('', comment), 'admin = ["10.0.0.0/8"]\n'),
      withTfvars(bastion('# the bastion\n\n', comment), 'admin = ["0.0.0.0/0"]\n'),
      DEFAULT_CONFIG,
    );
    // approved for the access as it was: the path is new because the tfvars value changed
    const path = r.findings.find((f) => f.rule === 'new-internet-path')!;
    expect(path).toMatchObject({ severity: 'critical', suppressed: false, suppressionPending: 'bastion, SEC-1', location: { file: 'terraform.tfvars' } });
    expect(r.suppressions.map((s) => [s.line, s.state])).toEqual([[9, 'pending']]);
    expect(problems(r)).toEqual([`9 ${OPENED_ELSEWHERE_PROBLEM}`]);
    // the value's own finding is not covered either
    expect(ssh(r)).toMatchObject({ suppressed: false, location: { file: 'terraform.tfvars' } });
    expect(r.conclusion).toBe('failure');
    // an approver can still accept it for this change
    const [s] = r.suppressions;
    const accepted = applyAcceptances(r, [{ fingerprint: s!.fingerprint, findings: s!.findings }], 'high');
    expect(accepted.findings.find((f) => f.rule === 'new-internet-path')).toMatchObject({ suppressed: true });
    expect(accepted.suppressionProblems).toEqual([]);
  });

  it('a base suppression above a block the change alters no longer applies, and says why', async () => {
    const comment = '# sg-review:ignore new-ingress bastion, SEC-1';
    const widened = await reviewFiles(files(group(comment, '198.51.100.0/24')), files(group(comment, '0.0.0.0/0')), DEFAULT_CONFIG);
    expect(ssh(widened)).toMatchObject({ severity: 'critical', suppressed: false, suppressionPending: 'bastion, SEC-1' });
    expect(widened.conclusion).toBe('failure');
    expect(problems(widened)).toEqual([`4 ${CHANGED_BLOCK_PROBLEM}`]);
    expect(widened.suppressions.map((s) => s.state)).toEqual(['pending']);
    // a tfvars value is a suppressed block too
    const value = '# sg-review:ignore new-ingress bastion, SEC-1\nadmin = ';
    const tfvars = await reviewFiles(
      withTfvars(bastion('', ''), `${value}["10.0.0.0/8"]\n`),
      withTfvars(bastion('', ''), `${value}["0.0.0.0/0"]\n`),
      DEFAULT_CONFIG,
    );
    expect(ssh(tfvars)).toMatchObject({ suppressed: false, suppressionPending: 'bastion, SEC-1' });
    expect(problems(tfvars)).toEqual([`1 ${CHANGED_BLOCK_PROBLEM}`]);
  });

  it("a base suppression pasted above the change's own block of the same group is the change's own: pending", async () => {
    const https = `  # sg-review:ignore new-ingress public website, SEC-7
  ingress {
    description = "https"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
`;
    const web = (more: string) => `resource "aws_security_group" "web" {\n  name = "web"\n${https}${more}}\n`;
    const r = await reviewFiles(files(web('')), files(web(https.replace(/443/g, '22').replace('"https"', '"ops"'))), DEFAULT_CONFIG);
    expect(ssh(r)).toMatchObject({ severity: 'critical', suppressed: false, suppressionPending: 'public website, SEC-7' });
    expect(r.conclusion).toBe('failure');
    expect(r.suppressions.map((s) => [s.line, s.state])).toEqual([[11, 'pending']]);
    expect(problems(r)).toEqual(['3 matches no finding (put it on the line above the block or rule)', `11 ${PENDING_PROBLEM}`]);
  });

  it('suppresses only the block or value directly below it, never a neighbour inserted within reach', async () => {
    const office = `# sg-review:ignore new-ingress office, SEC-12
resource "aws_security_group_rule" "office" { cidr_blocks = ["198.51.100.0/24"] }
`;
    const ssh22 = `resource "aws_security_group_rule" "ssh" {
  type              = "ingress"
  security_group_id = "sg-1"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
}
`;
    const r = await reviewFiles(files(office), files(office + ssh22), DEFAULT_CONFIG, undefined, undefined, { acceptSuppressions: true });
    expect(ssh(r)).toMatchObject({ severity: 'critical', suppressed: false, location: { startLine: 3 } });
    expect(ssh(r).suppressionPending).toBeUndefined();
    expect(r.suppressions).toEqual([]);
  });

  it('a changed reason, or the comment moved to another block, is pending again', async () => {
    const base = files(group('# sg-review:ignore new-ingress bastion, SEC-1', '10.0.0.0/8'));
    const reworded = await reviewFiles(base, files(group('# sg-review:ignore new-ingress anything', '0.0.0.0/0')), DEFAULT_CONFIG);
    expect(ssh(reworded)).toMatchObject({ suppressed: false, suppressionPending: 'anything' });
  });

  it('`ignore all` never suppresses, and until= dates expire', async () => {
    const all = await reviewFiles([], files(group('# sg-review:ignore all fine', '0.0.0.0/0')), DEFAULT_CONFIG, undefined, undefined, {
      acceptSuppressions: true,
    });
    expect(ssh(all).suppressed).toBe(false);
    expect(all.suppressionProblems.map((p) => p.problem)).toContain('`ignore all` is not accepted: name the rule');
    const dated = group('# sg-review:ignore new-ingress temporary until=2026-06-30', '0.0.0.0/0');
    const before = await reviewFiles([], files(dated), DEFAULT_CONFIG, undefined, undefined, { acceptSuppressions: true, today: '2026-06-30' });
    expect(ssh(before)).toMatchObject({ suppressed: true, suppression: 'temporary' });
    const after = await reviewFiles([], files(dated), DEFAULT_CONFIG, undefined, undefined, { acceptSuppressions: true, today: '2026-07-01' });
    expect(ssh(after).suppressed).toBe(false);
    expect(after.suppressionProblems.map((p) => p.problem)).toContain('expired on 2026-06-30');
  });
});

describe('accepting pending suppressions', () => {
  const base = files(group('', '10.0.0.0/8'));
  const added = group('# sg-review:ignore new-ingress bastion, SEC-1', '0.0.0.0/0');
  const review = (head: string) => reviewFiles(base, files(head), DEFAULT_CONFIG);
  const pendingOf = (r: Awaited<ReturnType<typeof reviewFiles>>) => r.suppressions.filter((s) => s.state === 'pending');

  it('the result lists each matching suppression with its standing, fingerprint and findings', async () => {
    const r = await review(added);
    expect(r.suppressions).toEqual([
      {
        file: 'main.tf',
        line: 4,
        rule: 'new-ingress',
        reason: 'bastion, SEC-1',
        fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/),
        state: 'pending',
        findings: [ssh(r).fingerprint],
      },
    ]);
    const atBase = await reviewFiles(files(group('# sg-review:ignore new-ingress bastion, SEC-1', '10.0.0.0/8')), files(added), DEFAULT_CONFIG);
    expect(atBase.suppressions.map((s) => s.state)).toEqual(['pending']);
    const cli = await reviewFiles(base, files(added), DEFAULT_CONFIG, undefined, undefined, { acceptSuppressions: true });
    expect(cli.suppressions.map((s) => s.state)).toEqual(['accepted']);
  });

  it('the fingerprint follows the suppressed block: lines moved keep it, a changed block changes it', async () => {
    const first = pendingOf(await review(added))[0]!.fingerprint;
    expect(pendingOf(await review(`# a comment above\n\n${added}`))[0]!.fingerprint).toBe(first);
    expect(pendingOf(await review(added.replace('"ssh"', '"ssh from anywhere"')))[0]!.fingerprint).not.toBe(first);
    expect(pendingOf(await review(added.replace('SEC-1', 'SEC-2')))[0]!.fingerprint).not.toBe(first);
  });

  it('an acceptance of the suppressions and their findings applies them and recomputes the conclusion', async () => {
    const both = group('# sg-review:ignore new-ingress bastion, SEC-1\n  # sg-review:ignore new-internet-path bastion, SEC-1', '0.0.0.0/0');
    const r = await review(both);
    const pending = pendingOf(r);
    expect(pending.map((s) => s.rule)).toEqual(['new-ingress', 'new-internet-path']);
    const onlyIngress = applyAcceptances(r, [pending[0]!], 'high');
    expect(ssh(onlyIngress)).toMatchObject({ suppressed: true, suppression: 'bastion, SEC-1' });
    expect(ssh(onlyIngress).suppressionPending).toBeUndefined();
    expect(onlyIngress.suppressions.map((x) => x.state)).toEqual(['accepted', 'pending']);
    expect(onlyIngress.conclusion).toBe('failure');
    expect(onlyIngress.suppressionProblems.filter((p) => p.problem === PENDING_PROBLEM).map((p) => p.line)).toEqual([5]);
    const all = applyAcceptances(r, pending, 'high');
    expect(all.findings.every((f) => f.suppressed)).toBe(true);
    expect(all.conclusion).toBe('success');
    expect(all.suppressionProblems.map((p) => p.problem)).not.toContain(PENDING_PROBLEM);
    expect(r.conclusion).toBe('failure');
  });

  it('never covers a finding it did not see, nor another suppression', async () => {
    const r = await review(added);
    const [s] = pendingOf(r);
    for (const accepted of [[{ fingerprint: s!.fingerprint, findings: ['0'.repeat(32)] }], [{ fingerprint: '1'.repeat(32), findings: s!.findings }]]) {
      const done = applyAcceptances(r, accepted, 'high');
      expect(ssh(done)).toMatchObject({ suppressed: false, suppressionPending: 'bastion, SEC-1' });
      expect(done.conclusion).toBe('failure');
      expect(done.suppressions.map((x) => x.state)).toEqual(['pending']);
    }
  });

  it('an accepted path is pending again when a later push makes it reach other ports (red team 23, hole 9)', async () => {
    // the load balancer reaches the app tier; the suppressed rule opens the load balancer
    const lb = `resource "aws_security_group" "lb" {
  name = "lb"
  egress {
    protocol    = "-1"
    from_port   = 0
    to_port     = 0
    cidr_blocks = ["10.0.0.0/16"]
  }
}
resource "aws_security_group" "app" {
  name = "app"
}
resource "aws_instance" "app" {
  ami                    = "ami-1"
  vpc_security_group_ids = [aws_security_group.app.id]
}
`;
    const app = (port: number) => ({
      path: 'app.tf',
      content: `resource "aws_vpc_security_group_ingress_rule" "app" {
  security_group_id            = aws_security_group.app.id
  referenced_security_group_id = aws_security_group.lb.id
  ip_protocol                  = "tcp"
  from_port                    = ${port}
  to_port                      = ${port}
}
`,
    });
    const opened = `${lb}# sg-review:ignore new-ingress front door, NET-42
# sg-review:ignore new-internet-path front door, NET-42
resource "aws_vpc_security_group_ingress_rule" "lb" {
  security_group_id = aws_security_group.lb.id
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "tcp"
  from_port         = 8443
  to_port           = 8443
}
`;
    const base = [{ path: 'main.tf', content: lb }, app(8080)];
    const first = await reviewFiles(base, [{ path: 'main.tf', content: opened }, app(8080)], DEFAULT_CONFIG);
    const toApp = (r: Result) => r.findings.find((f) => f.rule === 'new-internet-path' && f.resource === 'aws_security_group.app')!;
    expect(toApp(first).severity).toBe('high');
    const accepted = pendingOf(first);
    expect(applyAcceptances(first, accepted, 'high').conclusion).toBe('success');
    // the next push only changes the app tier's port: the suppressed block is unchanged
    const second = await reviewFiles(base, [{ path: 'main.tf', content: opened }, app(22)], DEFAULT_CONFIG);
    expect(pendingOf(second).map((s) => s.fingerprint)).toEqual(accepted.map((s) => s.fingerprint));
    expect(toApp(second).severity).toBe('critical');
    const done = applyAcceptances(second, accepted, 'high');
    expect(toApp(done)).toMatchObject({ suppressed: false, suppressionPending: 'front door, NET-42' });
    expect(done.conclusion).toBe('failure');
  });
});
