// rule-quota: a direction of a group has more rules than the quota (AWS default 60, counted
// separately for IPv4 and IPv6; each CIDR and each group reference counts as one rule, a
// prefix list by its maximum entries, research/semantics.md §1.5).
import { code } from '../findings/code-span.js';
import { fingerprint } from '../findings/finding.js';
import type { Direction, Model } from '../model/types.js';
import { defineRule } from '../findings/define-rule.js';
import { PREDATES, hazardSeverity } from '../findings/hazard.js';

interface Count {
  v4: number;
  v6: number;
  prefixLists: number;
  /** Peers that could not be evaluated: their number of AWS rules is unknown, not counted. */
  unknown: number;
}

function counts(model: Model, quota: number): Map<string, Count> {
  // cheap first pass: only directions with more raw rules than the quota need exact counting
  const raw = new Map<string, number>();
  for (const r of model.rules) {
    const key = `${r.group}\0${r.direction}`;
    raw.set(key, (raw.get(key) ?? 0) + 1);
  }
  const seen = new Set<string>();
  const out = new Map<string, Count>();
  for (const r of model.rules) {
    if ((raw.get(`${r.group}\0${r.direction}`) ?? 0) <= quota) continue;
    // AWS stores each permission once: duplicates across resources count once
    const id = `${r.group}|${r.direction}|${r.protocol}|${r.ports.join('-')}|${r.peer.type}:${r.peer.value}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const key = `${r.group}\0${r.direction}`;
    const c = out.get(key) ?? out.set(key, { v4: 0, v6: 0, prefixLists: 0, unknown: 0 }).get(key)!;
    if (r.peer.type === 'unresolved') c.unknown++;
    else if (r.peer.type === 'cidr' && r.peer.family === 6) c.v6++;
    else if (r.peer.type === 'prefix-list') c.prefixLists++;
    else c.v4++;
  }
  return out;
}

export const ruleQuota = defineRule({
  id: 'rule-quota',
  severity: 'medium',
  summary: 'A group has more rules in a direction than the rules-per-group quota.',
  check(ctx) {
    const quota = ctx.config.rule_quota;
    const before = counts(ctx.base, quota);
    const over = (c: Count | undefined) => !!c && (c.v4 > quota || c.v6 > quota);
    const findings = [];
    for (const [key, c] of counts(ctx.head, quota)) {
      if (!over(c)) continue;
      const [group, direction] = key.split('\0') as [string, Direction];
      const s = hazardSeverity(ctx, group, over(before.get(key)), 'medium');
      if (!s) continue;
      const g = ctx.head.groups.find((x) => x.address === group);
      const where = ctx.head.declarations.find((d) => d.group === group && d.direction === direction);
      findings.push({
        severity: s.severity,
        fingerprint: fingerprint('rule-quota', group, direction),
        title: `${group} has more ${direction} rules than the quota of ${quota}`,
        message:
          `${code(group)} would have ${c.v4} IPv4 and ${c.v6} IPv6 ${direction} rules (each CIDR and each group reference is one AWS rule), over the quota of ${quota} per direction and family: the apply fails with \`RulesPerSecurityGroupLimitExceeded\`.${c.prefixLists ? ` ${c.prefixLists} prefix list reference(s) also count by their maximum entries, which are not known here.` : ''}${c.unknown ? ` ${c.unknown} rule(s) with values not known before apply are not counted.` : ''}\n\nFix: merge CIDRs into a managed prefix list, reference a security group instead of many CIDRs, split the rules across groups, or raise the quota (\`rule_quota\` in the config if yours is raised).` +
          (s.predates ? PREDATES : ''),
        resource: group,
        location: g?.location ?? where?.location ?? { file: '', startLine: 1, endLine: 1 },
      });
    }
    return findings;
  },
});
