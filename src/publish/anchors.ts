// Which head lines of a file can carry a review comment: only lines inside the PR's diff
// hunks (a single anchor outside them fails the whole review with 422). The hunks are computed
// with the `diff` package from the base and head contents, because GitHub omits the patch for
// large files; when GitHub's patch is present, a line must be in both.
import { structuredPatch } from 'diff';

export type Hunk = [number, number];

/** Head-side line ranges of the hunks between two versions (3 lines of context, as GitHub). */
export function diffHunks(base: string | null, head: string): Hunk[] {
  if (base === null) return head.length ? [[1, head.split('\n').length]] : [];
  const patch = structuredPatch('a', 'b', base, head, '', '', { context: 3 });
  return patch.hunks.filter((h) => h.newLines > 0).map((h) => [h.newStart, h.newStart + h.newLines - 1]);
}

/** Head-side ranges from a unified patch's `@@ -a,b +c,d @@` headers. */
export function patchHunks(patch: string): Hunk[] {
  const out: Hunk[] = [];
  for (const m of patch.matchAll(/^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/gm)) {
    const start = Number(m[1]);
    const count = m[2] === undefined ? 1 : Number(m[2]);
    if (count > 0) out.push([start, start + count - 1]);
  }
  return out;
}

function intersectHunks(a: Hunk[], b: Hunk[]): Hunk[] {
  const out: Hunk[] = [];
  for (const [a0, a1] of a) for (const [b0, b1] of b) if (Math.max(a0, b0) <= Math.min(a1, b1)) out.push([Math.max(a0, b0), Math.min(a1, b1)]);
  return out;
}

export function commentableHunks(base: string | null, head: string, patch: string | undefined): Hunk[] {
  const ours = diffHunks(base, head);
  return patch ? intersectHunks(ours, patchHunks(patch)) : ours;
}

/**
 * The part of a finding's lines that lies in one hunk: the comment covers it (multi-line when
 * it spans several lines). Null when no line of the finding is in the diff.
 */
export function anchor(startLine: number, endLine: number, hunks: Hunk[]): { startLine: number; line: number } | null {
  for (const [h0, h1] of hunks) {
    const s = Math.max(startLine, h0);
    const e = Math.min(endLine, h1);
    if (s <= e) return { startLine: s, line: e };
  }
  return null;
}
