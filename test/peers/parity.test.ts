// Peer parity: `sg-review scan` on each peer fixture reproduces the peer's "open to the
// world / not open" verdict, except where the peer is wrong about AWS semantics or the fixture is
// one Terraform or the provider rejects (invalid-rule); those cases
// are listed below with the reason.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, corpusPresent } from '../helpers/corpus.js';
import { cidrToSet, isInternetWide } from '../../src/engine/access/cidr.js';
import { DEFAULT_CONFIG } from '../../src/config/schema.js';
import type { Finding } from '../../src/engine/result.js';
import { reviewFiles } from '../../src/engine/review-files.js';

const MANIFEST = join(CORPUS, 'peer-fixtures/MANIFEST.jsonl');

interface Expectation {
  tool: string;
  check_id: string;
  local_path: string;
  resource: string;
  expected: string;
  peer_quirk?: string;
}

/** What each check asks, in our terms: a direction and the ports that must be world-open. */
const CHECKS: Record<string, { direction: 'ingress' | 'egress'; ports: number[] | 'any' | 'all' }> = {
  CKV_AWS_24: { direction: 'ingress', ports: [22] },
  CKV_AWS_25: { direction: 'ingress', ports: [3389] },
  CKV_AWS_260: { direction: 'ingress', ports: [80] },
  CKV_AWS_277: { direction: 'ingress', ports: 'all' },
  CKV_AWS_382: { direction: 'egress', ports: 'all' },
  'AWS-0107': { direction: 'ingress', ports: [22, 3389] },
  'AWS-0104': { direction: 'egress', ports: 'any' },
  'aws-vpc-no-public-ingress-sgr': { direction: 'ingress', ports: 'any' },
  'aws-vpc-no-public-egress-sgr': { direction: 'egress', ports: 'any' },
};

/** Where the peer's verdict contradicts AWS semantics (peer-fixtures/README.md). */
const PEER_IS_WRONG: Record<string, string> = {
  'CKV_AWS_24 aws_security_group.fail2': 'tcp 0-0 is port 0 only in AWS; checkov rewrites it to 0-65535',
  'CKV_AWS_260 aws_security_group.pass_self2': 'self = true does not cancel cidr_blocks 0.0.0.0/0 with protocol -1: it is world-open',
  'CKV_AWS_24 aws_vpc_security_group_ingress_rule.fail2': 'a rule with no source opens nothing (AWS rejects it)',
  'CKV_AWS_24 aws_security_group.not_self': 'a rule with no source (self = false, no CIDR) opens nothing',
  'CKV_AWS_260 aws_security_group.fail2': 'tcp 0-0 is port 0 only in AWS, not port 80',
  'CKV_AWS_260 aws_vpc_security_group_ingress_rule.fail2': 'a rule with no source opens nothing (AWS rejects it)',
  'aws-vpc-no-public-ingress-sgr (all resources in snippet) check_aws_security_group_ingress_on_0.tf':
    'an IPv4 block in ipv6_cidr_blocks is rejected by AWS: sg-review reports invalid-rule (the apply fails) and computes no access',
  'aws-vpc-no-public-ingress-sgr (all resources in snippet) check_variable_containing_0_0_0_0_0.tf':
    '`variable.blocks` is not a Terraform reference (`var.blocks` is): sg-review reports it as unresolved-value instead of guessing',
};

const INLINE_ALL_WITH_PORTS = 'an inline rule with protocol -1 and ports other than 0 is refused by the provider ("must both be 0")';
const NO_PROTOCOL = 'the snippet writes no protocol and no ports, which Terraform requires';

/**
 * Fixtures Terraform or the provider rejects, so the apply fails: sg-review reports
 * invalid-rule and computes no access from them, whatever the peer says.
 */
