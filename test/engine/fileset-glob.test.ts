// fileset() patterns as Terraform 1.11.4 reads them: each expected list is what `terraform
// console` gave for fileset(".", pattern) over the files below.
import { describe, expect, it } from 'vitest';
import { repositoryPath, withDataFiles } from '../../src/engine/evaluate/data-files.js';
import { evaluateSafely, type ModuleContext } from '../../src/engine/evaluate/evaluate.js';
import { Unknown } from '../../src/engine/evaluate/value.js';
import { parseExpression } from '../../src/engine/hcl/expression.js';
import { dirsReading, fileReads } from '../../src/engine/hcl/file-reads.js';
import { UnsupportedGlob, globPattern } from '../../src/engine/hcl/glob.js';

const FILES = ['rules/.dot.yaml', 'rules/.hid/e.yaml', 'rules/a.yaml', 'rules/b.yml', 'rules/sub/c.yaml', 'rules/sub/deep/d.yaml', 'rules/x.txt', 'main.tf'];
const matches = (dir: string, pattern: string) => FILES.filter((f) => globPattern(dir, pattern).test(f));

describe('fileset() patterns', () => {
  it.each<[string, string, string[]]>([
    ['', 'rules/*.yaml', ['rules/.dot.yaml', 'rules/a.yaml']],
    ['', 'rules/**', ['rules/.dot.yaml', 'rules/.hid/e.yaml', 'rules/a.yaml', 'rules/b.yml', 'rules/sub/c.yaml', 'rules/sub/deep/d.yaml', 'rules/x.txt']],
    ['', 'rules/**/', ['rules/.dot.yaml', 'rules/.hid/e.yaml', 'rules/a.yaml', 'rules/b.yml', 'rules/sub/c.yaml', 'rules/sub/deep/d.yaml', 'rules/x.txt']],
    ['', 'rules/**/*.yaml', ['rules/.dot.yaml', 'rules/.hid/e.yaml', 'rules/a.yaml', 'rules/sub/c.yaml', 'rules/sub/deep/d.yaml']],
    ['', '**/*.yaml', ['rules/.dot.yaml', 'rules/.hid/e.yaml', 'rules/a.yaml', 'rules/sub/c.yaml', 'rules/sub/deep/d.yaml']],
    ['rules', '*.{yaml,yml}', ['rules/.dot.yaml', 'rules/a.yaml', 'rules/b.yml']],
    ['', 'rules/[ab].*', ['rules/a.yaml', 'rules/b.yml']],
    ['', 'rules/[^a]*', ['rules/.dot.yaml', 'rules/b.yml', 'rules/x.txt']],
    ['', 'rules/?.yaml', ['rules/a.yaml']],
    ['', 'rules', []],
    ['', 'rules/sub*/*.yaml', ['rules/sub/c.yaml']],
    ['', 'rules/*/*.yaml', ['rules/.hid/e.yaml', 'rules/sub/c.yaml']],
    ['rules/', '*.yaml', ['rules/.dot.yaml', 'rules/a.yaml']],
    ['', 'rules/**.yaml', ['rules/.dot.yaml', 'rules/a.yaml']],
    ['', 'nope/*', []],
  ])('fileset(%j, %j)', (dir, pattern, expected) => {
    expect(matches(dir.replace(/\/$/, ''), pattern)).toEqual(expected);
  });

  // Terraform: [!a] is a class of '!' and 'a'; a slash in braces and an unclosed class are errors
  it.each(['rules/[!a]*', 'rules/{a,sub/c}.yaml', 'rules/[', 'rules/\\*.yaml', 'sub/../*.yaml'])('%s is not read', (pattern) => {
    expect(() => globPattern('', pattern)).toThrow(UnsupportedGlob);
  });
});

describe('fileset() over the files read', () => {
  const ctx: ModuleContext = {
    variable: (n) => new Unknown(`var.${n}`, 'not declared'),
    local: (n) => new Unknown(`local.${n}`, 'not declared'),
    resource: (type, name) => new Unknown(`${type}.${name}`, 'resource'),
    moduleCall: (name, src) => new Unknown(src, `module ${name}`),
    dataSource: (type, name) => new Unknown(`data.${type}.${name}`, 'data'),
    path: 'app',
    modulePath: '.',
    resolveFile: (written) => repositoryPath('app', written),
  };
  const data = new Map(['app/rules/a.yaml', 'app/rules/b.yaml', 'app/x.txt'].map((path) => [path, { path, content: '' }]));
  const ev = (src: string, globs: string[]) =>
    withDataFiles(data, () => evaluateSafely(() => parseExpression(src), { module: ctx, names: new Map() }, src), new Set(globs));

  it('lists the matches of a pattern whose matches were all read, relative to its directory', () => {
    expect(ev('fileset(path.module, "rules/*.yaml")', [globPattern('app', 'rules/*.yaml').source])).toEqual(['rules/a.yaml', 'rules/b.yaml']);
    expect(ev('fileset("${path.module}/rules", "*")', [globPattern('app/rules', '*').source])).toEqual(['a.yaml', 'b.yaml']);
  });

  it('is unknown when the pattern was not foreseen (its matches may not have been read), never empty', () => {
    expect(ev('fileset(path.module, "rules/*.yaml")', [])).toBeInstanceOf(Unknown);
    expect(ev('fileset(path.module, "rules/[!a]*")', [])).toBeInstanceOf(Unknown);
  });
});

describe('fileset() calls found in the text', () => {
  it('reads every match of a foreseen pattern, and foresees none of a pattern it cannot read', () => {
    const [read, dynamic] = fileReads([{ path: 'app/main.tf', content: 'a = fileset(path.module, "rules/*.yaml")\nb = fileset(var.dir, "*")\n' }]);
    expect(read!.glob).toBe(globPattern('app', 'rules/*.yaml').source);
    expect(read!.reads!.test('app/rules/ssh.yaml')).toBe(true);
    expect(dynamic!.reads).toBeNull();
  });
});

describe('a local_file data source found in the text', () => {
  it('reads its filename as file() does, so a change to the file touches the directory', () => {
    const reads = fileReads([{ path: 'app/main.tf', content: 'data "local_file" "cidrs" {\n  filename = "${path.module}/cidrs.txt"\n}\n' }]);
    expect(reads.map((r) => r.reads?.test('app/cidrs.txt'))).toEqual([true]);
    expect(dirsReading(reads, ['app/cidrs.txt'])).toEqual(['app']);
  });
});
