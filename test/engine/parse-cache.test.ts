import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/schema.js';
import { FileParser, parseInProcess, type HclToJson, type SourceFile } from '../../src/engine/hcl/parse.js';
import { reviewFiles } from '../../src/engine/review-files.js';

const group = (i: number, port = 443) =>
  `resource "aws_security_group" "g${i}" {\n  name = "g${i}"\n  ingress {\n    description = "d"\n    from_port = ${port}\n    to_port = ${port}\n    protocol = "tcp"\n    cidr_blocks = ["10.0.${i}.0/24"]\n  }\n}\n`;

function counting(): { toJson: HclToJson; parsed: string[] } {
  const parsed: string[] = [];
  return { parsed, toJson: (path, content) => (parsed.push(path), parseInProcess(path, content)) };
}

describe('the content cache', () => {
  it('parses each distinct content of base and head once: unchanged and renamed files are shared', async () => {
    const base: SourceFile[] = Array.from({ length: 10 }, (_, i) => ({ path: `f${i}.tf`, content: group(i) }));
    const head = base.map((f, i) => (i === 3 || i === 7 ? { ...f, content: group(i, 22) } : i === 5 ? { ...f, path: 'renamed.tf' } : f));
    const { toJson, parsed } = counting();
    const result = await reviewFiles(base, head, DEFAULT_CONFIG, toJson);
    expect(parsed).toHaveLength(12);
    expect(result.findings.filter((f) => f.rule === 'new-ingress').map((f) => f.location.file)).toEqual(['f3.tf', 'f7.tf']);
  });

  it('a shared content with an error is reported at each path that holds it', async () => {
    const { toJson, parsed } = counting();
    const parser = new FileParser(toJson, 10);
    const broken = 'resource "aws_security_group" "g" {\n  name = \n}\n';
    const deep = `locals {\n  x = ${'['.repeat(40)}${']'.repeat(40)}\n}\n`;
    const [a, b] = await Promise.all([parser.parse({ path: 'a.tf', content: broken }), parser.parse({ path: 'b.tf', content: broken })]);
    expect([a.error?.file, b.error?.file]).toEqual(['a.tf', 'b.tf']);
    expect(a.error?.line).toBe(2);
    const [c, d] = await Promise.all([parser.parse({ path: 'c.tf', content: deep }), parser.parse({ path: 'd.tf', content: deep })]);
    expect([c.error?.file, d.error?.file]).toEqual(['c.tf', 'd.tf']);
    expect(d.error?.message).toMatch(/deeper than 10 levels/);
    expect(parsed).toEqual(['a.tf']);
  });
});
