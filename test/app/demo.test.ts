// `npm run demo` end to end: the real app behind Probot's middleware over HTTP, the GitHub
// double and the module registry double on 127.0.0.1. Every request it sends is asserted.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const HEAD = '2'.repeat(40);
const TIP = '3'.repeat(40);

describe('npm run demo', () => {
  it('reviews the example PR with its registry module call, sending exactly these requests', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'demo/run-demo.ts'], { cwd: ROOT, timeout: 150_000 });
    const [answer, ...requests] = stdout.slice(0, stdout.indexOf('====')).trim().split('\n');
    // 202 when the review takes longer than 9 s (a loaded machine): the demo waits for it either way
    expect(answer).toMatch(/^Webhook pull_request\.opened for acme\/infra#7 -> HTTP (200|202 \(still processing: the review went on after the answer\))$/);
    expect(requests).toEqual([
      '',
      'The app sent 14 requests to the GitHub double:',
      '  POST /app/installations/1/access_tokens',
      '  POST /repos/acme/infra/check-runs',
      `  GET /repos/acme/infra/commits/${HEAD}/check-runs?check_name=sg-review&status=in_progress&filter=all&per_page=100`,
      '  GET /repos/acme/infra/contents/.github%2Fsg-review.yml?ref=main',
      '  GET /repos/acme/infra/pulls/7/files?per_page=100',
      `  GET /repos/acme/infra/git/trees/${HEAD}?recursive=true`,
      `  GET /repos/acme/infra/compare/${TIP}...${HEAD}?per_page=1`,
      // the network directory at both revisions; who can see this repository and the module's
      // (both public: the module is read); then the module's directory at v1.2.0
      '  POST /graphql',
      '  POST /graphql',
      '  POST /graphql',
      '  POST /graphql',
      '  GET /repos/acme/infra/pulls/7/comments?per_page=100',
      '  POST /repos/acme/infra/pulls/7/reviews',
      '  PATCH /repos/acme/infra/check-runs/100',
      '',
      'and 3 requests to the module registry double:',
      '  GET /.well-known/terraform.json',
      '  GET /v1/modules/acme-mods/web-sg/aws/versions',
      '  GET /v1/modules/acme-mods/web-sg/aws/1.2.0/download',
    ]);
    expect(stdout).toContain('conclusion failure');
    expect(stdout).toContain('| `module.edge_sg` | `acme-mods/web-sg/aws` | 1.2.0 | registry |');
    // the registry module's new SSH rule is a review comment on the caller's changed line
    expect(stdout).toMatch(
      /--- network\/edge\.tf:8\n\*\*CRITICAL\*\* · `new-ingress` · SSH \(22\/tcp\) opened to the internet on module\.edge_sg\.aws_security_group\.this/,
    );
  }, 180_000);
});
