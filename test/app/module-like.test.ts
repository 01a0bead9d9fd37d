// Which touched directories are reviewed through their callers (app/scope.ts isModuleLike).
import { describe, expect, it } from 'vitest';
import { isModuleLike } from '../../src/app/scope.js';

const VARIABLE = 'variable "cidr" {}\n';
const files = (...contents: string[]) => contents.map((content, i) => ({ path: `mod/f${i}.tf`, content }));

describe('isModuleLike', () => {
  it('a directory with a required input is a module, even when it declares an aliased provider (pre-0.13 modules did)', () => {
    expect(isModuleLike(files(VARIABLE))).toBe(true);
    expect(isModuleLike(files(VARIABLE, 'provider "aws" {\n  alias  = "eu-west-1"\n  region = "eu-west-1"\n}\n'))).toBe(true);
  });

  it('a backend or tfvars make a root; inputs that all have defaults do not need a caller', () => {
    expect(isModuleLike(files(VARIABLE, 'terraform {\n  backend "s3" {}\n}\n'))).toBe(false);
    expect(isModuleLike([...files(VARIABLE), { path: 'mod/terraform.tfvars', content: 'cidr = "10.0.0.0/8"\n' }])).toBe(false);
    expect(isModuleLike(files('variable "cidr" {\n  default = "10.0.0.0/8"\n}\n'))).toBe(false);
  });
});
