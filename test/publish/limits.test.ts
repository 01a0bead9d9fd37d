// GitHub's limits hold whatever the size of the review.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/schema.js';
import { reviewFiles } from '../../src/engine/review-files.js';
import { anchor, commentableHunks, diffHunks, patchHunks } from '../../src/publish/anchors.js';
import { annotationBatches, annotations, checkSummary, checkTitle } from '../../src/publish/check-output.js';

describe('check-run output limits', () => {
  it('keeps the summary under 65,535 characters and batches annotations by 50', async () => {
    const rules = Array.from(
      { length: 400 },
      (_, i) =>
        `resource "aws_security_group_rule" "r${i}" {\n  type              = "ingress"\n  security_group_id = "sg-${i}"\n  protocol          = "tcp"\n  from_port         = ${2000 + i}\n  to_port           = ${2000 + i}\n  cidr_blocks       = ["0.0.0.0/0"]\n}\n`,
    );
    const result = await reviewFiles([], [{ path: 'main.tf', content: rules.join('\n') }], DEFAULT_CONFIG);
    expect(result.findings.length).toBeGreaterThan(800);
    const summary = checkSummary(result, { directories: [''], baseSha: 'a'.repeat(40), headSha: 'b'.repeat(40), files: 1, notes: [] });
    expect(summary.length).toBeLessThanOrEqual(65_535);
    expect(summary).toContain('truncated');
    expect(summary).toContain('### What was analysed');
    expect(checkTitle(result).length).toBeLessThanOrEqual(255);
    const batches = annotationBatches(annotations(result));
    expect(batches.every((b) => b.length <= 50)).toBe(true);
    expect(batches.flat()).toHaveLength(result.findings.length);
  });
});

describe('diff anchors', () => {
  const base = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`).join('\n');
  const head = base.replace('line 10', 'line ten').replace('line 25', 'line twenty-five');

  it('computes head-side hunks with three lines of context, as GitHub does', () => {
    expect(diffHunks(base, head)).toEqual([
      [7, 13],
      [22, 28],
    ]);
    expect(diffHunks(null, 'a\nb')).toEqual([[1, 2]]);
    expect(patchHunks('@@ -7,7 +7,7 @@ x\n-a\n+b\n@@ -22 +22,0 @@\n')).toEqual([[7, 13]]);
  });

  it('narrows a finding to the part inside one hunk, or gives none', () => {
    const hunks = commentableHunks(base, head, undefined);
    expect(anchor(9, 11, hunks)).toEqual({ startLine: 9, line: 11 });
    expect(anchor(1, 8, hunks)).toEqual({ startLine: 7, line: 8 });
    expect(anchor(15, 20, hunks)).toBeNull();
    // with GitHub's patch, a line must be in both
    expect(commentableHunks(base, head, '@@ -9,3 +9,3 @@\n')).toEqual([[9, 11]]);
  });
});
