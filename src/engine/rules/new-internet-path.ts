// new-internet-path: a group that exists at the base becomes reachable from the internet, or
// reachable in fewer hops (a tier is bypassed). Groups new in the head are info: their own
// rules carry the severity, so a new, properly tiered stack does not fail; but not a new group
// attached to a resource that exists at the base (a database given a second group, not an
// internet-facing load balancer): that is existing infrastructure newly exposed. An internet-facing
// load balancer's own group opened directly on ports allowed to be public is the entry tier:
// low (findings/load-balancer-entry.ts). A group this
// configuration does not declare (an ID, a variable, a data source, the group an EKS cluster
// creates) existed before the change unless the resource it comes from is new; its other rules
// are managed elsewhere, so one hop from the internet is left to the rule that opens it (its
// new-ingress finding has the severity), while a longer path is a tier bypass like any other.
import { code } from '../findings/code-span.js';
import { isNothing } from '../access/access.js';
import { byProtocol, within, type Reach } from '../access/paths.js';
import { intersect, union, type IntervalSet } from '../access/intervals.js';
import { atCause, fingerprint } from '../findings/finding.js';
import { placeAtCause } from '../findings/changed-inputs.js';
import { hasPorts, isIcmp } from '../model/protocol.js';
import { defineRule } from '../findings/define-rule.js';
import { describeHop, groupTitle } from '../findings/describe.js';
import { LOAD_BALANCERS } from '../model/attachments.js';
import type { Attachment, Location, Model } from '../model/types.js';
import type { ReviewSettings } from '../settings.js';
import type { ReviewContext } from '../findings/context.js';
import { attachedTo, dataStorePorts, describeAccess, describeServices, sensitiveSet, storePortSet, toRanges } from '../findings/opened-access.js';
import { entryLoadBalancers, onAllowedPublicPorts } from '../findings/load-balancer-entry.js';
import { attachedExposures, type AttachedExposure } from '../findings/attached-exposure.js';

