import { describe, expect, it } from 'vitest';
import { locateHcl } from '../../src/engine/hcl/locate.js';

describe('locateHcl', () => {
  it('finds resources, nested blocks and attributes with their lines', () => {
    const text = [
      'resource "aws_security_group" "web" {', // 1
      '  name = "web"', // 2
      '  ingress {', // 3
      '    cidr_blocks = [', // 4
      '      "0.0.0.0/0",', // 5
      '    ]', // 6
      '  }', // 7
      '  dynamic "egress" {', // 8
      '    for_each = var.x', // 9
      '    content { from_port = egress.value }', // 10
      '  }', // 11
      '}', // 12
    ].join('\n');
    const [r] = locateHcl(text).blocks;
    expect(r).toMatchObject({ type: 'resource', labels: ['aws_security_group', 'web'], startLine: 1, endLine: 12 });
    expect(r!.attributes.get('name')).toEqual({ startLine: 2, endLine: 2 });
    const [ingress, dyn] = r!.blocks;
    expect(ingress).toMatchObject({ type: 'ingress', startLine: 3, endLine: 7 });
    expect(ingress!.attributes.get('cidr_blocks')).toEqual({ startLine: 4, endLine: 6 });
    expect(dyn).toMatchObject({ type: 'dynamic', labels: ['egress'], startLine: 8, endLine: 11 });
  });

  it('ignores braces in strings, templates, heredocs and comments', () => {
    const text = [
      '# a comment with { brace', // 1
      'resource "a" "b" {', // 2
      '  x = "}{ ${jsonencode({ a = "}" })}"', // 3
      '  /* { */ y = 1', // 4
      '  // }', // 5
      '  policy = <<EOT', // 6
      '{ "x": "}" }', // 7
      'EOT', // 8
      '  z = <<-EOT', // 9
      '    }', // 10
      '    EOT', // 11
      '}', // 12
      'resource "a" "c" {}', // 13
    ].join('\n');
    const blocks = locateHcl(text).blocks;
    expect(blocks.map((b) => [b.labels[1], b.startLine, b.endLine])).toEqual([
      ['b', 2, 12],
      ['c', 13, 13],
    ]);
    expect([...blocks[0]!.attributes.keys()]).toEqual(['x', 'y', 'policy', 'z']);
    expect(blocks[0]!.attributes.get('policy')).toEqual({ startLine: 6, endLine: 8 });
  });

  it('reads unquoted labels and legacy interpolation, and collects comments', () => {
    const text = 'resource aws_security_group "x" {\n  # sg-review:ignore new-ingress reviewed\n  vpc_id = "${var.vpc}"\n}\n';
    const f = locateHcl(text);
    expect(f.blocks[0]).toMatchObject({ labels: ['aws_security_group', 'x'], endLine: 4 });
    expect(f.comments).toEqual([{ line: 2, text: '# sg-review:ignore new-ingress reviewed' }]);
  });
});
