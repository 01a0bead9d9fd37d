// aws_eks_node_group `remote_access`: EKS opens SSH on the nodes itself. With an `ec2_ssh_key`
// and no `source_security_group_ids`, "port 22 on the worker nodes is opened to the internet
// (0.0.0.0/0)" (EKS RemoteAccessConfig); with source groups, 22 from those groups. The rule is
// the node group's: no group of the configuration holds it.
import { Unknown } from '../../evaluate/value.js';
import { readPath } from '../attachments.js';
import { cidrPeer, groupPeer, type PeerOrInvalid } from '../peer.js';
import { listOf, location, peerChoices, type Extraction, type Instance } from './context.js';
import { addRules, standaloneRuleFields } from './declare-rules.js';

export function addEksRemoteAccess(x: Extraction, inst: Instance): void {
  const access = x.attrQuiet(inst, 'remote_access');
  if (access === null || (Array.isArray(access) && !access.length)) return;
  const key = readPath(access, ['ec2_ssh_key']);
  if (key === null || key === undefined || key === '') return;
  const block = inst.decl.block?.blocks.find((b) => b.type === 'remote_access');
  const loc = location(inst.decl, block);
  const sources = readPath(access, ['source_security_group_ids']);
  const peers: PeerOrInvalid[] = [];
  if (sources instanceof Unknown) peers.push(groupPeer(sources, 'source_security_group_ids'));
  else for (const choice of sources === null ? [] : listOf(sources)) for (const v of peerChoices(choice)) peers.push(groupPeer(v, 'source_security_group_ids'));
  if (!peers.length) peers.push(cidrPeer('0.0.0.0/0', 'remote_access', 4));
  x.recordPeerUnknowns(inst, 'source_security_group_ids', peers, loc);
  addRules(x, {
    group: inst.address,
    direction: 'ingress',
    protocol: 'tcp',
    from: 22,
    to: 22,
    peers,
    origin: 'aws_eks_node_group',
    ...standaloneRuleFields(x, inst, loc, []),
    description: 'SSH that EKS opens for remote access',
  });
}
