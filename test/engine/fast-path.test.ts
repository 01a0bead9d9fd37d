// The fast parse path gives exactly hcl2json's JSON (values and key order) for every file it
// accepts, falls back on every file hcl2json refuses, and accepts the ordinary ones: compared
// with hcl2json on every Terraform file of the repository's tests, on crafted edge cases, and
// on random mutants of both.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastHclToJson } from '../../src/engine/hcl/fast-path.js';
import { parseInProcess } from '../../src/engine/hcl/parse.js';
import { terraformFiles } from '../helpers/terraform-files.js';

async function hcl2json(text: string): Promise<Record<string, unknown> | Error> {
  try {
    return await parseInProcess('t.tf', text);
  } catch (e) {
    return e as Error;
  }
}

/** Whether the fast path took `text`; fails when it took it and differs from hcl2json in anything. */
async function agrees(text: string, name: string): Promise<boolean> {
  const fast = fastHclToJson(text);
  if (fast === undefined) return false;
  const reference = await hcl2json(text);
  expect(reference, `${name}: hcl2json refuses what the fast path took`).not.toBeInstanceOf(Error);
  expect(fast, name).toStrictEqual(reference);
  expect(JSON.stringify(fast), `${name}: key order`).toBe(JSON.stringify(reference));
  return true;
}

/** Files the fast path must take, each matching hcl2json exactly. */
const FAST: Record<string, string> = {
  'literals and numbers': 'a = 1e3\nb = 0.5\nc = 007\nd = -1\ne = - 1\nf = !true\ng = -0\nh = 1.5e300\ni = true\nj = null\nk = 123456789012345\n',
  'operators on constants stay source': 'a = 1 + 2\nb = -(1)\nc = --1\nd = (1)\ne = !!true\nf = 2 * 3 - 1 % 2\ng = a==b\nh = -"1"\ni = !a\n',
  'references and calls':
    'a = var.a\nb = list(string)\nc = setunion(var.a, ["0.0.0.0/0"])\nd = provider::aws::arn_parse(x)\ne = foo(x...)\nf = foo(1,)\ng = foo()\n',
  'traversals and splats': 'a = a.b[0]["c"].d\nb = a.0.b\nc = a[*].b\nd = a.*.b\ne = x.*.y[0]\nf = x[*][*]\ng = aws_instance.this.0.id\n',
  'conditionals and for expressions':
    'a = x ? y : z\nb = [for x in y: x if x > 1]\nc = {for k, v in y: k => v...}\nd = (x ?\n  y : z)\ne = [for x in y: x\n]\nf = var.on ? {\n  for k, v in m : k => v\n} : {}\n',
  'comments of three kinds':
    '# hash\n// slashes\n/* block */ a = 1\n/* multi\nline */\nb = 2 /* trailing */\nc = foo(a, # c\n  b) // d\nd = a + /* c */ b\ne = [\n  # c\n  1, # c\n  // c\n  2 /* c */\n]\nf = 1 /* a\nb */\n',
  'templates keep interpolations as source':
    'a = "a${var.x}b"\nb = "${var.x}"\nc = "${1}"\nd = "${[1, 2]}"\ne = "x${ var.x }y"\nf = "${a ? b : c}"\ng = "a${-1}"\nh = "${-1}"\ni = "${true}"\nj = "${null}"\nk = "${{a = 1}}"\nl = "a${[1]}b"\nm = ""\nn = "${x\n}"\n',
  'escapes and unicode':
    'a = "$${foo}"\nb = "%%{foo}"\nc = "\\u00e9\\n\\t\\\\\\""\nd = "\\U0001F600"\ne = "\\u0024{x}"\nf = "$$${x}"\ng = "%%%{x}"\nh = "$$"\ni = "a$b%c"\nj = "é"\nk = "tab\tin"\nl = "a${x}%%{y}"\nm = "\\r"\n',
  heredocs:
    'a = <<EOT\nhello\n  ${var.x} there\n\\n $${x} "q"\nEOT\nb = <<EOT\nEOT\nc = <<EOT\na\n  EOT\nd = <<EOT\na\nEOT   \ne = foo(<<EOT\nx\nEOT\n)\nf = <<EOT\n${x\n}\nEOT\ng = [<<EOT\nx\nEOT\n, 1]\n',
  'flush heredocs':
    'a = <<-EOT\n    a\n      b\n\n    c\n    EOT\nb = <<-EOT\n    a\n      \n    c\n  EOT\nc = <<-EOT\n\ta\n\t  b\n\tEOT\nd = <<-EOT\n    a ${x}\n    $${c} %%{d}\n      ${y} b\n    EOT\ne = <<-EOT\n    ${x}\n      b\n    EOT\nf = <<-EOT\n    ${x} a\n    EOT\n',
  'object keys in every accepted form':
    'm = {\n  a = 1\n  "b" = 2\n  c: 3\n  "${var.x}" = 4\n  (var.y) = 5\n  d.e = 6\n  10 = 7\n  2 = 8\n  "k/${var.c}" = 9\n  "__proto__" = 10\n  B = 11\n  a = 12\n}\nn = { a = 1, b = 2 }\no = {a=1,\nb = 2}\np = {\n}\nq = {\n  a = <<EOT\nx\nEOT\n  b = 1\n}\n',
  'blocks: labels, nesting, repeats, single-line and empty':
    '_a = 1\nb-c = 2\nresource "a" "b" {}\nresource "a" "c" {\n  x = 1\n}\nresource "a" "b" {\n  y = 2\n}\nlocals {\n  a = 1\n}\nlocals {\n  b = 2\n}\nresource aws_sg x {}\nr "a" "" {}\nlifecycle { create_before_destroy = true }\ns { }\nt { # c\n  a = 1\n} # end\n',
  'conditionals and templates inside longer templates':
    'a = "x${a ? "b" : "c"}"\nb = "${var.n != "" ? var.n : aws_eks_cluster.this[0].name}-groups"\nc = "${var.d ? "" : "${var.c}_"}${each.value["name"]}"\nd = "a${x ? y : z ? "p" : ""}b"\ne = "x${"y"}"\nf = "x${"${y}"}z"\ng = <<EOT\n${a ? "b" : c}\nEOT\n',
  'dynamic blocks': 'dynamic "ingress" {\n  for_each = var.x\n  content {\n    from_port = ingress.value\n    cidr_blocks = ingress.value["cidrs"]\n  }\n}\n',
  '0.11 syntax':
    'resource "aws_security_group" "x" {\n  ingress = ["${var.list}"]\n  y = "${var.list}"\n  z = "${element(var.l, count.index)}"\n  count = "${var.on ? 1 : 0}"\n}\n',
  'no newline at the end': 'x = var.a',
  'a comment at the end': 'x = 1 # end',
};

