// Which touched directories are reviewed through their callers (app/scope.ts declaresInput):
// every one that declares an input, whatever else it holds.
import { describe, expect, it } from 'vitest';
import { declaresInput } from '../../src/app/scope.js';

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
    expect(declaresInput([{ path: 'mod/main.tf.json', content: '{"resource": {}}' }])).toBe(false);
  });

  it('a directory without inputs has nothing a caller could pass', () => {
    expect(declaresInput(files('resource "aws_security_group" "a" {}\n'))).toBe(false);
    expect(declaresInput([{ path: 'mod/terraform.tfvars', content: 'cidr = "10.0.0.0/8"\n' }])).toBe(false);
  });
});
