// The model: plain data with a stable JSON form. Everything later (access diff, paths,
// hazards, rendering) reads only this.
import type { LimitHit } from '../evaluate/limits.js';
import type { TemplateShape } from '../evaluate/partly-known.js';
import type { IgnoredFile } from '../hcl/config-files.js';
import type { ParseError, ParsedFile } from '../hcl/parse.js';
import type { Direction, Location, ModelStats, ModuleSummary, OpenedPeer } from '../result.js';

// The shapes the output shows are declared once, in the output contract (../result.ts).
export type { Direction, Location, ModelStats };

/** `all`, `tcp`, `udp`, `icmp`, `icmpv6`, or another protocol number as a string ("47"). */
export type Protocol = string;

/**
 * A peer as the output shows it; a CIDR one also knows its address family, and so does an
 * unknown range read from a field of one family (`cidr_blocks` IPv4, `ipv6_cidr_blocks` IPv6).
 */
export type Peer =
  | Exclude<OpenedPeer, { type: 'cidr' | 'unresolved' }>
  | (Extract<OpenedPeer, { type: 'cidr' }> & { family: 4 | 6 })
  /** `within`: a known range an unknown range lies in (evaluate/inside-range.ts). */
  | (Extract<OpenedPeer, { type: 'unresolved' }> & { family?: 4 | 6; within?: string });

/**
 * Ports as inclusive ranges. tcp/udp: port numbers. icmp/icmpv6: type × 256 + code, so that
 * "type 8, any code" is [2048, 2303] and all of ICMP is [0, 65535]. `all` and other protocol
 * numbers: always [[0, 65535]] (AWS ignores ports for them).
 */
export type PortRange = [number, number];

export type RuleOrigin =
  | 'inline'
  | 'aws_security_group_rule'
  | 'aws_vpc_security_group_ingress_rule'
  | 'aws_vpc_security_group_egress_rule'
  | 'awscc_ec2_security_group_ingress'
  | 'awscc_ec2_security_group_egress'
  | 'aws_eks_node_group';

export interface UnknownValue {
  /** The expression that could not be evaluated. */
  expr: string;
  reason: string;
  /** The attribute it was read for (`cidr_blocks`, `count`, …). */
  attribute: string;
  resource: string;
  location: Location;
}

/** One access tuple: (group, direction, protocol, ports, peer) and where it was declared. */
export interface Rule {
  group: string;
  direction: Direction;
  protocol: Protocol;
  ports: PortRange;
  peer: Peer;
  description: string | null;
  origin: RuleOrigin;
  /** The declaring resource: the group for inline rules, else the rule resource's address. */
  resource: string;
  location: Location;
  /** Why the declaring resource may or may not exist (count / for_each unknown), or null. */
  conditional: string | null;
  /** The root variables set outside the repository that count / for_each comes from, when it does (Unknown.setOutside); else []. */
  conditionSetOutside: string[];
  /** Set when protocol or ports could not be evaluated (then the widest value is assumed). */
  unresolved: string | null;
  /**
   * With `unresolved`: the protocol and ports as written, each unknown by its identity
   * (rule-fields.ts). The widest value is what the rule may allow; what it is known to allow
   * is only what a rule with the same unknowns allows (access/access.ts).
   */
  unknownPorts: string | null;
  /** The root variables set outside the repository that every unresolved protocol and port comes from; [] when one does not. */
  unresolvedSetOutside: string[];
  /** The `var.` and `local.` names the declaring resource refers to. */
  refs: string[];
  /** A digest of the declaring resource's arguments as written, to tell an edited rule. */
  digest: string;
  /**
   * Root variables with an empty default that its peer arguments also read: whoever runs
   * Terraform may set them outside the repository and open more.
   */
  emptyDefaults: string[];
  /** What those variables hold, from the peer arguments that read them; [] when not told. */
  emptyDefaultsKinds: PeerKind[];
}

/** A known value AWS or the provider rejects, so the apply fails: its rule opens nothing. */
export interface InvalidValue {
  /** The attribute as written (`protocol`, `cidr_blocks`, `from_port`, …; `from_port and to_port` when both are missing). */
  field: string;
  /** As written; null when a required argument is not written at all. */
  value: string | null;
  reason: string;
  /** The value is an ICMP type or code (`from_port` / `to_port` of icmp and icmpv6), not a port. */
  icmp?: boolean;
}

