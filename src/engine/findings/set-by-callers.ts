// A root's block whose instances only a value set outside the repository creates (a module
// repository's wrapper: `for_each = var.items`, empty by default) creates nothing as written:
// its callers choose every instance and the values in it. Each rule in it whose peer or ports
// come from those values would be an `unresolved-value` of its own (22 per wrapper on
// terraform-aws-security-group); they are one finding on the block that creates them, low
// like peers set outside (set-outside.ts). What the code written here opens (a hard-coded
// 0.0.0.0/0, a module default) is known and keeps its own finding and severity.
import { append } from '../append.js';
import { withoutInstanceKeys } from '../evaluate/expansion.js';
import type { Model, Rule, SetByCallers } from '../model/types.js';
import type { Finding } from '../result.js';
import { code } from './code-span.js';
import { namingOthers } from './naming-others.js';
import { fingerprint } from './finding.js';

/** How many of the gathered findings the message and related locations name. */
const NAMED = 12;
/** How many variables a title names. */
const TITLE_VARIABLES = 3;

/** The head's findings with those about what callers decide gathered into one per creating block. */
export function gatherSetByCallers(findings: Finding[], head: Model): Finding[] {
  const creators = head.setByCallers ?? [];
  if (!creators.length) return findings;
  const rules = new Map<string, Rule[]>();
  for (const r of head.rules) append(rules, r.resource, r);
  const creatorOf = creatorIndex(creators);
  const gathered = new Map<string, { creators: SetByCallers[]; findings: Finding[] }>();
  const out: (Finding | string)[] = [];
  for (const f of findings) {
    const creator = creatorOf(f.resource);
    if (!creator || !decidedByCallers(f, rules.get(f.resource) ?? [])) {
      out.push(f);
      continue;
    }
    const entry = gathered.get(creator.creator);
    if (!entry) out.push(creator.creator);
    const group = entry ?? { creators: [], findings: [] };
    group.creators.push(creator);
    group.findings.push(f);
    gathered.set(creator.creator, group);
  }
  // a lone finding says it better itself, unless it is an unknown the callers decide (low here)
  const lone = (g: { findings: Finding[] }) => g.findings.length === 1 && g.findings[0]!.rule !== 'unresolved-value';
  // wrappers of one module (59 in terraform-aws-security-group) leave the same rules to their
  // callers: one finding, naming the other blocks
  const sameRules = new Map<string, Finding[]>();
  const result: (Finding | string)[] = [];
  for (const item of out) {
    const group = typeof item === 'string' ? gathered.get(item)! : null;
    if (!group || lone(group)) {
      result.push(...(group ? group.findings : [item as Finding]));
      continue;
    }
    const key = JSON.stringify([...new Set(group.findings.map((f) => JSON.stringify(ruleLocation(f))))].sort());
    if (!sameRules.has(key)) result.push(key);
    append(sameRules, key, oneFinding(item as string, group));
  }
  return result.map((item) => (typeof item === 'string' ? withOthers(sameRules.get(item)!) : item));
}

/**
 * The creator of a resource: the first (in their order) whose `blocks` is the resource's
 * address, or, ending in `.`, a prefix of it (`module.w[*].` holds every block of that call).
 * A look-up per `.` in the address, where matching every creator against every finding grew
 * with their product.
 */
export function creatorIndex(creators: SetByCallers[]): (resource: string) => SetByCallers | undefined {
  const first = new Map<string, number>();
  for (const [i, c] of creators.entries()) if (!first.has(c.blocks)) first.set(c.blocks, i);
  return (resource) => {
    let found = first.get(resource) ?? Infinity;
    for (let dot = resource.indexOf('.'); dot >= 0; dot = resource.indexOf('.', dot + 1))
      found = Math.min(found, first.get(resource.slice(0, dot + 1)) ?? Infinity);
    return creators[found];
  };
}

/** The first block's finding, naming the other blocks that leave the same rules to their callers. */
function withOthers([first, ...others]: Finding[]): Finding {
  return namingOthers(first!, others, NAMED, (n) => `The same rules are left to the callers by ${n} other block${n > 1 ? 's' : ''}`);
}

/**
 * What the finding reports is the callers' choice: an unknown whose every part comes from their
 * values, or a low finding on a rule whose only unknowns are theirs (its ports, its peers set
 * outside). A finding above low is about what is written here, and stays.
 */