/** Files hcl2json refuses: the fast path must leave them to it, for its messages and positions. */
const REFUSED: Record<string, string> = {
  'missing newline after argument': 'x = var.a)\n',
  'attribute redefined': 'a = 1\na = 2\n',
  'blocks with and without labels': 'x "a" {}\nx "a" "b" {}\n',
  'labels after no labels': 'x {}\nx "a" {}\n',
  'labelled deeper first': 'x "a" "b" {}\nx "a" {}\n',
  'missing attribute separator': 'n = { a = 1 b = 2 }\n',
  'newline inside a conditional': 'a = x ? \n  y : z\n',
  'closing brace on an argument line': 'r {\n  a = 1 }\n',
  'single-line block left open': 'r { a = 1\n}\n',
  'missing item separator': 'a = [1 2]\n',
  'empty item': 'a = [1,,2]\n',
  'bad number': 'a = 1.\n',
  'leading dot': 'a = .5\n',
  'trailing letters': 'a = 1a\n',
  'invalid escape': 'f = "\\x"\n',
  'surrogate escape': 'a = "\\uD800"\n',
  'heredoc at the end without newline': 'a = <<EOT\nx\nEOT',
  'unterminated string': 'a = "x\n',
  'quoted argument name': '"quoted" "x" {}\n',
  'template in a label': 'r "a${b}" {}\n',
  'for as a key': 'm = {\n  for = 1\n}\n',
  'legacy index chained': 'c = x.0.1\n',
  'nested attribute splat': 'x = a.*.b.*\n',
  'heredoc marker not on its own line': 'a = <<EOT\nx EOT\n',
};