/** A rule declaration with invalid values: no access is computed from it (never "all traffic"). */
export interface InvalidRule extends InvalidValue {
  group: string;
  direction: Direction;
  resource: string;
  /** The field's line when it can be told, else the rule's. */
  location: Location;
  /** What placing a finding at its cause needs (see Rule). */
  ruleLocation: Location;
  refs: string[];
  digest: string;
}

/** What a rule's peer argument holds. */
export type PeerKind = 'addresses' | 'security-group' | 'security-groups' | 'prefix-lists';

/** One rule-declaring construct (inline block or rule resource instance), for hazards. */
export interface RuleDeclaration {
  group: string;
  direction: Direction | null;
  origin: RuleOrigin;
  resource: string;
  location: Location;
  description: string | null;
  /** Number of AWS rules it creates (one per CIDR, group or prefix list). */
  awsRules: number;
  protocol: Protocol;
  ports: PortRange;
  /**
   * With no peer here, the root variables with an empty default its peers come from: whoever
   * runs Terraform sets them outside the repository (`-var`, `TF_VAR_`), so it may open.
   */
  peersSetOutside: string[];
  /** What those peers are (Rule.emptyDefaultsKinds). */
  peersSetOutsideKinds: PeerKind[];
  /** Why the resource may or may not exist (its count / for_each is unknown), or null. */
  conditional: string | null;
  /** Group the rule references (for cycle detection), when its peer is another group. */
  references: string[];
  /** True when a value of it is invalid (see InvalidRule): the apply fails on it. */
  invalid: boolean;
  /** Identity of the rule in AWS (type, protocol, ports or their unknowns, peers) for replacement checks. */
  identity: string;
  createBeforeDestroy: boolean;
  /**
   * Root variables with an empty default that its target also reads (`var.create ?
   * aws_security_group.this[0].id : var.security_group_id`): a caller that sets them may put
   * the rule on a group it passes, not only on `group`.
   */
  targetSetOutside: string[];
}

/**
 * How a group manages one direction (research/semantics.md §2.1): `blocks` / `attribute`
 * own every rule of the direction; `empty` (`ingress = []`) owns it and wants none;
 * `unmanaged` (no argument, or a dynamic block yielding nothing) leaves it alone;
 * `unknown` (a dynamic block whose for_each is unknown).
 */
export type Ownership = 'blocks' | 'attribute' | 'empty' | 'unmanaged' | 'unknown';

export interface Group {
  address: string;
  type: 'aws_security_group' | 'aws_default_security_group' | 'awscc_ec2_security_group';
  module: string;
  name: string | null;
  namePrefix: string | null;
  description: string | null;
  vpcId: string | null;
  /** For a field written as a template with unknown parts: its known text and unknowns. */
  templates?: Partial<Record<'name' | 'namePrefix' | 'description' | 'vpcId', TemplateShape>>;
  createBeforeDestroy: boolean;
  ownership: Record<Direction, Ownership>;
  /** Where the inline blocks (or the attribute) of each direction are. */
  inline: Record<Direction, Location[]>;
  location: Location;
  attributes: Record<string, Location>;
  /** Why the group may or may not exist (its count / for_each is unknown), or null. */
  conditional: string | null;
  /** A digest of its arguments as written (see Rule), to tell a group whose text is unchanged. */
  digest: string;
}

export interface Attachment {
  resource: string;
  type: string;
  groups: string[];
  /** An interface attached to `resource` (via: the interface), or a public address given to it: resolved by interface-links.ts. */
  link?: { kind: 'interface' | 'public-address'; via: string | null };
  /** No group is written and AWS places it in its VPC's default group (default-group.ts). */
  defaultGroup?: boolean;
  /** Groups named by values not known here (a variable set outside, a computed id): their expressions. */
  unknownGroups?: string[];
  /** True, false, or null when it cannot be told statically. */
  internetFacing: boolean | null;
  exposure: string | null;
  /** Where the argument that makes it internet-facing is written (`publicly_accessible = true`), if it is. */
  facingLocation?: Location;
  dataStore: boolean;
  /** The port a data store listens on, when known: written, or its engine's default. */
  port?: number;
  location: Location;
}

