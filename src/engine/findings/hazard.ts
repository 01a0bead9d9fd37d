// Shared by the ownership and lifecycle hazards: a hazard the PR introduces is reported at its
// severity; one that already existed at the base only when the PR changes that group, at
// severity low, saying it predates the PR.
import type { Severity } from '../settings.js';
import type { Model } from '../model/types.js';
import type { ReviewContext } from './context.js';

const signatures = new WeakMap<Model, Map<string, string>>();

/** A group's rules, ownership and attributes as one comparable string. */
function signature(model: Model, group: string): string {
  let map = signatures.get(model);
  if (!map) {
    map = new Map();
    const parts = new Map<string, string[]>();
    const add = (g: string, s: string) => (parts.get(g) ?? parts.set(g, []).get(g)!).push(s);
    for (const d of model.declarations) add(d.group, `${d.resource}|${d.identity}|${d.description ?? ''}`);
    for (const g of model.groups)
      add(g.address, `group|${g.name}|${g.namePrefix}|${g.description}|${g.vpcId}|${g.ownership.ingress}|${g.ownership.egress}|${g.createBeforeDestroy}`);
    for (const [g, list] of parts) map.set(g, list.sort().join('\n'));
    signatures.set(model, map);
  }
  return map.get(group) ?? '';
}

export function groupChanged(ctx: ReviewContext, group: string): boolean {
  return signature(ctx.base, group) !== signature(ctx.head, group);
}

/** The severity to report a hazard at, or null when it predates the PR on an untouched group. */
export function hazardSeverity(
  ctx: ReviewContext,
  group: string,
  existedAtBase: boolean,
  severity: Severity,
): { severity: Severity; predates: boolean } | null {
  if (!existedAtBase) return { severity, predates: false };
  if (groupChanged(ctx, group)) return { severity: 'low', predates: true };
  return null;
}

export const PREDATES = '\n\n_This hazard already exists at the merge base; it is reported because this pull request changes the group._';
