// Every resource of a module instance, expanded by count / for_each and handed to the
// extractor of its family.
import { evaluateJson, withNames } from '../../evaluate/evaluate.js';
import { instanceAddress } from '../../evaluate/expansion.js';
import type { Declaration } from '../../evaluate/module-source.js';
import type { ModuleInstance } from '../../evaluate/module.js';
import { ATTACHMENT_KINDS } from '../attachments.js';
import { GROUP_TYPES, resourceType } from '../peer.js';
import { addAttachment } from './attachment.js';
import { AWSCC_RULE_TYPES, addAwsccRule } from './awscc-rule.js';
import { addEksRemoteAccess } from './eks-remote-access.js';
import { location, type Extraction, type Instance } from './context.js';
import { addGroup, collectGroupNames } from './group.js';
import { addLegacyRule } from './security-group-rule.js';
import { collectPrefixLists } from './prefix-list.js';
import { addVpcRanges, VPC_RANGE_TYPES } from './vpc-range.js';
import { addVpcRule } from './vpc-rule.js';

/** What a module instance declares that other resources' rules read: its prefix lists and group names. Run on every instance before addModule. */
export function collectShared(x: Extraction, module: ModuleInstance): void {
  collectPrefixLists(x, module, (decl) => instances(x, module, decl));
  collectGroupNames(x, module, (decl) => instances(x, module, decl));
}

export function addModule(x: Extraction, module: ModuleInstance): void {
  for (const m of module.source.moved) x.model.moved.push({ from: module.prefix(m.from), to: module.prefix(m.to) });
  for (const a of module.source.removed) x.model.removed.push(module.prefix(a));
  for (const a of module.source.imported) x.model.imported.push(module.prefix(a));
  for (const { to, id } of module.source.importIds) {
    const value = evaluateJson(id, module.scope);
    if (typeof value === 'string' && GROUP_TYPES.has(resourceType(to))) x.importedGroups.set(value.trim(), module.prefix(to));
  }
  for (const decl of module.source.resources.values()) {
    let n = 0;
    for (const instance of instances(x, module, decl)) {
      addResource(x, instance);
      n++;
    }
    // count = 0 or an empty for_each: still listed, so suppressions and audits can see it
    if (n === 0) x.model.resources.push({ address: module.prefix(`${decl.type}.${decl.name}`), type: decl.type, location: location(decl), instances: 0 });
  }
}

function* instances(x: Extraction, module: ModuleInstance, decl: Declaration): Generator<Instance> {
  const base = module.prefix(`${decl.type}.${decl.name}`);
  const e = module.expansion(decl);
  const { setOutside } = module;
  if (e.kind === 'single') yield { decl, address: base, scope: module.scope, conditional: null, module, setOutside };
  else {
    if (e.kind === 'instances')
      for (const k of e.keys)
        yield { decl, address: instanceAddress(base, k.key), scope: withNames(module.scope, k.scope), conditional: k.conditional ?? null, module, setOutside };
    const rest = e.kind === 'unknown' ? e : e.rest;
    if (!rest) return;
    const attribute = decl.body['count'] !== undefined ? 'count' : 'for_each';
    x.unknown(rest.unknown, attribute, base, location(decl, decl.block?.attributes.get(attribute)));
    // named without an instance key: references to any instance designate it too
    yield {
      decl,
      address: base,
      scope: withNames(module.scope, rest.scope),
      conditional: rest.mayBeEmpty ? rest.unknown : null,
      anyKey: true,
      module,
      setOutside: rest.setOutside ?? setOutside,
    };
  }
}

function addResource(x: Extraction, inst: Instance): void {
  const { decl } = inst;
  x.model.resources.push({ address: inst.address, type: decl.type, location: location(decl), instances: 1, ...(inst.anyKey ? { anyKey: true as const } : {}) });
  if (GROUP_TYPES.has(decl.type)) addGroup(x, inst);
  else if (decl.type === 'aws_security_group_rule') addLegacyRule(x, inst);
  else if (decl.type === 'aws_vpc_security_group_ingress_rule' || decl.type === 'aws_vpc_security_group_egress_rule') addVpcRule(x, inst);
  else if (decl.type === 'aws_eks_node_group') addEksRemoteAccess(x, inst);
  else if (AWSCC_RULE_TYPES.has(decl.type)) addAwsccRule(x, inst);
  else if (VPC_RANGE_TYPES.has(decl.type)) addVpcRanges(x, inst);
  if (Object.hasOwn(ATTACHMENT_KINDS, decl.type)) addAttachment(x, inst);
}
