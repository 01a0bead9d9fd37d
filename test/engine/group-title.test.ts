// A group as a title names it (findings/describe.ts groupTitle): measure19 W2 and W4.
import { describe, expect, it } from 'vitest';
import { groupTitle, peerTitle } from '../../src/engine/findings/describe.js';

describe('a group in a title', () => {
  it.each([
    ['aws_security_group.web', 'aws_security_group.web'],
    // a data source of a group through its id is that data source (W4)
    ['data.aws_security_group.security_group.id', 'data.aws_security_group.security_group'],
    ['terraform/psn:data.aws_security_group.x[0].id', 'terraform/psn:data.aws_security_group.x'],
    // the group another resource makes is that resource's, in 0.11 and 0.12 forms (W2)
    ['join("", aws_eks_cluster.default[*].vpc_config.0.cluster_security_group_id)', "aws_eks_cluster.default's cluster security group"],
    ['aws_eks_cluster.next.vpc_config[0].cluster_security_group_id', "aws_eks_cluster.next's cluster security group"],
    ['module.eks.aws_eks_cluster.this[0].vpc_config[0].cluster_security_group_id', "module.eks.aws_eks_cluster.this's cluster security group"],
    ['aws_mq_broker.b.security_group_id', "aws_mq_broker.b's security group"],
    // an expression stays an expression, shortened
    ['var.create ? aws_security_group.this[0].id : var.existing_id', 'var.create ? aws_security_group.this[0].id : var.existing_id'],
    ['sg-0bbbbbbbbbbbbbbbb', 'sg-0bbbbbbbbbbbbbbbb'],
  ])('%s -> %s', (group, title) => {
    expect(groupTitle(group)).toBe(title);
  });

  it('names a peer as plainly as the group it is on (no code spans in titles)', () => {
    expect(peerTitle({ type: 'group', value: 'data.aws_security_group.x.id' })).toBe('data.aws_security_group.x');
    expect(peerTitle({ type: 'prefix-list', value: 'pl-123' })).toBe('prefix list pl-123');
    expect(peerTitle({ type: 'cidr', value: '10.0.0.0/8' })).toBe('10.0.0.0/8');
  });
});
