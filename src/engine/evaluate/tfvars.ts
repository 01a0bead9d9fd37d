// Which files are tfvars files Terraform loads automatically, and in which order.
import { posix } from 'node:path';
import type { ParsedFile } from '../hcl/parse.js';

export function isTfvars(name: string): boolean {
  return name === 'terraform.tfvars' || name === 'terraform.tfvars.json' || /\.auto\.tfvars(\.json)?$/.test(name);
}

/** The tfvars files among `files`, in Terraform's precedence order (later wins). */
export function tfvarsInPrecedence(files: ParsedFile[]): ParsedFile[] {
  const base = (f: ParsedFile) => posix.basename(f.path);
  const order = (f: ParsedFile) => {
    const n = base(f);
    if (n === 'terraform.tfvars') return '0';
    if (n === 'terraform.tfvars.json') return '1';
    return '2' + n;
  };
  return files.filter((f) => isTfvars(base(f))).sort((a, b) => (order(a) < order(b) ? -1 : 1));
}
