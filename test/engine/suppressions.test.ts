// A pull request cannot waive its own findings: suppressions it adds are pending unless accepted.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/schema.js';
import { applyAcceptances } from '../../src/engine/accept.js';
import { PENDING_PROBLEM } from '../../src/engine/review.js';
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
const ssh = (r: Awaited<ReturnType<typeof reviewFiles>>) => r.findings.find((f) => f.rule === 'new-ingress')!;

describe('suppression governance', () => {
  const added = group('# sg-review:ignore new-ingress bastion, SEC-1', '0.0.0.0/0');

  it('a suppression the change adds is pending: the finding still counts', async () => {
    const r = await reviewFiles(files(group('', '10.0.0.0/8')), files(added), DEFAULT_CONFIG);
    expect(ssh(r)).toMatchObject({ severity: 'critical', suppressed: false, suppressionPending: 'bastion, SEC-1' });
    expect(r.conclusion).toBe('failure');
  });

  it('applies when accepted (--accept-suppressions) or when the base already had it', async () => {
    const accepted = await reviewFiles(files(group('', '10.0.0.0/8')), files(added), DEFAULT_CONFIG, undefined, undefined, { acceptSuppressions: true });
    expect(ssh(accepted)).toMatchObject({ suppressed: true });
    const atBase = await reviewFiles(files(group('# sg-review:ignore new-ingress bastion, SEC-1', '10.0.0.0/8')), files(added), DEFAULT_CONFIG);
    expect(ssh(atBase)).toMatchObject({ suppressed: true });
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
    expect(atBase.suppressions.map((s) => s.state)).toEqual(['at-base']);
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
});
