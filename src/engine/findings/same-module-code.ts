// One module's code reached through several callers (a module repository's examples, the
// stacks of a live repository) gives one finding per instance, on the same line and saying
// the same thing: ten examples made ten identical comments. They are reported once, naming
// the other instances.
import type { Finding } from '../result.js';
import { namingOthers } from './naming-others.js';

/** How many of the other instances a merged finding names. */
const NAMED_INSTANCES = 5;

/**
 * Findings that differ only by the module instance their resource is in: same rule, severity,
 * location and related lines, same resource within the module, same message once each
 * instance's address prefix is set aside. The first by address is kept.
 */
export function mergeAcrossInstances(findings: Finding[]): Finding[] {
  const groups = new Map<string, Finding[]>();
  const out: (Finding | string)[] = [];
  for (const f of findings) {
    const prefix = instancePrefix(f.resource);
    if (!prefix) {
      out.push(f);
      continue;
    }
    const key = JSON.stringify([
      f.rule,
      f.severity,
      f.suppressed,
      f.location,
      f.related ?? [],
      f.resource.slice(prefix.length),
      withoutRootLabels(f.message.split(prefix).join('')),
    ]);
    if (!groups.has(key)) {
      groups.set(key, []);
      out.push(key);
    }
    groups.get(key)!.push(f);
  }
  return out.map((item) => (typeof item === 'string' ? merged(groups.get(item)!) : item));
}

function merged(same: Finding[]): Finding {
  if (same.length === 1) return same[0]!;
  const [first, ...others] = [...same].sort((a, b) => (a.resource < b.resource ? -1 : a.resource > b.resource ? 1 : 0));
  return namingOthers(first!, others, NAMED_INSTANCES, (n) => `The same module code gives the same finding through ${n} other instance${n > 1 ? 's' : ''}`);
}

/**
 * The message with the root label of every address set aside: another address it names (the
 * group a module's rule is given, `stacks/a:module.backend.aws_security_group.x`) is in
 * the same root as the finding's own, which differs between the instances.
 */
function withoutRootLabels(message: string): string {
  return message.replace(/(?<![\w/.-])[\w./-]+:(?=(?:module|data)\.|aws_|awscc_)/g, '');
}

/** `examples/a:module.x["k"].module.y.` of a resource in a module instance or a labelled root; '' otherwise. */
function instancePrefix(address: string): string {
  return /^(?:[^:["]*:)?(?:module\.[^.[]+(?:\[(?:"[^"]*"|[^\]]*)\])?\.)*/.exec(address)![0];
}
