// Short descriptions of peers and opened access for messages.
import { code } from './code-span.js';
import { describeProtocolPorts } from '../model/protocol.js';
import type { Peer, PeerKind, Rule } from '../model/types.js';
import type { Hop, Opened } from '../result.js';

/** A peer in a message: a group, prefix list or expression as code. */
export function describePeerShort(peer: Peer | { type: 'cidr'; value: string }): string {
  return describePeer(peer, code);
}

/** A peer as a title names it: plain like the group it is on (see groupTitle). */
export function peerTitle(peer: Peer | { type: 'cidr'; value: string }): string {
  return describePeer(peer, groupTitle);
}

function describePeer(peer: Peer | { type: 'cidr'; value: string }, name: (text: string) => string): string {
  switch (peer.type) {
    case 'cidr':
      return peer.value;
    case 'self':
      return 'members of the same group';
    case 'prefix-list':
      return `prefix list ${name(peer.value)}`;
    default:
      return name(peer.value);
  }
}

/** Opened access with, for a range partly allowed before, the parts that were (`except`). */
type OpenedWithExcept = Opened & { except?: string[] };

/** An opened peer in a message: "0.0.0.0/0 except 10.0.0.0/8 (allowed before)" for a range partly allowed before. */
export function openedPeerShort(o: OpenedWithExcept): string {
  return o.except ? `${describePeerShort(o.peer)} except ${o.except.join(', ')} (allowed before)` : describePeerShort(o.peer);
}

/** An opened peer in a title: one line however many parts were allowed before. */
export function openedPeerTitle(o: OpenedWithExcept): string {
  if (!o.except) return peerTitle(o.peer);
  return `${peerTitle(o.peer)} except ${o.except.length === 1 ? o.except[0]! : `${o.except.length} ranges`}`;
}

/** A markdown list of the opened peers and ports. */
export function formatOpened(protocol: string, opened: OpenedWithExcept[]): string {
  const shown = opened.slice(0, 20).map((o) => `- ${openedPeerShort(o)}: ${describeProtocolPorts(protocol, o.ports)}`);
  if (opened.length > 20) shown.push(`- … and ${opened.length - 20} more`);
  return ['Newly opened:', ...shown].join('\n');
}

const REFERENCE = /(?:data|module|var|local|aws_[a-z0-9_]+)\.[A-Za-z0-9_.\-[\]"*]+/;

/** An expression as a title can show it: one line, at most 60 characters, else its first reference. */
export function shortReference(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= 60) return line;
  const ref = REFERENCE.exec(line)?.[0];
  return ref && ref.length <= 60 ? `${ref} …` : `${line.slice(0, 57)}…`;
}

/** For a rule whose count / for_each is not known here: it is reviewed as if it exists. */
export function conditionNote(rule: { conditional: string | null }): string | null {
  return rule.conditional ? `It exists only for some values of its \`count\` / \`for_each\` (${rule.conditional}): reviewed as if it exists.` : null;
}

const PEER_WORDS: Record<PeerKind, string> = {
  addresses: 'addresses',
  'security-group': 'security groups',
  'security-groups': 'security groups',
  'prefix-lists': 'prefix lists',
};

/** What peers of these kinds are called ("addresses and prefix lists"); `peers` when not told. */
export function peerKindWords(kinds: readonly PeerKind[]): string {
  const words = [...new Set(kinds.map((k) => PEER_WORDS[k]))];
  return words.length ? words.join(' and ') : 'peers';
}

/**
 * For a rule whose peers also read root variables that are empty by default: what it opens
 * where Terraform runs (`-var`, `TF_VAR_`) can be more than the review sees.
 */
export function setOutsideNote(rule: Pick<Rule, 'emptyDefaults' | 'emptyDefaultsKinds'>): string | null {
  const names = rule.emptyDefaults;
  if (!names.length) return null;
  const them = names.length > 1 ? 'these variables, empty by default here, are' : 'this variable, empty by default here, is';
  return `Its ${peerKindWords(rule.emptyDefaultsKinds)} also come from ${names.map(code).join(', ')}: ${them} set outside the repository (\`-var\`, \`TF_VAR_\`, or a calling configuration), where the rule may open more than listed above.`;
}

// Terraform 0.11's one-element join: `join("", x.*.id)` is x's id
const JOINED = /^join\(\s*""\s*,\s*([^\s()]+)\s*\)$/;
// instance keys and 0.11 splats between an address and its attributes: `[0]`, `[*]`, `.*`, `.0`
const KEYS = String.raw`(?:\[[^\]]*\]|\.\*|\.\d+)*`;
// a data source of a group, through its id: `data.aws_security_group.x.id`
const DATA_GROUP = new RegExp(String.raw`^([^\s(]*\bdata\.aws_security_group\.[\w-]+)${KEYS}\.id$`);
// the group another resource makes, through an attribute `…security_group_id`
// (`aws_eks_cluster.x.vpc_config[0].cluster_security_group_id`)
const OWNED_GROUP = new RegExp(
  String.raw`^((?:[^\s:"]+:)?(?:module\.[\w-]+(?:\[[^\]]*\])?\.)*(?!module\.|data\.)[a-z][a-z0-9_]*\.[\w-]+)${KEYS}(?:\.[\w-]+${KEYS})*?\.(?:([a-z_]+)_)?security_group_id$`,
);

/**
 * A group as a title names it: its address; a data source of a group as that data source; the
 * group another resource makes as that resource's (`aws_eks_cluster.x's cluster security
 * group`); a group known only as an expression (a conditional, a function call) by that
 * expression shortened like any other.
 */
export function groupTitle(group: string): string {
  const reference = group.replace(JOINED, '$1');
  const data = DATA_GROUP.exec(reference);
  if (data) return data[1]!;
  const owned = OWNED_GROUP.exec(reference);
  if (owned) return `${owned[1]!}'s ${owned[2] ? `${owned[2].replace(/_/g, ' ')} ` : ''}security group`;
  return /[\s(?]/.test(group) ? shortReference(group) : group;
}

/** What a path hop carries: every protocol with its ports ("22, 8000/tcp, ICMP echo-request (8/0)"). */
export function describeHop(hop: Hop): string {
  return [hop, ...(hop.otherProtocols ?? [])].map((t) => describeProtocolPorts(t.protocol, t.ports)).join(', ');
}

// The top directory's address label when it is one of several roots or a module reviewed on
// its own (model/build.ts): `.:aws_security_group.this`.
const TOP_DIRECTORY_LABEL = /(^|[\s`(,'"])\.:(?=[A-Za-z_])/g;

/**
 * Text as a reviewer reads it: an address in the top directory is plain, without its `.:`
 * label (other directories keep theirs, `examples/basic:…`). Only words change: a finding's
 * resource and fingerprint keep the label that tells its instances apart.
 */
export function plainTopDirectory(text: string): string {
  return text.replace(TOP_DIRECTORY_LABEL, '$1');
}