export interface Model {
  files: string[];
  groups: Group[];
  rules: Rule[];
  declarations: RuleDeclaration[];
  attachments: Attachment[];
  unknowns: UnknownValue[];
  /** Rules the apply would reject, one entry per invalid value. */
  invalidRules: InvalidRule[];
  parseErrors: ParseError[];
  /** Module calls not analysed (registry, git, missing directory). */
  externalModules: { address: string; source: string; reason: string }[];
  /** Module calls of the repository's own files, and how each was read or why not. */
  moduleCalls: ModuleCall[];
  moved: { from: string; to: string }[];
  /** `removed { from }` addresses (Terraform forgets or destroys them, as the block says). */
  removed: string[];
  /** Group ids `import` blocks give (id → group address), already applied to this model. */
  importedGroups?: Record<string, string>;
  /** `import { to }` addresses (an existing object is adopted there). */
  imported: string[];
  inputs: Input[];
  /** Suppression comments: `# sg-review:ignore <rule> <reason>`. */
  suppressions: Suppression[];
  /** Bounds hit while evaluating (set by loadModel): what lies beyond them is not analysed. */
  limits?: LimitHit[];
  /** Files the tool ignores (set by loadModel): `.tf` files a `.tofu` twin replaces (OpenTofu), or `.tofu` files (Terraform). */
  ignoredFiles?: IgnoredFile[];
  /** Var files (`-var-file`) in or under a root that no root is configured to be applied with (set by loadModel). */
  unappliedVarFiles?: ParsedFile[];
  /** The known `cidr_block` / `ipv6_cidr_block` of the configuration's VPCs, subnets and VPC CIDR associations (extract/vpc-range.ts). */
  vpcRanges?: string[];
  /** Every resource instance (and, with `instances: 0`, resources that expand to none). */
  resources: {
    address: string;
    type: string;
    location: Location;
    instances: 0 | 1;
    /** The instance stands for every instance of a count / for_each not known here (its address has no key). */
    anyKey?: true;
  }[];
  /**
   * The address labels (`dir:`) of module directories the change touched that are also
   * modelled on their own, as a root (flags either way), besides through their callers.
   */
  standaloneModules?: string[];
  /** Blocks whose instances only values set outside the repository create (findings/set-by-callers.ts). */
  setByCallers?: SetByCallers[];
}

/**
 * The blocks of a root that exist only when a value set outside the repository creates them
 * (`for_each = var.items`, `count = length(var.list)`, empty by default): a module call's
 * instances, or a resource's.
 */
export interface SetByCallers {
  /** The call (`module.wrapper`), or for a resource its module (`.`, `dir`, a module address). */
  creator: string;
  /** The address of the resource, or the prefix (`module.wrapper[*].`) of every block below the call. */
  blocks: string;
  /** The call's block; null for a resource (its findings say where). */
  location: Location | null;
  /** The root variables whose value creates them (`var.items`). */
  variables: string[];
}

/** A module call: what the summary shows of it, with where it is and its arguments. */
export type ModuleCall = Omit<ModuleSummary, 'line' | 'labelOnly'> & {
  location: Location;
  /**
   * Each argument of the call, for telling what changed; `file` when another file wrote it (a
   * Terragrunt include); `refs`: the names it refers to (references.ts); `identity`: what it
   * passes, as written but normalised (evaluate/argument-identity.ts).
   */
  arguments: Record<string, { digest: string; identity: string; startLine: number; endLine: number; file?: string; refs: string[] }>;
};

/**
 * A value a rule can depend on: a variable's default, a tfvars assignment, a local, or a
 * resource argument that an attribute echoes (`aws_vpc.main.cidr_block`, named so).
 */
export interface Input {
  dir: string;
  /** `lookup`: a data source (or `terraform_data`) as a whole, whose attributes its arguments decide (references.ts). */
  kind: 'variable' | 'tfvars' | 'local' | 'argument' | 'lookup';
  name: string;
  file: string;
  line: number;
  endLine: number;
  /** The raw value, for telling what changed between revisions. */
  digest: string;
  /** For locals: the value's identity (argument-identity.ts), the same when only its syntax changed. */
  identity?: string;
  /** For locals and echoed arguments: the names it refers to (references.ts); for a lookup, its arguments' names. */
  refs: string[];
}

export interface Suppression {
  rule: string;
  reason: string;
  file: string;
  line: number;
  /** The block or attribute the comment sits above: part of its identity across revisions. */
  anchor: string;
  /** That block's or attribute's lines: the only findings it suppresses lie there. */
  span?: { startLine: number; endLine: number };
  /** `until=YYYY-MM-DD`: after that day it no longer suppresses. */
  until?: string;
  /** Of the comment and the text of its block: an acceptance holds while this is unchanged. */
  fingerprint: string;
}
