// Resources that attach security groups: which groups, and whether the resource faces the
// internet or holds data.
import { possibleValues } from '../../evaluate/alternatives.js';
import { evaluateJson, withNames } from '../../evaluate/evaluate.js';
import { computedDefault } from '../../evaluate/known-before-apply.js';
import { Unknown, type Value } from '../../evaluate/value.js';
import { ATTACHMENT_KINDS, readPath } from '../attachments.js';
import { groupKeys } from '../peer.js';
import { DEFAULTS_TO_VPC_GROUP, GROUPS_FROM_ELSEWHERE } from '../default-group.js';
import { dynamicBlocks, iterations } from './dynamic-blocks.js';
import { listOf, location, type Extraction, type Instance } from './context.js';

export function addAttachment(x: Extraction, inst: Instance): void {
  const kind = ATTACHMENT_KINDS[inst.decl.type]!;
  const get = (path: string[]): Value => readPath(path.length > 1 ? blocksOf(x, inst, path[0]!) : x.attrQuiet(inst, path[0]!), path.slice(1));
  const groups: string[] = [];
  const unknownGroups: string[] = [];
  for (const path of kind.paths) {
    const v = get(path);
    if (v === null) continue;
    for (const item of listOf(v)) {
      if (item instanceof Unknown) unknownGroups.push(item.expr);
      else groups.push(...groupKeys(item, x.groupNames));
    }
  }
  const block = inst.decl.block;
  const written = (name: string) =>
    !!block && (block.attributes.has(name) || block.blocks.some((b) => b.type === name || (b.type === 'dynamic' && b.labels[0] === name)));
  // an empty list or null (a module's default) is no group too: AWS uses the default group
  const none = (v: Value) => v === null || (Array.isArray(v) && v.length === 0);
  const defaultGroup = DEFAULTS_TO_VPC_GROUP.has(inst.decl.type) && kind.paths.every((path) => none(get(path))) && !GROUPS_FROM_ELSEWHERE.some(written);
  const internet = kind.internet?.(get) ?? { facing: false, why: null };
  const facingAt = internet.argument ? inst.decl.block?.attributes.get(internet.argument) : undefined;
  x.model.attachments.push({
    resource: kind.target?.(get) ?? inst.address,
    type: inst.decl.type,
    groups: [...new Set(groups)],
    ...(unknownGroups.length ? { unknownGroups: [...new Set(unknownGroups)] } : {}),
    ...(defaultGroup ? { defaultGroup } : {}),
    ...(kind.link ? { link: { kind: kind.link.kind, via: kind.link.via?.(get) ?? null } } : {}),
    internetFacing: internet.facing,
    exposure: internet.why,
    ...(facingAt ? { facingLocation: location(inst.decl, facingAt) } : {}),
    dataStore: kind.dataStore ?? false,
    ...(kind.dataStore ? listening(x, inst) : {}),
    location: groupsLocation(inst, kind.paths),
  });
}

/** The port a data store listens on: as written, else its engine's default (RDS), if known. */
function listening(x: Extraction, inst: Instance): { port?: number } {
  const written = x.attrQuiet(inst, 'port');
  const port = written === null ? computedDefault(inst.decl.type, 'port', (name) => x.attrQuiet(inst, name) ?? undefined) : written;
  // Terraform converts "5432" to the number
  const n = typeof port === 'string' && /^\d+$/.test(port) ? Number(port) : port;
  return typeof n === 'number' && Number.isInteger(n) ? { port: n } : {};
}

/** Where the groups are named: the first argument or block of the kind's paths that is written, else the resource. */
function groupsLocation(inst: Instance, paths: readonly (readonly string[])[]) {
  const block = inst.decl.block;
  for (const [name] of paths) {
    const at = block?.attributes.get(name!) ?? block?.blocks.find((b) => b.type === name || (b.type === 'dynamic' && b.labels[0] === name));
    if (at) return location(inst.decl, at);
  }
  return location(inst.decl);
}

/**
 * The blocks `name` of a resource, written or made by `dynamic "name"` (an ECS service's
 * `network_configuration`, a launch template's `network_interfaces`, a Lambda's `vpc_config`
 * in registry modules), each possibly: a group is attached when any block can name it. A
 * `for_each` not known here gives one block with its iterator unknown.
 */
function blocksOf(x: Extraction, inst: Instance, name: string): Value {
  const written = x.attrQuiet(inst, name);
  const blocks: Value[] = written === null ? [] : Array.isArray(written) ? [...written] : [written];
  for (const dyn of dynamicBlocks(inst.decl, name)) {
    const unknown = (part: string) => new Unknown(`${dyn.iterator}.${part}`, 'for_each is unknown');
    // each branch of a for_each not known here (`awsvpc ? [local.config] : []`): what any gives
    for (const choice of possibleValues(evaluateJson(dyn.forEach ?? null, inst.scope))) {
      const entries = iterations(choice) ?? [[unknown('key'), unknown('value')]];
      for (const [key, value] of entries) blocks.push(evaluateJson(dyn.content, withNames(inst.scope, { [dyn.iterator]: { key, value } })));
    }
  }
  return blocks.length ? blocks : null;
}
