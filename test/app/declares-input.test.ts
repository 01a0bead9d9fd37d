// Which touched directories are reviewed through their callers (app/scope.ts declaresInput):
// every one that declares an input, whatever else it holds.
import { describe, expect, it } from 'vitest';
import { calledModuleDirs, declaresInput } from '../../src/app/scope.js';

const VARIABLE = 'variable "cidr" {}\n';
const files = (...contents: string[]) => contents.map((content, i) => ({ path: `mod/f${i}.tf`, content }));

describe('declaresInput', () => {
  it('a directory with an input may be called, even when it declares an aliased provider (pre-0.13 modules did)', () => {
    expect(declaresInput(files(VARIABLE))).toBe(true);
    expect(declaresInput(files(VARIABLE, 'provider "aws" {\n  alias  = "eu-west-1"\n  region = "eu-west-1"\n}\n'))).toBe(true);
  });

  it('a backend, tfvars or defaults on every input do not make a root a PR can hide behind: a caller overrides them all', () => {
    expect(declaresInput(files(VARIABLE, 'terraform {\n  backend "s3" {}\n}\n'))).toBe(true);
    expect(declaresInput([...files(VARIABLE), { path: 'mod/terraform.tfvars', content: 'cidr = "10.0.0.0/8"\n' }])).toBe(true);
    expect(declaresInput(files('variable "cidr" {\n  default = "10.0.0.0/8"\n}\n'))).toBe(true);
  });

  it('inputs declared in JSON count; a JSON file that does not parse may declare one', () => {
    expect(declaresInput([{ path: 'mod/variables.tf.json', content: '{"variable": {"cidr": {}}}' }])).toBe(true);
    expect(declaresInput([{ path: 'mod/variables.tf.json', content: '{"variable": ' }])).toBe(true);
    expect(declaresInput([{ path: 'mod/main.tf.json', content: '{"resource": {"aws_eip": {"a": {}}}}' }])).toBe(false);
    // every form HCL's JSON syntax allows: blocks in an array, a repeated key
    expect(declaresInput([{ path: 'mod/main.tf.json', content: '[{"resource": {"aws_eip": {"a": {}}}}, {"variable": {"cidr": {}}}]' }])).toBe(true);
    expect(declaresInput([{ path: 'mod/main.tf.json', content: '{"variable": {"cidr": {}}, "resource": {"aws_eip": {"a": {}}}}' }])).toBe(true);
    expect(declaresInput([{ path: 'mod/main.tf.json', content: '{"resource": {}, "variable": [{"cidr": {}}]}' }])).toBe(true);
  });

  it('a directory without inputs has nothing a caller could pass', () => {
    expect(declaresInput(files('resource "aws_security_group" "a" {}\n'))).toBe(false);
    expect(declaresInput([{ path: 'mod/terraform.tfvars', content: 'cidr = "10.0.0.0/8"\n' }])).toBe(false);
  });
});

describe('calledModuleDirs', () => {
  it('finds the local modules a JSON file calls, in every block form', () => {
    const call = (json: string) => calledModuleDirs([{ path: 'env/main.tf.json', content: json }]);
    expect(call('{"module": {"sg": {"source": "../modules/sg"}}}')).toEqual(['modules/sg']);
    expect(call('{"module": [{"sg": {"source": "./sg"}}], "module": {"db": [{"source": "./db"}]}}')).toEqual(['env/sg', 'env/db']);
    expect(call('{"module": {"sg": {"source": "github.com/o/r"}}}')).toEqual([]);
  });

  it('reads a local source written with backslashes as Terraform does (.\\modules\\sg is ./modules/sg)', () => {
    const call = (path: string, content: string) => calledModuleDirs([{ path, content }]);
    expect(call('env/main.tf', 'module "sg" {\n  source = ".\\\\modules\\\\sg"\n}\n')).toEqual(['env/modules/sg']);
    expect(call('env/main.tf', 'module "sg" {\n  source = "..\\\\shared\\\\sg"\n}\n')).toEqual(['shared/sg']);
    expect(call('env/main.tf.json', '{"module": {"sg": {"source": "..\\\\shared\\\\sg"}}}')).toEqual(['shared/sg']);
  });
});
