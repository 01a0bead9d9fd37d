// `# sg-review:ignore <rule> <reason> [until=YYYY-MM-DD]` comments, wherever they appear in a
// file. Each carries the block or attribute it sits directly above (`anchor`, and its lines
// `span`): it suppresses findings on those lines only, never a neighbour's. Its fingerprint
// covers itself and that text, so that a suppression the merge base had, or an approver's
// acceptance, holds only while the suppressed code is unchanged.
import { fingerprint } from '../findings/finding.js';
import type { ParsedFile } from '../hcl/parse.js';
import type { LocatedBlock, Span } from '../hcl/locate.js';
import type { Suppression } from './types.js';

/** How far below its comment a suppressed block may start (the line above, or a few more). */
const SUPPRESSION_REACH = 3;

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
      const below = anchorBelow(f.located.blocks, f.located.attributes, c.line);
      const rule = m[1]!.toLowerCase();
      const anchor = below?.path ?? '';
      const text = below ? lines.slice(below.span.startLine - 1, below.span.endLine).join('\n') : '';
      out.push({
        rule,
        reason,
        file: f.path,
        line: c.line,
        anchor,
        ...(below ? { span: { startLine: below.span.startLine, endLine: below.span.endLine } } : {}),
        fingerprint: fingerprint('suppression', f.path, rule, reason, until?.[1] ?? '', anchor, text),
        ...(until ? { until: until[1]! } : {}),
      });
    }
  }
  return out;
}

interface Anchor {
  /** `resource aws_security_group web/ingress`, `resource aws_security_group web/name =`. */
  path: string;
  span: Span;
}

/** The block or attribute starting nearest below `line` (within reach), innermost first. */
function anchorBelow(blocks: LocatedBlock[], attributes: ReadonlyMap<string, Span>, line: number, prefix = ''): Anchor | undefined {
  let nearest: Anchor | undefined;
  const consider = (a: Anchor | undefined) => {
    if (!a || a.span.startLine <= line || a.span.startLine > line + SUPPRESSION_REACH) return;
    if (!nearest || a.span.startLine < nearest.span.startLine) nearest = a;
  };
  for (const [name, span] of attributes) consider({ path: `${prefix}${name} =`, span });
  for (const b of blocks) {
    const path = `${prefix}${[b.type, ...b.labels].join(' ')}`;
    consider({ path, span: b });
    if (b.startLine < line && b.endLine > line) consider(anchorBelow(b.blocks, b.attributes, line, `${path}/`));
  }
  return nearest;
}