function decidedByCallers(f: Finding, rules: Rule[]): boolean {
  // a peer set outside is no rule's (the declaration's peersSetOutside): an unresolved one is not theirs
  const theirs = rules.every((r) => r.peer.type !== 'unresolved' && r.unresolvedSetOutside.length > 0);
  if (f.rule === 'unresolved-value') return rules.length > 0 && theirs;
  return (f.rule === 'new-ingress' || f.rule === 'new-egress') && (f.severity === 'low' || f.severity === 'info') && theirs;
}

function oneFinding(creator: string, { creators, findings }: { creators: SetByCallers[]; findings: Finding[] }): Finding {
  const variables = [...new Set(creators.flatMap((c) => c.variables))].sort();
  const call = creators.find((c) => c.location !== null);
  const subject = call ? code(creator) : creator === '.' ? 'this module' : `the module ${code(creator)}`;
  const shown = variables.slice(0, TITLE_VARIABLES).join(', ') + (variables.length > TITLE_VARIABLES ? ', …' : '');
  const byRule = new Map<string, Finding>();
  for (const f of [...findings].sort((a, b) => a.resource.localeCompare(b.resource))) if (!byRule.has(f.resource)) byRule.set(f.resource, f);
  const ruleList = [...byRule.values()];
  const more = ruleList.length > NAMED ? [`- and ${ruleList.length - NAMED} more`] : [];
  return {
    rule: 'unresolved-value',
    severity: 'low',
    suppressed: false,
    fingerprint: fingerprint('unresolved-value', creator, variables),
    title: `What ${call ? creator : `rules of ${subject.replace(/`/g, '')}`} open${call ? 's' : ''} is decided by its callers (${shown})`,
    message: [
      `${call ? `${subject} has instances` : `Rules of ${subject} exist`} only through values set outside the repository (\`-var\`, \`TF_VAR_\`, or a calling configuration): ${variables.map(code).join(', ')}. With the defaults here nothing is created; whoever sets ${variables.length > 1 ? 'them' : 'it'} chooses the values in every instance.`,
      '',
      `${ruleList.length} rule${ruleList.length > 1 ? 's' : ''} take${ruleList.length > 1 ? '' : 's'} ${ruleList.length > 1 ? 'their' : 'its'} peers, protocols or ports only from those values, so what ${ruleList.length > 1 ? 'they open' : 'it opens'} cannot be told before a caller sets them:`,
      ...ruleList.slice(0, NAMED).map((f) => `- ${code(f.resource)}`),
      ...more,
      '',
      'What the code opens whatever the callers pass (a hard-coded range, a default of the module) is reported on its own, with its severity. Review the values where the callers set them.',
    ].join('\n'),
    resource: creator,
    location: call?.location ?? ruleList[0]!.location,
    related: ruleList.slice(0, NAMED).map((f) => ({ ...ruleLocation(f), message: `decided by the callers: ${f.resource}` })),
  };
}

/** Where the rule of a finding is: the finding's place, or when it sits on its cause (a changed argument), its first related location. */
function ruleLocation(f: Finding): { file: string; startLine: number; endLine: number } {
  const at = f.related?.[0] ?? f.location;
  return { file: at.file, startLine: at.startLine, endLine: at.endLine };
}

/**
 * Resources switched off by the default of a root variable at the base (so they "may exist":
 * the variable can be set outside) and on at the head, by default or for sure: the default
 * flipped, or the condition went, and whoever runs Terraform with the defaults gets them now.
 * Their base rules do not cover the head's: what they open is new. A module call switched on
 * so (`count = var.on ? 1 : 0`, `for_each` likewise, or neither any more) switches on every
 * block below it: the base's `module.x[*].` holds the head's `module.x[0].`, `module.x["k"].`
 * and `module.x.`, so blocks are compared without their instance keys.
 */
export function switchedOnByDefault(base: Model, head: Model): (rule: Rule) => boolean {
  const keyless = (creators: SetByCallers[] = []) => creatorIndex(creators.map((c) => ({ ...c, blocks: withoutInstanceKeys(c.blocks) })));
  const offAtBase = keyless(base.setByCallers);
  const offAtHead = keyless(head.setByCallers);
  const flipped = new Set(head.rules.map((r) => withoutInstanceKeys(r.resource)).filter((b) => offAtBase(b) && !offAtHead(b)));
  return (rule) => flipped.has(withoutInstanceKeys(rule.resource));
}
