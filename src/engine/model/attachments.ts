// Resources that attach security groups (research/semantics.md §3) and whether they face
// the internet (§4). Paths are attribute names, descending into nested blocks.
import { Ref, Unknown, isObject, isTrue, type Value } from '../evaluate/value.js';
import { append } from '../append.js';
import { resourceType } from './peer.js';
import type { Model } from './types.js';

interface AttachmentKind {
  /** Attribute paths whose values are security-group ids (or lists of them). */
  paths: string[][];
  /** Reads whether the resource is reachable from the internet; null = cannot tell. */
  internet?: (get: (path: string[]) => Value) => Facing;
  dataStore?: boolean;
  /** The resource the groups end up on, when it is not this one (an attachment to an instance's network interface); null = cannot tell. */
  target?: (get: (path: string[]) => Value) => string | null;
  /** Not groups of its own: an interface attached to the target (its groups), or a public address given to it (interface-links.ts). */
  link?: { kind: 'interface' | 'public-address'; via?: (get: (path: string[]) => Value) => string | null };
}

const flag =
  (attribute: string, yes: string, defaultValue = false) =>
  (get: (path: string[]) => Value) => {
    const v = get([attribute]);
    if (v instanceof Unknown) return { facing: null, why: `${attribute} is unknown` };
    const on = v === null || v === undefined ? defaultValue : isTrue(v);
    return { facing: on, why: on ? yes : null, argument: attribute };
  };

/** Whether a resource faces the internet, why, and the argument that decides it when it is one (`publicly_accessible`). */
interface Facing {
  facing: boolean | null;
  why: string | null;
  argument?: string;
}

/** A load balancer is internet-facing unless `internal` (the default scheme of ELB and ELBv2 alike). */
function loadBalancerScheme(get: (path: string[]) => Value): Facing {
  const v = get(['internal']);
  if (v instanceof Unknown) return { facing: null, why: 'internal is unknown' };
  const internal = isTrue(v);
  return { facing: !internal, why: internal ? null : 'internet-facing load balancer', argument: 'internal' };
}

/** The resource types that are load balancers (their group is the entry tier). */
export const LOAD_BALANCERS: ReadonlySet<string> = new Set(['aws_lb', 'aws_alb', 'aws_elb']);

/** An instance, and a spot request that launches one: groups by id or (default VPC) by name. */
const INSTANCE: AttachmentKind = { paths: [['vpc_security_group_ids'], ['security_groups']], internet: flag('associate_public_ip_address', 'has a public IP') };

export const ATTACHMENT_KINDS: Record<string, AttachmentKind> = {
  aws_instance: INSTANCE,
  aws_spot_instance_request: INSTANCE,
  aws_launch_template: {
    paths: [['vpc_security_group_ids'], ['network_interfaces', 'security_groups']],
    internet: (get) => {
      const v = get(['network_interfaces', 'associate_public_ip_address']);
      const on = Array.isArray(v) ? v.some(isTrue) : isTrue(v);
      return { facing: on, why: on ? 'launches instances with public IPs' : null };
    },
  },
  aws_launch_configuration: { paths: [['security_groups']], internet: flag('associate_public_ip_address', 'launches instances with public IPs') },
  aws_lb: { paths: [['security_groups']], internet: loadBalancerScheme },
  aws_alb: { paths: [['security_groups']], internet: loadBalancerScheme },
  aws_elb: { paths: [['security_groups']], internet: loadBalancerScheme },
  aws_db_instance: { paths: [['vpc_security_group_ids']], internet: flag('publicly_accessible', 'publicly accessible'), dataStore: true },
  aws_rds_cluster: { paths: [['vpc_security_group_ids']], dataStore: true },
  aws_docdb_cluster: { paths: [['vpc_security_group_ids']], dataStore: true },
  aws_neptune_cluster: { paths: [['vpc_security_group_ids']], dataStore: true },
  aws_elasticache_cluster: { paths: [['security_group_ids']], dataStore: true },
  aws_elasticache_replication_group: { paths: [['security_group_ids']], dataStore: true },
  aws_ecs_service: {
    paths: [['network_configuration', 'security_groups']],
    internet: nested(['network_configuration', 'assign_public_ip'], 'tasks get public IPs'),
  },
  aws_lambda_function: { paths: [['vpc_config', 'security_group_ids']] },
  aws_eks_cluster: { paths: [['vpc_config', 'security_group_ids']] },
  aws_network_interface: { paths: [['security_groups']] },
  aws_network_interface_sg_attachment: {
    paths: [['security_group_id']],
    target: networkInterfaceOwner,
    internet: (get) => ({ facing: null, why: networkInterfaceOwner(get) ? null : 'through the network interface it names' }),
  },
  aws_efs_mount_target: { paths: [['security_groups']], dataStore: true },
  aws_opensearch_domain: { paths: [['vpc_options', 'security_group_ids']], dataStore: true },
  aws_elasticsearch_domain: { paths: [['vpc_options', 'security_group_ids']], dataStore: true },
  aws_mq_broker: { paths: [['security_groups']], internet: flag('publicly_accessible', 'publicly accessible') },
  aws_msk_cluster: {
    paths: [['broker_node_group_info', 'security_groups']],
    internet: (get) => {
      const v = get(['broker_node_group_info', 'connectivity_info', 'public_access', 'type']);
      const on = (Array.isArray(v) ? v : [v]).some((x) => x === 'SERVICE_PROVIDED_EIPS');
      return { facing: on, why: on ? 'public broker access' : null };
    },
    dataStore: true,
  },
  aws_redshift_cluster: { paths: [['vpc_security_group_ids']], internet: flag('publicly_accessible', 'publicly accessible'), dataStore: true },
  aws_dms_replication_instance: { paths: [['vpc_security_group_ids']], dataStore: true },
  aws_vpc_endpoint: { paths: [['security_group_ids']] },
  // an interface attached to an instance: the instance answers on it, in the interface's groups
  aws_network_interface_attachment: {
    paths: [],
    target: (get) => owner(get, 'instance_id', INSTANCES),
    link: { kind: 'interface', via: (get) => owner(get, 'network_interface_id', INTERFACES) },
  },
  // an Elastic IP on an instance or an interface gives it a public address
  aws_eip: { paths: [], target: (get) => owner(get, 'instance', INSTANCES) ?? owner(get, 'network_interface', INTERFACES), link: { kind: 'public-address' } },
  aws_eip_association: {
    paths: [],
    target: (get) => owner(get, 'instance_id', INSTANCES) ?? owner(get, 'network_interface_id', INTERFACES),
    link: { kind: 'public-address' },
  },
};

