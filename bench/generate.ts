// Generated Terraform for the benchmarks.
import type { SourceFile } from '../src/engine/hcl/parse.js';

/** `groups` security groups chained by egress rules, spread over `files` files; with `changed`,
 * that many groups (evenly spaced) get a new world-open ingress rule. */
export function generate(groups: number, rulesPerGroup: number, files: number, changed = 0): SourceFile[] {
  const out: string[][] = Array.from({ length: files }, () => []);
  for (let g = 0; g < groups; g++) {
    const rules: string[] = [];
    for (let r = 0; r < rulesPerGroup; r++) {
      const port = 1000 + r;
      const cidr = `10.${g % 256}.${r % 256}.0/24`;
      rules.push(
        `  ingress {\n    description = "r${r}"\n    from_port   = ${port}\n    to_port     = ${port}\n    protocol    = "tcp"\n    cidr_blocks = ["${cidr}"]\n  }\n`,
      );
    }
    const next =
      g + 1 < groups
        ? `  egress {\n    description = "next"\n    from_port = 443\n    to_port = 443\n    protocol = "tcp"\n    security_groups = [aws_security_group.g${g + 1}.id]\n  }\n`
        : '';
    const extra =
      changed && g % Math.max(1, Math.floor(groups / changed)) === 0
        ? `  ingress {\n    description = "changed"\n    from_port = 8080\n    to_port = 8080\n    protocol = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n`
        : '';
    out[g % files]!.push(`resource "aws_security_group" "g${g}" {\n  name = "g${g}"\n${rules.join('')}${next}${extra}}\n`);
  }
  return out.map((blocks, i) => ({ path: `f${i}.tf`, content: blocks.join('\n') }));
}

/** A chain of `groups` security groups, each admitting the one before on 443 (which sends to it),
 * every `entryEvery`-th also open to the internet on 443: every group is reachable, in up to
 * `entryEvery` hops. */
export function chain(groups: number, files: number, entryEvery: number): SourceFile[] {
  const out: string[][] = Array.from({ length: files }, () => []);
  const rule = (direction: string, peer: string) =>
    `  ${direction} {\n    description = "chain"\n    from_port   = 443\n    to_port     = 443\n    protocol    = "tcp"\n    ${peer}\n  }\n`;
  for (let g = 0; g < groups; g++) {
    const rules = [
      g % entryEvery === 0 ? rule('ingress', 'cidr_blocks = ["0.0.0.0/0"]') : '',
      g > 0 ? rule('ingress', `security_groups = [aws_security_group.g${g - 1}.id]`) : '',
      g + 1 < groups ? rule('egress', `security_groups = [aws_security_group.g${g + 1}.id]`) : '',
    ];
    out[g % files]!.push(`resource "aws_security_group" "g${g}" {\n  name = "g${g}"\n${rules.join('')}}\n`);
  }
  return out.map((blocks, i) => ({ path: `f${i}.tf`, content: blocks.join('\n') }));
}
