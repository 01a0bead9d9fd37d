// The summary names at most 20 files it could not read at the base, or at the head where the
// base had rules, then says how many more: a PR that breaks many files gets a bounded summary
// that still counts them all.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/schema.js';
import type { SourceFile } from '../../src/engine/hcl/parse.js';
import { reviewFiles } from '../../src/engine/review-files.js';
import { renderMarkdown } from '../../src/render/markdown.js';

const group = (i: number) =>
  `resource "aws_security_group" "g${i}" {\n  name = "g${i}"\n  ingress {\n    from_port   = 8080\n    to_port     = 8080\n    protocol    = "tcp"\n    cidr_blocks = ["10.0.0.0/16"]\n  }\n}\n`;
// an unclosed block: the file does not parse
const broken = (i: number) => group(i).replace(`name = "g${i}"\n`, `name = "g${i}"\n  {\n`);
const files = (count: number, text: (i: number) => string): SourceFile[] =>
  Array.from({ length: count }, (_, i) => ({ path: `g${String(i).padStart(2, '0')}.tf`, content: text(i) }));

/** The files named on the summary line that starts with `lead`, and the N of its "and N more". */
async function listed(base: SourceFile[], head: SourceFile[], lead: string) {
  const line = renderMarkdown(await reviewFiles(base, head, DEFAULT_CONFIG))
    .split('\n')
    .find((l) => l.startsWith(lead));
  return { files: [...(line ?? '').matchAll(/`(g\d+\.tf)`/g)].map((m) => m[1]), more: /and (\d+) more/.exec(line ?? '')?.[1] ?? null };
}

describe('files not read, listed in the summary', () => {
  it('names the first 20 files broken at the base, then "and N more"; at 20, no cut', async () => {
    const names = files(20, group).map((f) => f.path);
    expect(await listed(files(23, broken), files(23, group), 'Not analysed at the base')).toEqual({ files: names, more: '3' });
    expect(await listed(files(20, broken), files(20, group), 'Not analysed at the base')).toEqual({ files: names, more: null });
  });

  it('names the first 20 files broken at the head that had rules at the base, then "and N more"', async () => {
    const names = files(20, group).map((f) => f.path);
    expect(await listed(files(22, group), files(22, broken), 'Nothing is listed as closed in')).toEqual({ files: names, more: '2' });
    expect(await listed(files(20, group), files(20, broken), 'Nothing is listed as closed in')).toEqual({ files: names, more: null });
  });
});
