// What Terraform knows of a resource before apply (PRODUCT.md §1, "what is known before
// apply is known"). An attribute that is also an argument written in the configuration is an
// echo: the provider stores the argument as given, so `aws_vpc.main.cidr_block` is the
// `cidr_block` written in `aws_vpc.main` already at plan. Everything else a resource exposes
// is computed by AWS or the provider and stays unknown (with its identity, so
// `aws_security_group.x.id` still names group x). The table lists only echoes that matter to
// security-group analysis; an attribute missing from it is treated as computed.
//
// Computed, never echoed (for the record): `id`, `arn`, `owner_id` (every resource);
// `aws_vpc`: `default_security_group_id`, `main_route_table_id`, `default_network_acl_id`,
// and `ipv6_cidr_block` (Amazon assigns it; the argument only requests one);
// `aws_default_vpc` / `aws_default_subnet`: `cidr_block` (AWS's, not written);
// `aws_eip`: `public_ip`, `private_ip` (allocated); `aws_instance`: `public_ip`;
// `aws_lb`: `dns_name`, `zone_id`; `aws_db_instance`: `address`, `endpoint`.
// Optional + computed arguments (`aws_instance.private_ip`) echo only when written: when the
// argument is absent the attribute is computed, and the reference stays unknown.

/** Resource type → attributes that echo the argument of the same name when it is written. */
const ECHOED_ARGUMENTS: Readonly<Record<string, readonly string[]>> = {
  // the primary IPv4 block is chosen by the author (ipv4_ipam_pool_id makes it absent: computed)
  aws_vpc: ['cidr_block'],
  // an additional VPC block, as written
  aws_vpc_ipv4_cidr_block_association: ['cidr_block'],
  // a subnet's blocks are carved by the author; vpc_id echoes the reference (aws_vpc.main.id)
  aws_subnet: ['cidr_block', 'ipv6_cidr_block', 'vpc_id', 'availability_zone'],
  // name/description/vpc_id as written (name_prefix makes name computed: it is then absent)
  aws_security_group: ['name', 'description', 'vpc_id'],
  // a managed prefix list's name, max_entries, address family and entries as written (its id is computed)
  aws_ec2_managed_prefix_list: ['name', 'address_family', 'max_entries', 'entry'],
  // an entry of a list, as a separate resource
  aws_ec2_managed_prefix_list_entry: ['cidr'],
  // awscc's (AWS::EC2::PrefixList) in its own argument names
  awscc_ec2_prefix_list: ['prefix_list_name', 'address_family', 'max_entries', 'entries'],
  // a fixed private address of an instance or interface, when written
  aws_instance: ['private_ip'],
  aws_network_interface: ['private_ips'],
  // a load balancer's scheme as written
  aws_lb: ['name', 'internal'],
  aws_alb: ['name', 'internal'],
  // a database's flag as written
  aws_db_instance: ['publicly_accessible', 'port'],
  // a cluster's port as written (absent: the engine's default, ENGINE_DEFAULT_PORTS) and engine
  aws_rds_cluster: ['port', 'engine'],
  // a global cluster's engine as written (absent when it is created from a source cluster: computed)
  aws_rds_global_cluster: ['engine'],
  aws_docdb_cluster: ['port'],
  aws_neptune_cluster: ['port'],
};

/**
 * A database's port when the argument is not written (or null): RDS picks the engine's port
 * (CreateDBCluster / CreateDBInstance `Port`: Aurora MySQL and MySQL 3306, Aurora PostgreSQL
 * and PostgreSQL 5432, MariaDB 3306, Oracle 1521, SQL Server 1433, Db2 50000). Resource type →
 * engine as written → port; an engine that is unknown or not listed leaves the port computed.
 */
const ENGINE_DEFAULT_PORTS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  aws_rds_cluster: { aurora: 3306, 'aurora-mysql': 3306, 'aurora-postgresql': 5432, mysql: 3306, postgres: 5432 },
  aws_db_instance: {
    mysql: 3306,
    mariadb: 3306,
    postgres: 5432,
    'oracle-ee': 1521,
    'oracle-ee-cdb': 1521,
    'oracle-se2': 1521,
    'oracle-se2-cdb': 1521,
    'sqlserver-ee': 1433,
    'sqlserver-se': 1433,
    'sqlserver-ex': 1433,
    'sqlserver-web': 1433,
    'db2-ae': 50000,
    'db2-se': 50000,
  },
};

