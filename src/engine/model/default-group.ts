// A resource given no security group is placed in its VPC's default group by AWS ("If you
// don't specify a security group, Amazon EC2 uses the default security group", research
// semantics §1.1; RDS `VpcSecurityGroupIds`: "Default: The default EC2 VPC security group").
// When the configuration manages exactly one `aws_default_security_group` in the resource's
// root, that is the group; with several VPCs it cannot be told which, and nothing is assumed.
import { append } from '../append.js';
import { rootLabelOf } from './roots.js';
import type { Model } from './types.js';

/** Resource types whose groups default to the VPC's default group when none is written. */
export const DEFAULTS_TO_VPC_GROUP: ReadonlySet<string> = new Set([
  'aws_instance',
  'aws_network_interface',
  'aws_db_instance',
  'aws_rds_cluster',
  'aws_docdb_cluster',
  'aws_neptune_cluster',
  'aws_redshift_cluster',
  'aws_elasticache_cluster',
  'aws_elasticache_replication_group',
  'aws_efs_mount_target',
]);

/**
 * Arguments that give such a resource its groups some other way (an instance's interfaces or
 * launch template, an ElastiCache node of a replication group).
 */
export const GROUPS_FROM_ELSEWHERE = ['network_interface', 'launch_template', 'replication_group_id'];

/** Gives the attachments that name no group the default group of their root, when it is the only one. */
export function placeInDefaultGroup(model: Model): void {
  const defaults = new Map<string, string[]>();
  for (const g of model.groups) if (g.type === 'aws_default_security_group') append(defaults, rootLabelOf(g.address) ?? '', g.address);
  for (const a of model.attachments) {
    if (!a.defaultGroup) continue;
    const candidates = defaults.get(rootLabelOf(a.resource) ?? '') ?? [];
    if (candidates.length === 1) a.groups = [candidates[0]!];
  }
}
