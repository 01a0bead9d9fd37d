// aws_eks_node_group `remote_access`: EKS opens SSH on the nodes itself. With an `ec2_ssh_key`
// and no `source_security_group_ids`, "port 22 on the worker nodes is opened to the internet
// (0.0.0.0/0)" (EKS RemoteAccessConfig); with source groups, 22 from those groups. For Windows
// nodes (`ami_type = "WINDOWS_…"`) the port is RDP's, 3389; an `ami_type` not known here may be
// either. The rule is the node group's: no group of the configuration holds it.
import { Unknown, type Value } from '../../evaluate/value.js';
import { readPath } from '../attachments.js';
import { cidrPeer, groupPeers, type PeerOrInvalid } from '../peer.js';
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
  if (sources instanceof Unknown) peers.push(...groupPeers(sources, 'source_security_group_ids', x.groupNames));
  else
    for (const choice of sources === null ? [] : listOf(sources))
      for (const v of peerChoices(choice)) peers.push(...groupPeers(v, 'source_security_group_ids', x.groupNames));
  if (!peers.length) peers.push(cidrPeer('0.0.0.0/0', 'remote_access', 4));
  x.recordPeerUnknowns(inst, 'source_security_group_ids', peers, loc);
  for (const port of remotePorts(x.attrQuiet(inst, 'ami_type')))
    addRules(x, {
      group: inst.address,
      direction: 'ingress',
      protocol: 'tcp',
      from: port,
      to: port,
      peers,
      origin: 'aws_eks_node_group',
      ...standaloneRuleFields(x, inst, loc, []),
      description: port === RDP ? 'RDP that EKS opens for remote access (Windows nodes)' : 'SSH that EKS opens for remote access',
    });
}

const SSH = 22;
const RDP = 3389;

/** The remote access port of nodes of this AMI type: RDP on Windows, SSH otherwise (the default AMI is Linux). */
function remotePorts(amiType: Value): number[] {
  if (amiType === null || amiType === undefined) return [SSH];
  if (typeof amiType !== 'string') return [SSH, RDP];
  return amiType.startsWith('WINDOWS_') ? [RDP] : [SSH];
}
