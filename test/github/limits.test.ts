// GitHub's limits hold whatever the size of the review.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/schema.js';
import { reviewFiles } from '../../src/engine/review-files.js';
import { anchor, commentableHunks, diffHunks, patchHunks } from '../../src/publish/anchors.js';
import { annotationBatches, annotations, checkSummary, checkTitle } from '../../src/publish/check-output.js';
import { LIMITS, fit, limitAnnotation, limitBody, limitOutput } from '../../src/github/limits.js';
import { fingerprintOf, marker } from '../../src/publish/review-comments.js';

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

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
    expect(limitOutput({ title: checkTitle(result), summary }).title.length).toBeLessThanOrEqual(255);
    const batches = annotationBatches(annotations(result).list);
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

describe('GitHub text limits, enforced in one place', () => {
  const result = () =>
    reviewFiles(
      [],
      [
        {
          path: 'main.tf',
          content:
            'resource "aws_security_group" "g" {\n  ingress {\n    from_port = 22\n    to_port = 22\n    protocol = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n',
        },
      ],
      DEFAULT_CONFIG,
    );

  it('400 long directory names: the summary stays within 65,535 and keeps the scope and notes', async () => {
    const directories = Array.from({ length: 400 }, (_, i) => `${'very-long-directory-name-'.repeat(200)}${i}`);
    const summary = checkSummary(await result(), { directories, baseSha: 'a'.repeat(40), headSha: 'b'.repeat(40), files: 400, notes: ['a note'] });
    expect(bytes(summary)).toBeLessThanOrEqual(LIMITS.outputSummary);
    expect(summary).toContain('### What was analysed');
    expect(summary).toContain('## sg-review: changes needed');
  });

  it.each([
    ['at the limit', LIMITS.outputSummary, false],
    ['one over', LIMITS.outputSummary + 1, true],
    ['far over, multi-byte', 3 * LIMITS.outputSummary, true],
  ])('check-run summary and text %s', (_name, size, cut) => {
    const text = size === 3 * LIMITS.outputSummary ? 'é'.repeat(size / 2) : 'x'.repeat(size);
    const out = limitOutput({ title: 't', summary: text, text });
    expect(bytes(out.summary)).toBeLessThanOrEqual(LIMITS.outputSummary);
    expect(bytes(out.text!)).toBeLessThanOrEqual(LIMITS.outputText);
    expect(out.summary === text).toBe(!cut);
    if (cut) expect(out.summary).toMatch(/truncated to fit GitHub’s limit\)$/);
  });

  it('check-run title: one line of at most 255', () => {
    expect(limitOutput({ title: 'x'.repeat(255), summary: '' }).title).toBe('x'.repeat(255));
    const long = limitOutput({ title: `a\nb${'y'.repeat(300)}`, summary: '' }).title;
    expect(bytes(long)).toBeLessThanOrEqual(255);
    expect(long).not.toContain('\n');
  });

  it('annotations: title 255, message and raw details 64 KB, at most 50 per request', () => {
    const a = {
      path: 'a.tf',
      start_line: 1,
      end_line: 1,
      annotation_level: 'failure' as const,
      title: 't'.repeat(300),
      message: 'm'.repeat(70_000),
      raw_details: 'r'.repeat(70_000),
    };
    const limited = limitAnnotation(a);
    expect(bytes(limited.title)).toBeLessThanOrEqual(255);
    expect(bytes(limited.message)).toBeLessThanOrEqual(LIMITS.annotationMessage);
    expect(bytes(limited.raw_details!)).toBeLessThanOrEqual(LIMITS.annotationRawDetails);
    expect(limitAnnotation({ ...a, title: 't'.repeat(255), message: 'm'.repeat(LIMITS.annotationMessage) })).toMatchObject({
      title: 't'.repeat(255),
      message: 'm'.repeat(LIMITS.annotationMessage),
    });
    expect(limitOutput({ title: 't', summary: 's', annotations: Array(60).fill(a) }).annotations).toHaveLength(50);
  });

  it('comment and review bodies: 65,536 with the hidden marker kept whole at the end', () => {
    const fp = 'f'.repeat(32);
    expect(limitBody('x'.repeat(LIMITS.commentBody))).toHaveLength(LIMITS.commentBody);
    const body = limitBody('x'.repeat(200_000), marker(fp));
    expect(bytes(body)).toBeLessThanOrEqual(LIMITS.commentBody);
    expect(fingerprintOf(body)).toBe(fp);
  });

  it('never a negative length: limits smaller than the note or the tail', () => {
    expect(fit('abcdef', 3)).toBe('abc');
    expect(fit('abcdef', 0)).toBe('');
    expect(fit('abc', 4, 'TAIL')).toBe('TAIL');
    expect(fit('abcdef', 2, 'TAIL')).toBe('TA');
  });
});
