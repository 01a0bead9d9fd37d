// A pull request cannot waive its own findings: suppressions it adds are pending unless accepted.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/schema.js';
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