/**
 * What the provider sets an echoed attribute of `type` to when its argument is not written (or
 * is null), when that is known before apply from the other arguments (`argument(name)`, undefined
 * when not written): a database's port is its engine's (RDS). Undefined: computed.
 */
export function computedDefault(type: string, attribute: string, argument: (name: string) => unknown): number | undefined {
  if (attribute !== 'port') return undefined;
  const ports = Object.hasOwn(ENGINE_DEFAULT_PORTS, type) ? ENGINE_DEFAULT_PORTS[type]! : {};
  const engine = argument('engine');
  return typeof engine === 'string' && Object.hasOwn(ports, engine) ? ports[engine] : undefined;
}

/**
 * Data source type → attributes that echo the argument of the same name. A data source is
 * read at plan time; what it finds is AWS's, except what the argument fixes exactly: an engine
 * version looked up by `engine` is of that engine (`aws_rds_engine_version.engine`, from which
 * a database module picks its port), a group looked up by `id` is that group
 * (`data.aws_security_group.x { id = aws_security_group.lb.id }` is the load balancer's group,
 * so a path through it is seen).
 */
const ECHOED_DATA_ARGUMENTS: Readonly<Record<string, readonly string[]>> = {
  aws_rds_engine_version: ['engine'],
  aws_security_group: ['id'],
};

/** The attributes of a data source type that echo their argument (the type comes from the PR). */
export function echoedDataArguments(type: string): readonly string[] {
  return Object.hasOwn(ECHOED_DATA_ARGUMENTS, type) ? ECHOED_DATA_ARGUMENTS[type]! : [];
}

/**
 * Computed attributes that stand for written arguments where a rule reads them: a rule that
 * references a managed prefix list's `id` allows the list's entries (model/extract/prefix-list.ts),
 * so a changed entry is why it opens. Resource type → attribute → those arguments.
 */
const STANDS_FOR: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  aws_ec2_managed_prefix_list: { id: ['entry'] },
  awscc_ec2_prefix_list: { id: ['entries'], prefix_list_id: ['entries'] },
};

/** The written arguments a computed attribute stands for (see STANDS_FOR); [] for most. */
export function argumentsBehind(type: string, attribute: string): readonly string[] {
  const byAttribute = Object.hasOwn(STANDS_FOR, type) ? STANDS_FOR[type]! : {};
  return Object.hasOwn(byAttribute, attribute) ? byAttribute[attribute]! : [];
}

/**
 * Resource type → computed attribute → the arguments it is made of, though not known at plan:
 * `terraform_data`'s `output` is its `input` once applied (Terraform plans it "known after
 * apply" whenever the input changes). A data source's attributes are made of all its arguments
 * (what it looks up): see lookupArguments.
 */
const MADE_OF: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  terraform_data: { output: ['input'] },
};

/** Arguments that say when or how a data source is read, never what it finds. */
const NOT_LOOKED_UP = new Set(['depends_on', 'lifecycle', 'timeouts']);

/**
 * The written arguments an object's computed attributes are made of: every argument a data
 * source is given but the meta-arguments above (a changed name, filter or provider finds
 * something else), those of MADE_OF for a resource ([] for most).
 */
export function lookupArguments(kind: 'resource' | 'data', type: string, body: Record<string, unknown>): string[] {
  if (kind === 'data') return Object.keys(body).filter((a) => !NOT_LOOKED_UP.has(a));
  const made = Object.hasOwn(MADE_OF, type) ? Object.values(MADE_OF[type]!).flat() : [];
  return [...new Set(made)].filter((a) => Object.hasOwn(body, a));
}

/** Whether a resource's computed attribute is made of some of its arguments (MADE_OF). */
export function isMadeOfArguments(type: string, attribute: string): boolean {
  return Object.hasOwn(MADE_OF, type) && Object.hasOwn(MADE_OF[type]!, attribute);
}

/** The attributes of a resource type that echo their argument (the type comes from the PR: `toString` is no entry). */
export function echoedArguments(type: string): readonly string[] {
  return Object.hasOwn(ECHOED_ARGUMENTS, type) ? ECHOED_ARGUMENTS[type]! : [];
}