export const newInternetPath = defineRule({
  id: 'new-internet-path',
  severity: 'high',
  summary: 'A group becomes reachable from the internet, or reachable in fewer hops.',
  check(ctx) {
    const before = within(ctx.reach('base'), ctx.config.max_hops);
    const after = within(ctx.reach('head'), ctx.config.max_hops);
    const findings = [];
    // their network interfaces have private addresses: reported by the rule that opens them, not
    // as a path; and one that was only an endpoint's at the base was no target there, so a
    // resource the change gives it is newly reachable
    const endpointOnly = ctx.headEndpointOnly;
    const endpointOnlyAtBase = ctx.baseEndpointOnly;
    for (const [group, reach] of after) {
      const old = endpointOnlyAtBase.has(group) ? undefined : before.get(group);
      if ((old && old.distance <= reach.distance) || endpointOnly.has(group)) continue;
      const declared = ctx.headGroups.has(group);
      // a new group attached to a resource that already exists exposes that resource: not a new stack
      const existing = declared && !ctx.baseGroups.has(group) ? attachedToExisting(ctx.base, ctx.head, group) : [];
      const existed = declared ? ctx.baseGroups.has(group) || existing.length > 0 : existedOutside(ctx.base, group);
      // every protocol and port it is now reachable on; the severity is the worst of them
      // (ICMP has no sensitive ports)
      const reachable = byProtocol(reach.reachable);
      const sensitive = touchesSensitive(reachable, ctx.config, dataStorePorts(ctx.head, group));
      // an internet-facing load balancer's own group, reached directly on ports allowed to be
      // public, is the entry tier doing its job: low, like the rule's own new-ingress
      const balancers = reach.distance === 1 ? entryLoadBalancers(ctx.head, group) : [];
      const entry = balancers.length > 0 && !sensitive && onAllowedPublicPorts(reachable, ctx.config);
      const severity = !existed || (!declared && reach.distance === 1) ? 'info' : entry ? 'low' : sensitive ? 'critical' : 'high';
      const services = servicesOf(reachable, reach);
      const chain = chainOf(reach);
      const exposed = attachedTo(ctx.head, group);
      const opened = reach.via.find((r) => !isNothing(ctx.baseAccess.opened(r)));
      const lastRule = reach.via[reach.via.length - 1]!;
      const newUser = opened ? undefined : firstNewUser(ctx, endpointOnlyAtBase, endpointOnly, reach);
      const lines = [
        old
          ? `${code(group)} was ${old.distance} hop(s) from the internet and is now ${reach.distance}: a tier is bypassed.`
          : `${code(group)} is now reachable from the internet in ${reach.distance} hop(s).`,
        '',
        `Reachable on: ${services.join(', ')}.`,
        '',
        `Path: ${chain}`,
      ];
      if (exposed.length)
        lines.push('', `${exposed.join(', ')} ${exposed.length > 1 ? 'are' : 'is'} now reachable from the internet on ${services.join(', ')}.`);
      if (newUser)
        lines.push(
          '',
          `No rule changed: ${code(newUser.resource)} is newly attached to ${code(newUser.group)}, which only interface endpoints used before (no target of a path then).`,
        );
      if (existing.length)
        lines.push(
          '',
          `The group is new in this pull request, but ${existing.map((r) => code(r)).join(', ')} ${existing.length > 1 ? 'exist' : 'exists'} already: attaching it opens ${existing.length > 1 ? 'them' : 'it'} to the internet.`,
        );
      else if (!declared && existed)
        lines.push(
          '',
          `The group is not declared in this configuration: its other rules are managed elsewhere and unknown here${reach.distance === 1 ? ', so it may have been reachable already; the rule that opens it is reported separately' : ''}.`,
        );
      else if (!existed)
        lines.push(
          '',
          declared
            ? 'The group is new in this pull request; its own rules are reported separately.'
            : 'The group is new in this pull request (created by a resource it adds); the rules that open it are reported separately.',
        );
      const named = balancers.map((b) => code(b)).join(', ');
      if (entry)
        lines.push(
          '',
          `This is the entry tier: the group of ${named} (internet-facing), reached on ports allowed to be public (\`allowed_public_ports\`).`,
          '',
          'Fix: nothing if the load balancer is meant to be public; keep the internet on its listener ports only, and allow the next tier only from this group.',
        );
      else if (balancers.length)
        lines.push(
          '',
          `Fix: this is the group of ${named} (internet-facing): open only its listener ports to the internet (\`allowed_public_ports\`), and allow the next tier only from this group.`,
        );
      else
        lines.push('', 'Fix: keep the tiers: allow the internet only into the load balancer or bastion group, and allow the next tier only from that group.');
      const finding = {
        severity,
        // with what is reachable and how bad: an acceptance of the path on 8080 must not cover it
        // on SSH after a later push (accept.ts covers only the fingerprints it saw)
        fingerprint: fingerprint(
          'new-internet-path',
          group,
          reach.path.map((h) => [h.from, h.to, h.protocol]),
          services,
          severity,
        ),
        title: `${groupTitle(group)} is now ${old ? `${reach.distance} hop(s) from the internet (was ${old.distance})` : 'reachable from the internet'} on ${listed(services)}`,
        message: lines.join('\n'),
        resource: group,
        // on the first hop this change opened: that is the line to fix
        location: (opened ?? lastRule).location,
        path: reach.path,
      } as const;
      // no rule opened: the change that made a group of the path a target (a resource given an
      // endpoint's group) is the line to fix, the rule that opens it is related (PRODUCT.md §3)
      // a hop whose own lines did not change opened because a value behind it did (a tfvars
      // value, a variable default, a local, a caller's argument): that value is the line to fix
      findings.push(
        newUser
          ? atCause(finding, newUser.location, `The rule that opens it (${code(lastRule.resource)}, unchanged)`)
          : opened
            ? placeAtCause(ctx, opened, finding)
            : finding,
      );
    }
    const sensitive = (reachable: Map<string, IntervalSet>, attachment: Attachment) =>
      touchesSensitive(byProtocol(reachable), ctx.config, listensOn(attachment));
    // a group with a path finding of its own names what it is attached to
    const reported = new Set(findings.map((f) => f.resource));
    for (const x of attachedExposures(ctx.base, ctx.head, before, after, sensitive)) if (!reported.has(x.group)) findings.push(exposureFinding(ctx, x));
    return findings;
  },
});

/**
 * An existing resource attached to a group the internet already reaches, or made
 * internet-facing in one: the severity of the path, as for a group that existed (critical on
 * all traffic or a sensitive port, high otherwise), and low for an internet-facing load
 * balancer reached on ports allowed to be public. A new resource in such a group (reported
 * only on a sensitive port): high, critical for a data store; the group's own exposure is
 * older than the change.
 */
