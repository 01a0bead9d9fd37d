// `# sg-review:ignore <rule> <reason> [until=YYYY-MM-DD]` comments, wherever they appear in a
// file. Each carries the block it sits above (`anchor`), so that the review can tell a
// suppression the merge base already had from one the pull request adds or moves, and a
// fingerprint of itself and that block's text, so that an approver's acceptance holds only
// while the suppressed code is unchanged.
import { fingerprint } from '../findings/finding.js';
import type { ParsedFile } from '../hcl/parse.js';
import type { LocatedBlock } from '../hcl/locate.js';
import type { Suppression } from './types.js';

/** How far below its comment a suppressed block may start (the line above, or a few more). */
export const SUPPRESSION_REACH = 3;

/** `texts`: each file's content by path, for the text of the suppressed blocks. */
export function parseSuppressions(files: ParsedFile[], texts: ReadonlyMap<string, string>): Suppression[] {
  const out: Suppression[] = [];
  for (const f of files) {
    const lines = (texts.get(f.path) ?? '').split('\n');
    for (const c of f.located.comments) {
      const m = /sg-review:ignore\s+([a-z0-9-]+)\s*(.*)$/i.exec(c.text);
      if (!m) continue;
      let reason = m[2]!.replace(/\*\/\s*$/, '').trim();
      const until = /(?:^|\s)until=(\S*)/.exec(reason);
      if (until) reason = reason.replace(until[0], '').trim();
      const below = anchorBelow(f.located.blocks, c.line);
      const rule = m[1]!.toLowerCase();
      const anchor = below?.path ?? '';
      const block = below ? lines.slice(below.block.startLine - 1, below.block.endLine).join('\n') : '';
      out.push({
        rule,
        reason,
        file: f.path,
        line: c.line,
        anchor,
        fingerprint: fingerprint('suppression', f.path, rule, reason, until?.[1] ?? '', anchor, block),
        ...(until ? { until: until[1]! } : {}),
      });
    }
  }
  return out;
}

/** The innermost block starting just below `line`, and its path (`resource aws_security_group web/ingress`). */
function anchorBelow(blocks: LocatedBlock[], line: number, prefix = ''): { path: string; block: LocatedBlock } | undefined {
  for (const b of blocks) {
    const path = `${prefix}${[b.type, ...b.labels].join(' ')}`;
    if (b.startLine > line && b.startLine <= line + SUPPRESSION_REACH) return { path, block: b };
    if (b.startLine < line && b.endLine > line) {
      const inner = anchorBelow(b.blocks, line, `${path}/`);
      if (inner) return inner;
    }
  }
  return undefined;
}
