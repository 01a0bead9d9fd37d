// A human-readable listing of a model, for `sg-review model --format text`.
import { describePorts, describeProtocol } from '../engine/model/protocol.js';
import type { Location, Model, Peer } from '../engine/model/types.js';

const at = (l: Location) => `${l.file}:${l.startLine}${l.endLine !== l.startLine ? `-${l.endLine}` : ''}`;

export function describePeer(p: Peer): string {
  switch (p.type) {
    case 'cidr':
      return p.value;
    case 'group':
      return p.value;
    case 'prefix-list':
      return `prefix list ${p.value}`;
    case 'self':
      return 'self';
    case 'unresolved':
      return `unresolved ${p.value}`;
  }
}

export function renderModelText(model: Model): string {
  const out: string[] = [];
  out.push(
    `${model.files.length} files, ${model.groups.length} groups, ${model.rules.length} rules, ${model.attachments.length} attachments, ${model.unknowns.length} unknown values, ${model.parseErrors.length} parse errors`,
  );
  for (const g of model.groups) {
    out.push('', `group ${g.address} (${at(g.location)})`);
    out.push(
      `  name: ${g.name ?? g.namePrefix ?? '-'}  ingress: ${g.ownership.ingress}  egress: ${g.ownership.egress}${g.createBeforeDestroy ? '  create_before_destroy' : ''}`,
    );
    for (const r of model.rules.filter((x) => x.group === g.address)) {
      out.push(
        `  ${r.direction.padEnd(7)} ${describeProtocol(r.protocol)} ${describePorts(r.protocol, [r.ports])} ${r.direction === 'ingress' ? 'from' : 'to'} ${describePeer(r.peer)}  [${r.resource} ${at(r.location)}]`,
      );
    }
  }
  const groupless = model.rules.filter((r) => !model.groups.some((g) => g.address === r.group));
  if (groupless.length) {
    out.push('', 'rules on groups outside this configuration:');
    for (const r of groupless)
      out.push(
        `  ${r.group}: ${r.direction} ${describeProtocol(r.protocol)} ${describePorts(r.protocol, [r.ports])} ${describePeer(r.peer)}  [${r.resource} ${at(r.location)}]`,
      );
  }
  if (model.attachments.length) {
    out.push('', 'attachments:');
    for (const a of model.attachments) out.push(`  ${a.resource} -> ${a.groups.join(', ') || '(none)'}${a.internetFacing ? ` (${a.exposure})` : ''}`);
  }
  if (model.unknowns.length) {
    out.push('', 'unknown values:');
    for (const u of model.unknowns) out.push(`  ${at(u.location)} ${u.resource} ${u.attribute}: ${u.expr} — ${u.reason}`);
  }
  if (model.parseErrors.length) {
    out.push('', 'parse errors:');
    for (const e of model.parseErrors) out.push(`  ${e.file}:${e.line}:${e.column}: ${e.message}`);
  }
  return out.join('\n') + '\n';
}