const INSTANCES = new Set(['aws_instance', 'aws_spot_instance_request']);
const INTERFACES = new Set(['aws_network_interface']);

/** The resource of one of `types` an argument refers to by id (`aws_instance.x.id`); null = cannot tell. */
function owner(get: (path: string[]) => Value, argument: string, types: ReadonlySet<string>): string | null {
  const v = get([argument]);
  return v instanceof Ref && types.has(resourceType(v.address)) && (v.attribute === 'id' || v.attribute === 'spot_instance_id') ? v.address : null;
}

/**
 * What a network interface given a group belongs to: `aws_instance.x.primary_network_interface_id`
 * is the instance, `aws_network_interface.y.id` the interface; any other value cannot be told.
 */
function networkInterfaceOwner(get: (path: string[]) => Value): string | null {
  const v = get(['network_interface_id']);
  if (!(v instanceof Ref)) return null;
  const type = resourceType(v.address);
  if ((type === 'aws_instance' || type === 'aws_spot_instance_request') && v.attribute === 'primary_network_interface_id') return v.address;
  if (type === 'aws_network_interface' && v.attribute === 'id') return v.address;
  return null;
}

function nested(path: string[], yes: string) {
  return (get: (p: string[]) => Value) => {
    const v = get(path);
    if (v instanceof Unknown) return { facing: null, why: `${path.join('.')} is unknown` };
    const on = (Array.isArray(v) ? v : [v]).some(isTrue);
    return { facing: on, why: on ? yes : null };
  };
}

/** Reads a nested attribute path through blocks (lists of objects), flattening lists. */
export function readPath(value: Value, path: string[]): Value {
  let current: Value[] = [value];
  for (const step of path) {
    const next: Value[] = [];
    for (const v of current) {
      if (v instanceof Unknown) return v;
      const items = Array.isArray(v) ? v : [v];
      for (const item of items) {
        if (item instanceof Unknown) return item;
        if (isObject(item) && step in item) next.push(item[step]!);
      }
    }
    current = next;
  }
  if (current.length === 0) return null;
  return current.length === 1 ? current[0]! : current;
}

/**
 * Groups used by VPC interface endpoints and nothing else that this configuration shows. Only
 * interface endpoints take security groups, and their network interfaces have private addresses
 * only, so such a group is no target of a path from the internet. It stays a step of paths:
 * what else uses it (a resource outside the configuration, one not modelled) may be reachable,
 * and adding an endpoint must never hide the path to a database behind it (red team 23, hole 6).
 */
export function endpointOnlyGroups(model: Model): Set<string> {
  const users = new Map<string, string[]>();
  for (const a of model.attachments) for (const g of a.groups) append(users, g, a.type);
  return new Set([...users].filter(([, types]) => types.every((t) => t === 'aws_vpc_endpoint')).map(([g]) => g));
}

/** Every group each resource is given (its own arguments, attachments to its interfaces), groups not known here by their expressions. */
export function groupsByResource(model: Pick<Model, 'attachments'>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const a of model.attachments) for (const g of [...a.groups, ...(a.unknownGroups ?? [])]) append(out, a.resource, g);
  return out;
}
