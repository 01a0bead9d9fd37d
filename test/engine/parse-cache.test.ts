import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/schema.js';
import { FileParser, parseInProcess, type HclToJson, type SourceFile } from '../../src/engine/hcl/parse.js';
import { reviewFiles } from '../../src/engine/review-files.js';

// the description's template directive leaves these files to hcl2json (not the fast path)
const group = (i: number, port = 443, description = '%{ if true }d%{ endif }') =>
  `resource "aws_security_group" "g${i}" {\n  name = "g${i}"\n  ingress {\n    description = "${description}"\n    from_port = ${port}\n    to_port = ${port}\n    protocol = "tcp"\n    cidr_blocks = ["10.0.${i}.0/24"]\n  }\n}\n`;

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

  it('reads ordinary files on the fast path: hcl2json gets only the files it leaves, with their errors', async () => {
    const { toJson, parsed } = counting();
    const parser = new FileParser(toJson);
    const ordinary = await Promise.all(Array.from({ length: 5 }, (_, i) => parser.parse({ path: `o${i}.tf`, content: group(i, 443, 'd') })));
    expect(parsed).toEqual([]);
    expect(ordinary.map((f) => f.body['resource'])).toEqual(
      await Promise.all(ordinary.map((_, i) => parseInProcess('x.tf', group(i, 443, 'd')).then((j) => j['resource']))),
    );
    expect(ordinary[0]!.located.blocks[0]!.labels).toEqual(['aws_security_group', 'g0']);
    const [directive, broken] = await Promise.all([
      parser.parse({ path: 'directive.tf', content: group(9) }),
      parser.parse({ path: 'broken.tf', content: 'resource "aws_security_group" "g" {\n  ingress {\n    from_port = 22 +\n  }\n}\n' }),
    ]);
    expect(parsed).toEqual(['directive.tf', 'broken.tf']);
    expect(directive.error).toBeNull();
    expect(broken.error).toMatchObject({ file: 'broken.tf', line: 3, column: 21 });
  });
});