function exposureFinding(ctx: ReviewContext, x: AttachedExposure) {
  const reachable = byProtocol(x.reachable);
  const sensitive = touchesSensitive(reachable, ctx.config, listensOn(x.attachment));
  const entry = LOAD_BALANCERS.has(x.attachment.type) && x.attachment.internetFacing === true && !sensitive && onAllowedPublicPorts(reachable, ctx.config);
  const services = servicesOf(reachable, x.reach);
  const resource = `${code(x.resource)}${x.attachment.exposure ? ` (${x.attachment.exposure})` : ''}`;
  const severity = x.cause === 'new' ? (x.attachment.dataStore ? 'critical' : 'high') : entry ? 'low' : sensitive ? 'critical' : 'high';
  const how = {
    attached: `${resource} is now attached to ${code(x.group)}, which the internet reaches in ${x.reach.distance} hop(s): no rule changed, but the resource is newly reachable from the internet.`,
    facing: `${resource} is now internet-facing, and its group ${code(x.group)} admits the internet in ${x.reach.distance} hop(s): no rule changed, but the resource is newly reachable from the internet.`,
    new: `${resource} is new and attached to ${code(x.group)}, which the internet already reaches in ${x.reach.distance} hop(s): the new resource is reachable from the internet on a sensitive port.`,
  }[x.cause];
  return {
    severity,
    fingerprint: fingerprint(
      'new-internet-path',
      x.resource,
      x.group,
      x.reach.path.map((h) => [h.from, h.to, h.protocol]),
      services,
      severity,
    ),
    title: `${x.resource} is now reachable from the internet on ${listed(services)} through ${groupTitle(x.group)}`,
    message: [
      how,
      '',
      `Reachable on: ${services.join(', ')}.`,
      '',
      `Path: ${chainOf(x.reach)} → ${code(x.resource)}`,
      '',
      entry
        ? 'This is an internet-facing load balancer reached on ports allowed to be public (`allowed_public_ports`): nothing to fix if it is meant to be public.'
        : 'Fix: attach a group that admits only the tier in front of the resource (the load balancer or bastion group), not one the internet reaches.',
    ].join('\n'),
    resource: x.resource,
    // the changed list of groups (or the flag that made it internet-facing): that is the line to fix
    location: (x.cause === 'facing' && x.attachment.facingLocation) || x.attachment.location,
    path: x.reach.path,
  } as const;
}

/** Whether any of it is all traffic or a sensitive port (ICMP has no sensitive ports), a data store's listening port included. */
function touchesSensitive(reachable: [string, IntervalSet][], config: ReviewSettings, stores: readonly { port: number }[]): boolean {
  return reachable.some(
    ([protocol, ports]) =>
      protocol === 'all' || (!isIcmp(protocol) && intersect(ports, union(sensitiveSet(config, protocol), storePortSet(protocol, stores))).length > 0),
  );
}

const listensOn = (a: Attachment) => (a.dataStore && a.port !== undefined ? [{ port: a.port }] : []);

/** Each tcp/udp range as the rules of the last hops admit it, so that known services are named. */
function servicesOf(reachable: [string, IntervalSet][], reach: Reach): string[] {
  return reachable.flatMap(([protocol, ports]) =>
    hasPorts(protocol) && !isIcmp(protocol)
      ? describeServices(
          protocol,
          (reach.admitted.get(protocol) ?? [ports]).flatMap((admitted) => toRanges(intersect(admitted, ports))),
        )
      : [describeAccess(protocol, toRanges(ports))],
  );
}

const chainOf = (reach: Reach) => ['internet', ...reach.path.map((h) => `${code(h.to)} (${describeHop(h)})`)].join(' → ');

/**
 * Whether a group the configuration does not declare existed at the base: it did unless it is
 * an attribute of a resource or module call that the base does not have (a literal ID, a
 * variable or a data source names something that exists already).
 */
function existedOutside(base: Model, group: string): boolean {
  if (!/^(module\.|aws_)/.test(group)) return true;
  const owns = (address: string) => group === address || group.startsWith(`${address}.`) || group.startsWith(`${address}[`);
  return (
    base.resources.some((r) => owns(r.address)) ||
    base.moduleCalls.some((m) => owns(m.address)) ||
    base.externalModules.some((m) => owns(m.address)) ||
    base.rules.some((r) => r.group === group)
  );
}

/** A title names at most three services; the message lists them all. */
function listed(services: string[]): string {
  return services.length <= 3 ? services.join(', ') : `${services.slice(0, 3).join(', ')} and ${services.length - 3} more`;
}

/**
 * Resources that exist at the base and the head attaches the group to. An internet-facing load
 * balancer is left out: being reached from the internet is its job, and the rules of its new
 * group carry their own severity (new-ingress).
 */
function attachedToExisting(base: Model, head: Model, group: string): string[] {
  const before = new Set(base.resources.map((r) => r.address));
  const entry = (a: Attachment) => LOAD_BALANCERS.has(a.type) && a.internetFacing === true;
  return [...new Set(head.attachments.filter((a) => a.groups.includes(group) && before.has(a.resource) && !entry(a)).map((a) => a.resource))];
}

/**
 * The first resource on the path given a group that only interface endpoints used at the base:
 * the attachment that made the group a target, so the change behind a path no rule opened.
 */
function firstNewUser(
  ctx: ReviewContext,
  endpointOnlyAtBase: ReadonlySet<string>,
  endpointOnly: ReadonlySet<string>,
  reach: Reach,
): { resource: string; group: string; location: Location } | undefined {
  for (const { to: group } of reach.path) {
    if (!endpointOnlyAtBase.has(group) || endpointOnly.has(group)) continue;
    const user = ctx.head.attachments.find((a) => a.type !== 'aws_vpc_endpoint' && a.groups.includes(group));
    if (user) return { resource: user.resource, group, location: user.location };
  }
  return undefined;
}
