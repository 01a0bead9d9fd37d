// Line comments for one PR review: a comment on the head lines of each finding that lies in
// the diff, with a hidden fingerprint marker (so re-runs never duplicate) and, where a
// mechanical fix exists, a suggestion block.
import { relatedText } from '../engine/findings/finding.js';
import type { Finding } from '../engine/result.js';
import { code, inline, neutralHtml } from '../render/escape.js';
import { bySeverity } from './check-output.js';
import { anchor, type Hunk } from './anchors.js';

export interface ReviewComment {
  path: string;
  line: number;
  side: 'RIGHT';
  start_line?: number;
  start_side?: 'RIGHT';
  body: string;
}

/** A planned comment: its body gets the hidden marker of `fingerprint` when it is posted. */
export interface PlannedComment extends ReviewComment {
  fingerprint: string;
}

/** The hidden marker, always the last thing in the body; user text never contains `<!--`
 * unescaped, and only a trailing marker is read back, so a key or path cannot forge one. */
const MARKER = /\n\n<!-- sg-review:fingerprint=([0-9a-f]{32}) -->$/;

export function marker(fingerprint: string): string {
  return `\n\n<!-- sg-review:fingerprint=${fingerprint} -->`;
}

export function fingerprintOf(body: string): string | null {
  return MARKER.exec(body)?.[1] ?? null;
}

/** A suggestion that adds a description, or narrows 0.0.0.0/0 to the configured trusted CIDRs. */
export function suggestion(f: Finding, headLines: string[], trustedCidrs: string[], range: { startLine: number; line: number }): string | null {
  const lines = headLines.slice(range.startLine - 1, range.line);
  if (f.rule === 'missing-description') {
    const first = lines[0] ?? '';
    if (range.startLine !== f.location.startLine || !/\{\s*$/.test(first)) return null;
    const indent = (/^\s*/.exec(headLines[f.location.startLine] ?? '')?.[0] ?? '  ') || '  ';
    return [first, `${indent}description = "TODO: who needs this access, and why"`, ...lines.slice(1)].join('\n');
  }
  if (f.rule === 'new-ingress' && trustedCidrs.length) {
    const list = `[${trustedCidrs.map((c) => `"${c}"`).join(', ')}]`;
    let changed = false;
    const out = lines.map((l) => {
      if (l.includes('["0.0.0.0/0"]')) {
        changed = true;
        return l.replace('["0.0.0.0/0"]', list);
      }
      if (trustedCidrs.length === 1 && /cidr_ipv4\s*=\s*"0\.0\.0\.0\/0"/.test(l)) {
        changed = true;
        return l.replace('"0.0.0.0/0"', `"${trustedCidrs[0]}"`);
      }
      return l;
    });
    return changed ? out.join('\n') : null;
  }
  return null;
}

export interface CommentPlan {
  comments: PlannedComment[];
  /** Findings whose lines are not in the diff: shown in the summary only. */
  outsideDiff: Finding[];
  /** New findings in the diff left out by `maxComments`: shown in the summary only. */
  overLimit: Finding[];
}

/** Where a comment on a finding goes: its own lines, or for a finding in a symbolic link's copy
 * of a file, the same lines of the target when the diff has them, else the changed link itself. */
interface Place {
  file: string;
  range: { startLine: number; line: number };
  /** Set when the finding was read through a link: the link's path. */
  through?: string;
}

function placeOf(f: Finding, hunks: Map<string, Hunk[]>, links: ReadonlyMap<string, string>, dirLinks: ReadonlyMap<string, string>): Place | null {
  const { file, startLine, endLine } = f.location;
  const target = links.get(file);
  if (target === undefined) {
    const range = anchor(startLine, endLine, hunks.get(file) ?? []);
    return range && { file, range };
  }
  const inTarget = anchor(startLine, endLine, hunks.get(target) ?? []);
  if (inTarget) return { file: target, range: inTarget, through: file };
  // else on the changed link itself, or the changed link to the directory holding it: the first
  // line of its diff (app/publish-review.ts says which)
  const on = hunks.has(file) ? file : (dirLinks.get(file) ?? file);
  const [first] = hunks.get(on) ?? [];
  return first ? { file: on, range: { startLine: first[0], line: first[0] }, through: file } : null;
}

export function planComments(params: {
  findings: Finding[];
  hunks: Map<string, Hunk[]>;
  headContent: Map<string, string>;
  alreadyCommented: Set<string>;
  trustedCidrs: string[];
  maxComments: number;
  /** The head's symbolic links read as their targets: link path → target path. */
  links?: ReadonlyMap<string, string>;
  /** The files read through a link to a directory: path → that link's path. */
  dirLinks?: ReadonlyMap<string, string>;
}): CommentPlan {
  const comments: PlannedComment[] = [];
  const outsideDiff: Finding[] = [];
  const overLimit: Finding[] = [];
  for (const f of bySeverity(params.findings)) {
    if (f.suppressed || f.severity === 'info') continue;
    const place = placeOf(f, params.hunks, params.links ?? new Map(), params.dirLinks ?? new Map());
    if (!place) {
      outsideDiff.push(f);
      continue;
    }
    const { range } = place;
    if (params.alreadyCommented.has(f.fingerprint)) continue;
    if (comments.length >= params.maxComments) {
      overLimit.push(f);
      continue;
    }
    const head = params.headContent.get(f.location.file)?.split('\n') ?? [];
    // on the link's own line a suggestion would replace the link
    const fix = place.through && place.file !== params.links?.get(place.through) ? null : suggestion(f, head, params.trustedCidrs, range);
    const related = relatedText(f);
    const through = place.through
      ? `${inline(`Found in ${code(place.through)} (lines ${f.location.startLine}–${f.location.endLine}), a symbolic link to ${code(params.links!.get(place.through)!)}.`)}\n\n`
      : '';
    let body = `**${f.severity.toUpperCase()}** · \`${f.rule}\` · ${inline(f.title)}

${through}${
      related
        ? `${neutralHtml(related)}

`
        : ''
    }${neutralHtml(f.message)}`;
    if (fix !== null) body += `\n\n\`\`\`suggestion\n${fix}\n\`\`\``;
    comments.push({
      fingerprint: f.fingerprint,
      path: place.file,
      line: range.line,
      side: 'RIGHT',
      ...(range.startLine < range.line ? { start_line: range.startLine, start_side: 'RIGHT' as const } : {}),
      body,
    });
  }
  return { comments, outsideDiff, overLimit };
}
