// Resources that attach security groups: which groups, and whether the resource faces the
// internet or holds data.
import { Unknown, type Value } from '../../evaluate/value.js';
import { ATTACHMENT_KINDS, readPath } from '../attachments.js';
import { groupKey } from '../peer.js';
import { listOf, location, type Extraction, type Instance } from './context.js';

export function addAttachment(x: Extraction, inst: Instance): void {
  const kind = ATTACHMENT_KINDS[inst.decl.type]!;
  const get = (path: string[]): Value => readPath(x.attrQuiet(inst, path[0]!), path.slice(1));
  const groups: string[] = [];
  for (const path of kind.paths) {
    const v = get(path);
    if (v === null) continue;
    for (const item of listOf(v)) {
      const key = item instanceof Unknown ? null : groupKey(item);
      if (key) groups.push(key);
    }
  }
  const internet = kind.internet?.(get) ?? { facing: false, why: null };
  x.model.attachments.push({
    resource: inst.address,
    type: inst.decl.type,
    groups: [...new Set(groups)],
    internetFacing: internet.facing,
    exposure: internet.why,
    dataStore: kind.dataStore ?? false,
    location: location(inst.decl),
  });
}
