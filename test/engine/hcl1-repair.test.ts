// Terraform 0.11 forms HCL2 rejects (an argument written twice, quoted names and types, blocks in values)
// are read as 0.11 read them, and only when that meaning is certain; otherwise the file stays a
// parse error.
import { describe, expect, it } from 'vitest';
import { FileParser, toParseError } from '../../src/engine/hcl/parse.js';
import { repairHcl1 } from '../../src/engine/hcl/hcl1-repair.js';
import { reviewFiles } from '../../src/engine/review-files.js';
import { DEFAULT_CONFIG, validateConfig } from '../../src/config/schema.js';

const parse = (content: string) => new FileParser().parse({ path: 'main.tf', content });

describe('Terraform 0.11 forms', () => {
  it('reads an argument written twice with the same value once', async () => {
    const p = await parse('resource "aws_rds_cluster" "c" {\n  ids = ["${aws_security_group.db.id}"]\n  ids = ["${aws_security_group.db.id}"]\n}\n');
    expect(p.error).toBeNull();
    expect(p.body).toEqual({ resource: { aws_rds_cluster: { c: [{ ids: ['${aws_security_group.db.id}'] }] } } });
  });

  it('reads a multi-line argument written twice, aligned differently, once', async () => {
    const p = await parse('resource "x" "y" {\n  ids = [\n    "a",\n  ]\n  b = 1\n  ids    = [\n      "a",\n  ]\n}\n');
    expect(p.error).toBeNull();
    expect(p.body).toEqual({ resource: { x: { y: [{ ids: ['a'], b: 1 }] } } });
  });

  it('keeps the last of strings, numbers or booleans written twice with different values, as HCL1 decoding did', async () => {
    const p = await parse('resource "x" "y" {\n  name = "a"\n  port = 1\n  name = "b" # the one 0.11 kept\n  port = 2\n}\n');
    expect(p.error).toBeNull();
    expect(p.body).toEqual({ resource: { x: { y: [{ name: 'b', port: 2 }] } } });
  });

  it('keeps the first count and provider, which Terraform 0.11 read from the first copy', async () => {
    const p = await parse('resource "x" "y" {\n  count = 1\n  provider = "aws.a"\n  count = 0\n  provider = "aws.b"\n}\n');
    expect(p.error).toBeNull();
    expect(p.body).toEqual({ resource: { x: { y: [{ count: 1, provider: 'aws.a' }] } } });
  });

  it('reads a value written on the line after `name =`, as HCL1 did (HCL2 ends the argument at the newline)', async () => {
    const p = await parse('resource "x" "y" {\n  name =\n    "web"\n  ids = # the list\n\n    [\n      "a",\n    ]\n  port = 22\n}\n');
    expect(p.error).toBeNull();
    expect(p.body).toEqual({ resource: { x: { y: [{ name: 'web', ids: ['a'], port: 22 }] } } });
    expect(p.located.blocks[0]!.attributes.get('port')?.startLine).toBe(9);
  });

  it('keeps the parse error for `name =` with no value after it', async () => {
    const p = await parse('resource "x" "y" {\n  name =\n}\n');
    expect(p.error?.message).toMatch(/^Invalid expression/);
  });

  it('keeps the parse error when lists written twice differ (HCL1 concatenated them)', async () => {
    const p = await parse('resource "x" "y" {\n  cidr = ["10.0.0.0/8"]\n  cidr = ["0.0.0.0/0"]\n}\n');
    expect(p.error?.message).toMatch(/^Attribute redefined; The argument "cidr" was already set at main\.tf:2,3-7\. Each argument may be set only once\.$/);
    expect(p.error?.line).toBe(3);
  });

  it('reads quoted block types', async () => {
    const p = await parse('"variable" "v" {\n  default = 1\n}\nresource "x" "y" {\n  "ingress" {\n    a = 1\n  }\n}\n');
    expect(p.error).toBeNull();
    expect(p.body).toEqual({ variable: { v: [{ default: 1 }] }, resource: { x: { y: [{ ingress: [{ a: 1 }] }] } } });
  });

  it('reads blocks inside an object value as HCL1 did (Terragrunt 0.18 in terraform.tfvars), labels as nested keys', async () => {
    const text = [
      'terragrunt = {',
      '  include {',
      '    path = "${find_in_parent_folders()}"',
      '  }',
      '  terraform {',
      '    extra_arguments "common" { arguments = ["-var-file=a.tfvars"] }',
      '  }',
      '}',
      'cidrs = ["10.0.0.0/8"]',
      '',
    ].join('\n');
    const p = await new FileParser().parse({ path: 'terraform.tfvars', content: text });
    expect(p.error).toBeNull();
    expect(p.body).toEqual({
      terragrunt: { include: { path: '${find_in_parent_folders()}' }, terraform: { extra_arguments: { common: { arguments: ['-var-file=a.tfvars'] } } } },
      cidrs: ['10.0.0.0/8'],
    });
    expect(p.located.attributes.get('cidrs')).toEqual({ startLine: 9, endLine: 9 });
  });

  it('leaves a heredoc body alone', () => {
    const text = 'x = {\n  a = <<EOF\nserver {\n"k" {\nEOF\n  b {\n  }\n}\n';
    expect(repairHcl1(text).text).toBe(text.replace('  b {', '  b = {'));
  });

  it('does not take a line inside a multi-line value for an argument of the block', () => {
    const text = 'resource "x" "y" {\n  a = {\n    k = 1\n  }\n  k = 1\n  b = 2\n  b = 2\n}\n';
    expect(repairHcl1(text).text).toBe(text.replace('  b = 2\n  b = 2', '  b = 2\n'));
  });

  it('unquotes names that are identifiers, so an ingress block stays a block beside the others', async () => {
    const p = await parse(
      'resource "aws_security_group" "g" {\n  ingress {\n    from_port = 443\n  }\n  ingress {\n    "from_port" = 22\n    "cidr_blocks" = ["0.0.0.0/0"]\n  }\n}\n',
    );
    expect(p.error).toBeNull();
    expect(p.body).toEqual({
      resource: { aws_security_group: { g: [{ ingress: [{ from_port: 443 }, { from_port: 22, cidr_blocks: ['0.0.0.0/0'] }] }] } },
    });
  });

  it('reads a block with names that are not identifiers as the map 0.11 read', async () => {
    const p = await parse('resource "aws_instance" "i" {\n  tags {\n    "kubernetes.io/cluster/a" = "owned"\n  }\n}\n');
    expect(p.error).toBeNull();
    expect(p.body).toEqual({ resource: { aws_instance: { i: [{ tags: { 'kubernetes.io/cluster/a': 'owned' } }] } } });
  });

  it('leaves such a block alone when a sibling has its name, as one map and one block would disagree', async () => {
    const p = await parse('resource "x" "y" {\n  tags {\n    a = 1\n  }\n  tags {\n    "k/v" = 1\n  }\n}\n');
    expect(p.error?.message).toMatch(/Argument names must not be quoted/);
  });

  it('compares arguments up to max_hcl1_statement_lines long; a longer copy stays a parse error that names the bound', async () => {
    const text = 'resource "x" "y" {\n  ids = [\n    "a",\n    "b",\n  ]\n  ids = [\n    "a",\n    "b",\n  ]\n}\n';
    expect((await new FileParser(undefined, undefined, undefined, 4).parse({ path: 'main.tf', content: text })).error).toBeNull();
    const bounded = await new FileParser(undefined, undefined, undefined, 3).parse({ path: 'main.tf', content: text });
    expect(bounded.error?.message).toMatch(
      /^Attribute redefined; .* Also: an argument of more than 3 lines \(line 2\) was not compared as a Terraform 0\.11 repeated copy \(max_hcl1_statement_lines\)\.$/,
    );
    // the configuration's key reaches the parser of a review
    const review = await reviewFiles([], [{ path: 'main.tf', content: text }], validateConfig({ max_hcl1_statement_lines: 3 }, 'test'));
    expect(review.findings.map((f) => [f.rule, f.message.includes('max_hcl1_statement_lines')])).toEqual([['parse-error', true]]);
    expect((await reviewFiles([], [{ path: 'main.tf', content: text }], DEFAULT_CONFIG)).findings).toEqual([]);
  });

  it('rewrites nothing in a file without these forms', () => {
    expect(repairHcl1('resource "x" "y" {\n  a = 1\n}\n').text).toBeNull();
  });
});

describe('parse error messages', () => {
  it('keep a position written inside the message and cut at the next diagnostic', () => {
    const e = toParseError(
      'a.tf',
      new Error(
        'parse config: [a.tf:3,3-4: Attribute redefined; The argument "a" was already set at a.tf:2,3-4. Each argument may be set only once. a.tf:5,1-2: Invalid character; x.]',
      ),
    );
    expect(e).toEqual({
      file: 'a.tf',
      line: 3,
      column: 3,
      message: 'Attribute redefined; The argument "a" was already set at a.tf:2,3-4. Each argument may be set only once.',
    });
  });
});
