// A human-readable listing of a model, for `sg-review model --format text`.
import { isTofuFile, type AppliedWith } from '../engine/hcl/config-files.js';
import { describePorts, describeProtocol } from '../engine/model/protocol.js';
import type { Location, Model, Peer } from '../engine/model/types.js';

/** Which files the tool applying the directory leaves out, or, unset, that Terraform would read it otherwise. */
function readingLines(model: Model, appliedWith: AppliedWith | undefined): string[] {
  const ignored = model.ignoredFiles ?? [];
  const replaced = ignored.flatMap((i) => (i.replacedBy === null ? [] : [`${i.file} (by ${i.replacedBy})`]));
  if (appliedWith === 'terraform')
    return ignored.length ? [`not read, as Terraform ignores them (applied_with: terraform): ${ignored.map((i) => i.file).join(', ')}`] : [];
  if (appliedWith === 'opentofu') return replaced.length ? [`not read, as OpenTofu ignores them (applied_with: opentofu): ${replaced.join(', ')}`] : [];
  const tofu = model.files.filter(isTofuFile);
  if (!tofu.length) return [];
  return [
    `as OpenTofu reads it (applied_with is unset): Terraform reads no .tofu file (${tofu.join(', ')})${replaced.length ? ` and reads what they replace: ${replaced.join(', ')}` : ''}; set applied_with: terraform in the --config file for its reading`,
  ];
}

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

/** The listing; `appliedWith` is the configuration's (unset: the OpenTofu reading is shown, and said so where Terraform's differs). */
export function renderModelText(model: Model, appliedWith?: AppliedWith): string {
  const out: string[] = [];
  out.push(
    `${model.files.length} files, ${model.groups.length} groups, ${model.rules.length} rules, ${model.attachments.length} attachments, ${model.unknowns.length} unknown values, ${model.parseErrors.length} parse errors`,
  );
  out.push(...readingLines(model, appliedWith));
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