const INVALID_FIXTURE: Record<string, string> = {
  'CKV_AWS_24 aws_security_group.fail4': INLINE_ALL_WITH_PORTS,
  'CKV_AWS_24 aws_security_group.pass_self2': INLINE_ALL_WITH_PORTS,
  'CKV_AWS_260 aws_security_group.fail5': INLINE_ALL_WITH_PORTS,
  'CKV_AWS_382 aws_security_group.pass': INLINE_ALL_WITH_PORTS,
  'AWS-0104 (all resources in snippet) bad_1.tf': NO_PROTOCOL,
  ...Object.fromEntries(
    [
      'check_aws_security_group_egress_on_0_0_0_0_0.tf',
      'check_aws_security_group_egress_on_0_0_0_0_0_in_list.tf',
      'check_aws_security_group_rule_egress_on_0_0_0_0_0.tf',
      'check_aws_security_group_rule_egress_on_0_0_0_0_0_in_list.tf',
    ].map((f) => [`aws-vpc-no-public-egress-sgr (all resources in snippet) ${f}`, NO_PROTOCOL]),
  ),
  ...Object.fromEntries(
    [
      'check_aws_security_group_ingress_on_0_0_0_0_0.tf',
      'check_aws_security_group_multiple_ingress_on_0_0_0_0_0.tf',
      'check_aws_security_group_rule_ingress_on_0.tf',
      'check_aws_security_group_rule_ingress_on_0_0_0_0_0.tf',
    ].map((f) => [`aws-vpc-no-public-ingress-sgr (all resources in snippet) ${f}`, NO_PROTOCOL]),
  ),
};

function worldOpen(findings: Finding[], resource: string, check: (typeof CHECKS)[string]): boolean {
  return findings.some((f) => {
    if (!f.access || f.access.direction !== check.direction) return false;
    if (resource !== '(all resources in snippet)' && f.resource !== resource && f.access.group !== resource) return false;
    return f.access.opened.some((o) => {
      if (o.peer.type !== 'cidr') return false;
      const { family, set } = cidrToSet(o.peer.value);
      if (!isInternetWide(set, family) && !o.peer.value.endsWith('/0')) return false;
      const all = f.access!.protocol === 'all' || o.ports.some(([a, b]) => a === 0 && b === 65535);
      if (check.ports === 'all') return all;
      if (check.ports === 'any') return true;
      return all || (check.ports as number[]).some((p) => o.ports.some(([a, b]) => a <= p && p <= b));
    });
  });
}

const expectations: Expectation[] = corpusPresent()
  ? readFileSync(MANIFEST, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Expectation)
      .filter((e) => e.check_id in CHECKS && !e.expected.startsWith('UNKNOWN'))
  : [];

describe.skipIf(!corpusPresent())('peer parity', () => {
  it('the manifest yields expectations to check', () => {
    expect(expectations.length).toBeGreaterThan(0);
  });

  it.each(expectations.map((e) => [`${e.check_id} ${basename(e.local_path)} ${e.resource}`, e] as const))('%s', async (_name, e) => {
    const path = join(CORPUS, e.local_path);
    const result = await reviewFiles([], [{ path: basename(path), content: readFileSync(path, 'utf8') }], DEFAULT_CONFIG);
    const ours = worldOpen(result.findings, e.resource, CHECKS[e.check_id]!) ? 'FAIL' : 'PASS';
    const theirs = e.expected.startsWith('FAIL') ? 'FAIL' : 'PASS';
    const invalid = INVALID_FIXTURE[`${e.check_id} ${e.resource}`] ?? INVALID_FIXTURE[`${e.check_id} ${e.resource} ${basename(path)}`];
    if (invalid) {
      expect(
        result.findings.some((f) => f.rule === 'invalid-rule'),
        invalid,
      ).toBe(true);
      expect(ours, invalid).toBe('PASS');
      return;
    }
    const exception = PEER_IS_WRONG[`${e.check_id} ${e.resource}`] ?? PEER_IS_WRONG[`${e.check_id} ${e.resource} ${basename(path)}`];
    if (exception?.includes('unresolved-value')) expect(result.findings.some((f) => f.rule === 'unresolved-value')).toBe(true);
    if (exception) expect(ours, exception).not.toBe(theirs);
    else expect(ours).toBe(theirs);
  });
});
