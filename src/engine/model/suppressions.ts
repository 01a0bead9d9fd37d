// `# sg-review:ignore <rule> <reason> [until=YYYY-MM-DD]` comments, wherever they appear in a
// file. Each carries the block it sits above (`anchor`), so that the review can tell a
// suppression the merge base already had from one the pull request adds or moves.
import type { ParsedFile } from '../hcl/parse.js';
import type { LocatedBlock } from '../hcl/locate.js';
import type { Suppression } from './types.js';

/** How far below its comment a suppressed block may start (the line above, or a few more). */
export const SUPPRESSION_REACH = 3;

export function parseSuppressions(files: ParsedFile[]): Suppression[] {
  const out: Suppression[] = [];
  for (const f of files) {
    for (const c of f.located.comments) {
      const m = /sg-review:ignore\s+([a-z0-9-]+)\s*(.*)$/i.exec(c.text);
      if (!m) continue;
      let reason = m[2]!.replace(/\*\/\s*$/, '').trim();
      const until = /(?:^|\s)until=(\S*)/.exec(reason);
      if (until) reason = reason.replace(until[0], '').trim();
      out.push({
        rule: m[1]!.toLowerCase(),
        reason,
        file: f.path,
        line: c.line,
        anchor: anchorBelow(f.located.blocks, c.line) ?? '',
        ...(until ? { until: until[1]! } : {}),
      });
    }
  }
  return out;
}

/** The path of the innermost block starting just below `line` (`resource aws_security_group web/ingress`). */
function anchorBelow(blocks: LocatedBlock[], line: number, prefix = ''): string | undefined {
  for (const b of blocks) {
    const path = `${prefix}${[b.type, ...b.labels].join(' ')}`;
    if (b.startLine > line && b.startLine <= line + SUPPRESSION_REACH) return path;
    if (b.startLine < line && b.endLine > line) {
      const inner = anchorBelow(b.blocks, line, `${path}/`);
      if (inner) return inner;
    }
  }
  return undefined;
}
