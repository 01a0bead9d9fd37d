// The review as markdown: the text of the PR check summary and of `--format markdown`.
// Counts, a findings table, a Mermaid picture of new internet paths, closed access,
// suppressed findings.
import { describeHop, plainTopDirectory } from '../engine/findings/describe.js';
import { describeProtocolPorts } from '../engine/model/protocol.js';
import type { ReviewResult } from '../engine/result.js';
import type { Finding } from '../engine/result.js';
import type { Severity } from '../engine/settings.js';
import { cell, cellCode, code, inline, mermaidLabel, neutralHtml } from './escape.js';

/** Ignored `.tf` files and closed accesses listed at most; the rest are counted. */
const LISTED_IGNORED = 20;
const LISTED_CLOSED = 50;

const ICON: Record<Severity, string> = { critical: '🔴', high: '🟠', medium: '🟡', low: '🔵', info: '⚪' };

export function countsLine(findings: Finding[]): string {
  const active = findings.filter((f) => !f.suppressed);
  if (!active.length) return 'No new exposure or ownership hazard.';
  const counts = (['critical', 'high', 'medium', 'low', 'info'] as const)
    .map((s) => [s, active.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0);
  return counts.map(([s, n]) => `${n} ${s}`).join(', ');
}

/** A Mermaid flowchart of the new internet paths (GitHub renders it in markdown). */
export function pathDiagram(findings: Finding[]): string | null {
  const paths = findings.filter((f) => f.rule === 'new-internet-path' && f.path && !f.suppressed);
  if (!paths.length) return null;
  const ids = new Map<string, string>([['internet', 'internet']]);
  const id = (name: string) => {
    if (!ids.has(name)) ids.set(name, `g${ids.size}`);
    return ids.get(name)!;
  };
  const edges = new Set<string>();
  for (const f of paths) {
    for (const hop of f.path!) {
      const label = mermaidLabel(describeHop(hop));
      edges.add(`  ${id(hop.from)} -->|"${label}"| ${id(hop.to)}`);
    }
  }
  const nodes = [...ids.entries()].map(([name, nid]) =>
    nid === 'internet' ? '  internet(("internet"))' : `  ${nid}["${mermaidLabel(plainTopDirectory(name))}"]`,
  );
  return ['```mermaid', 'flowchart LR', ...nodes, ...edges, '```'].join('\n');
}

/** Each module call, its source, the version read, and how it was read or why it was not. */
function modulesSection(result: ReviewResult): string[] {
  if (!result.modules.length) return [];
  const out = ['', '### Modules', '', '| Call | Source | Version | Read |', '|---|---|---|---|'];
  for (const m of result.modules) {
    const version = m.resolvedVersion ?? (m.version || '—');
    const how = m.how
      ? cell(`${m.how}${m.note ? ` (${m.note})` : ''}`)
      : m.labelOnly
        ? 'not needed: a label module, it creates no resource (`label_only_modules`)'
        : `**not read**: ${cell(m.reason ?? 'unknown reason')}`;
    out.push(`| ${cellCode(m.address)} | ${cellCode(m.source)} | ${cell(version)} | ${how} |`);
  }
  const unread = result.modules.filter((m) => !m.how && !m.labelOnly).length;
  if (unread)
    out.push('', `${unread} module call(s) could not be read: what they create is not analysed. New or changed ones are reported as \`unanalysed-module\`.`);
  return out;
}

/** Files broken at the base only: whatever they declare counts as new, and the reader must know why. */
function unreadAtBaseLine(unread: ReviewResult['unreadAtBase']): string[] {
  if (!unread.length) return [];
  const listed = unread.slice(0, 20).map((u) => `${code(u.file)} (line ${u.line}: ${cell(u.message)}${compared(u)})`);
  if (unread.length > 20) listed.push(`and ${unread.length - 20} more`);
  return [
    '',
    `Not analysed at the base (the file did not parse there): ${listed.join(', ')}. What it declares is compared with nothing, so it may show as newly opened; blocks whose text is unchanged since the base are compared as they were.`,
  ];
}

function compared(u: ReviewResult['unreadAtBase'][number]): string {
  if (u.unchangedBlocks === undefined) return '';
  return `; ${u.unchangedBlocks} block(s) unchanged since the base, ${u.changedBlocks ?? 0} could not be compared`;
}

/** What a closed rule allowed; a protocol or port that was not known statically is said so, not as the widest assumed. */
function closedTraffic(c: ReviewResult['closed'][number]): string {
  if (!c.portsUnknown) return describeProtocolPorts(c.protocol, c.ports);
  return c.protocol === 'all' ? 'traffic not known statically (a protocol or port read from a value)' : `${c.protocol} on ports not known statically`;
}

/** Files the head could not read: what the base declared there is not listed as closed. */
function unreadAtHeadLine(unread: ReviewResult['unreadAtHead']): string[] {
  if (!unread.length) return [];
  const listed = unread.slice(0, 20).map((u) => `${code(u.file)} (${u.baseRules} ${u.baseRules === 1 ? 'rule' : 'rules'} at the base)`);
  if (unread.length > 20) listed.push(`and ${unread.length - 20} more`);
  return ['', `Nothing is listed as closed in ${listed.join(', ')}: the file does not parse at the head, so what it allows there is not known.`];
}

/** The files the tool applying the repository does not read, or that both readings were reviewed. */
function ignoredFilesLine(result: ReviewResult): string[] {
  if (result.bothReadings)
    return [
      '',
      'Reviewed as OpenTofu reads it and as Terraform reads it, with the findings of both: the change reaches `.tofu` files, which OpenTofu reads instead of their `.tf` twins and Terraform never reads, and the configuration does not say which tool applies the repository (`applied_with: terraform` or `opentofu` in `.github/sg-review.yml`).',
    ];
  const replaced = result.ignoredFiles.flatMap((i) => (i.replacedBy === null ? [] : [`${code(i.file)} (by ${code(i.replacedBy)})`]));
  const tofu = result.ignoredFiles.flatMap((i) => (i.replacedBy === null ? [code(i.file)] : []));
  return [
    ...listedLine('Not read, as OpenTofu ignores them (a `.tofu` file of the same name replaces each)', replaced),
    ...listedLine('Not read, as Terraform ignores them (`applied_with: terraform`)', tofu),
  ];
}

function listedLine(words: string, items: string[]): string[] {
  if (!items.length) return [];
  const listed = items.slice(0, LISTED_IGNORED);
  if (items.length > LISTED_IGNORED) listed.push(`and ${items.length - LISTED_IGNORED} more`);
  return ['', `${words}: ${listed.join(', ')}.`];
}

export function renderMarkdown(result: ReviewResult): string {
  const active = result.findings.filter((f) => !f.suppressed);
  const suppressed = result.findings.filter((f) => f.suppressed);
  const out: string[] = [];
  out.push(`## sg-review: ${result.conclusion === 'failure' ? 'changes needed' : 'passed'}`, '', `**${countsLine(result.findings)}**`);
  const n = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  const { head, base } = result.stats;
  out.push(
    '',
    `Analysed ${n(head.files, 'file')}: ${n(head.groups, 'group')} and ${n(head.rules, 'rule')} at the head (base: ${n(base.groups, 'group')}, ${n(base.rules, 'rule')}).`,
  );
  const unparsed = [...new Set(result.findings.filter((f) => f.rule === 'parse-error').map((f) => code(f.location.file)))];
  if (unparsed.length) out.push('', `Not analysed (the file does not parse): ${unparsed.join(', ')}.`);
  out.push(...unreadAtBaseLine(result.unreadAtBase));
  out.push(...unreadAtHeadLine(result.unreadAtHead));
  out.push(...ignoredFilesLine(result));
  if (active.length) {
    out.push('', '| | Rule | Finding | Location |', '|---|---|---|---|');
    for (const f of active)
      out.push(`| ${ICON[f.severity]} ${f.severity} | \`${f.rule}\` | ${cell(f.title)} | ${cellCode(`${f.location.file}:${f.location.startLine}`)} |`);
  }
  const diagram = pathDiagram(result.findings);
  if (diagram) out.push('', '### New paths from the internet', '', diagram);
  if (active.length) {
    out.push('', '### Details');
    for (const f of active)
      out.push(
        '',
        `#### ${ICON[f.severity]} ${inline(f.title)}`,
        '',
        `\`${f.rule}\` · ${f.severity} · ${code(`${f.location.file}:${f.location.startLine}-${f.location.endLine}`)} · ${code(plainTopDirectory(f.resource))}`,
        '',
        ...(f.suppressionPending !== undefined
          ? [
              `**Suppression pending approval** (${inline(f.suppressionPending || 'no reason given')}): added by this change, or above code it changes, so it does not count yet.`,
              '',
            ]
          : []),
        neutralHtml(f.message),
        ...(f.related ?? []).map((r) => `\n↳ ${inline(r.message)}: ${code(`${r.file}:${r.startLine}-${r.endLine}`)}`),
      );
  }
  out.push(...modulesSection(result));
  if (result.closed.length) {
    out.push('', '### Closed by this change', '');
    for (const c of result.closed.slice(0, LISTED_CLOSED))
      out.push(
        `- ${code(plainTopDirectory(c.group))} ${c.direction} ${closedTraffic(c)} ${c.direction === 'ingress' ? 'from' : 'to'} ${inline(plainTopDirectory(c.peer))}${c.except ? ` except ${c.except.map(inline).join(', ')} (narrowed)` : ''}`,
      );
    if (result.closed.length > LISTED_CLOSED) out.push(`- … and ${result.closed.length - LISTED_CLOSED} more`);
  }
  if (result.unmanaged.length) {
    out.push('', '### No longer managed by this repository', '');
    for (const u of result.unmanaged) {
      const listed = u.groups.slice(0, LISTED_CLOSED).map((g) => code(plainTopDirectory(g)));
      if (u.groups.length > LISTED_CLOSED) listed.push(`and ${u.groups.length - LISTED_CLOSED} more`);
      out.push(
        `- ${code(u.directory || '.')} is deleted, with its ${u.groups.length === 1 ? 'group' : 'groups'} ${listed.join(', ')}. Deleting Terraform files destroys nothing: ${u.groups.length === 1 ? 'the group stays' : 'the groups stay'} in AWS with ${u.groups.length === 1 ? 'its' : 'their'} rules open as before, and in that directory's state, until it is destroyed (\`terraform destroy\` there before the files go). Nothing of ${u.groups.length === 1 ? 'it' : 'them'} is listed as closed.`,
      );
    }
  }
  if (suppressed.length) {
    out.push('', `### Suppressed (${suppressed.length})`, '');
    for (const f of suppressed)
      out.push(
        `- \`${f.rule}\` ${inline(f.title)} (${code(`${f.location.file}:${f.location.startLine}`)}): ${f.suppression ? inline(f.suppression) : 'no reason given'}`,
      );
  }
  if (result.suppressionProblems.length) {
    out.push('', '### Suppression comments to fix', '');
    for (const p of result.suppressionProblems) out.push(`- ${code(`${p.file}:${p.line}`)} ${code(`sg-review:ignore ${p.rule}`)} ${inline(p.problem)}`);
  }
  return out.join('\n') + '\n';
}