/** Files hcl2json reads but the fast path is not sure of (or where hcl2json keeps one of two). */
const UNSURE: Record<string, string> = {
  'argument and block of one name': 'a = 1\na {}\n',
  'nul byte': 'a = "\0"\n',
  'carriage returns': 'a = 1\r\nb = 2\r\n',
  'template directive': 'l = "%{if a}x%{endif}"\n',
  'strip markers': 'x = "a ${~ var.a ~} b"\n',
  'literal inside a longer template': 'f = "a${true}b"\n',
  'literal branch of a conditional inside a longer template': 'f = "a${x ? 1 : "b"}"\n',
  'decomposed unicode': 'n = "e\\u0301"\n',
  'non-ASCII label': 'r "é" {}\n',
  'escaped label': 'r "a\\"b" {}\n',
  'non-ASCII identifier': 'é = 1\n',
  'a digit-heavy number': 'c = 12345678901234567890\n',
  'traversal on a literal': 'a = true.x\n',
  'a second attribute splat': 'x = a.*.b[0].*\n',
  'heredoc ending a wrapped expression': 'a = x == <<EOT\ny\nEOT\n',
  'keyword keys': 'm = {\n  true = 1\n}\n',
  'byte order mark': '\ufeffa = 1\n',
};

describe('fast parse path', () => {
  it('agrees with hcl2json on every Terraform file under test/ and takes nearly all of them', async () => {
    const files = terraformFiles(join(import.meta.dirname, '..'));
    let taken = 0;
    let refused = 0;
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      if (await agrees(text, f)) taken++;
      else if ((await hcl2json(text)) instanceof Error) refused++;
    }
    expect(files.length).toBeGreaterThan(150);
    // the few left are files hcl2json refuses (broken-syntax and Terraform 0.11 scenarios)
    expect(refused).toBeLessThan(20);
    // and of the files hcl2json reads, at most a few with forms the fast path leaves to it
    expect(taken).toBeGreaterThanOrEqual(files.length - refused - 3);
  });

  it.each(Object.entries(FAST))('takes and matches: %s', async (name, text) => {
    expect(await agrees(text, name)).toBe(true);
  });

  it.each(Object.entries(REFUSED))('leaves a syntax error to hcl2json: %s', async (_name, text) => {
    expect(fastHclToJson(text)).toBeUndefined();
    expect(await hcl2json(text)).toBeInstanceOf(Error);
  });

  it.each(Object.entries(UNSURE))('leaves an unsupported construct to hcl2json: %s', async (_name, text) => {
    expect(fastHclToJson(text)).toBeUndefined();
    expect(await hcl2json(text)).not.toBeInstanceOf(Error);
  });

  it('never takes a mutant that hcl2json reads otherwise or refuses', async () => {
    const seeds = [...Object.values(FAST), ...terraformFiles(join(import.meta.dirname, '../scenarios')).map((f) => readFileSync(f, 'utf8'))];
    const pieces = [
      '"',
      '{',
      '}',
      '[',
      ']',
      '(',
      ')',
      '=',
      ',',
      '.',
      '\n',
      '#',
      '/*',
      '*/',
      '${',
      '%{',
      '$${',
      '~',
      '\\',
      '<<EOT\n',
      'EOT\n',
      '-',
      '!',
      '?',
      ':',
      '0',
      '1.5',
      'e',
      '...',
      '[*]',
      '=>',
      'for ',
      'é',
    ];
    let taken = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: seeds.length - 1 }),
        fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), cut: fc.integer({ min: 0, max: 3 }), insert: fc.constantFrom('', ...pieces) }), {
          minLength: 1,
          maxLength: 3,
        }),
        async (seed, edits) => {
          let text = seeds[seed]!;
          for (const e of edits) {
            const at = Math.floor(e.at * text.length);
            text = text.slice(0, at) + e.insert + text.slice(at + e.cut);
          }
          if (await agrees(text, JSON.stringify(text))) taken++;
        },
      ),
      { numRuns: 600, seed: 13 },
    );
    expect(taken).toBeGreaterThan(25);
  });
});
