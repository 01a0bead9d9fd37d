// reference-cycle: inline rules of two or more groups reference each other. Each group then
// depends on the other's id before it can be created: Terraform fails with "Cycle:".
import { code } from '../findings/code-span.js';
import { fingerprint } from '../findings/finding.js';
import type { Model } from '../model/types.js';
import { defineRule } from '../findings/define-rule.js';
import { PREDATES, groupChanged } from '../findings/hazard.js';

/** Strongly connected components of two or more groups, over inline references. */
export function inlineCycles(model: Model): string[][] {
  const groups = new Set(model.groups.map((g) => g.address));
  const edges = new Map<string, Set<string>>();
  for (const d of model.declarations) {
    if (d.origin !== 'inline') continue;
    for (const r of d.references) if (r !== d.group && groups.has(r)) (edges.get(d.group) ?? edges.set(d.group, new Set()).get(d.group)!).add(r);
  }
  // Tarjan's algorithm with an explicit stack: chains of thousands of groups must not
  // overflow the call stack
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (root: string) => {
    const work: { v: string; next: Iterator<string> }[] = [];
    const enter = (v: string) => {
      idx.set(v, index);
      low.set(v, index++);
      stack.push(v);
      on.add(v);
      work.push({ v, next: (edges.get(v) ?? new Set<string>()).values() });
    };
    enter(root);
    while (work.length) {
      const frame = work[work.length - 1]!;
      const step = frame.next.next();
      if (!step.done) {
        const w = step.value;
        if (!idx.has(w)) enter(w);
        else if (on.has(w)) low.set(frame.v, Math.min(low.get(frame.v)!, idx.get(w)!));
        continue;
      }
      work.pop();
      const v = frame.v;
      const parent = work[work.length - 1];
      if (parent) low.set(parent.v, Math.min(low.get(parent.v)!, low.get(v)!));
      if (low.get(v) === idx.get(v)) {
        const scc: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          on.delete(w);
          scc.push(w);
        } while (w !== v);
        if (scc.length > 1) out.push(scc.sort());
      }
    }
  };
  for (const v of [...edges.keys()].sort()) if (!idx.has(v)) visit(v);
  return out;
}

export const referenceCycle = defineRule({
  id: 'reference-cycle',
  severity: 'medium',
  summary: 'Inline rules of groups reference each other in a cycle: Terraform reports a dependency cycle.',
  check(ctx) {
    const before = new Set(inlineCycles(ctx.base).map((c) => c.join('|')));
    return inlineCycles(ctx.head).flatMap((cycle) => {
      const existed = before.has(cycle.join('|'));
      const s = existed
        ? cycle.some((g) => groupChanged(ctx, g))
          ? { severity: 'low' as const, predates: true }
          : null
        : { severity: 'medium' as const, predates: false };
      if (!s) return [];
      const first = ctx.head.groups.find((g) => g.address === cycle[0])!;
      return [
        {
          severity: s.severity,
          fingerprint: fingerprint('reference-cycle', cycle),
          title: `Inline rules of ${cycle.join(', ')} reference each other`,
          message:
            `The inline rules of ${cycle.map((g) => code(g)).join(' → ')} → ${code(cycle[0]!)} form a cycle: each group needs the other's id before it can be created, and \`terraform plan\` fails with \`Error: Cycle\`.\n\nFix: move one direction of one group to a standalone \`aws_vpc_security_group_ingress_rule\` / \`_egress_rule\` resource, which depends on both groups instead of being part of one (hashicorp/terraform#539).` +
            (s.predates ? PREDATES : ''),
          resource: first.address,
          location: first.location,
        },
      ];
    });
  },
});
